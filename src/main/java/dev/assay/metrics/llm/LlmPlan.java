package dev.assay.metrics.llm;

import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.spark.SchemaCheck;
import dev.assay.spec.AuditSpec;
import dev.assay.spec.LlmOptions;
import dev.assay.yaml.InputFile;
import dev.assay.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Decides whether the llm family applies to a spec and, when it does, checks its text columns
 * against the schema (naming the spec line of a bad column) — before any Spark job runs. The family
 * needs {@code columns.response}; the reference-based metrics also need {@code
 * columns.reference_answer}; injection markers are looked for in {@code columns.prompt} and {@code
 * columns.contexts} when named.
 */
public final class LlmPlan {

  private LlmPlan() {}

  /** Why the family cannot run, or null when it can. */
  public static String notApplicableReason(AuditSpec.Columns columns) {
    if (columns == null || columns.response() == null) {
      return "no response column: name the model's output in columns.response (and the expected"
          + " answer in columns.reference_answer for bleu, chrf, rouge, exact_match and token_f1)";
    }
    return null;
  }

  /** The family's outcome line for the report. */
  public static FamilyOutcome outcome(AuditSpec.Columns columns) {
    String reason = notApplicableReason(columns);
    if (reason != null) {
      return FamilyOutcome.notApplicable(Family.LLM, reason);
    }
    String summary = "responses in '" + columns.response() + "'";
    summary +=
        columns.referenceAnswer() != null
            ? " against reference answers in '" + columns.referenceAnswer() + "'"
            : "; no columns.reference_answer, so bleu, chrf, rouge, exact_match and token_f1 are not computed";
    if (columns.retrievedIds() != null && columns.relevantIds() != null) {
      summary +=
          "; retrieval ids in '"
              + columns.retrievedIds()
              + "' against '"
              + columns.relevantIds()
              + "'";
    }
    if (columns.variant() != null) {
      summary += "; variants in '" + columns.variant() + "'";
    }
    return FamilyOutcome.ran(Family.LLM, summary);
  }

  /**
   * Checks the columns and builds the input.
   *
   * @param source the data's location, for messages
   */
  public static LlmInput input(
      Dataset<Row> data,
      AuditSpec.Columns columns,
      LlmOptions options,
      YamlDocument spec,
      String source) {
    SchemaCheck check = new SchemaCheck(data.schema(), source);
    LlmColumns.Texts texts = texts(check, columns, spec);
    LlmColumns.Ids ids = ids(check, columns, spec);
    LlmColumns.UsageColumns usage = variantAndUsage(check, columns, spec);
    return new LlmInput(
        data,
        new LlmColumns(
            texts, ids, columns.variant(), usage, EmbeddingColumns.of(check, columns, spec)),
        options,
        new LlmInput.ResponseChecks(List.of(), schemaText(options)));
  }

  /** The response, reference answer, prompt and contexts columns, checked. */
  private static LlmColumns.Texts texts(
      SchemaCheck check, AuditSpec.Columns columns, YamlDocument spec) {
    check.requireAtomic(columns.response(), "response", spec.at("columns", "response"));
    boolean referenceIsArray = false;
    if (columns.referenceAnswer() != null) {
      DataType type =
          check.require(
              columns.referenceAnswer(),
              "reference answer",
              spec.at("columns", "reference_answer"));
      referenceIsArray =
          type instanceof ArrayType array && array.elementType().equals(DataTypes.StringType);
      if (!referenceIsArray) {
        check.requireAtomic(
            columns.referenceAnswer(),
            "reference answer (a string, or an array of"
                + " strings for several acceptable answers)",
            spec.at("columns", "reference_answer"));
      }
    }
    if (columns.prompt() != null) {
      check.requireAtomic(columns.prompt(), "prompt", spec.at("columns", "prompt"));
    }
    boolean contextsIsArray =
        columns.contexts() != null
            && stringOrArray(check, columns.contexts(), "contexts", "the retrieved passages", spec);
    return new LlmColumns.Texts(
        columns.response(),
        LlmColumns.TextColumn.of(columns.referenceAnswer(), referenceIsArray),
        columns.prompt(),
        LlmColumns.TextColumn.of(columns.contexts(), contextsIsArray));
  }

