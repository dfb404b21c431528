package dev.assay.metrics.fairness;

import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.SchemaCheck;
import dev.assay.spec.ColumnRoles;
import dev.assay.spec.FairnessOptions;
import dev.assay.spec.ModelSpecs;
import dev.assay.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Decides whether the fairness family applies to a spec and, when it does, checks every column it
 * needs against the schema (naming the spec line of a bad column) and builds its {@link
 * FairnessInput} — all before any Spark job runs.
 */
public final class FairnessPlan {

  private FairnessPlan() {}

  /**
   * What the family's columns are checked against: the data, the spec's column roles and fairness
   * options, and for messages the spec and the data's location.
   */
  public record Request(
      Dataset<Row> data,
      ColumnRoles roles,
      FairnessOptions options,
      YamlDocument spec,
      String source) {

    SchemaCheck check() {
      return new SchemaCheck(data.schema(), source);
    }
  }

  /** Why the family cannot run, or null when it can. */
  public static String notApplicableReason(ColumnRoles roles) {
    if (roles.sensitive().isEmpty() && roles.intersections().isEmpty()) {
      return "no sensitive attributes: name them in columns.sensitive";
    }
    if (roles.label() == null && !roles.hasPrediction()) {
      return "neither a label nor a prediction (or score + threshold) is named in columns";
    }
    return null;
  }

  /** The family's outcome line for the report. */
  public static FamilyOutcome outcome(ColumnRoles roles) {
    String reason = notApplicableReason(roles);
    return reason != null
        ? FamilyOutcome.notApplicable(Family.FAIRNESS, reason)
        : FamilyOutcome.ran(
            Family.FAIRNESS,
            "groups of " + String.join(", ", slices(roles).stream().map(Slice::name).toList()));
  }

  /** The slices: each sensitive attribute, then each intersection, in spec order. */
  public static List<Slice> slices(ColumnRoles roles) {
    List<Slice> slices = new ArrayList<>();
    roles.sensitive().forEach(s -> slices.add(new Slice(List.of(s))));
    roles.intersections().forEach(i -> slices.add(new Slice(i)));
    return slices;
  }

  /**
   * Checks the columns of a regression audit ({@code fairness.task: regression}; the spec loader
   * has already required a label and a prediction): both must be numeric, the sensitive columns
   * plain values.
   */
  public static RegressionInput regressionInput(Request r) {
    checkLabelAndPrediction(r, SchemaCheck::requireNumeric);
    return new RegressionInput(
        r.data(),
        r.roles().label(),
        r.roles().prediction(),
        slices(r.roles()),
        r.source(),
        GroupOptions.of(r.options()),
        r.options().confidence());
  }

  /**
   * Checks the columns of a multi-class audit ({@code fairness.task: multiclass}; the spec loader
   * has already required a label and a prediction and refused the binary-only keys): both must be
   * plain values (each value a class), the sensitive columns too.
   */
  public static MulticlassInput multiclassInput(Request r) {
    checkLabelAndPrediction(r, SchemaCheck::requireAtomic);
    YamlDocument spec = r.spec();
    return new MulticlassInput(
        r.data(),
        r.roles().label(),
        r.roles().prediction(),
        slices(r.roles()),
        new MulticlassInput.SpecPlaces(
            r.source(), spec.at("columns", "label"), spec.at("columns", "prediction")),
        GroupOptions.of(r.options()),
        r.options().confidence());
  }

  /**
   * How a label or prediction column is checked: {@code requireNumeric} or {@code requireAtomic}.
   */
  private interface ColumnRule {
    org.apache.spark.sql.types.DataType check(
        SchemaCheck check, String column, String role, String at);
  }

  /** The label and the prediction by {@code rule}, the sensitive columns as plain values. */
  private static void checkLabelAndPrediction(Request r, ColumnRule rule) {
    SchemaCheck check = r.check();
    rule.check(check, r.roles().label(), "label", r.spec().at("columns", "label"));
    rule.check(check, r.roles().prediction(), "prediction", r.spec().at("columns", "prediction"));
    checkSensitive(check, r.roles(), r.spec());
  }

  private static void checkSensitive(SchemaCheck check, ColumnRoles roles, YamlDocument spec) {
    for (int i = 0; i < roles.sensitive().size(); i++) {
      check.requireAtomic(
          roles.sensitive().get(i), "sensitive attribute", spec.at("columns", "sensitive", i));
    }
    for (int i = 0; i < roles.intersections().size(); i++) {
      for (String c : roles.intersections().get(i)) {
        check.requireAtomic(c, "intersection", spec.at("columns", "intersections", i));
      }
    }
  }

