package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;

/**
 * Per-row descriptors of a free-text column, as Evidently's text evals compute them, each a
 * built-in Spark expression over the text (null stays null) and each then drifted like a numeric
 * column:
 *
 * <ul>
 *   <li>{@code chars}: length in characters ({@code length});
 *   <li>{@code words}: words, runs of non-space characters ({@link #words});
 *   <li>{@code non_letter_share}: the share of the non-space characters that are not letters
 *       (Evidently's {@code NonLetterCharacterPercentage}, as a share), undefined without non-space
 *       characters;
 *   <li>{@code non_latin_share}: the share of the letters that are not in the Latin script (a
 *       change of language or alphabet), undefined without letters.
 * </ul>
 *
 * Shares are rounded to 0.001, so a descriptor has at most 1,001 distinct share values and lengths
 * are integers: descriptors are always counted exactly.
 */
public enum TextDescriptors {
  CHARS("chars", v -> length(v).cast("double")),
  WORDS("words", v -> words(v).cast("double")),
  NON_LETTER_SHARE("non_letter_share", v -> share(kept(v, "[\\p{L}\\s]"), kept(v, "\\s"))),
  NON_LATIN_SHARE(
      "non_latin_share", v -> share(kept(v, "[^\\p{L}]|\\p{IsLatin}"), kept(v, "[^\\p{L}]")));

  private final String id;
  private final UnaryOperator<Column> expression;

  TextDescriptors(String id, UnaryOperator<Column> expression) {
    this.id = id;
    this.expression = expression;
  }

  /** The descriptor's name, as in the derived column {@code text[id]}. */
  public String id() {
    return id;
  }

  /** The descriptor of each row of text {@code v} (a double, or null). */
  public Column of(Column v) {
    return expression.apply(v);
  }

  /** Every descriptor, in report order. */
  public static List<TextDescriptors> all() {
    return List.of(values());
  }

  /** Words in {@code v}: runs of non-space characters (0 for a blank text, null for null). */
  public static Column words(Column v) {
    Column t = trim(v);
    return when(t.equalTo(lit("")), lit(0)).otherwise(size(split(t, "\\s+")));
  }

  /** How many characters of {@code v} are left after removing those matching {@code removed}. */
  private static Column kept(Column v, String removed) {
    return length(regexp_replace(v, removed, ""));
  }

  /** part ÷ whole rounded to 0.001, null when whole is 0 (or null). */
  private static Column share(Column part, Column whole) {
    return when(whole.gt(0), round(part.cast("double").divide(whole), 3));
  }
}
