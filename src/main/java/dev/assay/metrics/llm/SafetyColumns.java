package dev.assay.metrics.llm;

import dev.assay.spec.LlmOptions;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The safety and format checks of one record as built-in Spark SQL expressions (no UDF): they run
 * in Spark's generated code and only their boolean results reach the per-partition state.
 */
final class SafetyColumns {

  private SafetyColumns() {}

  /** The response in the form the refusal check reads. */
  static final String RESPONSE_FORM = "__assay_response_form";

  /** The prompt in the form the injection check reads. */
  static final String PROMPT_FORM = "__assay_prompt_form";

  /** The joined contexts in the form the injection check reads. */
  static final String CONTEXTS_FORM = "__assay_contexts_form";

  /**
   * {@code data} with three more columns: the response, prompt and contexts in the form the refusal
   * and injection checks read ({@link #RESPONSE_FORM}, {@link #PROMPT_FORM}, {@link
   * #CONTEXTS_FORM}). They get their own projection so that the folding (a long {@code translate},
   * base64 decoding) runs once per row: the detectors test each form against dozens of patterns,
   * and Spark keeps a projection whose costly outputs are read several times apart from the one
   * above it instead of inlining them.
   */
  static Dataset<Row> withCheckForms(
      Dataset<Row> data, Column response, Column prompt, Column contexts, LlmOptions o) {
    return data.select(
        functions.col("*"),
        refusalForm(response, o.refusalPhrases()).as(RESPONSE_FORM),
        injectionForm(prompt, o.injectionMarkers()).as(PROMPT_FORM),
        injectionForm(contexts, o.injectionMarkers()).as(CONTEXTS_FORM));
  }

  /**
   * The folded response with a newline before and after it ({@link PhraseSyntax#pad}) for the
   * built-in detector (no phrases), else the response itself.
   */
  static Column refusalForm(Column response, List<String> phrases) {
    return phrases.isEmpty() ? PhraseSyntax.pad(TextFolding.folded(response)) : response;
  }

  /**
   * Whether a response in its {@link #refusalForm} is a refusal: the built-in {@link
   * RefusalDetector} when {@code phrases} is empty (the spec gave none), else a refusal phrase
   * match ({@link #containsAny}); null for a null response.
   */
  static Column refusal(Column form, List<String> phrases) {
    return phrases.isEmpty() ? RefusalDetector.PATTERNS.flags(form) : containsAny(form, phrases);
  }

  /**
   * The searchable text with a newline before and after it ({@link PhraseSyntax#pad}) for the
   * built-in detector (no markers), else the text itself.
   */
  static Column injectionForm(Column text, List<String> markers) {
    return markers.isEmpty() ? PhraseSyntax.pad(TextFolding.searchable(text)) : text;
  }

  /**
   * Whether a text in its {@link #injectionForm} carries a prompt injection: the built-in {@link
   * InjectionDetector} when {@code markers} is empty (the spec gave none), else a marker match
   * ({@link #containsAny}); null for a null text.
   */
  static Column injection(Column form, List<String> markers) {
    return markers.isEmpty() ? InjectionDetector.PATTERNS.flags(form) : containsAny(form, markers);
  }

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
