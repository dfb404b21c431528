package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * {@code fairness.task: regression}: per-group mean_prediction, mean_label, mae, rmse and their
 * between-group differences, against hand arithmetic and a seeded plain-Java oracle (the
 * definitions of Fairlearn's MetricFrame with sklearn's mean_absolute_error / mean_squared_error).
 */
class RegressionFairnessTest {

  private static final double EPS = 1e-12;

  private static final StructType SCHEMA =
      new StructType()
          .add("sex", DataTypes.StringType)
          .add("race", DataTypes.StringType)
          .add("y", DataTypes.IntegerType, true)
          .add("p", DataTypes.DoubleType, true);

  /*
   * sex race  y  p   e = p - y  |e|  e²
   * F   A     1  2    1          1    1
   * F   A     3  1   -2          2    4
   * F   B     2  2    0          0    0
   * M   A     0  3    3          3    9
   * M   B     4  3   -1          1    1
   * M   B     2  6    4          4   16
   * M   B     1  1    0          0    0
   *
   * F (n 3): Σp 5 -> mean_prediction 5/3; Σy 6 -> mean_label 2; Σ|e| 3 -> mae 1; Σe² 5 -> rmse √(5/3)
   * M (n 4): Σp 13 -> 3.25; Σy 7 -> 1.75; Σ|e| 8 -> mae 2; Σe² 26 -> rmse √6.5
   * sex: mean_prediction_difference 3.25 - 5/3 = 19/12; mae_difference 2 - 1 = 1;
   *      rmse_difference √6.5 - √(5/3)
   * all (n 7): Σp 18 -> 18/7; Σy 13 -> 13/7; Σ|e| 11 -> 11/7; Σe² 31 -> √(31/7)
   * sex & race with min_group_size 2: F & A (n 2) and M & B (n 3) count, F & B and M & A do not.
   *   F & A: mean_prediction 1.5, mae 1.5, rmse √2.5; M & B: 10/3, 5/3, √(17/3)
   *   mean_prediction_difference 10/3 - 1.5 = 11/6; mae_difference 5/3 - 1.5 = 1/6;
   *   rmse_difference √(17/3) - √2.5
   */
  private static final Object[][] ROWS = {
    {"F", "A", 1, 2.0},
    {"F", "A", 3, 1.0},
    {"F", "B", 2, 2.0},
    {"M", "A", 0, 3.0},
    {"M", "B", 4, 3.0},
    {"M", "B", 2, 6.0},
    {"M", "B", 1, 1.0}
  };

  private static Dataset<Row> frame(Object[][] rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return SharedSpark.get().createDataFrame(list, SCHEMA);
  }

  private static RegressionInput input(Dataset<Row> df, int minGroupSize, List<Slice> slices) {
    return RegressionInput.of(df, "y", "p", slices, minGroupSize, "test");
  }

  private static final List<Slice> SEX_AND_INTERSECTION =
      List.of(new Slice(List.of("sex")), new Slice(List.of("sex", "race")));

  private static double value(List<MetricResult> ms, String metric, Scope scope) {
    return FairnessAnalysisTest.value(ms, metric, scope);
  }

  static void assertExtremes(MetricResult m, String max, String min) {
    MetricResult.Computed c = assertInstanceOf(MetricResult.Computed.class, m);
    assertEquals(max, c.maxGroup(), m.key().metric());
    assertEquals(min, c.minGroup(), m.key().metric());
  }

