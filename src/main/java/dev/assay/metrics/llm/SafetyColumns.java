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

  private SafetyColumns() {}

  /**
   * True when {@code text}, lower-cased with curly apostrophes straightened ({@link
   * LlmOptions#matchForm}), contains any of {@code phrases} (already in that form); null when
   * {@code text} is null.
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
   * True when the whole text is exactly one JSON value (RFC 8259: object, array, string, number,
   * {@code true}, {@code false} or {@code null}, optionally surrounded by whitespace); null when
   * {@code text} is null. Spark's {@code try_parse_json} alone is strict about syntax (no single
   * quotes, trailing commas, NaN or leading zeros) but ignores whatever follows the first value
   * ({@code {"a":1} and more} parses), so the text is parsed inside two wrappers: as the element of
   * an array, {@code [text]}, and as the value of an object, {@code {"k":text}}. Content after the
   * first value is valid in at most one of them (only {@code ]} may follow in the first, only
   * {@code }} in the second, and a comma must be followed by a value in one and by a key in the
   * other), so both parse only when the text is one value. Blank text, a Markdown code fence or
   * trailing prose is invalid. (Variant values are limited to 16 MiB; larger JSON counts as
   * invalid.)
   */
  static Column jsonValid(Column text) {
    Column asElement =
        functions.try_parse_json(functions.concat(functions.lit("["), text, functions.lit("]")));
    Column asValue =
        functions.try_parse_json(
            functions.concat(functions.lit("{\"k\":"), text, functions.lit("}")));
    return functions
        .when(text.isNull(), functions.lit(null).cast("boolean"))
        .otherwise(asElement.isNotNull().and(asValue.isNotNull()));
  }
}
