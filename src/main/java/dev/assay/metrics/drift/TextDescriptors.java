package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_count;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.assay.metrics.SensitiveText;
import java.util.List;
import java.util.function.BiFunction;
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
 *       change of language or alphabet), undefined without letters;
 *   <li>{@code oov_share}: the share of the row's words ({@link #vocabularyWords}) that are not in
 *       the reference's vocabulary, the {@value ReferenceVocabulary#SIZE} most frequent words of
 *       the reference side ({@link ReferenceVocabulary}), undefined without words. A reference word
 *       outside that bound counts as out of vocabulary on both sides alike;
 *   <li>{@code pii_flagged}: 1 when the row holds a value the PII or secret scanner finds (the
 *       privacy family's patterns and checksums, {@link SensitiveText}), else 0, so its mean is the
 *       share of flagged rows.
 * </ul>
 *
 * Shares are rounded to 0.001, so a descriptor has at most 1,001 distinct share values and lengths
 * are integers: descriptors are always counted exactly.
 */
public enum TextDescriptors {
  CHARS("chars", (v, vocabulary) -> length(v).cast("double")),
  WORDS("words", (v, vocabulary) -> words(v).cast("double")),
  NON_LETTER_SHARE(
      "non_letter_share", (v, vocabulary) -> share(kept(v, "[\\p{L}\\s]"), kept(v, "\\s"))),
  NON_LATIN_SHARE(
      "non_latin_share",
      (v, vocabulary) -> share(kept(v, "[^\\p{L}]|\\p{IsLatin}"), kept(v, "[^\\p{L}]"))),
  OOV_SHARE("oov_share", TextDescriptors::outOfVocabulary),
  PII_FLAGGED("pii_flagged", (v, vocabulary) -> SensitiveText.flagged(v));

  /**
   * The characters of Java's {@code \\s} without flags (Spark's regular expressions): space, tab,
   * line feed, vertical tab, form feed and carriage return; space first, the usual one in text.
   */
  static final List<String> WHITESPACE = List.of(" ", "\t", "\n", "\u000B", "\f", "\r");

  private final String id;
  private final BiFunction<Column, List<String>, Column> expression;

  TextDescriptors(String id, BiFunction<Column, List<String>, Column> expression) {
    this.id = id;
    this.expression = expression;
  }

  /** The descriptor's name, as in the derived column {@code text[id]}. */
  public String id() {
    return id;
  }

  /**
   * The descriptor of each row of text {@code v} (a double, or null), given the reference's
   * vocabulary of the column (read by {@code oov_share} only).
   */
  public Column of(Column v, List<String> vocabulary) {
    return expression.apply(v, vocabulary);
  }

  /** Every descriptor, in report order. */
  public static List<TextDescriptors> all() {
    return List.of(values());
  }

  /**
   * Words in {@code v}: runs of non-space characters (0 for a blank text, null for null). It is the
   * size of {@code split(trim(v), "\\s+")}, counted as the whitespace runs plus one: {@code split}
   * compiles its pattern again for every row (it was a seventh of the demo audit's task-thread
   * samples, in the drift family's first pass over every string column), {@code regexp_count}
   * compiles it once per task. A run is never empty, so a split with no limit (Spark keeps the
   * leading and trailing empty parts) has exactly one part more than it has runs.
   *
   * <p>A value without any of the six characters {@code \\s} matches ({@link #WHITESPACE}) is one
   * word, so such a value skips the regular expression ({@code regexp_count} builds a matcher and
   * an array of matches per row): six byte searches instead, as the PII scan's prefilters do. The
   * drift family sums this over every string column whose kind it decides, and those are mostly
   * categories of one word. The count is the same either way.
   */
  public static Column words(Column v) {
    Column t = trim(v);
    Column blank = null;
    for (String c : WHITESPACE) {
      blank = blank == null ? t.contains(c) : blank.or(t.contains(c));
    }
    return when(t.isNull(), lit(null).cast("int"))
        .when(t.equalTo(lit("")), lit(0))
        .when(not(blank), lit(1))
        .otherwise(regexp_count(t, lit("\\s+")).plus(lit(1)));
  }

  /**
   * The words of {@code v} for the vocabulary: lower-cased runs of letters and digits (as the text
   * classifier reads them), in order, repeats kept.
   */
  public static Column vocabularyWords(Column v) {
    return filter(split(lower(v), "[^\\p{L}\\p{N}]+"), w -> length(w).gt(0));
  }

  /**
   * The share of the words of {@code v} not in {@code vocabulary}, rounded to 0.001; null without
   * words. The membership test is an {@code IN} list, which Spark's optimizer turns into a hash set
   * built once per task ({@code InSet}).
   */
  static Column outOfVocabulary(Column v, List<String> vocabulary) {
    Column words = vocabularyWords(v);
    Column unknown =
        vocabulary.isEmpty()
            ? words
            : filter(words, w -> not(w.isin(vocabulary.toArray(new Object[0]))));
    return share(size(unknown), size(words));
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
