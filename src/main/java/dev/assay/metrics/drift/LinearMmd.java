package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.assay.spark.Columns;
import org.apache.commons.math3.special.Erf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The linear-time maximum mean discrepancy over the full data (Gretton, Borgwardt, Rasch, Schölkopf
 * and Smola, "A Kernel Two-Sample Test", JMLR 13, 2012, section 6, Lemma 14): the vectors of each
 * side are paired, pair i of the reference (x, x′) with pair i of the current data (y, y′), and
 *
 * <p>h_i = k(x, x′) + k(y, y′) − k(x, y′) − k(x′, y), MMD²_l = mean of h_i over the m₂ pairs,
 *
 * <p>with the RBF kernel k(a, b) = exp(−‖a − b‖² / σ²) of the quadratic estimate ({@link Mmd}, σ
 * the median heuristic on the sample). MMD²_l is asymptotically normal with variance σ²_h ÷ m₂
 * (σ²_h the sample variance of the h_i), so its p-value is 1 − Φ(MMD²_l ÷ √(σ²_h ÷ m₂)), one-sided
 * as the test rejects for large values.
 *
 * <p>The pairing is deterministic and needs no collect: each non-null vector gets the seeded hash
 * {@code xxhash64(seed, vector)}; a vector's bucket is that hash modulo B, B = ⌈(rows of the
 * smaller side) ÷ {@value #BUCKET_ROWS}⌉ (so a bucket holds about that many vectors per side and
 * the ranking never sorts a whole side in one task), and its rank r the position in its (side,
 * bucket) by (hash, then a second hash {@code xxhash64(vector, seed)}: equal hashes are equal
 * vectors, whose order changes nothing, and a sort by the vector itself would keep the window off
 * GPU executors). With h = ⌊n ÷ 2⌋ vectors in the first half of a (side, bucket) of n, the vector
 * at r &lt; 2h is the {@code r ÷ h}-th member of pair (bucket, r mod h): a vector is paired with
 * the one half a bucket away, so repeated vectors (equal hashes, adjacent ranks) are rarely paired
 * with each other. The two sides' pairs with the same (bucket, index) make one h_i; the pairs one
 * side has more of in a bucket are left out. One Spark job: a shuffle by (side, bucket) for the
 * ranks, one by (bucket, index) for the pairs, and a global sum of h, h² and the count. It is not
 * part of the drift family's counting job: any pairing that does not depend on the partitioning
 * must shuffle every vector, and the pairing's state in the count's aggregation would take that
 * aggregation off Spark's hash aggregate (docs/drift.md, "Why the linear MMD is a job of its own").
 *
 * @param mmd2 MMD²_l, the mean of h over the pairs
 * @param pValue its normal-approximation p-value (NaN when the h have no variance)
 * @param pairs m₂, the pairs of pairs used
 * @param sd the sample standard deviation of h
 */
record LinearMmd(double mmd2, double pValue, long pairs, double sd) {

  /** The vectors of the smaller side per hash bucket the pairing ranks within. */
  static final int BUCKET_ROWS = 20_000;

  private static final String SIDE = "__assay_side";
  private static final String VECTOR = "__assay_vec";
  private static final String HASH = "__assay_h";
  private static final String TIE = "__assay_t";
  private static final String BUCKET = "__assay_b";
  private static final String INDEX = "__assay_j";
  private static final String ROLE = "__assay_role";

  /**
   * MMD²_l of the vectors of {@code data}, side 0 against side 1.
   *
   * @param side 0 for a reference row, 1 for a current row
   * @param vector the row's vector ({@code array<double>}, null when missing)
   * @param rows the rows of the smaller side, which sets the buckets
   */
  static LinearMmd over(
      Dataset<Row> data, Column side, Column vector, double sigma2, long seed, long rows) {
    return statistic(quadruples(data, side, vector, seed, buckets(rows)), sigma2);
  }

  /** B: about {@value #BUCKET_ROWS} vectors of the smaller side per bucket, at least 1. */
  static int buckets(long rows) {
    return (int) Math.max(1, (rows + BUCKET_ROWS - 1) / BUCKET_ROWS);
  }