  /** Checks the columns and builds the input. */
  public static FairnessInput input(Request r) {
    SchemaCheck check = r.check();
    ColumnRoles roles = r.roles();
    FairnessOptions options = r.options();
    FairnessInput.Outcomes outcomes = outcomes(check, roles, r.spec(), r.source());
    checkSensitive(check, roles, r.spec());
    FairnessInput.Extras extras = extras(check, options, r.spec());
    FairnessInput.Inference inference =
        new FairnessInput.Inference(
            options.confidence(),
            PAdjust.of(options.pAdjust()),
            PAdjustScope.of(options.pAdjustScope()),
            new FairnessInput.Bootstrap(options.bootstrap(), options.bootstrapSeed()));
    return new FairnessInput(
        r.data(), outcomes, slices(roles), GroupOptions.of(options), inference, extras);
  }

  /**
   * Checks the challengers' columns of a champion/challenger audit ({@code models:}; {@link
   * ModelComparison#NONE} without one): each prediction must be a two-valued column, each score
   * numeric, named with its spec line.
   *
   * @param champion the champion's name, or null without {@code models:}
   */
  public static ModelComparison models(
      Request r, String champion, List<ModelSpecs.Model> challengers) {
    if (champion == null) {
      return ModelComparison.NONE;
    }
    SchemaCheck check = r.check();
    ColumnRoles roles = r.roles();
    YamlDocument spec = r.spec();
    List<Challenger> out = new ArrayList<>();
    for (ModelSpecs.Model m : challengers) {
      BinaryColumn prediction = null;
      if (m.prediction() != null) {
        String at = spec.at("models", m.name(), "prediction");
        prediction =
            BinaryColumn.of(
                "prediction of model '" + m.name() + "'",
                m.prediction(),
                check.requireAtomic(m.prediction(), "prediction", at),
                roles.positive(),
                r.source());
      }
      if (m.score() != null) {
        check.requireNumeric(m.score(), "score", spec.at("models", m.name(), "score"));
      }
      out.add(
          new Challenger(
              m.name(), prediction, m.score(), prediction == null ? roles.threshold() : null));
    }
    return new ModelComparison(champion, out);
  }

  /** Checks the label, the prediction (and the favourable value) and the score. */
  private static FairnessInput.Outcomes outcomes(
      SchemaCheck check, ColumnRoles roles, YamlDocument spec, String source) {
    BinaryColumn label = null;
    if (roles.label() != null) {
      label =
          BinaryColumn.of(
              "label",
              roles.label(),
              check.requireAtomic(roles.label(), "label", spec.at("columns", "label")),
              roles.positive(),
              source);
    }
    BinaryColumn prediction = null;
    BinaryColumn favourable = null;
    if (roles.prediction() != null) {
      prediction =
          BinaryColumn.of(
              "prediction",
              roles.prediction(),
              check.requireAtomic(
                  roles.prediction(), "prediction", spec.at("columns", "prediction")),
              roles.positive(),
              source);
      if (!roles.favourableIsPositive()) {
        favourable = favourable(prediction, roles, spec);
      }
    }
    if (roles.score() != null) {
      check.requireNumeric(roles.score(), "score", spec.at("columns", "score"));
    }
    return new FairnessInput.Outcomes(
        label,
        prediction,
        roles.score(),
        roles.prediction() == null ? roles.threshold() : null,
        roles.favourableIsPositive(),
        favourable);
  }

  /** The prediction read with {@code columns.favourable} as its positive value. */
  private static BinaryColumn favourable(
      BinaryColumn prediction, ColumnRoles roles, YamlDocument spec) {
    if (prediction.type() instanceof org.apache.spark.sql.types.NumericType
        && !roles.favourable().matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
      throw new dev.assay.core.BadInputException(
          spec.at("columns", "favourable")
              + ": columns.favourable is '"
              + roles.favourable()
              + "' but prediction column '"
              + roles.prediction()
              + "' is numeric; set it to the number of the favourable prediction.");
    }
    return BinaryColumn.of(
        "prediction, read with columns.favourable",
        roles.prediction(),
        prediction.type(),
        roles.favourable(),
        spec.at("columns", "favourable"));
  }

  /** Checks the strata column and the worst slices' metric. */
  private static FairnessInput.Extras extras(
      SchemaCheck check, FairnessOptions options, YamlDocument spec) {
    if (options.strata() != null) {
      check.requireAtomic(options.strata(), "strata", spec.at("fairness", "strata"));
    }
    String topKBy = options.topKBy();
    if (options.topK() > 0 && GroupMetric.byId(topKBy) == null) {
      throw new dev.assay.core.BadInputException(
          spec.at("fairness", "rank_by")
              + ": rank_by is '"
              + topKBy
              + "'; use a per-group rate: "
              + GroupMetric.ids()
              + ".");
    }
    return new FairnessInput.Extras(
        options.topK(),
        topKBy,
        options.strata(),
        options.scoreMetrics(),
        "binned".equals(options.auc()) ? ScoreKey.BINNED : ScoreKey.EXACT);
  }
}
