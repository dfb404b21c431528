package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Poisson bootstrap inside the one aggregation, against a plain-Java bootstrap that draws the
 * same weights from their definition (xxhash64 of the row, then of (row hash, r), mapped through
 * the Poisson(1) inverse CDF) and recomputes each metric with plain loops.
 */
@Tag("slow")
class BootstrapTest {

  static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("sex", DataTypes.StringType)
          .add("y", DataTypes.IntegerType)
          .add("p", DataTypes.IntegerType)
          .add("score", DataTypes.DoubleType);

  /**
   * Seeded rows: three groups with different rates; scores with three decimals (exact AUC keys).
   */
  static List<Object[]> rows(int n, long seed) {
    Random rnd = new Random(seed);
    String[] groups = {"A", "B", "C"};
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int g = rnd.nextInt(3);
      int y = rnd.nextDouble() < 0.3 + 0.1 * g ? 1 : 0;
      double score =
          Math.round(
                  Math.min(1, Math.max(0, 0.35 + 0.3 * y - 0.05 * g + 0.25 * rnd.nextGaussian()))
                      * 1000)
              / 1000.0;
      int p = score >= 0.5 ? 1 : 0;
      out.add(new Object[] {i, groups[g], y, p, score});
    }
    return out;
  }

  static Dataset<Row> frame(List<Object[]> rows) {
    return SharedSpark.get()
        .createDataFrame(rows.stream().map(RowFactory::create).toList(), SCHEMA);
  }

  static FairnessInput input(Dataset<Row> df, int replicates, long seed) {
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    BinaryColumn prediction =
        BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test");
    return FairnessInput.of(
            df,
            FairnessInput.Outcomes.of(label, prediction, "score"),
            List.of(new Slice(List.of("sex"))),
            1)
        .withInference(
            FairnessInput.Inference.DEFAULTS.withBootstrap(
                new FairnessInput.Bootstrap(replicates, seed)));
  }

  static MetricResult.Computed computed(List<MetricResult> metrics, String metric) {
    return (MetricResult.Computed)
        metrics.stream()
            .filter(
                m ->
                    m.key().metric().equals(metric)
                        && m.key().scope().equals(Scope.attribute("sex")))
            .findFirst()
            .orElseThrow();
  }

  // ---- the independent weight function ----

  /** Spark's xxhash64(seed, id, sex, y, p, score): its running seed starts at 42. */
  static long rowHash(Object[] r, long seed) {
    long h = XXH64.hashLong(seed, 42L);
    h = XXH64.hashInt((Integer) r[0], h);
    UTF8String s = UTF8String.fromString((String) r[1]);
    h = XXH64.hashUnsafeBytes(s.getBaseObject(), s.getBaseOffset(), s.numBytes(), h);
    h = XXH64.hashInt((Integer) r[2], h);
    h = XXH64.hashInt((Integer) r[3], h);
    return XXH64.hashLong(Double.doubleToLongBits((Double) r[4]), h);
  }

  /** Poisson(1) by inverse CDF of the 53 top bits of xxhash64(rowHash, r), capped at 11. */
  static int weight(long rowHash, int r) {
    long u = XXH64.hashInt(r, XXH64.hashLong(rowHash, 42L)) >>> 11;
    double pk = Math.exp(-1);
    double cdf = 0;
    for (int k = 0; k < 11; k++) {
      cdf += pk;
      pk /= k + 1;
      if (u < (long) Math.floor(cdf * 0x1p53)) {
        return k;
      }
    }
    return 11;
  }

  static double quantile7(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) h;
    return lo + 1 < sorted.length
        ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo])
        : sorted[lo];
  }

  /** Per replicate, the three metrics from weighted plain loops; NaN where undefined. */
  static double[][] plainBootstrap(List<Object[]> rows, int replicates, long seed) {
    long[] hashes = rows.stream().mapToLong(r -> rowHash(r, seed)).toArray();
    double[][] out = new double[3][replicates];
    for (int b = 0; b < replicates; b++) {
      double[] n = new double[3];
      double[] sel = new double[3];
      double[] pos = new double[3];
      double[] tp = new double[3];
      double[] wins = new double[3];
      for (int i = 0; i < rows.size(); i++) {
        Object[] r = rows.get(i);
        int g = ((String) r[1]).charAt(0) - 'A';
        int w = weight(hashes[i], b);
        int y = (Integer) r[2];
        int p = (Integer) r[3];
        n[g] += w;
        sel[g] += w * p;
        pos[g] += w * y;
        tp[g] += w * y * p;
        if (y == 1 && w > 0) {
          for (int j = 0; j < rows.size(); j++) {
            Object[] o = rows.get(j);
            if ((Integer) o[2] == 0 && o[1].equals(r[1])) {
              double cmp = Double.compare((Double) r[4], (Double) o[4]);
              wins[g] += w * weight(hashes[j], b) * (cmp > 0 ? 1 : cmp == 0 ? 0.5 : 0);
            }
          }
        }
      }
      double[] selRate = new double[3];
      double[] tpr = new double[3];
      double[] fpr = new double[3];
      double[] auc = new double[3];
      for (int g = 0; g < 3; g++) {
        selRate[g] = sel[g] / n[g];
        tpr[g] = tp[g] / pos[g];
        fpr[g] = (sel[g] - tp[g]) / (n[g] - pos[g]);
        auc[g] = wins[g] / (pos[g] * (n[g] - pos[g]));
      }
      out[0][b] = spread(selRate);
      out[1][b] = Math.max(spread(tpr), spread(fpr));
      out[2][b] = spread(auc);
    }
    return out;
  }

  static double spread(double[] v) {
    return Arrays.stream(v).max().orElseThrow() - Arrays.stream(v).min().orElseThrow();
  }

  @Test
  void intervalsEqualAPlainJavaBootstrapWithTheSameWeights(@TempDir Path dir) {
    List<Object[]> rows = rows(300, 11);
    String path = dir.resolve("boot.parquet").toString();
    frame(rows).repartition(3).write().parquet(path);
    Dataset<Row> df = SharedSpark.get().read().parquet(path);
    int replicates = 40;
    List<List<MetricResult>> out = new ArrayList<>();
    int jobs =
        JobCounter.count(
            SharedSpark.get(),
            () -> out.add(FairnessAnalysis.run(input(df, replicates, 5L)).metrics()));
    assertEquals(1, jobs, "the bootstrap rides in the one fairness job");
    List<MetricResult> m = out.get(0);

    double[][] expected = plainBootstrap(rows, replicates, 5L);
    String[] names = {
      "demographic_parity_difference", "equalized_odds_difference", "auc_difference"
    };
    for (int i = 0; i < names.length; i++) {
      double[] sorted = Arrays.stream(expected[i]).filter(x -> !Double.isNaN(x)).sorted().toArray();
      assertEquals(replicates, sorted.length, names[i]);
      MetricResult.Computed c = computed(m, names[i]);
      assertEquals(quantile7(sorted, 0.025), c.ciLow(), 1e-12, names[i]);
      assertEquals(quantile7(sorted, 0.975), c.ciHigh(), 1e-12, names[i]);
      assertTrue(c.ciLow() <= c.value() + 0.05 && c.value() - 0.05 <= c.ciHigh(), c.toString());
      assertTrue(
          c.note().contains("bootstrap percentile interval (40 Poisson replicates, seed 5)"),
          c.note());
      assertTrue(!c.note().contains("Newcombe"), c.note());
    }
  }

  /** Writes {@code rows} as Parquet in {@code partitions} files and reads them back. */
  static Dataset<Row> parquet(Path dir, String name, List<Object[]> rows, int partitions) {
    String path = dir.resolve(name).toString();
    frame(rows).repartition(partitions).write().parquet(path);
    return SharedSpark.get().read().parquet(path);
  }

  @Test
  void replicatesDoNotDependOnPartitioningOrRowOrder(@TempDir Path dir) {
    List<Object[]> rows = rows(200, 3);
    List<Object[]> reversed = new ArrayList<>(rows);
    java.util.Collections.reverse(reversed);
    List<MetricResult> a =
        FairnessAnalysis.run(input(parquet(dir, "a", rows, 1), 20, 9L)).metrics();
    List<MetricResult> b =
        FairnessAnalysis.run(input(parquet(dir, "b", reversed, 5), 20, 9L)).metrics();
    for (String name :
        List.of("demographic_parity_difference", "equalized_odds_ratio", "auc_difference")) {
      assertEquals(computed(a, name).ciLow(), computed(b, name).ciLow(), 0.0, name);
      assertEquals(computed(a, name).ciHigh(), computed(b, name).ciHigh(), 0.0, name);
    }
  }

  /**
   * Coverage sanity. The weights are Poisson(1) (mean 1, variance 1 over many draws), and for two
   * large groups the bootstrap interval of the difference of selection rates is close to Newcombe's
   * analytic interval of the same difference (same centre within 0.01, width within 25 % — with 100
   * replicates the percentile bounds carry Monte Carlo error of roughly 10 %).
   */
  @Test
  void weightsArePoissonAndTheIntervalAgreesWithNewcombeForTwoGroups(@TempDir Path dir) {
    double sum = 0;
    double sq = 0;
    long zeros = 0;
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      int w = weight(i * 0x9E3779B97F4A7C15L, i % 97);
      sum += w;
      sq += (double) w * w;
      zeros += w == 0 ? 1 : 0;
    }
    double mean = sum / draws;
    assertEquals(1.0, mean, 0.01);
    assertEquals(1.0, sq / draws - mean * mean, 0.02);
    assertEquals(Math.exp(-1), (double) zeros / draws, 0.005);

    Random rnd = new Random(1);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String g = i % 2 == 0 ? "A" : "B";
      int p = rnd.nextDouble() < (g.equals("A") ? 0.3 : 0.4) ? 1 : 0;
      rows.add(new Object[] {i, g, rnd.nextInt(2), p, 0.5});
    }
    Dataset<Row> df = parquet(dir, "two", rows, 2);
    List<MetricResult> boot = FairnessAnalysis.run(input(df, 100, 0L)).metrics();
    MetricResult.Computed b = computed(boot, "demographic_parity_difference");
    MetricResult.Computed n =
        computed(FairnessAnalysis.run(input(df, 0, 0L)).metrics(), "demographic_parity_difference");
    assertEquals(b.value(), n.value(), 0.0);
    double bw = b.ciHigh() - b.ciLow();
    double nw = n.ciHigh() - n.ciLow();
    assertTrue(bw > 0.75 * nw && bw < 1.25 * nw, "bootstrap " + b + " vs Newcombe " + n);
    assertEquals((n.ciLow() + n.ciHigh()) / 2, (b.ciLow() + b.ciHigh()) / 2, 0.01);
    assertTrue(b.ciLow() < b.value() && b.value() < b.ciHigh());
  }

  @Test
  void withoutBootstrapThereIsNoIntervalOnAucDifference(@TempDir Path dir) {
    MetricResult.Computed c =
        computed(
            FairnessAnalysis.run(input(parquet(dir, "c", rows(100, 2), 1), 0, 0L)).metrics(),
            "auc_difference");
    assertNull(c.ciLow());
  }
}