  /**
   * The retrieved and relevant id columns: both or neither, each a string or an array of strings.
   */
  private static LlmColumns.Ids ids(
      SchemaCheck check, AuditSpec.Columns columns, YamlDocument spec) {
    if ((columns.retrievedIds() == null) != (columns.relevantIds() == null)) {
      String given = columns.retrievedIds() != null ? "retrieved_ids" : "relevant_ids";
      String missing = columns.retrievedIds() != null ? "relevant_ids" : "retrieved_ids";
      throw new BadInputException(
          spec.at("columns", given)
              + ": columns."
              + given
              + " is named but"
              + " columns."
              + missing
              + " is not; the retrieval metrics need both (the ranked retrieved"
              + " ids and the ids judged relevant). Name both, or remove columns."
              + given
              + ".");
    }
    boolean retrievedIsArray =
        columns.retrievedIds() != null
            && stringOrArray(
                check,
                columns.retrievedIds(),
                "retrieved ids",
                "the ranked ids, best first, or a comma-separated string",
                spec);
    boolean relevantIsArray =
        columns.relevantIds() != null
            && stringOrArray(
                check,
                columns.relevantIds(),
                "relevant ids",
                "the relevant ids, or a comma-separated string",
                spec);
    return new LlmColumns.Ids(
        LlmColumns.TextColumn.of(columns.retrievedIds(), retrievedIsArray),
        LlmColumns.TextColumn.of(columns.relevantIds(), relevantIsArray));
  }

  /** Checks the variant column (atomic) and returns the latency and token columns (numeric). */
  private static LlmColumns.UsageColumns variantAndUsage(
      SchemaCheck check, AuditSpec.Columns columns, YamlDocument spec) {
    if (columns.variant() != null) {
      check.requireAtomic(columns.variant(), "variant", spec.at("columns", "variant"));
    }
    if (columns.latencyMs() != null) {
      check.requireNumeric(
          columns.latencyMs(), "latency in milliseconds", spec.at("columns", "latency_ms"));
    }
    if (columns.promptTokens() != null) {
      check.requireNumeric(
          columns.promptTokens(), "prompt tokens", spec.at("columns", "prompt_tokens"));
    }
    if (columns.completionTokens() != null) {
      check.requireNumeric(
          columns.completionTokens(), "completion tokens", spec.at("columns", "completion_tokens"));
    }
    return new LlmColumns.UsageColumns(
        columns.latencyMs(), columns.promptTokens(), columns.completionTokens());
  }

  /** The JSON Schema's text (null without {@code llm.json_schema}), compiled once to fail early. */
  private static String schemaText(LlmOptions options) {
    if (options.jsonSchema() == null) {
      return null;
    }
    // the shared strict reader: a regular file of at most 1 MiB, strict UTF-8
    String schema =
        InputFile.read(
            Path.of(options.jsonSchema()),
            "JSON Schema of llm.json_schema",
            InputFile.MAX_DOCUMENT_BYTES);
    ResponseSchema.compile(
        schema, options.jsonSchema()); // bad schema: exit 2 naming the file, before any job
    return schema;
  }

  /** True for {@code array<string>}, false for a string; any other type is bad input. */
  private static boolean stringOrArray(
      SchemaCheck check, String column, String role, String what, YamlDocument spec) {
    String key = role.replace(' ', '_');
    DataType type = check.require(column, role, spec.at("columns", key));
    if (type instanceof ArrayType array && array.elementType().equals(DataTypes.StringType)) {
      return true;
    }
    if (!type.equals(DataTypes.StringType)) {
      throw check.wrongType(
          column,
          role,
          spec.at("columns", key),
          type,
          "it must be a string or an array of strings (" + what + ").");
    }
    return false;
  }
}
