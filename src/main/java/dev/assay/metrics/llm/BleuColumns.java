package dev.assay.metrics.llm;

import dev.assay.spark.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@link Bleu}'s per-segment sufficient statistics as built-in Spark SQL expressions, so the 13a
 * tokenization and the clipped n-gram matches run in the plan instead of in Java:
 *
 * <ol>
 *   <li>{@link Tokenizer13a}: {@code regexp_replace} of trailing Python whitespace ({@code
 *       rstrip}), {@code replace} of {@code <skipped>}, {@code "-\n"}, {@code "\n"} and the four
 *       entities (a no-op without {@code &}, so done always), padding with {@code concat}, the four
 *       regular expressions of {@link Tokenizer13a} themselves with {@code regexp_replace} (Java's
 *       {@code replaceAll} semantics on both sides), then {@code split} on Python whitespace and
 *       {@code filter} of the empty strings;
 *   <li>the n-grams of order 1..4 with {@code transform} over {@code sequence} and {@code slice},
 *       joined by a space (tokens hold no whitespace, so the key is unambiguous, as in {@link
 *       Bleu});
 *   <li>per order, the clipped matches Σ over the distinct hypothesis n-grams of min(count in the
 *       hypothesis, highest count in any reference) with {@code aggregate}, {@code filter}, {@code
 *       least} and {@code greatest}; the totals are the sizes; the closest reference length is the
 *       {@code array_min} of (|hyp − ref|, ref) pairs (ties to the shorter).
 * </ol>
 *
 * The result is the {@code array<bigint>} layout of {@link Bleu#SIZE}, equal to {@link
 * Bleu#segment} (SqlScoresEquivalenceTest).
 */
final class BleuColumns {

  /** The column of {@link #withGrams} holding the hypothesis tokens. */
  static final String HYP_TOKENS = "__assay_bleu_hyp_tokens";

  /** The column of {@link #withGrams} holding the hypothesis n-grams, one array per order. */
  static final String HYP = "__assay_bleu_hyp";

  /** The column of {@link #withGrams}: per reference, its length and n-grams per order. */
  static final String REFS = "__assay_bleu_refs";

  private BleuColumns() {}

  /**
   * {@code data} with the hypothesis tokens and n-grams and, per BLEU reference, its length and
   * n-grams: the references are the non-null, non-empty ones (sacreBLEU drops empty references), or
   * the empty text when none is left (as {@link OverlapState#of}).
   */
  static Dataset<Row> withGrams(Dataset<Row> data, Column response, Column references) {
    Column nonEmpty =
        functions.filter(references, r -> r.isNotNull().and(r.notEqual(functions.lit(""))));
    Column bleuRefs =
        functions
            .when(functions.size(nonEmpty).equalTo(0), functions.array(functions.lit("")))
            .otherwise(nonEmpty);
    return data.withColumn(HYP_TOKENS, tokens(response))
        .withColumn(HYP, grams(Columns.named(HYP_TOKENS)))
        .withColumn(
            REFS,
            functions.transform(
                functions.transform(bleuRefs, BleuColumns::tokens),
                t -> functions.struct(functions.size(t).as("len"), grams(t).as("grams"))));
  }

  /**
   * The segment's statistics [hyp_len, ref_len, matches_1..4, totals_1..4] from the columns of
   * {@link #withGrams}, as {@code array<bigint>}; meaningful where the response and a reference are
   * present (the caller decides).
   */
  static Column stats() {
    Column hyp = Columns.named(HYP);
    Column refs = Columns.named(REFS);
    Column hypLen = functions.size(Columns.named(HYP_TOKENS));
    Column closest =
        functions
            .array_min(
                functions.transform(
                    refs,
                    r ->
                        functions.struct(
                            functions.abs(hypLen.minus(r.getField("len"))).as("diff"),
                            r.getField("len").as("len"))))
            .getField("len");
    Column[] out = new Column[Bleu.SIZE];
    out[0] = hypLen.cast("bigint");
    out[1] = closest.cast("bigint");
    for (int n = 1; n <= Bleu.MAX_ORDER; n++) {
      Column grams = functions.element_at(hyp, n);
      int order = n;
      out[1 + n] =
          functions.aggregate(
              functions.array_distinct(grams),
              functions.lit(0L),
              (acc, g) ->
                  acc.plus(
                      functions
                          .least(
                              functions.size(functions.filter(grams, x -> x.equalTo(g))),
                              functions.aggregate(
                                  refs,
                                  functions.lit(0),
                                  (m, r) ->
                                      functions.greatest(
                                          m,
                                          functions.size(
                                              functions.filter(
                                                  functions.element_at(r.getField("grams"), order),
                                                  x -> x.equalTo(g))))))
                          .cast("bigint")));
      out[1 + Bleu.MAX_ORDER + n] = functions.size(grams).cast("bigint");
    }
    return functions.array(out);
  }

  /** {@link Tokenizer13a#tokens}: the 13a tokens of a segment after {@code rstrip}. */
  static Column tokens(Column segment) {
    Column line = functions.regexp_replace(segment, "[" + SquadColumns.SPACE + "]+\\z", "");
    line = replace(line, "<skipped>", "");
    line = replace(line, "-\n", "");
    line = replace(line, "\n", " ");
    line = replace(line, "&quot;", "\"");
    line = replace(line, "&amp;", "&");
    line = replace(line, "&lt;", "<");
    line = replace(line, "&gt;", ">");
    line = functions.concat(functions.lit(" "), line, functions.lit(" "));
    line = functions.regexp_replace(line, Tokenizer13a.PUNCTUATION.pattern(), " $1 ");
    line =
        functions.regexp_replace(
            line, Tokenizer13a.PERIOD_COMMA_AFTER_NON_DIGIT.pattern(), "$1 $2 ");
    line =
        functions.regexp_replace(
            line, Tokenizer13a.PERIOD_COMMA_BEFORE_NON_DIGIT.pattern(), " $1 $2");
    line = functions.regexp_replace(line, Tokenizer13a.DASH_AFTER_DIGIT.pattern(), "$1 $2 ");
    return functions.filter(
        functions.split(line, "[" + SquadColumns.SPACE + "]+"), t -> t.notEqual(functions.lit("")));
  }

  /** The n-grams of order 1..4 of a token array, each joined by a space: one array per order. */
  private static Column grams(Column tokens) {
    Column[] orders = new Column[Bleu.MAX_ORDER];
    for (int n = 1; n <= Bleu.MAX_ORDER; n++) {
      int order = n;
      orders[n - 1] =
          functions
              .when(
                  functions.size(tokens).geq(n),
                  functions.transform(
                      functions.sequence(functions.lit(1), functions.size(tokens).minus(n - 1)),
                      i ->
                          functions.array_join(
                              functions.slice(tokens, i, functions.lit(order)), " ")))
              .otherwise(functions.array().cast("array<string>"));
    }
    return functions.array(orders);
  }

  private static Column replace(Column text, String search, String replacement) {
    return functions.replace(text, functions.lit(search), functions.lit(replacement));
  }
}
