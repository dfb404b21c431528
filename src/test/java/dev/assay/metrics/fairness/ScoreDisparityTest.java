package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * NYC Local Law 144's scoring rate and scoring impact ratio, and the standardized mean difference
 * (Cohen's d) of the score: by hand on tiny fixtures, against plain Java on seeded continuous
 * scores, and one Spark job for the whole family.
 */
class ScoreDisparityTest {

  private static final double EPS = 1e-12;
  private static final StructType SCHEMA =
      new StructType().add("g", DataTypes.StringType).add("score", DataTypes.DoubleType);

  static Dataset<Row> frame(Object[][] rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return SharedSpark.get().createDataFrame(list, SCHEMA);
  }

  /** Score only: no label, no prediction, one attribute g. */
  static List<MetricResult> run(Dataset<Row> df, int minGroupSize, Map<String, String> reference) {
    FairnessInput in =
        FairnessInput.of(
                df,
                FairnessInput.Outcomes.of(null, null, "score"),
                List.of(new Slice(List.of("g"))),
                minGroupSize)
            .withGroups(GroupOptions.minSize(minGroupSize).withReferenceGroups(reference));
    List<List<MetricResult>> out = new ArrayList<>();
    assertEquals(
        1,
        JobCounter.count(SharedSpark.get(), () -> out.add(FairnessAnalysis.run(in).metrics())),
        "scoring rate and SMD ride in the family's one job");
    return out.get(0);
  }

  static MetricResult result(List<MetricResult> metrics, String metric, String group) {
    return FairnessAnalysisTest.result(metrics, metric, Scope.group("g", group));
  }

  static double value(List<MetricResult> metrics, String metric, String group) {
    return FairnessAnalysisTest.value(metrics, metric, Scope.group("g", group));
  }

  /**
   * By hand, even count with ties at the median. A: 3, 4, 4, 8; B: 1, 4, 6, 9. Sorted: 1 3 4 4 4 6
   * 8 9; the 4th and 5th are 4 and 4, so the median is 4 and the three 4s are NOT above it. Scoring
   * rate A = #{8} / 4 = 0.25; B = #{6, 9} / 4 = 0.5. Impact ratio A = 0.25 / 0.5 = 0.5, B = 1. SMD:
   * mean A = 19/4 = 4.75, B = 20/4 = 5; squared deviations A 3.0625 + 0.5625 + 0.5625 + 10.5625 =
   * 14.75, B 16 + 1 + 1 + 16 = 34; pooled SD = sqrt((14.75 + 34) / (4 + 4 − 2)) = sqrt(8.125);
   * reference = highest mean = B; SMD A = (4.75 − 5) / sqrt(8.125) = −0.0877058..., B = 0.
   */
  @Test
  void tiesAtTheMedianAreNotAboveIt() {
    List<MetricResult> m =
        run(
            frame(
                new Object[][] {
                  {"A", 3.0},
                  {"A", 4.0},
                  {"A", 4.0},
                  {"A", 8.0},
                  {"B", 1.0},
                  {"B", 4.0},
                  {"B", 6.0},
                  {"B", 9.0}
                }),
            1,
            Map.of());
    assertEquals(0.25, value(m, "scoring_rate", "A"), EPS);
    assertEquals(0.5, value(m, "scoring_rate", "B"), EPS);
    assertEquals(0.5, value(m, "scoring_impact_ratio", "A"), EPS);
    assertEquals(1.0, value(m, "scoring_impact_ratio", "B"), EPS);
    assertEquals(-0.25 / Math.sqrt(8.125), value(m, "standardized_mean_difference", "A"), EPS);
    assertEquals(-0.0877058, value(m, "standardized_mean_difference", "A"), 1e-7);
    assertEquals(0.0, value(m, "standardized_mean_difference", "B"), 0.0);
    assertTrue(
        result(m, "scoring_rate", "A").note().contains("sample median 4 "),
        result(m, "scoring_rate", "A").note());
    MetricResult.Computed ratio = (MetricResult.Computed) result(m, "scoring_impact_ratio", "A");
    assertTrue(ratio.note().startsWith("relative to B (scoring rate 0.5000)"), ratio.note());
    assertTrue(ratio.pValue() > 0 && ratio.pValue() <= 1, ratio.toString());
    // The whole data set: #{6, 8, 9} / 8.
    assertEquals(3.0 / 8, FairnessAnalysisTest.value(m, "scoring_rate", Scope.DATASET), EPS);
  }

  /**
   * By hand, even count with distinct middles. A: 1, 2, 7; B: 3, 8, 9. Sorted 1 2 3 7 8 9: the
   * median is (3 + 7) / 2 = 5. Scoring rate A = #{7} / 3 = 1/3, B = #{8, 9} / 3 = 2/3; ratio A =
   * 1/2. A named reference group (A) makes SMD B = (20/3 − 10/3) / s_p with squared deviations A:
   * (1−10/3)² + (2−10/3)² + (7−10/3)² = 62/3, B: (3−20/3)² + (8−20/3)² + (9−20/3)² = 62/3, s_p =
   * sqrt((124/3) / 4) = sqrt(31/3); SMD B = (10/3) / sqrt(31/3) = 1.03695..., A = 0.
   */
  @Test
  void evenCountMedianIsTheMeanOfTheTwoMiddleScores() {
    List<MetricResult> m =
        run(
            frame(
                new Object[][] {
                  {"A", 1.0}, {"A", 2.0}, {"A", 7.0}, {"B", 3.0}, {"B", 8.0}, {"B", 9.0}
                }),
            1,
            Map.of("g", "A"));
    assertEquals(1.0 / 3, value(m, "scoring_rate", "A"), EPS);
    assertEquals(2.0 / 3, value(m, "scoring_rate", "B"), EPS);
    assertEquals(0.5, value(m, "scoring_impact_ratio", "A"), EPS);
    assertEquals(
        (10.0 / 3) / Math.sqrt(31.0 / 3), value(m, "standardized_mean_difference", "B"), EPS);
    assertEquals(0.0, value(m, "standardized_mean_difference", "A"), 0.0);
    assertTrue(
        result(m, "standardized_mean_difference", "A").note().contains("fairness.reference_group"));
  }

  /**
   * Small groups are computed but not chosen as the most favoured; a constant score has no pooled
   * SD, so its SMD is undefined with the reason, never NaN or infinity.
   */
  @Test
  void smallGroupsAndConstantScores() {
    List<MetricResult> m =
        run(
            frame(new Object[][] {{"A", 0.5}, {"A", 0.5}, {"B", 0.5}, {"B", 0.5}, {"C", 0.9}}),
            2,
            Map.of());
    // Median 0.5; only C's 0.9 is above. C (1 row < 2) cannot be the most favoured: A and B rate 0.
    assertEquals(1.0, value(m, "scoring_rate", "C"), EPS);
    MetricResult ratio = result(m, "scoring_impact_ratio", "A");
    assertInstanceOf(MetricResult.Undefined.class, ratio);
    assertTrue(ratio.note().contains("the highest scoring rate is 0"), ratio.note());
    MetricResult smd = result(m, "standardized_mean_difference", "B");
    assertInstanceOf(MetricResult.Undefined.class, smd);
    assertTrue(smd.note().contains("pooled standard deviation is 0"), smd.note());
  }

  /**
   * Seeded continuous scores (no rounding): the keyed scoring rate is never above the true one and
   * at most its stated bound below; scores with three decimals are exact. Plain Java on the raw
   * scores: the sorted sample's median, then a count of scores strictly above it.
   */
  @Test
  void keyedScoringRateIsWithinItsBoundOfTheRawOne() {
    Random random = new Random(7);
    for (int n : new int[] {2001, 2000}) {
      double[] all = new double[n];
      boolean[] inA = new boolean[n];
      for (int i = 0; i < n; i++) {
        all[i] = Math.min(1.0, Math.max(0.0, 0.5 + 0.05 * random.nextGaussian()));
        inA[i] = random.nextBoolean();
      }
      for (boolean rounded : new boolean[] {false, true}) {
        double[] s = all.clone();
        if (rounded) {
          for (int i = 0; i < n; i++) {
            s[i] = Math.round(s[i] * 1000) / 1000.0;
          }
        }
        Map<Long, ConfusionState> whole = new TreeMap<>();
        Map<Long, ConfusionState> a = new TreeMap<>();
        for (int i = 0; i < n; i++) {
          long k = (long) Math.floor(s[i] * ScoreHistogram.RESOLUTION + 1e-9);
          ConfusionState row = new ConfusionState(1, 0, 0, 0, s[i], 1);
          whole.merge(k, row, ConfusionState::merge);
          if (inA[i]) {
            a.merge(k, row, ConfusionState::merge);
          }
        }
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        long above = 0;
        long size = 0;
        for (int i = 0; i < n; i++) {
          if (inA[i]) {
            size++;
            above += s[i] > median ? 1 : 0;
          }
        }
        double truth = (double) above / size;
        ScoringRate.Median m = ScoringRate.median(ScoreHistogram.of(whole));
        ScoreHistogram h = ScoreHistogram.of(a);
        double keyed = (double) ScoringRate.above(h, m) / h.rows();
        double bound = ScoringRate.bound(h, m);
        if (rounded) {
          assertEquals(truth, keyed, EPS, "three decimals are exact, n=" + n);
        } else {
          assertTrue(
              keyed <= truth + EPS && truth <= keyed + bound + EPS,
              "n=" + n + ": keyed " + keyed + ", true " + truth + ", bound " + bound);
        }
      }
    }
  }
}
