package dev.assay.metrics.llm;

import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.spark.SchemaCheck;
import dev.assay.spec.AuditSpec;
import dev.assay.spec.LlmOptions;
import dev.assay.yaml.YamlDocument;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Decides whether the llm family applies to a spec and, when it does, checks its text columns
 * against the schema (naming the spec line of a bad column) — before any Spark job runs. The
 * family needs {@code columns.response}; the reference-based metrics also need
 * {@code columns.reference_answer}; injection markers are looked for in {@code columns.prompt} and
 * {@code columns.contexts} when named.
 */
public final class LlmPlan {

  private LlmPlan() {
  }

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
    summary += columns.referenceAnswer() != null
        ? " against reference answers in '" + columns.referenceAnswer() + "'"
        : "; no columns.reference_answer, so bleu, chrf, rouge, exact_match and token_f1 are not computed";
    return FamilyOutcome.ran(Family.LLM, summary);
  }

  /**
   * Checks the columns and builds the input.
   *
   * @param source the data's location, for messages
   */
  public static LlmInput input(Dataset<Row> data, AuditSpec.Columns columns, LlmOptions options,
                               YamlDocument spec, String source) {
    SchemaCheck check = new SchemaCheck(data.schema(), source);
    check.requireAtomic(columns.response(), "response", spec.at("columns", "response"));
    if (columns.referenceAnswer() != null) {
      check.requireAtomic(columns.referenceAnswer(), "reference answer", spec.at("columns", "reference_answer"));
    }
    if (columns.prompt() != null) {
      check.requireAtomic(columns.prompt(), "prompt", spec.at("columns", "prompt"));
    }
    boolean contextsIsArray = false;
    if (columns.contexts() != null) {
      DataType type = check.require(columns.contexts(), "contexts", spec.at("columns", "contexts"));
      if (type instanceof ArrayType array && array.elementType().equals(DataTypes.StringType)) {
        contextsIsArray = true;
      } else if (!type.equals(DataTypes.StringType)) {
        throw new BadInputException(spec.at("columns", "contexts") + ": column '" + columns.contexts()
            + "' (contexts) in " + source + " has type " + type.simpleString() + "; it must be a"
            + " string or an array of strings (the retrieved passages).");
      }
    }
    return new LlmInput(data, columns.response(), columns.referenceAnswer(), columns.prompt(),
        columns.contexts(), contextsIsArray, options);
  }
}
