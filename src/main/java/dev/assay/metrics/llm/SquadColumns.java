package dev.assay.metrics.llm;

import dev.assay.spark.Columns;
import dev.assay.spark.UnicodeRanges;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@link Squad}'s exact match and token F1 as built-in Spark SQL expressions, per record, so the
 * SQuAD normalisation and the token overlap run in the plan (and on a GPU where the RAPIDS
 * Accelerator takes the expressions) instead of in Java. The steps are those of the SQuAD v1.1
 * script's {@code normalize_answer}, in its order:
 *
 * <ol>
 *   <li>{@code lower};
 *   <li>{@code translate} deletes the 32 ASCII marks of {@code string.punctuation};
 *   <li>{@code regexp_extract_all} cuts the text into maximal runs of word characters ({@code
 *       [\p{L}\p{N}_]}, Python 3's {@code \w} for str patterns, as {@link Squad} defines it) and of
 *       other characters; {@code transform} turns the runs {@code a}, {@code an}, {@code the} into
 *       a space and {@code array_join} glues the runs again — {@code re.sub(r'\b(a|an|the)\b', ' ',
 *       text)} without a look-around;
 *   <li>{@code split} on runs of Python's whitespace ({@link Whitespace}) and {@code filter} of the
 *       empty strings — {@code text.split()}.
 * </ol>
 *
 * Exact match compares the tokens joined by one space; F1 counts the multiset intersection as the
 * size of the {@code array_intersect} of the occurrence-tagged tokens ({@link GramColumns}), then
 * 2PR / (P + R) with the same double operations as {@link Squad#f1}, so the values are bit for bit
 * those of the Java code (SquadColumnsTest).
 */
final class SquadColumns {

  /** Python's {@code string.punctuation}. */
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  /**
   * Python 3's {@code \w} for str patterns (see {@link Squad}): letters, numbers, underscore, as a
   * class body for CPU executors.
   */
  static final String WORD = "\\p{L}\\p{N}_";

  /** {@link #WORD} as explicit ranges, for GPU executors (RAPIDS takes no {@code \p{..}}). */
  static final String WORD_GPU =
      UnicodeRanges.of(c -> UnicodeRanges.isLetter(c) || UnicodeRanges.isNumber(c)) + "_";

  /** Python's {@code str.isspace()} characters ({@link Whitespace}) as a regex class body. */
  static final String SPACE =
      "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
          + "\\x{202F}\\x{205F}\\x{3000}";

  /** The column of {@link #withTokens} holding the response's tokens. */
  static final String PRED = "__assay_squad_pred";

  /** The column of {@link #withTokens} holding the references' tokens. */
  static final String REFS = "__assay_squad_refs";

  private SquadColumns() {}

  /**
   * The normalised tokens of a text ({@code normalize_answer(text).split()}); null for null.
   *
   * @param word the word class body: {@link #WORD}, or {@link #WORD_GPU} on GPU executors
   */
  static Column tokens(Column text, String word) {
    Column noPunct = functions.translate(functions.lower(text), PUNCTUATION, "");
    Column runs =
        functions.regexp_extract_all(
            noPunct, functions.lit("[" + word + "]+|[^" + word + "]+"), functions.lit(0));
    Column noArticles =
        functions.array_join(
            functions.transform(
                runs, r -> functions.when(r.isin("a", "an", "the"), " ").otherwise(r)),
            "");
    return functions.filter(
        functions.split(noArticles, "[" + SPACE + "]+"), t -> t.notEqual(functions.lit("")));
  }

  /**
   * {@code data} with the response's tokens ({@link #PRED}) and each non-null reference's tokens
   * ({@link #REFS}, {@code array<array<string>>}) as columns, computed once per record: the
   * higher-order functions of {@link #best} read them many times. The word class is the one of the
   * session's executors ({@link LlmAnalysis#sqlForm}).
   */
  static Dataset<Row> withTokens(Dataset<Row> data, Column response, Column references) {
    return withTokens(
        data, response, references, LlmAnalysis.sqlForm(data.sparkSession()) ? WORD_GPU : WORD);
  }

  /** {@link #withTokens(Dataset, Column, Column)} with the word class {@code word}. */
  static Dataset<Row> withTokens(
      Dataset<Row> data, Column response, Column references, String word) {
    return data.withColumn(PRED, tokens(response, word))
        .withColumn(
            REFS,
            functions.transform(
                functions.filter(references, Column::isNotNull), r -> tokens(r, word)));
  }

  /**
   * The record's {exact match (boolean), F1 (double)} as a struct with fields {@code exact} and
   * {@code f1}, each the best over the non-null references ({@code metric_max_over_ground_truths}),
   * read from the columns of {@link #withTokens}; null when the response is null or no reference
   * is.
   */
  static Column best() {
    Column pred = Columns.named(PRED);
    Column refs = Columns.named(REFS);
    Column normalised = functions.array_join(pred, " ");
    Column exact = functions.exists(refs, r -> functions.array_join(r, " ").equalTo(normalised));
    // the best F1 over the references: F1 is never negative, so the largest one is the best
    Column f1 = functions.array_max(functions.transform(refs, r -> f1(pred, r)));
    return functions
        .when(
            pred.isNull().or(functions.coalesce(functions.size(refs), functions.lit(0)).equalTo(0)),
            functions.lit(null).cast("struct<exact:boolean,f1:double>"))
        .otherwise(functions.struct(exact.as("exact"), f1.as("f1")));
  }

  /**
   * {@link Squad#f1} of two token arrays: 0 without a common token, else 2PR / (P + R); the common
   * tokens counted as a multiset ({@link GramColumns#overlap} of the occurrence-tagged tokens).
   */
  static Column f1(Column pred, Column gold) {
    return GramColumns.let(
        GramColumns.overlap(GramColumns.tags(pred), GramColumns.tags(gold)),
        same -> {
          Column precision = same.cast("double").divide(functions.size(pred).cast("double"));
          Column recall = same.cast("double").divide(functions.size(gold).cast("double"));
          return functions
              .when(same.equalTo(0), functions.lit(0.0))
              .otherwise(
                  functions
                      .lit(2.0)
                      .multiply(precision)
                      .multiply(recall)
                      .divide(precision.plus(recall)));
        });
  }
}
