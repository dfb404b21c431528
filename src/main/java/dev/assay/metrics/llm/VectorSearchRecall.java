package dev.assay.metrics.llm;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.spark.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * Vector search quality: the retriever's recall@k against the exact top k found by brute force. For
 * every query with an embedding, the cosine similarity ({@link SemanticColumns#cosine}) to every
 * corpus vector is computed by a Spark cross join (Spark blocks it over the partitions of both
 * sides), the k most similar corpus ids are kept per query (ties broken by id, ascending), and the
 * query's recall@k is |retrieved top k ∩ exact top k| / |exact top k|. The metric is the mean over
 * the queries with an embedding and at least one similar corpus vector, with a normal 95% interval.
 * Everything is built-in Spark SQL: no UDF, no row collected.
 *
 * <p>Bound: the cross join compares queries × corpus vectors pairs; more than {@code maxPairs}
 * (spec key {@code llm.vector_search.max_pairs}) is bad input, found by counting both sides before
 * the join.
 */
public final class VectorSearchRecall {

  /** The default largest number of query × corpus pairs compared. */
  public static final long DEFAULT_MAX_PAIRS = 50_000_000L;

  private VectorSearchRecall() {}

  /**
   * The corpus: the data set with an id and an embedding column.
   *
   * @param data the corpus rows
   * @param id the column of document ids (compared as strings with the retrieved ids)
   * @param embedding the {@code array<float|double>} column of document vectors
   */
  public record Corpus(Dataset<Row> data, String id, String embedding) {}

  /**
   * The retriever's recall@k against the exact top k.
   *
   * @param queries the records, with the query embedding and retrieved ids columns
   * @param queryEmbedding the query vector column
   * @param retrieved the ranked retrieved ids ({@code array<string>} or a comma-separated string)
   * @throws BadInputException when queries × corpus exceeds {@code maxPairs}
   */
  public static MetricResult recall(
      Dataset<Row> queries,
      String queryEmbedding,
      LlmColumns.TextColumn retrieved,
      Corpus corpus,
      int k,
      long maxPairs) {
    Dataset<Row> q =
        queries
            .where(Columns.named(queryEmbedding).isNotNull())
            .select(
                functions.monotonically_increasing_id().as("q_id"),
                SemanticColumns.vector(queryEmbedding).as("q_vec"),
                functions.slice(LlmAnalysis.ids(retrieved), 1, k).as("q_retrieved"));
    Dataset<Row> c =
        corpus
            .data()
            .select(
                Columns.named(corpus.id()).cast("string").as("c_id"),
                SemanticColumns.vector(corpus.embedding()).as("c_vec"));
    requireBounded(q.count(), c.count(), maxPairs);
    Dataset<Row> scored =
        q.select("q_id", "q_vec")
            .crossJoin(c)
            .select(
                col("q_id"),
                col("c_id"),
                SemanticColumns.cosine(col("q_vec"), col("c_vec")).as("cos"))
            .where(col("cos").isNotNull());
    Dataset<Row> exact =
        scored
            .withColumn(
                "rank",
                functions
                    .row_number()
                    .over(Window.partitionBy("q_id").orderBy(col("cos").desc(), col("c_id").asc())))
            .where(col("rank").leq(k))
            .groupBy("q_id")
            .agg(collect_list("c_id").as("exact"));
    Column hits =
        functions.size(
            functions.array_intersect(
                functions.coalesce(col("q_retrieved"), functions.array().cast("array<string>")),
                col("exact")));
    Row r =
        q.join(exact, "q_id")
            .select(functions.try_divide(hits, functions.size(col("exact"))).as("recall"))
            .agg(avg("recall"), stddev_samp("recall"), count(lit(1)))
            .first();
    return result(r, k);
  }

  private static void requireBounded(long queries, long documents, long maxPairs) {
    if (queries > 0 && documents > maxPairs / queries) {
      throw new BadInputException(
          "llm.vector_search.max_pairs: the exact top k would compare "
              + queries
              + " queries with "
              + documents
              + " corpus vectors, more than max_pairs "
              + maxPairs
              + ". Sample the queries, or raise llm.vector_search.max_pairs.");
    }
  }

  private static MetricResult result(Row r, int k) {
    String name = LlmMetrics.RETRIEVER_RECALL_AT_K.id();
    long n = r.getLong(2);
    if (n == 0 || r.isNullAt(0)) {
      return LlmResults.undefined(
          name, "no query has an embedding with a similar corpus vector (non-null, same length)");
    }
    double mean = r.getDouble(0);
    Double low = null;
    Double high = null;
    if (n > 1) {
      double half = SemanticState.Z95 * r.getDouble(1) / Math.sqrt(n);
      low = Math.max(0.0, mean - half);
      high = Math.min(1.0, mean + half);
    }
    return new MetricResult.Computed(
        LlmResults.key(name),
        mean,
        n,
        low,
        high,
        null,
        "recall@"
            + k
            + " of the retrieved ids against the exact cosine top "
            + k
            + " over "
            + n
            + " queries",
        null,
        null);
  }
}
