package dev.assay.metrics.llm;

import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * {@link Retrieval}'s six per-record scores with binary relevance as built-in Spark SQL
 * expressions, so the id matching runs in the plan instead of in Java; graded relevance ({@code
 * id:grade}, parsed as Java parses a double) stays in {@link Retrieval#gradedScores}.
 *
 * <p>The ids are prepared as {@link Retrieval#ids}: {@code transform} with {@code regexp_replace}
 * trims each id of the characters up to U+0020 (Java's {@code String.trim}), {@code filter} drops
 * null and empty ids, {@code array_distinct} keeps each id's first rank. The ranks of the relevant
 * retrieved ids ({@code transform} with the index, {@code filter}) give every score: hits in the
 * top k, the first rank (MRR), the running precision at each hit summed in rank order (AP), and DCG
 * and the ideal DCG summed in rank order over the discounts 1 / log2(rank + 1), taken for ranks
 * 1..k from a literal array that Java computes with {@link Retrieval}'s own {@code log2} — so every
 * value is bit for bit that of {@link Retrieval#scores} (RetrievalColumnsTest).
 */
final class RetrievalColumns {

  /**
   * What Java's {@code String.trim} removes at the start, the characters U+0000 to U+0020, as a
   * regular expression (written with escapes: a literal NUL in the plan would make the GPU plan
   * check's {@code grep} read its log as binary). The end is trimmed as the start of the reversed
   * string ({@link #trim}): the RAPIDS Accelerator does not take {@code \\z} ("\\z is not supported
   * on GPU for find or replace"), and {@code $} also matches before a final line terminator such as
   * U+2028, which {@code String.trim} keeps.
   */
  private static final String LEADING = "^[\\x00-\\x20]+";

  private RetrievalColumns() {}

  /**
   * The six scores in the order of {@link Retrieval#NAMES} as {@code array<double>}, or null when
   * the record has no relevant id (unjudged).
   *
   * @param retrieved the ranked ids, {@code array<string>} (null: nothing retrieved)
   * @param relevant the relevant ids, {@code array<string>} (null: none)
   * @param k the cut-off, at least 1
   */
  static Column scores(Column retrieved, Column relevant, int k) {
    Column rel = ids(relevant);
    Column ranked = ids(retrieved);
    Column ranks =
        functions.filter(
            functions.transform(
                ranked,
                (id, i) ->
                    functions
                        .when(functions.array_contains(rel, id), i.plus(1))
                        .otherwise(functions.lit(0))),
            r -> r.gt(0));
    Column discounts =
        functions.array(
            IntStream.rangeClosed(1, k)
                .mapToObj(rank -> functions.lit(1.0 / Retrieval.log2(rank + 1)))
                .toArray(Column[]::new));
    Column relevantCount = functions.size(rel).cast("double");
    Column hitsAtK = functions.size(functions.filter(ranks, r -> r.leq(k))).cast("double");
    Column firstHit =
        functions
            .when(
                functions.size(ranks).gt(0),
                functions.lit(1.0).divide(functions.element_at(ranks, 1).cast("double")))
            .otherwise(functions.lit(0.0));
    Column precisionSum =
        sum(
            functions.transform(
                ranks, (r, i) -> i.plus(1).cast("double").divide(r.cast("double"))));
    Column dcg =
        sum(
            functions.transform(
                functions.filter(ranks, r -> r.leq(k)), r -> functions.element_at(discounts, r)));
    Column idcg =
        sum(
            functions.slice(
                discounts,
                functions.lit(1),
                functions.least(functions.lit(k), functions.size(rel))));
    Column scores =
        functions.array(
            hitsAtK.divide(relevantCount),
            hitsAtK.divide(functions.lit((double) k)),
            functions.when(hitsAtK.gt(0), functions.lit(1.0)).otherwise(functions.lit(0.0)),
            firstHit,
            dcg.divide(idcg),
            precisionSum.divide(relevantCount));
    return functions
        .when(functions.size(rel).equalTo(0), functions.lit(null).cast("array<double>"))
        .otherwise(scores);
  }

  /** The ids trimmed, without null and empty ones, each at its first rank; empty for null. */
  private static Column ids(Column given) {
    Column trimmed =
        functions.transform(
            functions.coalesce(given, functions.array().cast("array<string>")),
            RetrievalColumns::trim);
    return functions.array_distinct(
        functions.filter(trimmed, id -> id.isNotNull().and(id.notEqual(functions.lit("")))));
  }

  /**
   * Java's {@code String.trim}: the leading run of U+0000–U+0020 removed, then the leading run of
   * the reversed string (code points reversed, so reversing twice gives the string back).
   */
  static Column trim(Column id) {
    Column start = functions.regexp_replace(id, LEADING, "");
    return functions.reverse(functions.regexp_replace(functions.reverse(start), LEADING, ""));
  }

  /** The sum of an {@code array<double>} from left to right, starting at 0.0 (0.0 when empty). */
  private static Column sum(Column values) {
    return functions.aggregate(values, functions.lit(0.0), Column::plus);
  }
}
