package dev.assay.metrics.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.xxhash64;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Verbatim memorization of training text, {@code memorization_rate}: the share of non-null LLM
 * responses that contain at least one substring of {@code n} characters (default 50) that also
 * occurs in the training text. Exact definition: response r counts when some window r[i, i + n)
 * equals some window t[j, j + n) of some training text t (case, whitespace and punctuation as
 * written; no normalization). Range [0, 1]; 0 = no response repeats n training characters, higher =
 * more regurgitation. Undefined without a non-null response. Reference: the extraction measure of
 * Carlini et al., "Quantifying Memorization Across Neural Language Models" (ICLR 2023), with a
 * character window instead of tokens.
 *
 * <p>Computed as a Spark join on hashed shingles, built-in expressions only: every text of at least
 * n characters becomes the array {@code transform(sequence(1, length − n + 1), i ->
 * xxhash64(substring(text, i, n)))}, exploded; the training hashes are de-duplicated and
 * left-semi-joined with the responses' (response, hash) pairs; the distinct responses left are the
 * memorizing ones. A 64-bit hash collision could count a response wrongly; with m training and r
 * response windows the chance is about m·r / 2^64 (1e-7 for 10^6 × 10^5 windows). At most three
 * Spark jobs (the total; the join, plus the broadcast of the training windows when Spark finds them
 * small); nothing but two counts reaches the driver.
 */
public final class MemorizationAnalysis {

  /** The metric's name. */
  public static final String METRIC = "memorization_rate";

  /** The default window, in characters. */
  public static final int DEFAULT_CHARS = 50;

  private MemorizationAnalysis() {}

  /** The hashes of every n-character window of {@code text} (texts shorter than n give none). */
  static Dataset<Row> shingles(Dataset<Row> data, Column text, int n, Column... keep) {
    Column[] cols = new Column[keep.length + 1];
    System.arraycopy(keep, 0, cols, 0, keep.length);
    cols[keep.length] =
        explode(
                transform(
                    sequence(lit(1), length(text).minus(n - 1)),
                    i -> xxhash64(text.substr(i, lit(n)))))
            .as("shingle");
    return data.where(length(text).geq(n)).select(cols);
  }

  /**
   * Runs the measure.
   *
   * @param responses the data with the response column
   * @param response the response column's name
   * @param training the training text
   * @param trainingColumn the training text's column
   * @param n the window in characters (at least 1)
   */
  public static MetricResult run(
      Dataset<Row> responses,
      String response,
      Dataset<Row> training,
      String trainingColumn,
      int n) {
    Column r = Columns.named(response).cast("string");
    Dataset<Row> withId =
        responses
            .where(r.isNotNull())
            .select(monotonically_increasing_id().as("response_id"), r.as("response"));
    long total = withId.agg(count(lit(1))).first().getLong(0);
    MetricKey key = new MetricKey(PrivacyMetrics.MEMORIZATION_RATE, Scope.column(response));
    if (total == 0) {
      return new MetricResult.Undefined(
          key,
          0L,
          METRIC + " is undefined: the column '" + response + "' has no non-null response");
    }
    Dataset<Row> trained =
        shingles(training, Columns.named(trainingColumn).cast("string"), n).distinct();
    Dataset<Row> said = shingles(withId, col("response"), n, col("response_id"));
    long hits =
        said.join(trained, said.col("shingle").equalTo(trained.col("shingle")), "left_semi")
            .agg(count_distinct(col("response_id")))
            .first()
            .getLong(0);
    return MetricResult.Computed.of(
        key,
        (double) hits / total,
        total,
        hits
            + " of "
            + total
            + " responses repeat "
            + n
            + "+ characters of the training text verbatim");
  }
}