  @Test
  void handFixtureMatchesTheArithmeticInOneSparkJob() {
    List<FairnessOutcome> out = new ArrayList<>();
    int jobs =
        JobCounter.count(
            SharedSpark.get(),
            () -> out.add(RegressionAnalysis.run(input(frame(ROWS), 2, SEX_AND_INTERSECTION))));
    assertEquals(1, jobs);
    List<MetricResult> ms = out.get(0).metrics();
    Scope f = Scope.group("sex", "F");
    Scope m = Scope.group("sex", "M");
    assertEquals(3, value(ms, "count", f), EPS);
    assertEquals(5.0 / 3, value(ms, "mean_prediction", f), EPS);
    assertEquals(2.0, value(ms, "mean_label", f), EPS);
    assertEquals(1.0, value(ms, "mae", f), EPS);
    assertEquals(Math.sqrt(5.0 / 3), value(ms, "rmse", f), EPS);
    assertEquals(3.25, value(ms, "mean_prediction", m), EPS);
    assertEquals(1.75, value(ms, "mean_label", m), EPS);
    assertEquals(2.0, value(ms, "mae", m), EPS);
    assertEquals(Math.sqrt(6.5), value(ms, "rmse", m), EPS);
    Scope sex = Scope.attribute("sex");
    assertEquals(19.0 / 12, value(ms, "mean_prediction_difference", sex), EPS);
    assertEquals(1.0, value(ms, "mae_difference", sex), EPS);
    assertEquals(Math.sqrt(6.5) - Math.sqrt(5.0 / 3), value(ms, "rmse_difference", sex), EPS);
    assertTrue(
        FairnessAnalysisTest.result(ms, "mae_difference", sex)
            .note()
            .startsWith("mae: highest M (2.0000), lowest F (1.0000)"),
        FairnessAnalysisTest.result(ms, "mae_difference", sex).note());
    assertEquals(7, value(ms, "count", Scope.DATASET), EPS);
    assertEquals(18.0 / 7, value(ms, "mean_prediction", Scope.DATASET), EPS);
    assertEquals(13.0 / 7, value(ms, "mean_label", Scope.DATASET), EPS);
    assertEquals(11.0 / 7, value(ms, "mae", Scope.DATASET), EPS);
    assertEquals(Math.sqrt(31.0 / 7), value(ms, "rmse", Scope.DATASET), EPS);

    Scope both = Scope.attribute("sex & race");
    assertEquals(11.0 / 6, value(ms, "mean_prediction_difference", both), EPS);
    assertEquals(1.0 / 6, value(ms, "mae_difference", both), 1e-12);
    assertEquals(Math.sqrt(17.0 / 3) - Math.sqrt(2.5), value(ms, "rmse_difference", both), EPS);
    // max_group / min_group fields: mae M 2 > F 1; on the intersection M & B 5/3 > F & A 1.5
    assertExtremes(FairnessAnalysisTest.result(ms, "mae_difference", sex), "M", "F");
    assertExtremes(
        FairnessAnalysisTest.result(ms, "mean_prediction_difference", both), "M & B", "F & A");
    assertExtremes(FairnessAnalysisTest.result(ms, "mae_difference", both), "M & B", "F & A");
    String note = FairnessAnalysisTest.result(ms, "mae_difference", both).note();
    assertTrue(
        note.contains("highest M & B")
            && note.contains("lowest F & A")
            && note.contains("excluded (too small): F & B (n=1), M & A (n=1)"),
        note);
    assertTrue(
        FairnessAnalysisTest.result(ms, "rmse", Scope.group("sex & race", "F & B"))
            .note()
            .startsWith("insufficient data: 1 rows < min_group_size 2"));
    assertEquals(0, value(ms, "empty_intersection_cells", both), EPS);
    // classification metrics do not apply and are absent
    assertTrue(
        ms.stream()
            .noneMatch(
                r ->
                    r.key().metric().equals("selection_rate")
                        || r.key().metric().equals("impact_ratio")
                        || r.key().metric().equals("accuracy")));
    assertTrue(out.get(0).notes().get(0).startsWith("fairness.task is regression"));
  }

