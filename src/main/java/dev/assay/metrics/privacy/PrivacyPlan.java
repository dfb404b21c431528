package dev.assay.metrics.privacy;

import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.core.PiiExample;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.SchemaCheck;
import dev.assay.spec.ColumnRoles;
import dev.assay.spec.PrivacyOptions;
import dev.assay.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * Decides which parts of the privacy family apply and runs them: re-identification risk when
 * {@code privacy.quasi_identifiers} is given, the PII scan whenever the spec has a {@code privacy:}
 * block (every string or array-of-strings column, or {@code privacy.pii_columns}), and the membership attack when
 * {@code columns.member} is named (it needs {@code columns.score}). Every named column is checked
 * against the schema, with the spec line, before the first job.
 */
public record PrivacyPlan(Dataset<Row> data, PrivacyOptions options, String notApplicable,
                          List<String> piiColumns, BinaryColumn member, BinaryColumn label,
                          String score, List<String> slices, Dataset<Row> trainingText,
                          String source) {

  public PrivacyPlan {
    piiColumns = List.copyOf(piiColumns);
    slices = List.copyOf(slices);
  }

  /** Why the family cannot run, or null when it can. */
  public static String notApplicableReason(PrivacyOptions options) {
    if (!options.configured() && options.member() == null) {
      return "no privacy: block and no columns.member: add privacy: {quasi_identifiers: [...]}"
          + " for re-identification risk and the PII scan, or name columns.member for membership"
          + " inference";
    }
    return null;
  }

  /**
   * Checks every column the family needs against the schema (no Spark job), naming the spec line
   * of a bad one.
   *
   * @param source the data's location, for messages
   * @throws BadInputException on a missing or ill-typed column
   */
  public static PrivacyPlan check(Dataset<Row> data, PrivacyOptions options, ColumnRoles roles,
                                  YamlDocument spec, String source) {
    return check(data, null, options, roles, spec, source);
  }

  /**
   * As {@link #check(Dataset, PrivacyOptions, ColumnRoles, YamlDocument, String)}, with the
   * opened {@code privacy.training_text} (or null) for the memorization measure.
   */
  public static PrivacyPlan check(Dataset<Row> data, Dataset<Row> trainingText, PrivacyOptions options,
                                  ColumnRoles roles, YamlDocument spec, String source) {
    String reason = notApplicableReason(options);
    if (reason != null) {
      return new PrivacyPlan(data, options, reason, List.of(), null, null, null, List.of(), null, source);
    }
    SchemaCheck check = new SchemaCheck(data.schema(), source);
    for (int i = 0; i < options.quasiIdentifiers().size(); i++) {
      check.requireAtomic(options.quasiIdentifiers().get(i), "quasi-identifier",
          spec.at("privacy", "quasi_identifiers", i));
    }
    if (options.sensitiveAttribute() != null) {
      check.requireAtomic(options.sensitiveAttribute(), "sensitive attribute",
          spec.at("privacy", "sensitive_attribute"));
    }
    List<String> piiColumns = new ArrayList<>();
    if (options.configured()) {
      if (options.piiColumns().isEmpty()) {
        Arrays.stream(data.schema().fields()).filter(f -> isText(f.dataType()))
            .map(StructField::name).forEach(piiColumns::add);
      } else {
        for (int i = 0; i < options.piiColumns().size(); i++) {
          String at = spec.at("privacy", "pii_columns", i);
          if (!isText(check.require(options.piiColumns().get(i), "PII scan", at))) {
            check.requireAtomic(options.piiColumns().get(i), "PII scan", at); // no map, struct or other array
          }
        }
        piiColumns.addAll(options.piiColumns());
      }
    }
    BinaryColumn member = null;
    BinaryColumn label = null;
    List<String> slices = new ArrayList<>();
    if (options.member() != null) {
      // privacy risk by group: every sensitive attribute of columns.sensitive, and the privacy one
      for (int i = 0; i < roles.sensitive().size(); i++) {
        check.requireAtomic(roles.sensitive().get(i), "sensitive", spec.at("columns", "sensitive", i));
        slices.add(roles.sensitive().get(i));
      }
      if (options.sensitiveAttribute() != null && !slices.contains(options.sensitiveAttribute())) {
        slices.add(options.sensitiveAttribute());
      }
      DataType type = check.requireAtomic(options.member(), "member", spec.at("columns", "member"));
      member = BinaryColumn.of("member", options.member(), type,
          type instanceof NumericType ? "1" : "true", source);
      if (roles.score() == null) {
        throw new BadInputException(spec.at("columns", "member") + ": membership inference needs"
            + " columns.score (the model's probability of the positive class). Name it, or remove"
            + " columns.member.");
      }
      check.requireNumeric(roles.score(), "score", spec.at("columns", "score"));
      if (roles.label() != null) {
        label = BinaryColumn.of("label", roles.label(),
            check.requireAtomic(roles.label(), "label", spec.at("columns", "label")), roles.positive(), source);
      }
    }
    if (trainingText != null) {
      check.requireAtomic(options.response(), "response", spec.at("columns", "response"));
      new SchemaCheck(trainingText.schema(), "privacy.training_text (" + options.trainingText().uri() + ")")
          .requireAtomic(options.trainingTextColumn(), "training text", spec.at("privacy", "training_text"));
    }
    return new PrivacyPlan(data, options, null, piiColumns, member, label, roles.score(), slices,
        trainingText, source);
  }

  /** Runs every applicable part (one or two Spark jobs each, see the analyses). */
  public PrivacyOutcome run() {
    if (notApplicable != null) {
      return new PrivacyOutcome(FamilyOutcome.notApplicable(Family.PRIVACY, notApplicable), List.of(), List.of(),
          List.of());
    }
    List<MetricResult> metrics = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    List<PiiExample> examples = new ArrayList<>();
    if (!options.quasiIdentifiers().isEmpty()) {
      metrics.addAll(ReidentificationAnalysis.run(data, options.quasiIdentifiers(),
          options.sensitiveAttribute(), options.k()));
      parts.add("re-identification risk over " + options.quasiIdentifiers()
          + (options.sensitiveAttribute() == null ? "" : " with sensitive attribute " + options.sensitiveAttribute()));
    } else if (options.configured()) {
      notes.add("privacy: no privacy.quasi_identifiers, so re-identification risk was not measured.");
    }
    if (options.configured()) {
      if (piiColumns.isEmpty()) {
        notes.add("privacy: the data has no string column, so the PII scan read nothing.");
      } else {
        PiiScan.Result scan = PiiScan.scan(data, piiColumns);
        metrics.addAll(scan.metrics());
        examples.addAll(scan.examples());
        parts.add("PII scan of " + piiColumns.size() + " column(s)");
      }
    }
    if (member != null) {
      List<MetricResult> threshold = MembershipAnalysis.run(data, member, label, score, slices, source);
      metrics.addAll(threshold);
      long scored = threshold.get(0).count();
      metrics.add(MembershipAttack.run(data, member, label, score, scored));
      parts.add("membership inference (threshold attack on " + score
          + (slices.isEmpty() ? "" : ", by " + String.join(", ", slices))
          + "; trained logistic-regression attack)");
    }
    if (trainingText != null) {
      metrics.add(MemorizationAnalysis.run(data, options.response(), trainingText,
          options.trainingTextColumn(), options.memorizationChars()));
      parts.add("memorization (" + options.memorizationChars() + "-character windows of "
          + options.response() + " in the training text)");
    }
    String summary = parts.isEmpty() ? "nothing to measure" : String.join("; ", parts);
    return new PrivacyOutcome(FamilyOutcome.ran(Family.PRIVACY, summary), metrics, notes, examples);
  }

  /** A string column or an array of strings (an LLM's retrieved contexts): what the scan reads. */
  private static boolean isText(DataType type) {
    return type instanceof StringType
        || type instanceof ArrayType array && array.elementType() instanceof StringType;
  }
}
