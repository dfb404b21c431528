package dev.assay.metrics.llm;

import dev.assay.spark.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@link Chrf}'s per-segment statistics as built-in Spark SQL expressions (the SQL form of {@link
 * LlmAnalysis}, used on GPU executors), in the steps of sacreBLEU's {@code
 * _compute_segment_statistics}:
 *
 * <ol>
 *   <li>{@code regexp_replace} removes Python's whitespace ({@link SquadColumns#SPACE}: {@code
 *       ''.join(s.split())});
 *   <li>the character n-grams of order 1..6 over code points ({@link GramColumns#charGrams}: {@code
 *       substring}, {@code length}), tagged with their occurrence numbers ({@link
 *       GramColumns#tags}); per reference and order the triple [hyp count — 0 when the reference
 *       has no n-gram of that order —, ref count, matches = size of the {@code array_intersect} of
 *       the tags];
 *   <li>per reference its segment F-score with the double operations of {@link Chrf#score}, in the
 *       same order (the average precision and recall sum the orders from 1 to 6, an order that does
 *       not count adding 0.0, which leaves a non-negative sum unchanged); the statistics of the
 *       first reference with the highest F-score ({@code array_max}, {@code filter}, {@code
 *       element_at}) — {@link Chrf#segment}'s strict {@code >} keeps the first on ties.
 * </ol>
 *
 * The result is the {@code array<bigint>} layout of {@link Chrf#SIZE}, equal to {@link
 * Chrf#segment} (LlmFormsEquivalenceTest).
 */
final class ChrfColumns {

  /** The column of {@link #withGrams} holding the hypothesis n-gram tags, one array per order. */
  static final String HYP = "__assay_chrf_hyp";

  /** The column of {@link #withGrams} holding, per reference, its n-gram tags per order. */
  static final String REFS = "__assay_chrf_refs";

  /** The column of {@link #withGrams} holding, per reference, its F-score and statistics. */
  static final String SCORED = "__assay_chrf_scored";

  private ChrfColumns() {}

  /**
   * {@code data} with the n-gram tags of the hypothesis and of each BLEU/chrF reference ({@link
   * BleuColumns#references}) and, per reference, its statistics and segment F-score.
   */
  static Dataset<Row> withGrams(Dataset<Row> data, Column response, Column references) {
    return data.withColumn(HYP, grams(response))
        .withColumn(
            REFS, functions.transform(BleuColumns.references(references), ChrfColumns::grams))
        .withColumn(
            SCORED, functions.transform(Columns.named(REFS), r -> scored(Columns.named(HYP), r)));
  }

  /**
   * The segment's statistics [hyp_n, ref_n, match_n] for n = 1..6 from the columns of {@link
   * #withGrams}, as {@code array<bigint>}: those of the first reference with the best F-score.
   */
  static Column stats() {
    Column scored = Columns.named(SCORED);
    Column best = functions.array_max(functions.transform(scored, s -> s.getField("f")));
    return functions
        .element_at(functions.filter(scored, s -> s.getField("f").equalTo(best)), 1)
        .getField("stats");
  }

  /** The tagged character n-grams of order 1..6 of a text without whitespace, one per order. */
  private static Column grams(Column text) {
    return GramColumns.let(
        functions.regexp_replace(text, "[" + SquadColumns.SPACE + "]+", ""),
        chars -> {
          Column[] orders = new Column[Chrf.CHAR_ORDER];
          for (int n = 1; n <= Chrf.CHAR_ORDER; n++) {
            orders[n - 1] = GramColumns.tags(GramColumns.charGrams(chars, n));
          }
          return functions.array(orders);
        });
  }

  /** One reference's {f, stats}: its statistics against the hypothesis and its F-score. */
  private static Column scored(Column hyp, Column ref) {
    Column[] stats = new Column[Chrf.SIZE];
    Column precision = functions.lit(0.0);
    Column recall = functions.lit(0.0);
    Column effective = functions.lit(0);
    for (int n = 1; n <= Chrf.CHAR_ORDER; n++) {
      Column h = functions.element_at(hyp, n);
      Column r = functions.element_at(ref, n);
      Column hypCount = functions.size(h).cast("bigint");
      Column refCount = functions.size(r).cast("bigint");
      Column match = GramColumns.overlap(h, r).cast("bigint");
      Column counted = functions.when(refCount.equalTo(0), functions.lit(0L)).otherwise(hypCount);
      stats[3 * n - 3] = counted;
      stats[3 * n - 2] = refCount;
      stats[3 * n - 1] = match;
      Column both = counted.gt(0).and(refCount.gt(0));
      precision =
          precision.plus(
              functions
                  .when(both, match.cast("double").divide(counted.cast("double")))
                  .otherwise(functions.lit(0.0)));
      recall =
          recall.plus(
              functions
                  .when(both, match.cast("double").divide(refCount.cast("double")))
                  .otherwise(functions.lit(0.0)));
      effective = effective.plus(functions.when(both, 1).otherwise(0));
    }
    return GramColumns.let(
        functions.struct(
            effective.as("k"),
            precision.as("p"),
            recall.as("r"),
            functions.array(stats).as("stats")),
        s -> functions.struct(f(s).as("f"), s.getField("stats").as("stats")));
  }

  /** {@link Chrf#score}'s F from the effective order k and the summed precisions and recalls. */
  private static Column f(Column s) {
    // k = 0 leaves both sums 0.0: dividing by 1 then keeps them and avoids a division by zero
    Column k = functions.greatest(s.getField("k"), functions.lit(1)).cast("double");
    Column p = s.getField("p").divide(k);
    Column r = s.getField("r").divide(k);
    double factor = Chrf.BETA * Chrf.BETA;
    return functions
        .when(s.getField("k").equalTo(0), functions.lit(0.0))
        .when(p.plus(r).equalTo(0.0), functions.lit(0.0))
        .otherwise(
            functions
                .lit(100 * (1 + factor))
                .multiply(p)
                .multiply(r)
                .divide(functions.lit(factor).multiply(p).plus(r)));
  }
}