  /*
   * Intervals and the reference mode on the hand fixture (ROWS above), reference_group {sex: F}.
   *   F: p = 2, 1, 2; e = p - y = 1, -2, 0; |e| = 1, 2, 0      (n 3, t(0.975; 2) = 4.302652729911275)
   *     mean_prediction 5/3, Σp² 9 -> s² = (9 - 3·25/9)/2 = 1/3 -> 5/3 ± t·√(1/9)
   *     mean_error -1/3, Σe² 5 -> s² = (5 - 3·1/9)/2 = 7/3     -> -1/3 ± t·√(7/9)
   *     mae 1, Σ|e|² = Σe² = 5 -> s² = (5 - 3)/2 = 1           -> 1 ± t·√(1/3)
   *     mean_label 2, Σy² 14 -> s² = (14 - 12)/2 = 1            -> 2 ± t·√(1/3)
   *   M: p = 3, 3, 6, 1 (Σ 13, Σp² 55, s² = (55 - 4·3.25²)/3 = 4.25); e = 3, -1, 4, 0 (mean 1.5,
   *     Σe² 26, s² = (26 - 9)/3 = 17/3); mae 2 (s² = (26 - 16)/3 = 10/3); rmse √6.5
   *   mean_error_difference = 1.5 - (-1/3) = 11/6, max M, min F
   *   M vs F: mean_prediction_diff_vs_ref 3.25 - 5/3 = 19/12, Welch: v_M = 4.25/4 = 1.0625,
   *     v_F = (1/3)/3 = 1/9, se² = 1.0625 + 1/9, ν = se⁴ / (v_M²/3 + v_F²/2)
   *     mean_error_diff_vs_ref 11/6; mae_diff_vs_ref 1; mae_ratio_vs_ref 2;
   *     rmse_diff_vs_ref √6.5 - √(5/3) (no interval); rmse_ratio_vs_ref √(6.5 / (5/3)) = √3.9
   */
  @Test
  void tIntervalsAndReferenceComparisonsMatchTheArithmetic() {
    RegressionInput in =
        new RegressionInput(
            frame(ROWS),
            "y",
            "p",
            List.of(new Slice(List.of("sex"))),
            "test",
            GroupOptions.minSize(2).withReferenceGroups(java.util.Map.of("sex", "F")),
            0.95);
    List<MetricResult> ms = RegressionAnalysis.run(in).metrics();
    double t2 = 4.302652729911275;
    Scope f = Scope.group("sex", "F");
    assertInterval(
        FairnessAnalysisTest.result(ms, "mean_prediction", f), 5.0 / 3 - t2 / 3, 5.0 / 3 + t2 / 3);
    assertInterval(
        FairnessAnalysisTest.result(ms, "mean_error", f),
        -1.0 / 3 - t2 * Math.sqrt(7.0 / 9),
        -1.0 / 3 + t2 * Math.sqrt(7.0 / 9));
    assertInterval(
        FairnessAnalysisTest.result(ms, "mae", f),
        1 - t2 * Math.sqrt(1.0 / 3),
        1 + t2 * Math.sqrt(1.0 / 3));
    assertInterval(
        FairnessAnalysisTest.result(ms, "mean_label", f),
        2 - t2 * Math.sqrt(1.0 / 3),
        2 + t2 * Math.sqrt(1.0 / 3));
    assertNull(((MetricResult.Computed) FairnessAnalysisTest.result(ms, "rmse", f)).ciLow());
    Scope sex = Scope.attribute("sex");
    assertEquals(11.0 / 6, value(ms, "mean_error_difference", sex), EPS);
    assertExtremes(FairnessAnalysisTest.result(ms, "mean_error_difference", sex), "M", "F");

    Scope m = Scope.group("sex", "M");
    double vm = 4.25 / 4;
    double vf = 1.0 / 9;
    double se2 = vm + vf;
    double df = se2 * se2 / (vm * vm / 3 + vf * vf / 2);
    double t =
        new org.apache.commons.math3.distribution.TDistribution(df)
            .inverseCumulativeProbability(0.975);
    assertEquals(19.0 / 12, value(ms, "mean_prediction_diff_vs_ref", m), EPS);
    assertInterval(
        FairnessAnalysisTest.result(ms, "mean_prediction_diff_vs_ref", m),
        19.0 / 12 - t * Math.sqrt(se2),
        19.0 / 12 + t * Math.sqrt(se2));
    assertEquals(11.0 / 6, value(ms, "mean_error_diff_vs_ref", m), EPS);
    assertEquals(1.0, value(ms, "mae_diff_vs_ref", m), EPS);
    assertEquals(2.0, value(ms, "mae_ratio_vs_ref", m), EPS);
    assertEquals(Math.sqrt(6.5) - Math.sqrt(5.0 / 3), value(ms, "rmse_diff_vs_ref", m), EPS);
    assertEquals(Math.sqrt(3.9), value(ms, "rmse_ratio_vs_ref", m), EPS);
    assertNull(
        ((MetricResult.Computed) FairnessAnalysisTest.result(ms, "rmse_diff_vs_ref", m)).ciLow());
    assertTrue(
        ms.stream()
            .noneMatch(
                r -> r.key().metric().endsWith("_vs_ref") && "F".equals(r.key().scope().group())),
        "the reference group is not compared with itself");
    assertTrue(
        ms.stream().noneMatch(r -> r.key().metric().equals("mean_prediction_ratio_vs_ref")),
        "no ratio of signed means");

    // an unknown reference group: undefined at the attribute's scope, naming the groups
    List<MetricResult> unknown =
        RegressionAnalysis.run(
                new RegressionInput(
                    frame(ROWS),
                    "y",
                    "p",
                    List.of(new Slice(List.of("sex"))),
                    "test",
                    GroupOptions.minSize(2).withReferenceGroups(java.util.Map.of("sex", "X")),
                    0.95))
            .metrics();
    MetricResult u = FairnessAnalysisTest.result(unknown, "mae_diff_vs_ref", sex);
    assertInstanceOf(MetricResult.Undefined.class, u);
    assertTrue(u.note().contains("reference group 'X'") && u.note().contains("[F, M]"), u.note());
  }

  static void assertInterval(MetricResult r, double low, double high) {
    MetricResult.Computed c = assertInstanceOf(MetricResult.Computed.class, r);
    assertEquals(low, c.ciLow(), 1e-9, r.key().metric());
    assertEquals(high, c.ciHigh(), 1e-9, r.key().metric());
  }

