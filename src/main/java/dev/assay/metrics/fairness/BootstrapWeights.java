package dev.assay.metrics.fairness;

import dev.assay.spark.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * The Poisson bootstrap's replicate weights, as built-in Spark expressions (no UDF, no {@code
 * rand}): row i's weight in replicate r is a Poisson(1) draw
 *
 * <pre>
 *   h_i    = xxhash64(seed, every column of the row)                 (Spark's xxhash64, seed 42)
 *   u_ir   = xxhash64(h_i, r) &gt;&gt;&gt; 11                                 (53 uniform bits)
 *   w_ir   = min { k : u_ir &lt; ⌊F(k) · 2^53⌋ },  F = the Poisson(1) CDF, capped at {@value #CAP}
 * </pre>
 *
 * <p>Summing w_ir over a group's rows gives the group's replicate counts; with many rows,
 * Poisson(1) weights are the multinomial bootstrap's resampling counts in the limit (Hanley and
 * MacGibbon, "Creating non-parametric bootstrap samples using Poisson frequencies", Computer
 * Methods and Programs in Biomedicine 83:57–62, 2006; Chamandy et al., "Estimating uncertainty for
 * massive data streams", Google, 2012). Draws above {@value #CAP} (probability 1.0e-8) are counted
 * as {@value #CAP}.
 *
 * <p><b>Determinism.</b> The weight depends only on the row's content, the seed and r — not on
 * partitioning or row order — so replicate counts, and the intervals, are identical on any cluster
 * layout. <b>Assumption:</b> rows equal in every column get the same weights, i.e. they are
 * resampled together as one unit. With a row identifier in the data this never happens; without
 * one, exact duplicate rows make the intervals somewhat wider than an i.i.d. bootstrap's (a cluster
 * bootstrap over distinct rows). Map columns cannot be hashed by Spark and are left out of h_i.
 */
public final class BootstrapWeights {

  /** The largest weight. */
  public static final int CAP = 11;

  /** ⌊F(k) · 2^53⌋ for k = 0 .. CAP − 1, F the Poisson(1) CDF. */
  static final long[] THRESHOLDS = new long[CAP];

  static {
    double term = Math.exp(-1.0);
    double cdf = 0.0;
    for (int k = 0; k < CAP; k++) {
      cdf += term;
      term /= k + 1;
      THRESHOLDS[k] = (long) Math.floor(cdf * 0x1p53);
    }
  }

  private BootstrapWeights() {}

  /** The name of replicate r's weight column. */
  static String column(int r) {
    return "__assay_boot_" + r;
  }

  private static String uniform(int r) {
    return "__assay_boot_u_" + r;
  }

  /** {@code data} with one int weight column per replicate ({@link #column}). */
  static Dataset<Row> add(Dataset<Row> data, Dataset<Row> original, int replicates, long seed) {
    List<Column> hashed = new ArrayList<>();
    hashed.add(functions.lit(seed));
    for (StructField f : original.schema().fields()) {
      if (!f.dataType().catalogString().contains("map<")) {
        hashed.add(Columns.named(f.name()));
      }
    }
    // Three projections, so that each hash is computed once per row: Spark does not collapse a
    // projection whose costly expressions the next one references more than once.
    String rowHash = "__assay_row_hash";
    Dataset<Row> hashedRows =
        data.withColumn(rowHash, functions.xxhash64(hashed.toArray(new Column[0])));
    List<Column> uniforms = new ArrayList<>();
    uniforms.add(functions.col("*"));
    for (int r = 0; r < replicates; r++) {
      uniforms.add(
          functions
              .shiftrightunsigned(functions.xxhash64(Columns.named(rowHash), functions.lit(r)), 11)
              .alias(uniform(r)));
    }
    Dataset<Row> withUniforms = hashedRows.select(uniforms.toArray(new Column[0]));
    List<Column> all = new ArrayList<>();
    for (String c : data.columns()) {
      all.add(Columns.named(c));
    }
    for (int r = 0; r < replicates; r++) {
      Column u = Columns.named(uniform(r));
      Column w = functions.when(u.lt(THRESHOLDS[0]), 0);
      for (int k = 1; k < CAP; k++) {
        w = w.when(u.lt(THRESHOLDS[k]), k);
      }
      all.add(w.otherwise(CAP).alias(column(r)));
    }
    return withUniforms.select(all.toArray(new Column[0]));
  }
}
