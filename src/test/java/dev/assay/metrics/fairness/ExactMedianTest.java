package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.ScoredRows.input;
import static dev.assay.metrics.fairness.ScoredRows.scopes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.metrics.fairness.ScoredRows.Obs;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Over the exact attempt's cell bound (lowered here so that small data reaches it) the score
 * metrics stay exact: every group's LL 144 {@code scoring_rate} equals the definition computed here
 * from a plain sort of the scores (the middle row's score, or the mean of the two middle rows', and
 * the rows strictly above it; {@link ExactMedian}), and every group's {@code
 * expected_calibration_error} equals the ten-bin definition with bin floor(10 s) computed here, on
 * continuous scores piled up around the median and on the calibration edges.
 */
class ExactMedianTest {

  /**
   * Seeded rows with probability scores: a third piled up in [0.5, 0.501) (one 1e-3 key, where the
   * median falls, so the binned rate is off), the rest uniform with many digits, some on and just
   * under the calibration edges (b/10, one ulp under, 1e-10 under), some missing or NaN.
   */
  private static List<Obs> observations(int rows, long seed) {
    Random random = new Random(seed);
    String[] as = {"x", "y", "z", null};
    List<Obs> out = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      String a = as[random.nextInt(as.length)];
      String b = random.nextBoolean() ? "p" : "q";
      int kind = random.nextInt(30);
      double edge = random.nextInt(11) / 10.0;
      Double score;
      if (kind < 10) {
        score = 0.5 + 0.001 * random.nextDouble();
      } else if (kind == 10) {
        score = null;
      } else if (kind == 11) {
        score = Double.NaN;
      } else if (kind == 12) {
        score = edge;
      } else if (kind == 13) {
        score = Math.max(0.0, Math.nextDown(edge));
      } else if (kind == 14) {
        score = Math.max(0.0, edge - 1e-10);
      } else {
        score = random.nextDouble();
      }
      double p = score == null || score.isNaN() ? 0.4 : score;
      int y = random.nextDouble() < 0.2 + 0.6 * p + ("x".equals(a) ? 0.1 : 0) ? 1 : 0;
      out.add(new Obs(a, b, Math.min(1, y), score));
    }
    return out;
  }

  private static boolean scored(Obs o) {
    return o.score() != null && !o.score().isNaN();
  }

  /** The sample median of every scored row: a plain sort, the middle row or the two middle rows. */
  private static double median(List<Obs> obs) {
    double[] s = obs.stream().filter(ExactMedianTest::scored).mapToDouble(Obs::score).toArray();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** The scoring rate by its definition: scored rows strictly above the median ÷ scored rows. */
  private static double scoringRate(List<Obs> group, double median) {
    long n = group.stream().filter(ExactMedianTest::scored).count();
    long above = group.stream().filter(o -> scored(o) && o.score() > median).count();
    return (double) above / n;
  }

  /** ECE over ten bins floor(10 s) (s = 1 in the last), by its definition. */
  private static double ece(List<Obs> group) {
    long[] n = new long[10];
    long[] pos = new long[10];
    double[] sum = new double[10];
    long total = 0;
    for (Obs o : group) {
      if (!scored(o)) {
        continue;
      }
      int bin = (int) Math.min(9, Math.floor(o.score() * 10));
      n[bin]++;
      pos[bin] += o.y();
      sum[bin] += o.score();
      total++;
    }
    double ece = 0;
    for (int b = 0; b < 10; b++) {
      if (n[b] > 0) {
        ece += (double) n[b] / total * Math.abs(sum[b] / n[b] - (double) pos[b] / n[b]);
      }
    }
    return ece;
  }

  private static FairnessOutcome run(
      FairnessInput in, long exactMaxCells, long minBytes, int jobs) {
    List<FairnessOutcome> out = new ArrayList<>();
    assertEquals(
        jobs,
        JobCounter.count(
            SharedSpark.get(),
            () ->
                out.add(
                    FairnessAnalysis.run(
                        in, ModelComparison.NONE, null, exactMaxCells, minBytes))));
    return out.get(0);
  }

  private static void assertExact(List<Obs> obs, List<MetricResult> m, String path) {
    double median = median(obs);
    for (Map.Entry<Scope, List<Obs>> e : scopes(obs).entrySet()) {
      String where = path + " " + e.getKey();
      MetricResult rate = FairnessAnalysisTest.result(m, "scoring_rate", e.getKey());
      assertEquals(scoringRate(e.getValue(), median), rate.number().orElseThrow(), 0.0, where);
      assertFalse(rate.note().contains("1e-3 key"), rate.note());
      assertTrue(
          rate.note()
              .contains(
                  "above the sample median "
                      + new java.math.BigDecimal(Double.toString(median))
                          .stripTrailingZeros()
                          .toPlainString()
                      + " "),
          rate.note());
      assertEquals(
          ece(e.getValue()),
          FairnessAnalysisTest.value(m, "expected_calibration_error", e.getKey()),
          1e-12,
          where);
    }
  }

  @Test
  void overTheBoundTheScoringRateAndCalibrationAreTheDefinitions() {
    for (int rows : new int[] {1_500, 1_501}) {
      List<Obs> obs = observations(rows, rows);
      FairnessInput in = input(obs);
      // The exact attempt (over its bound of 100 cells), the binned pass, the exact AUC, the
      // rows around the median: 4 jobs.
      FairnessOutcome over = run(in, 100, Long.MAX_VALUE, 4);
      assertExact(obs, over.metrics(), "over the bound, " + rows + " rows");
      assertTrue(
          over.notes().stream()
              .anyMatch(
                  n ->
                      n.contains("so the family ran a second pass with 1e-3 score keys")
                          && n.contains("fetched only the rows around the median")),
          over.notes().toString());
      // Within the bound, the exact keys: the same values.
      assertExact(obs, run(in, FairnessJob.EXACT_MAX_CELLS, Long.MAX_VALUE, 1).metrics(), "exact");
      // The data tells exact from binned: the binned keys alone misplace rows of the median's key.
      List<MetricResult> binned =
          run(in.withExtras(in.extras().with(ScoreKey.BINNED)), FairnessJob.EXACT_MAX_CELLS, 0, 1)
              .metrics();
      assertNotEquals(
          scoringRate(obs, median(obs)),
          FairnessAnalysisTest.value(binned, "scoring_rate", Scope.DATASET));
      // And the binned keys' calibration bins are the exact ones (the keys nest in them).
      for (Map.Entry<Scope, List<Obs>> e : scopes(obs).entrySet()) {
        assertEquals(
            ece(e.getValue()),
            FairnessAnalysisTest.value(binned, "expected_calibration_error", e.getKey()),
            1e-12,
            e.getKey().toString());
      }
    }
  }

  /**
   * With the cell estimate on (from 0 bytes, so small data is estimated too) the exact attempt is
   * skipped: the estimate, the binned pass, the exact AUC and the median's rows, with the same
   * values as after a wasted exact attempt; within the bound the estimate adds one job only.
   */
  @Test
  void theEstimateSkipsAnExactAttemptThatCannotFit() {
    List<Obs> obs = observations(1_500, 7);
    FairnessInput in = input(obs);
    FairnessOutcome skipped = run(in, 100, 0, 4);
    assertTrue(
        skipped.notes().stream().anyMatch(n -> n.contains("(a HyperLogLog estimate)")),
        skipped.notes().toString());
    assertExact(obs, skipped.metrics(), "skipped");
    FairnessOutcome wasted = run(in, 100, Long.MAX_VALUE, 4);
    FairnessOutcome within = run(in, FairnessJob.EXACT_MAX_CELLS, 0, 2);
    assertTrue(
        within.notes().stream().noneMatch(n -> n.contains("1e-3 score keys")),
        within.notes().toString());
    for (Scope scope : scopes(obs).keySet()) {
      for (String metric : List.of("auc", "scoring_rate", "count", "base_rate")) {
        assertEquals(
            FairnessAnalysisTest.value(wasted.metrics(), metric, scope),
            FairnessAnalysisTest.value(skipped.metrics(), metric, scope),
            0.0,
            metric + " " + scope);
        assertEquals(
            FairnessAnalysisTest.value(wasted.metrics(), metric, scope),
            FairnessAnalysisTest.value(within.metrics(), metric, scope),
            1e-15,
            metric + " " + scope);
      }
    }
  }

  /**
   * The binned key of a score on, one ulp under and 1e-10 under each calibration edge lies in the
   * bin floor(10 s), where floor(floor(10³ s + 10⁻⁹) / 100) alone would put some in the next bin;
   * and every score with three decimals keeps its own key j (so the binned AUC stays exact there).
   */
  @Test
  void binnedKeysNestInTheCalibrationBins() {
    List<Double> scores = new ArrayList<>();
    for (int b = 0; b <= 10; b++) {
      double edge = b / 10.0;
      scores.add(edge);
      scores.add(Math.nextDown(edge));
      scores.add(Math.nextUp(edge));
      scores.add(edge - 1e-10);
      scores.add(edge - 5e-10);
    }
    scores.add(0.3);
    scores.add(0.7);
    for (int j = 0; j <= 1000; j++) {
      scores.add(j / 1000.0);
    }
    List<Row> rows = scores.stream().map(s -> RowFactory.create(s)).toList();
    Dataset<Row> df =
        SharedSpark.get()
            .createDataFrame(rows, new StructType().add("s", DataTypes.DoubleType))
            .select(
                org.apache.spark.sql.functions.col("s"),
                ScoreKey.BINNED.column(org.apache.spark.sql.functions.col("s")).as("k"));
    int plainMisses = 0;
    for (Row r : df.collectAsList()) {
      double s = r.getDouble(0);
      long k = r.getLong(1);
      if (s < 0) {
        continue;
      }
      int bin = (int) Math.min(9, Math.floor(s * 10));
      assertEquals(bin, ScoreKey.BINNED.bin(k, Calibration.BINS), "score " + s + ", key " + k);
      long plain = (long) Math.floor(s * 1000 + 1e-9);
      if (Math.min(9, plain / 100) != bin) {
        plainMisses++;
      }
      double thousandths = s * 1000;
      if (thousandths == Math.rint(thousandths) || s == Math.rint(s * 1000) / 1000) {
        assertEquals(Math.round(s * 1000), k, "three decimals keep their key: " + s);
      }
    }
    assertTrue(plainMisses > 0, "the edges tell the nested key from the plain one");
  }
}
