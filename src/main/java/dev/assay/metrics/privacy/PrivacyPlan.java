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
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * Decides which parts of the privacy family apply and runs them: re-identification risk when {@code
 * privacy.quasi_identifiers} is given, the PII scan whenever the spec has a {@code privacy:} block
 * (every string or array-of-strings column, or {@code privacy.pii_columns}), and the membership
 * attack when {@code columns.member} is named (it needs {@code columns.score}). Every named column
 * is checked against the schema, with the spec line, before the first job.
 */
public record PrivacyPlan(
    Dataset<Row> data,
    PrivacyOptions options,
    String notApplicable,
    List<String> piiColumns,
    MembershipColumns membership,
    Dataset<Row> trainingText,
    String source) {

  public PrivacyPlan {
    piiColumns = List.copyOf(piiColumns);
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
   * Checks every column the family needs against the schema (no Spark job), naming the spec line of
   * a bad one.
   *
   * @param source the data's location, for messages
   * @throws BadInputException on a missing or ill-typed column
   */
  public static PrivacyPlan check(
      Dataset<Row> data,
      PrivacyOptions options,
      ColumnRoles roles,
      YamlDocument spec,
      String source) {
    return check(data, null, options, roles, spec, source);
  }

  /**
   * As {@link #check(Dataset, PrivacyOptions, ColumnRoles, YamlDocument, String)}, with the opened
   * {@code privacy.training_text} (or null) for the memorization measure.
   */
  public static PrivacyPlan check(
      Dataset<Row> data,
      Dataset<Row> trainingText,
      PrivacyOptions options,
      ColumnRoles roles,
      YamlDocument spec,
      String source) {
    String reason = notApplicableReason(options);
    if (reason != null) {
      return new PrivacyPlan(data, options, reason, List.of(), null, null, source);
    }
    SchemaCheck check = new SchemaCheck(data.schema(), source);
    checkReidentificationColumns(check, options, spec);
    List<String> piiColumns = piiColumns(data, check, options, spec);
    MembershipColumns membership =
        options.member() == null ? null : membershipColumns(check, options, roles, spec, source);
    if (trainingText != null) {
      check.requireAtomic(options.response(), "response", spec.at("columns", "response"));
      new SchemaCheck(
              trainingText.schema(), "privacy.training_text (" + options.trainingText().uri() + ")")
          .requireAtomic(
              options.trainingTextColumn(), "training text", spec.at("privacy", "training_text"));
    }
    return new PrivacyPlan(data, options, null, piiColumns, membership, trainingText, source);
  }

  private static void checkReidentificationColumns(
      SchemaCheck check, PrivacyOptions options, YamlDocument spec) {
    for (int i = 0; i < options.quasiIdentifiers().size(); i++) {
      check.requireAtomic(
          options.quasiIdentifiers().get(i),
          "quasi-identifier",
          spec.at("privacy", "quasi_identifiers", i));
    }
    if (options.sensitiveAttribute() != null) {
      check.requireAtomic(
          options.sensitiveAttribute(),
          "sensitive attribute",
          spec.at("privacy", "sensitive_attribute"));
    }
  }

  /** The columns the PII scan reads: {@code privacy.pii_columns}, or every text column. */
  private static List<String> piiColumns(
      Dataset<Row> data, SchemaCheck check, PrivacyOptions options, YamlDocument spec) {
    if (!options.configured()) {
      return List.of();
    }
    if (options.piiColumns().isEmpty()) {
      return Arrays.stream(data.schema().fields())
          .filter(f -> isText(f.dataType()))
          .map(StructField::name)
          .toList();
    }
    for (int i = 0; i < options.piiColumns().size(); i++) {
      String at = spec.at("privacy", "pii_columns", i);
      if (!isText(check.require(options.piiColumns().get(i), "PII scan", at))) {
        check.requireAtomic(
            options.piiColumns().get(i), "PII scan", at); // no map, struct or other array
      }
    }
    return options.piiColumns();
  }

  /**
   * The membership attack's columns: the member flag, the score (required), the label if any, and
   * the slices for privacy risk by group — every attribute of {@code columns.sensitive}, and the
   * privacy one.
   */
  private static MembershipColumns membershipColumns(
      SchemaCheck check,
      PrivacyOptions options,
      ColumnRoles roles,
      YamlDocument spec,
      String source) {
    List<String> slices = new ArrayList<>();
    for (int i = 0; i < roles.sensitive().size(); i++) {
      check.requireAtomic(
          roles.sensitive().get(i), "sensitive", spec.at("columns", "sensitive", i));
      slices.add(roles.sensitive().get(i));
    }
    if (options.sensitiveAttribute() != null && !slices.contains(options.sensitiveAttribute())) {
      slices.add(options.sensitiveAttribute());
    }
    DataType type = check.requireAtomic(options.member(), "member", spec.at("columns", "member"));
    BinaryColumn member =
        BinaryColumn.of(
            "member", options.member(), type, type instanceof NumericType ? "1" : "true", source);
    if (roles.score() == null) {
      throw new BadInputException(
          spec.at("columns", "member")
              + ": membership inference needs"
              + " columns.score (the model's probability of the positive class). Name it, or remove"
              + " columns.member.");
    }
    check.requireNumeric(roles.score(), "score", spec.at("columns", "score"));
    BinaryColumn label =
        roles.label() == null
            ? null
            : BinaryColumn.of(
                "label",
                roles.label(),
                check.requireAtomic(roles.label(), "label", spec.at("columns", "label")),
                roles.positive(),
                source);
    return new MembershipColumns(member, label, roles.score(), slices);
  }

  /** Runs every applicable part (one or two Spark jobs each, see the analyses). */
  public PrivacyOutcome run() {
    if (notApplicable != null) {
      return new PrivacyOutcome(
          FamilyOutcome.notApplicable(Family.PRIVACY, notApplicable),
          List.of(),
          List.of(),
          List.of());
    }
    Parts parts = new Parts();
    reidentification(parts);
    piiScan(parts);
    membership(parts);
    memorization(parts);
    String summary =
        parts.described.isEmpty() ? "nothing to measure" : String.join("; ", parts.described);
    return new PrivacyOutcome(
        FamilyOutcome.ran(Family.PRIVACY, summary), parts.metrics, parts.notes, parts.examples);
  }

  /** What the parts that ran produced, in order. */
  private static final class Parts {
    final List<MetricResult> metrics = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> described = new ArrayList<>();
    final List<PiiExample> examples = new ArrayList<>();
  }

  private void reidentification(Parts parts) {
    if (options.quasiIdentifiers().isEmpty()) {
      if (options.configured()) {
        parts.notes.add(
            "privacy: no privacy.quasi_identifiers, so re-identification risk was not measured.");
      }
      return;
    }
    parts.metrics.addAll(
        ReidentificationAnalysis.run(
            data, options.quasiIdentifiers(), options.sensitiveAttribute(), options.k()));
    parts.described.add(
        "re-identification risk over "
            + options.quasiIdentifiers()
            + (options.sensitiveAttribute() == null
                ? ""
                : " with sensitive attribute " + options.sensitiveAttribute()));
  }

  private void piiScan(Parts parts) {
    if (!options.configured()) {
      return;
    }
    if (piiColumns.isEmpty()) {
      parts.notes.add("privacy: the data has no string column, so the PII scan read nothing.");
      return;
    }
    PiiScan.Result scan = PiiScan.scan(data, piiColumns);
    parts.metrics.addAll(scan.metrics());
    parts.examples.addAll(scan.examples());
    parts.described.add("PII scan of " + piiColumns.size() + " column(s)");
  }

  private void membership(Parts parts) {
    if (membership == null) {
      return;
    }
    List<MetricResult> threshold = MembershipAnalysis.run(data, membership, source);
    parts.metrics.addAll(threshold);
    long scored = threshold.get(0).count();
    parts.metrics.add(MembershipAttack.run(data, membership, scored));
    parts.described.add(
        "membership inference (threshold attack on "
            + membership.score()
            + (membership.slices().isEmpty()
                ? ""
                : ", by " + String.join(", ", membership.slices()))
            + "; trained logistic-regression attack)");
  }

  private void memorization(Parts parts) {
    if (trainingText == null) {
      return;
    }
    parts.metrics.add(
        MemorizationAnalysis.run(
            data,
            options.response(),
            trainingText,
            options.trainingTextColumn(),
            options.memorizationChars()));
    parts.described.add(
        "memorization ("
            + options.memorizationChars()
            + "-character windows of "
            + options.response()
            + " in the training text)");
  }

  /** A string column or an array of strings (an LLM's retrieved contexts): what the scan reads. */
  private static boolean isText(DataType type) {
    return type instanceof StringType
        || type instanceof ArrayType array && array.elementType() instanceof StringType;
  }
}