  @Test
  void aDifferenceNeedsTwoEligibleGroups() {
    List<MetricResult> ms =
        RegressionAnalysis.run(input(frame(ROWS), 4, List.of(new Slice(List.of("sex"))))).metrics();
    MetricResult d = FairnessAnalysisTest.result(ms, "rmse_difference", Scope.attribute("sex"));
    assertInstanceOf(MetricResult.Undefined.class, d);
    assertTrue(
        d.note()
            .startsWith("rmse_difference is undefined: 1 group(s) with at least min_group_size 4"),
        d.note());
  }

  @Test
  void aMissingLabelOrNaNPredictionIsRejected() {
    Object[][] rows = {{"F", "A", 1, 2.0}, {"M", "A", null, 1.0}, {"M", "B", 2, Double.NaN}};
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                RegressionAnalysis.run(input(frame(rows), 1, List.of(new Slice(List.of("sex"))))));
    assertTrue(
        e.getMessage().startsWith("test: 2 of 3 rows have no usable number"), e.getMessage());
  }

  /** Seeded data, three groups with different bias and noise; every value recomputed with loops. */
  @Test
  void seededDataMatchesAPlainJavaOracle() {
    Random random = new Random(20261127L);
    String[] groups = {"a", "b", "c"};
    int n = 3_000;
    Object[][] rows = new Object[n][];
    for (int i = 0; i < n; i++) {
      int g = random.nextInt(3);
      int y = random.nextInt(100);
      double p = y + (g - 1) * 2.5 + random.nextGaussian() * (1 + g);
      rows[i] = new Object[] {groups[g], g == 2 && random.nextBoolean() ? null : "r", y, p};
    }
    List<MetricResult> ms =
        RegressionAnalysis.run(input(frame(rows), 30, List.of(new Slice(List.of("sex")))))
            .metrics();
    double[][] perGroup = new double[3][];
    for (int g = 0; g < 3; g++) {
      long count = 0;
      double sp = 0;
      double sy = 0;
      double sa = 0;
      double ss = 0;
      for (Object[] r : rows) {
        if (r[0].equals(groups[g])) {
          double y = (Integer) r[2];
          double p = (Double) r[3];
          count++;
          sp += p;
          sy += y;
          sa += Math.abs(p - y);
          ss += (p - y) * (p - y);
        }
      }
      perGroup[g] = new double[] {sp / count, sy / count, sa / count, Math.sqrt(ss / count)};
      // t intervals by two passes: the sample SD of each per-row quantity around its mean
      double me = (sp - sy) / count;
      double vp = 0;
      double ve = 0;
      double va = 0;
      for (Object[] r : rows) {
        if (r[0].equals(groups[g])) {
          double e = (Double) r[3] - (Integer) r[2];
          vp += ((Double) r[3] - sp / count) * ((Double) r[3] - sp / count);
          ve += (e - me) * (e - me);
          va += (Math.abs(e) - sa / count) * (Math.abs(e) - sa / count);
        }
      }
      double tq =
          new org.apache.commons.math3.distribution.TDistribution(count - 1)
              .inverseCumulativeProbability(0.975);
      Scope gs = Scope.group("sex", groups[g]);
      assertInterval(
          FairnessAnalysisTest.result(ms, "mean_prediction", gs),
          sp / count - tq * Math.sqrt(vp / (count - 1) / count),
          sp / count + tq * Math.sqrt(vp / (count - 1) / count));
      assertInterval(
          FairnessAnalysisTest.result(ms, "mean_error", gs),
          me - tq * Math.sqrt(ve / (count - 1) / count),
          me + tq * Math.sqrt(ve / (count - 1) / count));
      assertInterval(
          FairnessAnalysisTest.result(ms, "mae", gs),
          sa / count - tq * Math.sqrt(va / (count - 1) / count),
          sa / count + tq * Math.sqrt(va / (count - 1) / count));
      Scope s = Scope.group("sex", groups[g]);
      assertEquals(count, value(ms, "count", s), 0);
      assertEquals(perGroup[g][0], value(ms, "mean_prediction", s), 1e-9);
      assertEquals(perGroup[g][1], value(ms, "mean_label", s), 1e-9);
      assertEquals(perGroup[g][2], value(ms, "mae", s), 1e-9);
      assertEquals(perGroup[g][3], value(ms, "rmse", s), 1e-9);
    }
    String[] diffs = {"mean_prediction_difference", null, "mae_difference", "rmse_difference"};
    for (int k = 0; k < 4; k++) {
      if (diffs[k] == null) {
        continue;
      }
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      for (double[] v : perGroup) {
        max = Math.max(max, v[k]);
        min = Math.min(min, v[k]);
      }
      assertEquals(max - min, value(ms, diffs[k], Scope.attribute("sex")), 1e-9, diffs[k]);
    }
  }
}