  /** The (x, x′, y, y′) rows, columns {@code x1, x2, y1, y2}, of the deterministic pairing. */
  static Dataset<Row> quadruples(
      Dataset<Row> data, Column side, Column vector, long seed, int buckets) {
    Column hash = xxhash64(lit(seed), vector);
    // ties of the hash are equal vectors (barring a 64-bit collision), whose order changes
    // nothing; a second hash breaks them, not the vector itself: RAPIDS cannot sort by an array
    Column tie = xxhash64(vector, lit(seed)).alias(TIE);
    Dataset<Row> hashed =
        data.where(vector.isNotNull())
            .select(
                side.alias(SIDE),
                vector.alias(VECTOR),
                hash.alias(HASH),
                tie,
                pmod(hash, lit((long) buckets)).alias(BUCKET));
    WindowSpec cell = Window.partitionBy(Columns.named(SIDE), Columns.named(BUCKET));
    Column half = floor(count(lit(1)).over(cell).divide(2));
    Column rank = row_number().over(cell.orderBy(Columns.named(HASH), Columns.named(TIE))).minus(1);
    Dataset<Row> ranked =
        hashed
            .withColumn("__assay_half", half)
            .withColumn("__assay_r", rank)
            .where(Columns.named("__assay_r").lt(Columns.named("__assay_half").multiply(2)))
            .withColumn(INDEX, pmod(Columns.named("__assay_r"), Columns.named("__assay_half")))
            .withColumn(
                ROLE,
                floor(Columns.named("__assay_r").divide(Columns.named("__assay_half")))
                    .cast("int"));
    return ranked
        .groupBy(Columns.named(BUCKET), Columns.named(INDEX))
        .agg(
            member(0, 0).alias("x1"),
            member(0, 1).alias("x2"),
            member(1, 0).alias("y1"),
            member(1, 1).alias("y2"))
        .where(
            Columns.named("x1")
                .isNotNull()
                .and(Columns.named("x2").isNotNull())
                .and(Columns.named("y1").isNotNull())
                .and(Columns.named("y2").isNotNull()))
        .select("x1", "x2", "y1", "y2");
  }

  /** The one vector of a pair group with this side and role. */
  private static Column member(int side, int role) {
    return first(
        when(
            Columns.named(SIDE).equalTo(side).and(Columns.named(ROLE).equalTo(role)),
            Columns.named(VECTOR)),
        true);
  }

  /** MMD²_l and its p-value over (x1, x2, y1, y2) rows, by one global aggregation. */
  static LinearMmd statistic(Dataset<Row> quadruples, double sigma2) {
    Column x1 = Columns.named("x1");
    Column x2 = Columns.named("x2");
    Column y1 = Columns.named("y1");
    Column y2 = Columns.named("y2");
    Column h =
        kernel(x1, x2, sigma2)
            .plus(kernel(y1, y2, sigma2))
            .minus(kernel(x1, y2, sigma2))
            .minus(kernel(x2, y1, sigma2));
    Row r =
        quadruples
            .select(h.alias("h"))
            .agg(
                count(lit(1)),
                sum(Columns.named("h")),
                sum(Columns.named("h").multiply(Columns.named("h"))))
            .first();
    return fromSums(
        r.getLong(0), r.isNullAt(1) ? 0 : r.getDouble(1), r.isNullAt(2) ? 0 : r.getDouble(2));
  }

  /** MMD²_l, the sample standard deviation of h and the p-value from m₂, Σh and Σh². */
  static LinearMmd fromSums(long pairs, double sum, double sumOfSquares) {
    if (pairs < 2) {
      return new LinearMmd(pairs == 1 ? sum : Double.NaN, Double.NaN, pairs, Double.NaN);
    }
    double mean = sum / pairs;
    double variance = Math.max(0, (sumOfSquares - pairs * mean * mean) / (pairs - 1));
    double sd = Math.sqrt(variance);
    double p = sd > 0 ? 0.5 * Erf.erfc(mean / (sd / Math.sqrt(pairs)) / Math.sqrt(2)) : Double.NaN;
    return new LinearMmd(mean, p, pairs, sd);
  }

  /**
   * exp(−‖a − b‖² / σ²) of two vectors of equal length. The squared differences are {@code
   * transform(a, (p, i) -> (p - b[i]) * (p - b[i]))} with {@code get} for b[i], not {@code
   * zip_with}, which the RAPIDS Accelerator does not have: the same doubles in the same order, and
   * null for vectors of different lengths as with {@code zip_with}.
   */
  static Column kernel(Column a, Column b, double sigma2) {
    Column squares =
        transform(
            a,
            (p, i) -> {
              Column q = get(b, i);
              return p.minus(q).multiply(p.minus(q));
            });
    // zip_with's null for vectors of different lengths (a null element in its result)
    Column distance =
        when(size(a).equalTo(size(b)), aggregate(squares, lit(0.0), (acc, s) -> acc.plus(s)));
    return exp(distance.divide(-sigma2));
  }
}
