package dev.assay.metrics.llm;

import dev.assay.spec.LlmOptions;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The safety and format checks of one record as built-in Spark SQL expressions (no UDF): they run
 * in Spark's generated code and only their boolean results reach the per-partition state.
 */
final class SafetyColumns {

  private SafetyColumns() {
  }

  /**
   * True when {@code text}, lower-cased with curly apostrophes straightened
   * ({@link LlmOptions#matchForm}), contains any of {@code phrases} (already in that form); null
   * when {@code text} is null.
   */
  static Column containsAny(Column text, List<String> phrases) {
    Column normalised = functions.translate(functions.lower(text), "\u2019\u2018", "''");
    Column any = null;
    for (String phrase : phrases) {
      Column hit = normalised.contains(phrase);
      any = any == null ? hit : any.or(hit);
    }
    return any;
  }

  /**
   * True when the whole text is one JSON value (RFC 8259: object, array, string, number,
   * {@code true}, {@code false} or {@code null}, optionally surrounded by whitespace): Spark's
   * {@code try_parse_json} accepts it. Null when {@code text} is null. A response wrapped in a
   * Markdown code fence, or followed by prose, is not valid JSON.
   */
  static Column jsonValid(Column text) {
    return functions.when(text.isNull(), functions.lit(null).cast("boolean"))
        .otherwise(functions.try_parse_json(text).isNotNull());
  }
}
