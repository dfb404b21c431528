package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FairnessAnalysisTest {

  private static final double EPS = 1e-12;
  private static final StructType SCHEMA =
      new StructType()
          .add("sex", DataTypes.StringType)
          .add("region", DataTypes.StringType)
          .add("y", DataTypes.IntegerType)
          .add("p", DataTypes.IntegerType)
          .add("score", DataTypes.DoubleType);

  /**
   * Hand-counted fixture. Group F: n=5, predicted positive 2, label positive 2, TP 1 (FP 1, FN 1,
   * TN 2). Group M: n=5, predicted positive 3, label positive 3, TP 2 (FP 1, FN 1, TN 1). One row
   * with a missing sex: y=0, p=0.
   */
  private static final Object[][] ROWS = {
    {"F", "north", 1, 1, 0.9},
    {"F", "north", 1, 0, 0.4},
    {"F", "south", 0, 1, 0.7},
    {"F", "south", 0, 0, 0.2},
    {"F", "south", 0, 0, 0.1},
    {"M", "north", 1, 1, 0.8},
    {"M", "north", 1, 1, 0.95},
    {"M", "south", 0, 1, 0.6},
    {"M", "south", 1, 0, 0.3},
    {"M", "south", 0, 0, 0.35},
    {null, "north", 0, 0, 0.5},
  };

  static Dataset<Row> frame(Object[][] rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return SharedSpark.get().createDataFrame(list, SCHEMA);
  }

  static FairnessInput input(
      Dataset<Row> df, int minGroupSize, boolean favourableIsPositive, List<Slice> slices) {
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    BinaryColumn prediction =
        BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test");
    return FairnessInput.of(
        df,
        new FairnessInput.Outcomes(label, prediction, "score", null, favourableIsPositive, null),
        slices,
        minGroupSize);
  }

  static double value(List<MetricResult> metrics, String metric, Scope scope) {
    return metrics.stream()
        .filter(m -> m.key().metric().equals(metric) && m.key().scope().equals(scope))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + scope))
        .number()
        .orElseThrow(() -> new AssertionError(metric + " undefined for " + scope));
  }

  static MetricResult result(List<MetricResult> metrics, String metric, Scope scope) {
    return metrics.stream()
        .filter(m -> m.key().metric().equals(metric) && m.key().scope().equals(scope))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + scope));
  }

  @Test
  void perGroupRatesMatchTheHandCountedConfusionMatrices() {
    List<MetricResult> m =
        FairnessAnalysis.run(input(frame(ROWS), 1, true, List.of(new Slice(List.of("sex")))))
            .metrics();
    Scope f = Scope.group("sex", "F");
    Scope male = Scope.group("sex", "M");
    assertEquals(5, value(m, "count", f), EPS);
    assertEquals(0.4, value(m, "selection_rate", f), EPS);
    assertEquals(0.4, value(m, "base_rate", f), EPS);
    assertEquals(0.5, value(m, "true_positive_rate", f), EPS);
    assertEquals(1.0 / 3, value(m, "false_positive_rate", f), EPS);
    assertEquals(0.5, value(m, "false_negative_rate", f), EPS);
    assertEquals(2.0 / 3, value(m, "true_negative_rate", f), EPS);
    assertEquals(0.5, value(m, "positive_predictive_value", f), EPS);
    assertEquals(2.0 / 3, value(m, "negative_predictive_value", f), EPS);
    assertEquals(0.6, value(m, "accuracy", f), EPS);
    assertEquals(0.46, value(m, "mean_score", f), EPS);

    assertEquals(0.6, value(m, "selection_rate", male), EPS);
    assertEquals(2.0 / 3, value(m, "true_positive_rate", male), EPS);
    assertEquals(0.5, value(m, "false_positive_rate", male), EPS);
    assertEquals(1.0 / 3, value(m, "false_negative_rate", male), EPS);
    assertEquals(0.5, value(m, "true_negative_rate", male), EPS);
    assertEquals(2.0 / 3, value(m, "positive_predictive_value", male), EPS);
    assertEquals(0.5, value(m, "negative_predictive_value", male), EPS);
    assertEquals(0.6, value(m, "mean_score", male), EPS);
    assertEquals(11, value(m, "count", Scope.DATASET), EPS);
  }

  @Test
  void betweenGroupMetricsFollowFairlearnOverGroupsLargeEnough() {
    // min_group_size 2 leaves the one-row "(missing)" group out of differences and ratios.
    List<MetricResult> m =
        FairnessAnalysis.run(input(frame(ROWS), 2, true, List.of(new Slice(List.of("sex")))))
            .metrics();
    Scope sex = Scope.attribute("sex");
    assertEquals(0.2, value(m, "demographic_parity_difference", sex), EPS);
    assertEquals(0.4 / 0.6, value(m, "demographic_parity_ratio", sex), EPS);
    assertEquals(1.0 / 6, value(m, "equalized_odds_difference", sex), EPS);
    assertEquals(
        Math.min(0.5 / (2.0 / 3), (1.0 / 3) / 0.5), value(m, "equalized_odds_ratio", sex), EPS);
    assertEquals(1.0 / 6, value(m, "equal_opportunity_difference", sex), EPS);
    assertEquals(0.75, value(m, "equal_opportunity_ratio", sex), EPS);
    assertEquals(1.0 / 6, value(m, "false_positive_rate_difference", sex), EPS);
    assertEquals(1.0 / 6, value(m, "predictive_parity_difference", sex), EPS);
    assertEquals(0.0, value(m, "accuracy_difference", sex), EPS);
    assertEquals(0.4 / 0.6, value(m, "impact_ratio", Scope.group("sex", "F")), EPS);
    assertEquals(1.0, value(m, "impact_ratio", Scope.group("sex", "M")), EPS);
    String note = result(m, "demographic_parity_ratio", sex).note();
    assertTrue(note.contains("highest M") && note.contains("lowest F"), note);
    assertTrue(note.contains("(missing) (n=1)"), note);
  }

  @Test
  void missingSensitiveValuesFormTheirOwnGroupAndZeroDenominatorsAreUndefined() {
    List<MetricResult> m =
        FairnessAnalysis.run(input(frame(ROWS), 1, true, List.of(new Slice(List.of("sex")))))
            .metrics();
    Scope missing = Scope.group("sex", FairnessAnalysis.MISSING);
    assertEquals(1, value(m, "count", missing), EPS);
    assertEquals(0.0, value(m, "selection_rate", missing), EPS);
    // The missing group has no positive label: TPR = TP / (TP + FN) = 0 / 0.
    MetricResult tpr = result(m, "true_positive_rate", missing);
    assertInstanceOf(MetricResult.Undefined.class, tpr);
    assertTrue(tpr.note().contains("denominator is 0"), tpr.note());
    // PPV = 0 / 0 too (nothing predicted positive); it must be left out, not taken as 0.
    assertInstanceOf(MetricResult.Undefined.class, result(m, "positive_predictive_value", missing));
    // With min_group_size 1 the missing group counts: its selection rate 0 gives ratio 0.
    assertEquals(0.0, value(m, "demographic_parity_ratio", Scope.attribute("sex")), EPS);
    assertEquals(0.6, value(m, "demographic_parity_difference", Scope.attribute("sex")), EPS);
    // TPR is undefined for the missing group, so equal opportunity uses F and M only.
    assertEquals(0.75, value(m, "equal_opportunity_ratio", Scope.attribute("sex")), EPS);
  }

  @Test
  void favourableNegativePredictionUsesOneMinusTheSelectionRateForRatios() {
    List<MetricResult> m =
        FairnessAnalysis.run(input(frame(ROWS), 2, false, List.of(new Slice(List.of("sex")))))
            .metrics();
    // Favourable rates: F 0.6, M 0.4.
    assertEquals(0.4 / 0.6, value(m, "demographic_parity_ratio", Scope.attribute("sex")), EPS);
    assertEquals(1.0, value(m, "impact_ratio", Scope.group("sex", "F")), EPS);
    assertEquals(0.4 / 0.6, value(m, "impact_ratio", Scope.group("sex", "M")), EPS);
    assertEquals(0.2, value(m, "demographic_parity_difference", Scope.attribute("sex")), EPS);
  }

  @Test
  void intersectionsJoinAttributeAndGroupNamesInSpecOrder() {
    List<MetricResult> m =
        FairnessAnalysis.run(
                input(
                    frame(ROWS),
                    1,
                    true,
                    List.of(new Slice(List.of("sex")), new Slice(List.of("sex", "region")))))
            .metrics();
    // F & south: rows 3, 4, 5 -> predicted positive 1 of 3.
    Scope fs = Scope.group("sex & region", "F & south");
    assertEquals(3, value(m, "count", fs), EPS);
    assertEquals(1.0 / 3, value(m, "selection_rate", fs), EPS);
    // M & north: rows 6, 7 -> both predicted positive, both labelled positive.
    assertEquals(1.0, value(m, "selection_rate", Scope.group("sex & region", "M & north")), EPS);
    assertEquals(1, value(m, "count", Scope.group("sex & region", "(missing) & north")), EPS);
  }

  @Test
  void thresholdDerivesThePredictionFromTheScore() {
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    FairnessInput in =
        FairnessInput.of(
            frame(ROWS),
            new FairnessInput.Outcomes(label, null, "score", 0.5, true, null),
            List.of(new Slice(List.of("sex"))),
            1);
    List<MetricResult> m = FairnessAnalysis.run(in).metrics();
    // F scores 0.9 0.4 0.7 0.2 0.1 -> 2 of 5 at or above 0.5; M 0.8 0.95 0.6 0.3 0.35 -> 3 of 5.
    assertEquals(0.4, value(m, "selection_rate", Scope.group("sex", "F")), EPS);
    assertEquals(0.6, value(m, "selection_rate", Scope.group("sex", "M")), EPS);
    // The missing row's score is exactly 0.5: >= includes it.
    assertEquals(
        1.0, value(m, "selection_rate", Scope.group("sex", FairnessAnalysis.MISSING)), EPS);
  }

  @Test
  void aLabelWithAThirdValueIsRejectedNamingTheValues() {
    Object[][] rows = Arrays.copyOf(ROWS, ROWS.length + 1);
    rows[ROWS.length] = new Object[] {"F", "north", 2, 0, 0.5};
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                FairnessAnalysis.run(
                    input(frame(rows), 1, true, List.of(new Slice(List.of("sex"))))));
    assertTrue(
        e.getMessage().contains("'y'") && e.getMessage().contains("'0' and '2'"), e.getMessage());
  }

  @Test
  void emptyDataIsRejected() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                FairnessAnalysis.run(
                    input(frame(new Object[0][]), 1, true, List.of(new Slice(List.of("sex"))))));
    assertTrue(e.getMessage().contains("no rows"), e.getMessage());
  }

  @Test
  void theStateOfAUnionIsTheMergeOfTheStates() {
    // Deequ's merge law, through Spark: state(A ∪ B) == merge(state(A), state(B)).
    Object[][] a = Arrays.copyOfRange(ROWS, 0, 4);
    Object[][] b = Arrays.copyOfRange(ROWS, 4, ROWS.length);
    ConfusionState sa = wholeState(frame(a));
    ConfusionState sb = wholeState(frame(b));
    ConfusionState sab = wholeState(frame(a).union(frame(b)));
    assertEquals(sab.n(), sa.merge(sb).n());
    assertEquals(sab.predictedPositive(), sa.merge(sb).predictedPositive());
    assertEquals(sab.labelPositive(), sa.merge(sb).labelPositive());
    assertEquals(sab.truePositive(), sa.merge(sb).truePositive());
    assertEquals(sab.scoreSum(), sa.merge(sb).scoreSum(), 1e-12);
    assertEquals(sab.scoreCount(), sa.merge(sb).scoreCount());
    assertEquals(sab.scoreSquareSum(), sa.merge(sb).scoreSquareSum(), 1e-12);
    assertEquals(sab.positiveScoreSum(), sa.merge(sb).positiveScoreSum(), 1e-12);
    assertEquals(sab.scoreMin(), sa.merge(sb).scoreMin(), 0);
    assertEquals(sab.scoreMax(), sa.merge(sb).scoreMax(), 0);
    // Hand count of all 11 rows: predicted positive 5, label positive 5, TP 3; scores 0.1 to 0.95;
    // scores of the positives 0.9 + 0.4 + 0.8 + 0.95 + 0.3 = 3.35.
    assertEquals(
        new ConfusionState(
            11,
            5,
            5,
            3,
            sab.scoreSum(),
            11,
            sab.scoreSquareSum(),
            sab.positiveScoreSum(),
            0.1,
            0.95),
        sab);
    assertEquals(3.35, sab.positiveScoreSum(), 1e-12);
  }

  private static ConfusionState wholeState(Dataset<Row> df) {
    ConfusionAggregate agg =
        new ConfusionAggregate(
            org.apache.spark.sql.functions.col("y"),
            org.apache.spark.sql.functions.col("p"),
            org.apache.spark.sql.functions.col("score"));
    return dev.assay.spark.SinglePassRunner.run(
            df, List.of(dev.assay.spark.Grouping.whole("all")), List.of(agg), 10)
        .get(0)
        .state(0);
  }

  static FairnessInput favourableInput(Dataset<Row> df, String favourable) {
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    BinaryColumn prediction =
        BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test");
    BinaryColumn fav =
        BinaryColumn.of(
            "prediction, read with columns.favourable",
            "p",
            DataTypes.IntegerType,
            favourable,
            "spec.yaml:9");
    return FairnessInput.of(
        df,
        new FairnessInput.Outcomes(label, prediction, "score", null, false, fav),
        List.of(new Slice(List.of("sex"))),
        2);
  }

  @Test
  void aFavourableValueThePredictionNeverHoldsIsRejectedInTheSameJob() {
    // favourable 0: the fixture's other prediction value, so the audit runs, still in one job.
    List<List<MetricResult>> out = new ArrayList<>();
    int jobs =
        JobCounter.count(
            SharedSpark.get(),
            () -> out.add(FairnessAnalysis.run(favourableInput(frame(ROWS), "0")).metrics()));
    assertEquals(1, jobs);
    // Favourable rates F 0.6, M 0.4, as in
    // favourableNegativePredictionUsesOneMinusTheSelectionRateForRatios.
    assertEquals(
        0.4 / 0.6, value(out.get(0), "demographic_parity_ratio", Scope.attribute("sex")), EPS);
    // favourable 2: a typo; no prediction is 2, so the ratio would silently be 1 - selection rate.
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> FairnessAnalysis.run(favourableInput(frame(ROWS), "2")));
    assertTrue(
        e.getMessage().startsWith("spec.yaml:9: columns.favourable is '2'")
            && e.getMessage().contains("'p'"),
        e.getMessage());
  }

  @Test
  void statesMergeLikeTheirUnion() {
    ConfusionState a = new ConfusionState(5, 2, 2, 1, 2.3, 5);
    ConfusionState b = new ConfusionState(5, 3, 3, 2, 3.0, 5);
    List<MetricResult> m =
        FairnessAnalysis.run(
                input(
                    frame(Arrays.copyOf(ROWS, 10)), 1, true, List.of(new Slice(List.of("region")))))
            .metrics();
    // Whole data set of the ten F/M rows = merge of the F and M states (hand-counted above).
    ConfusionState merged = a.merge(b);
    for (GroupMetric g : GroupMetric.values()) {
      assertEquals(g.value(merged), value(m, g.id(), Scope.DATASET), EPS, g.id());
    }
    assertEquals(
        merged.scoreSum() / merged.scoreCount(), value(m, "mean_score", Scope.DATASET), EPS);
    assertEquals(ConfusionState.EMPTY.merge(a), a);
  }

  static FairnessInput input(
      Dataset<Row> df, int minGroupSize, Double excludeBelowShare, Map<String, String> reference) {
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    BinaryColumn prediction =
        BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test");
    return FairnessInput.of(
            df,
            FairnessInput.Outcomes.of(label, prediction, "score"),
            List.of(new Slice(List.of("sex"))),
            minGroupSize)
        .withGroups(
            new GroupOptions(
                minGroupSize,
                excludeBelowShare,
                reference,
                dev.assay.spec.FairnessOptions.DEFAULT_MAX_GROUPS));
  }

  static MetricResult.Computed computed(List<MetricResult> metrics, String metric, Scope scope) {
    return assertInstanceOf(MetricResult.Computed.class, result(metrics, metric, scope));
  }

  /**
   * Every rate carries its Wilson interval: F's selection rate 2/5 → [0.117621, 0.769276] (worked
   * in IntervalTest), M's 3/5 → its mirror [0.230724, 0.882379]. The disparity's interval is that
   * of its extreme pair: Newcombe for 3/5 − 2/5, Katz for (2/5) ÷ (3/5).
   */
  @Test
  void everyRateCarriesItsWilsonIntervalAndDisparitiesTheirPairInterval() {
    List<MetricResult> m =
        FairnessAnalysis.run(input(frame(ROWS), 2, true, List.of(new Slice(List.of("sex")))))
            .metrics();
    double z = WilsonInterval.z(0.95);
    MetricResult.Computed f = computed(m, "selection_rate", Scope.group("sex", "F"));
    assertEquals(0.117621, f.ciLow(), 1e-6);
    assertEquals(0.769276, f.ciHigh(), 1e-6);
    MetricResult.Computed male = computed(m, "selection_rate", Scope.group("sex", "M"));
    assertEquals(0.230724, male.ciLow(), 1e-6);
    assertEquals(0.882379, male.ciHigh(), 1e-6);
    // F's TPR 1 of 2, FPR 1 of 3; the missing group's selection rate 0 of 1 → [0, z²/(1 + z²)].
    MetricResult.Computed tpr = computed(m, "true_positive_rate", Scope.group("sex", "F"));
    assertEquals(WilsonInterval.of(1, 2, z), new Interval(tpr.ciLow(), tpr.ciHigh()));
    MetricResult.Computed missing =
        computed(m, "selection_rate", Scope.group("sex", FairnessAnalysis.MISSING));
    assertEquals(0.0, missing.ciLow(), 0);
    assertEquals(z * z / (1 + z * z), missing.ciHigh(), 1e-12);
    for (MetricResult r : m) {
      if (r instanceof MetricResult.Computed c && GroupMetricIds.RATES.contains(c.key().metric())) {
        assertTrue(
            c.ciLow() != null && c.ciLow() <= c.value() && c.value() <= c.ciHigh(), c.toString());
      }
    }
    MetricResult.Computed dpd =
        computed(m, "demographic_parity_difference", Scope.attribute("sex"));
    assertEquals(NewcombeInterval.of(3, 5, 2, 5, z), new Interval(dpd.ciLow(), dpd.ciHigh()));
    MetricResult.Computed dpr = computed(m, "demographic_parity_ratio", Scope.attribute("sex"));
    assertEquals(KatzInterval.of(2, 5, 3, 5, z), new Interval(dpr.ciLow(), dpr.ciHigh()));
    // 2 of 5 vs 3 of 5: expected counts 2.5 < 5 → Fisher; the table [[2, 3], [3, 2]] gives p = 1.
    MetricResult.Computed ir = computed(m, "impact_ratio", Scope.group("sex", "F"));
    assertEquals(1.0, ir.pValue(), 1e-12);
    assertTrue(ir.note().contains("Fisher's exact test vs M"), ir.note());
    assertEquals(KatzInterval.of(2, 5, 3, 5, z), new Interval(ir.ciLow(), ir.ciHigh()));
    assertEquals(null, computed(m, "impact_ratio", Scope.group("sex", "M")).pValue());
  }

  /** The rate names of {@link GroupMetric}. */
  static final class GroupMetricIds {
    static final java.util.Set<String> RATES =
        java.util.Arrays.stream(GroupMetric.values())
            .map(GroupMetric::id)
            .collect(java.util.stream.Collectors.toSet());
  }

  /**
   * Seeded groups A (300 rows), B (200), C (100) with different selection rates: each impact
   * ratio's p-value is the z-test against the most favoured group (expected counts all ≥ 5),
   * Holm-adjusted over the two comparisons, here recomputed from counts taken by a plain loop.
   */
  @Test
  void impactRatioPValuesAreHolmAdjustedZTestsAgainstTheMostFavouredGroup() {
    Random random = new Random(7);
    List<Object[]> rows = new ArrayList<>();
    Map<String, long[]> counts = new TreeMap<>();
    String[] groups = {"A", "B", "C"};
    int[] sizes = {300, 200, 100};
    double[] rates = {0.5, 0.4, 0.3};
    for (int g = 0; g < 3; g++) {
      for (int i = 0; i < sizes[g]; i++) {
        int p = random.nextDouble() < rates[g] ? 1 : 0;
        int y = random.nextDouble() < 0.5 ? 1 : 0;
        rows.add(new Object[] {groups[g], "north", y, p, random.nextDouble()});
        long[] c = counts.computeIfAbsent(groups[g], k -> new long[2]);
        c[0]++;
        c[1] += p;
      }
    }
    // Without a score, so that no scoring_impact_ratio joins the p-value family.
    List<MetricResult> m =
        FairnessAnalysis.run(
                withoutScore(
                    input(
                        frame(rows.toArray(new Object[0][])),
                        30,
                        true,
                        List.of(new Slice(List.of("sex"))))))
            .metrics();
    String best =
        counts.entrySet().stream()
            .max(Comparator.comparingDouble(e -> (double) e.getValue()[1] / e.getValue()[0]))
            .orElseThrow()
            .getKey();
    long[] top = counts.get(best);
    List<String> others = counts.keySet().stream().filter(g -> !g.equals(best)).toList();
    double[] raw = new double[others.size()];
    for (int i = 0; i < raw.length; i++) {
      long[] c = counts.get(others.get(i));
      double pooled = (double) (c[1] + top[1]) / (c[0] + top[0]);
      double zz =
          ((double) c[1] / c[0] - (double) top[1] / top[0])
              / Math.sqrt(pooled * (1 - pooled) * (1.0 / c[0] + 1.0 / top[0]));
      raw[i] = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(zz)));
    }
    // Holm for two tests: the smaller p doubled, the larger max(itself, the doubled smaller).
    int lo = raw[0] <= raw[1] ? 0 : 1;
    double[] holm = new double[2];
    holm[lo] = Math.min(1, 2 * raw[lo]);
    holm[1 - lo] = Math.max(holm[lo], Math.min(1, raw[1 - lo]));
    for (int i = 0; i < 2; i++) {
      MetricResult.Computed ir = computed(m, "impact_ratio", Scope.group("sex", others.get(i)));
      assertEquals(holm[i], ir.pValue(), 1e-9, ir.note());
      assertTrue(ir.note().contains("two-proportion z-test vs " + best), ir.note());
    }
  }

  /**
   * AUC by hand. F: positives 0.9, 0.4, negatives 0.7, 0.2, 0.1 → 0.9 beats 3, 0.4 beats 2 → 5/6.
   * M: positives 0.8, 0.95, 0.3, negatives 0.6, 0.35 → 2 + 2 + 0 → 4/6. auc_difference = 1/6. Brier
   * and ECE of F as in ScoreMetricsTest: 0.182 and 0.34.
   */
  @Test
  void aucBrierAndCalibrationPerGroupByHand() {
    FairnessOutcome out =
        FairnessAnalysis.run(input(frame(ROWS), 2, true, List.of(new Slice(List.of("sex")))));
    List<MetricResult> m = out.metrics();
    assertEquals(5.0 / 6, value(m, "auc", Scope.group("sex", "F")), EPS);
    assertEquals(2.0 / 3, value(m, "auc", Scope.group("sex", "M")), EPS);
    assertEquals(1.0 / 6, value(m, "auc_difference", Scope.attribute("sex")), EPS);
    assertEquals(0.182, value(m, "brier_score", Scope.group("sex", "F")), EPS);
    assertEquals(0.34, value(m, "expected_calibration_error", Scope.group("sex", "F")), EPS);
    // The missing group has no positive label: auc undefined, with the reason.
    MetricResult auc = result(m, "auc", Scope.group("sex", FairnessAnalysis.MISSING));
    assertInstanceOf(MetricResult.Undefined.class, auc);
    assertTrue(auc.note().contains("positives 0"), auc.note());
    // Whole data set: positives 0.9 0.4 0.8 0.95 0.3, negatives 0.7 0.2 0.1 0.6 0.35 0.5 → pairs
    // won: 0.9→6, 0.4→4 (0.2 0.1 0.35 ... 0.4 > 0.2, 0.1, 0.35) → 3, 0.8→6, 0.95→6, 0.3→2 = 23/30.
    assertEquals(23.0 / 30, value(m, "auc", Scope.DATASET), EPS);
  }

  /**
   * fairness.score_metrics: false drops exactly the histogram metrics (auc, auc_difference,
   * expected_calibration_error, scoring_rate, scoring_impact_ratio) with a run note; every other
   * metric, Brier and mean_score included (they come from the per-group sums), is the same as with
   * the histograms, and it is still one job.
   */
  @Test
  void withoutScoreMetricsOnlyTheHistogramMetricsAreDropped() {
    FairnessInput with = input(frame(ROWS), 2, true, List.of(new Slice(List.of("sex"))));
    List<MetricResult> all = FairnessAnalysis.run(with).metrics();
    List<FairnessOutcome> lean = new ArrayList<>();
    int jobs =
        JobCounter.count(
            SharedSpark.get(),
            () ->
                lean.add(
                    FairnessAnalysis.run(with.withExtras(with.extras().withoutScoreMetrics()))));
    assertEquals(1, jobs);
    java.util.Set<String> dropped =
        java.util.Set.of(
            "auc",
            "auc_difference",
            "expected_calibration_error",
            "scoring_rate",
            "scoring_impact_ratio");
    assertTrue(
        all.stream()
            .map(r -> r.key().metric())
            .collect(java.util.stream.Collectors.toSet())
            .containsAll(dropped),
        "the full run has every histogram metric");
    List<MetricResult> kept =
        all.stream().filter(r -> !dropped.contains(r.key().metric())).toList();
    List<MetricResult> got = lean.get(0).metrics();
    assertEquals(
        kept.stream().map(MetricResult::key).toList(),
        got.stream().map(MetricResult::key).toList());
    for (int i = 0; i < kept.size(); i++) {
      if (kept.get(i) instanceof MetricResult.Computed a) {
        MetricResult.Computed b = assertInstanceOf(MetricResult.Computed.class, got.get(i));
        // Sums merge from fewer cells, so the last bit may differ.
        assertEquals(a.value(), b.value(), 1e-12, a.key().toString());
        assertNear(a.ciLow(), b.ciLow(), a.key().toString());
        assertNear(a.ciHigh(), b.ciHigh(), a.key().toString());
        // Holm adjusts each attribute's p-values together; without the scoring impact ratios the
        // family holds fewer tests, so only impact_ratio's adjusted p-values may differ.
        if (!a.key().metric().equals("impact_ratio")) {
          assertNear(a.pValue(), b.pValue(), a.key().toString());
        }
      }
    }
    assertEquals(0.182, value(lean.get(0).metrics(), "brier_score", Scope.group("sex", "F")), EPS);
    assertTrue(
        lean.get(0).notes().stream().anyMatch(n -> n.contains("fairness.score_metrics is false")),
        lean.get(0).notes().toString());
  }

  private static void assertNear(Double expected, Double actual, String what) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual, what);
    } else {
      assertEquals(expected, actual, 1e-12, what);
    }
  }

  @Test
  void scoresOutsideZeroOneHaveAucButNoCalibration() {
    Object[][] rows =
        Arrays.stream(ROWS)
            .map(r -> new Object[] {r[0], r[1], r[2], r[3], ((Double) r[4]) * 10})
            .toArray(Object[][]::new);
    FairnessOutcome out =
        FairnessAnalysis.run(input(frame(rows), 2, true, List.of(new Slice(List.of("sex")))));
    assertEquals(5.0 / 6, value(out.metrics(), "auc", Scope.group("sex", "F")), EPS);
    assertTrue(out.metrics().stream().noneMatch(r -> r.key().metric().equals("brier_score")));
    assertTrue(
        out.notes().stream().anyMatch(n -> n.contains("not a probability")),
        out.notes().toString());
  }

  /**
   * Against the reference F: M's selection rate 3/5 − 2/5 = 0.2 (ratio 1.5), TPR 2/3 − 1/2 = 1/6
   * (ratio 4/3), FPR 1/2 − 1/3 = 1/6 (ratio 1.5); the missing group's TPR is 0/0 → undefined.
   */
  @Test
  void referenceGroupComparisonsByHand() {
    // Without a score, so that no scoring_impact_ratio joins the p-value family.
    List<MetricResult> m =
        FairnessAnalysis.run(withoutScore(input(frame(ROWS), 2, null, Map.of("sex", "F"))))
            .metrics();
    Scope male = Scope.group("sex", "M");
    double z = WilsonInterval.z(0.95);
    MetricResult.Computed d = computed(m, "selection_rate_diff_vs_ref", male);
    assertEquals(0.2, d.value(), EPS);
    assertEquals(NewcombeInterval.of(3, 5, 2, 5, z), new Interval(d.ciLow(), d.ciHigh()));
    // One family across groups and metrics of sex: impact ratios F and missing vs M (the most
    // favoured), selection rate M and missing vs F, TPR M vs F (missing has no positive), FPR M
    // and missing vs F: seven tests, adjusted together.
    double[] raw = {
      TwoProportionTest.pValue(2, 5, 3, 5),
      TwoProportionTest.pValue(0, 1, 3, 5),
      TwoProportionTest.pValue(3, 5, 2, 5),
      TwoProportionTest.pValue(0, 1, 2, 5),
      TwoProportionTest.pValue(2, 3, 1, 2),
      TwoProportionTest.pValue(1, 2, 1, 3),
      TwoProportionTest.pValue(0, 1, 1, 3)
    };
    assertEquals(FisherExactTest.pValue(3, 2, 2, 3), raw[2], EPS);
    assertEquals(HolmCorrection.adjust(raw)[2], d.pValue(), EPS);
    assertTrue(
        d.note().contains("Holm-adjusted over 7 comparisons of sex (groups × metrics)"), d.note());
    assertEquals(
        HolmCorrection.adjust(raw)[0],
        computed(m, "impact_ratio", Scope.group("sex", "F")).pValue(),
        EPS);
    assertEquals(
        HolmCorrection.adjust(raw)[5],
        computed(m, "false_positive_rate_diff_vs_ref", male).pValue(),
        EPS);
    // Benjamini-Hochberg and no adjustment over the same family.
    FairnessInput base = withoutScore(input(frame(ROWS), 2, null, Map.of("sex", "F")));
    List<MetricResult> bh = FairnessAnalysis.run(withPAdjust(base, PAdjust.BH)).metrics();
    assertEquals(
        BenjaminiHochberg.adjust(raw)[2],
        computed(bh, "selection_rate_diff_vs_ref", male).pValue(),
        EPS);
    assertEquals(
        BenjaminiHochberg.adjust(raw)[6],
        computed(
                bh, "false_positive_rate_diff_vs_ref", Scope.group("sex", FairnessAnalysis.MISSING))
            .pValue(),
        EPS);
    assertTrue(
        computed(bh, "impact_ratio", Scope.group("sex", "F"))
            .note()
            .contains("Benjamini-Hochberg-adjusted over 7"));
    List<MetricResult> none = FairnessAnalysis.run(withPAdjust(base, PAdjust.NONE)).metrics();
    assertEquals(raw[4], computed(none, "true_positive_rate_diff_vs_ref", male).pValue(), EPS);
    MetricResult.Computed r = computed(m, "selection_rate_ratio_vs_ref", male);
    assertEquals(1.5, r.value(), EPS);
    assertEquals(KatzInterval.of(3, 5, 2, 5, z), new Interval(r.ciLow(), r.ciHigh()));
    assertEquals(1.0 / 6, value(m, "true_positive_rate_diff_vs_ref", male), EPS);
    assertEquals(4.0 / 3, value(m, "true_positive_rate_ratio_vs_ref", male), EPS);
    assertEquals(1.0 / 6, value(m, "false_positive_rate_diff_vs_ref", male), EPS);
    assertEquals(1.5, value(m, "false_positive_rate_ratio_vs_ref", male), EPS);
    Scope missing = Scope.group("sex", FairnessAnalysis.MISSING);
    assertEquals(-0.4, value(m, "selection_rate_diff_vs_ref", missing), EPS);
    assertInstanceOf(
        MetricResult.Undefined.class, result(m, "true_positive_rate_diff_vs_ref", missing));
    assertTrue(
        m.stream()
            .noneMatch(
                x ->
                    x.key().scope().equals(Scope.group("sex", "F"))
                        && x.key().metric().endsWith("_vs_ref")));
    MetricResult unknown =
        FairnessAnalysis.run(input(frame(ROWS), 2, null, Map.of("sex", "X"))).metrics().stream()
            .filter(x -> x.key().metric().equals("selection_rate_diff_vs_ref"))
            .findFirst()
            .orElseThrow();
    assertInstanceOf(MetricResult.Undefined.class, unknown);
    assertTrue(
        unknown.note().contains("'X'") && unknown.note().contains("[(missing), F, M]"),
        unknown.note());
  }

  /**
   * NYC LL 144: a group of 1 row in 100 (1 %) is disclosed; with exclude_below_share 0.02 it is
   * left out of the impact ratios and cannot be the reference, though its selection rate (1.0) is
   * the highest.
   */
  @Test
  void groupsUnderTwoPercentAreDisclosedAndOptionallyExcludedFromImpactRatios() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      rows.add(
          new Object[] {
            i % 2 == 0 ? "F" : "M", "north", i % 3 == 0 ? 1 : 0, i % 4 == 0 ? 1 : 0, 0.5
          });
    }
    rows.add(new Object[] {"X", "north", 1, 1, 0.9});
    Dataset<Row> df = frame(rows.toArray(new Object[0][]));
    FairnessOutcome kept = FairnessAnalysis.run(input(df, 1, null, Map.of()));
    assertTrue(
        kept.notes().stream().anyMatch(n -> n.contains("X (1.00 %)") && n.contains("kept")),
        kept.notes().toString());
    assertEquals(1.0, value(kept.metrics(), "impact_ratio", Scope.group("sex", "X")), EPS);
    FairnessOutcome excluded = FairnessAnalysis.run(input(df, 1, 0.02, Map.of()));
    MetricResult x = result(excluded.metrics(), "impact_ratio", Scope.group("sex", "X"));
    assertInstanceOf(MetricResult.Undefined.class, x);
    assertTrue(x.note().contains("exclude_below_share 2 %"), x.note());
    // F: i = 0, 2, ..., 98 (50 rows), predicted when i % 4 == 0 → 25; M: 49 rows, none (i odd).
    assertEquals(1.0, value(excluded.metrics(), "impact_ratio", Scope.group("sex", "F")), EPS);
    assertEquals(0.0, value(excluded.metrics(), "impact_ratio", Scope.group("sex", "M")), EPS);
  }

  @Test
  void allFairnessMetricsOfAnAuditAreOneSparkJob(@TempDir Path dir) {
    SparkSession spark = SharedSpark.get();
    String path = dir.resolve("data.parquet").toString();
    frame(ROWS).repartition(3).write().parquet(path);
    Dataset<Row> df = spark.read().parquet(path);
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    BinaryColumn prediction =
        BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test");
    // Score and label present: AUC and calibration keys ride in the same single-pass job, and
    // so do the reference comparisons and significance tests (driver-side arithmetic).
    FairnessInput in =
        FairnessInput.of(
                df,
                FairnessInput.Outcomes.of(label, prediction, "score"),
                List.of(
                    new Slice(List.of("sex")),
                    new Slice(List.of("region")),
                    new Slice(List.of("sex", "region"))),
                1)
            .withGroups(
                new GroupOptions(
                    1,
                    0.02,
                    Map.of("sex", "F", "sex & region", "F & north"),
                    dev.assay.spec.FairnessOptions.DEFAULT_MAX_GROUPS))
            .withInference(
                new FairnessInput.Inference(
                    0.9, PAdjust.HOLM, PAdjustScope.ATTRIBUTE, FairnessInput.Bootstrap.NONE));
    List<List<MetricResult>> out = new ArrayList<>();
    int jobs = JobCounter.count(spark, () -> out.add(FairnessAnalysis.run(in).metrics()));
    assertEquals(1, jobs);
    assertFalse(out.get(0).isEmpty());
    assertEquals(5.0 / 6, value(out.get(0), "auc", Scope.group("sex", "F")), EPS);
    assertTrue(
        out.get(0).stream()
            .anyMatch(
                r ->
                    r.key().metric().equals("selection_rate_diff_vs_ref")
                        && r.key().scope().attribute().equals("sex & region")));
    // SageMaker Clarify's facet-vs-rest metrics are driver arithmetic on the same states.
    assertTrue(
        out.get(0).stream()
            .anyMatch(
                r ->
                    r.key().metric().equals("clarify_te")
                        && r.key().scope().attribute().equals("sex & region")));
  }

  /**
   * Against the overall rate of sex (all 11 rows: 5 predicted positive, 5 label positive, TP 3). F:
   * selection 2/5 − 5/11 = −3/55, ratio 0.4 / (5/11) = 22/25; its interval is Newcombe's of F (2 of
   * 5) vs the rest (3 of 6) times the rest's share 6/11, and the ratio's is Katz's of ρ = 0.4/0.5
   * mapped through ρ / (wρ + 1 − w), w = 5/11 (at ρ = 0.8 that gives 0.88 again). M: TPR 2/3 − 3/5
   * = 1/15, ratio 10/9. Missing: FPR 0/1 − 2/6 = −1/3, ratio 0 without an interval (Katz needs a
   * count > 0); TPR 0/0 undefined.
   */
  @Test
  void comparisonsAgainstTheOverallRateByHand() {
    List<MetricResult> m =
        FairnessAnalysis.run(input(frame(ROWS), 2, true, List.of(new Slice(List.of("sex")))))
            .metrics();
    double z = WilsonInterval.z(0.95);
    Scope f = Scope.group("sex", "F");
    MetricResult.Computed d = computed(m, "selection_rate_diff_vs_overall", f);
    assertEquals(-3.0 / 55, d.value(), EPS);
    Interval rest = NewcombeInterval.of(2, 5, 3, 6, z);
    assertEquals(rest.low() * 6 / 11, d.ciLow(), EPS);
    assertEquals(rest.high() * 6 / 11, d.ciHigh(), EPS);
    MetricResult.Computed r = computed(m, "selection_rate_ratio_vs_overall", f);
    assertEquals(22.0 / 25, r.value(), EPS);
    Interval katz = KatzInterval.of(2, 5, 3, 6, z);
    double w = 5.0 / 11;
    assertEquals(katz.low() / (w * katz.low() + 1 - w), r.ciLow(), EPS);
    assertEquals(katz.high() / (w * katz.high() + 1 - w), r.ciHigh(), EPS);
    assertTrue(r.ciLow() < r.value() && r.value() < r.ciHigh());
    assertEquals(
        1.0 / 15, value(m, "true_positive_rate_diff_vs_overall", Scope.group("sex", "M")), EPS);
    assertEquals(
        10.0 / 9, value(m, "true_positive_rate_ratio_vs_overall", Scope.group("sex", "M")), EPS);
    Scope missing = Scope.group("sex", FairnessAnalysis.MISSING);
    assertEquals(-1.0 / 3, value(m, "false_positive_rate_diff_vs_overall", missing), EPS);
    MetricResult.Computed zero = computed(m, "false_positive_rate_ratio_vs_overall", missing);
    assertEquals(0.0, zero.value(), 0);
    assertEquals(null, zero.ciLow());
    assertInstanceOf(
        MetricResult.Undefined.class, result(m, "true_positive_rate_diff_vs_overall", missing));
  }

  /**
   * sex takes (missing), F, M and region north, south in sex & region's groups: 3 × 2 = 6
   * combinations, 5 observed (F/M × north/south and (missing) & north), so one empty cell.
   * Selection rates of groups with n ≥ 2: sex F 0.4, M 0.6; region north 3/5, south 2/6; F & north
   * 1/2, F & south 1/3, M & north 1, M & south 1/3. The three lowest tie at 1/3 and are ordered by
   * attribute, then group. By false_positive_rate (higher is worse): sex F 1/3, M 1/2, region north
   * 0/1, south 2/5, F & south 1/3, M & south 1/2 (F & north and M & north have no negative) → 0.5
   * shared by sex M and M & south, "sex" sorts first.
   */
  @Test
  void emptyIntersectionCellsAndWorstSlicesByHand() {
    List<Slice> slices =
        List.of(
            new Slice(List.of("sex")),
            new Slice(List.of("region")),
            new Slice(List.of("sex", "region")));
    FairnessOutcome out =
        FairnessAnalysis.run(withTopK(input(frame(ROWS), 2, true, slices), 3, "selection_rate"));
    MetricResult.Computed empty =
        computed(out.metrics(), "empty_intersection_cells", Scope.attribute("sex & region"));
    assertEquals(1.0, empty.value(), 0);
    assertEquals(6L, empty.count());
    assertTrue(empty.note().contains(": (missing) & south"), empty.note());
    assertTrue(
        out.notes().stream().anyMatch(n -> n.startsWith("sex & region: 1 of 6")),
        out.notes().toString());
    assertEquals(1.0, value(out.metrics(), "worst_slice_rank", Scope.group("region", "south")), 0);
    assertEquals(
        2.0, value(out.metrics(), "worst_slice_rank", Scope.group("sex & region", "F & south")), 0);
    assertEquals(
        3.0, value(out.metrics(), "worst_slice_rank", Scope.group("sex & region", "M & south")), 0);
    assertEquals(
        3, out.metrics().stream().filter(r -> r.key().metric().equals("worst_slice_rank")).count());
    assertTrue(
        out.notes().stream().anyMatch(n -> n.startsWith("Worst 3 slices by selection_rate")),
        out.notes().toString());

    FairnessOutcome fpr =
        FairnessAnalysis.run(
            withTopK(input(frame(ROWS), 2, true, slices), 1, "false_positive_rate"));
    assertEquals(1.0, value(fpr.metrics(), "worst_slice_rank", Scope.group("sex", "M")), 0);
    assertEquals(
        1, fpr.metrics().stream().filter(r -> r.key().metric().equals("worst_slice_rank")).count());
  }

  /** A full cross product has no empty cell; the odometer lists at most 20 of many. */
  @Test
  void emptyCellsAreBoundedAndZeroForAFullCrossProduct() {
    java.util.Set<List<String>> full = new java.util.HashSet<>();
    java.util.Set<List<String>> diagonal = new java.util.HashSet<>();
    for (int i = 0; i < 30; i++) {
      diagonal.add(List.of("a" + i, "b" + i));
      for (int j = 0; j < 3; j++) {
        if (i < 3) {
          full.add(List.of("a" + i, "b" + j));
        }
      }
    }
    List<String> notes = new ArrayList<>();
    assertEquals(0.0, SliceSurvey.emptyCells("x & y", 2, full, notes).number().getAsDouble(), 0);
    MetricResult d = SliceSurvey.emptyCells("x & y", 2, diagonal, notes);
    assertEquals(870.0, d.number().getAsDouble(), 0);
    assertEquals(20, d.note().split(": ", 2)[1].split(", ").length - 1, d.note());
    assertTrue(d.note().endsWith(", ..."), d.note());
    assertEquals(1, notes.size());
  }

  /**
   * Generalized entropy index, α = 2, b = ŷ − y + 1. Group A: (y, ŷ) = (1, 1), (0, 1), (0, 1) → b =
   * 1, 2, 2; group B: (1, 0), (0, 0) → b = 0, 1. All: n = 5, μ = 6/5, Σ[(b/μ)² − 1] = 2(25/36 − 1)
   * + 2(100/36 − 1) − 1 = 70/36, GE = 70/36 / (5·2) = 7/36. A alone: μ = 5/3, Σ = (9/25 − 1) +
   * 2(36/25 − 1) = 6/25, GE = 6/25 / (3·2) = 1/25. Between groups: μ_A = 5/3, μ_B = 1/2, 3((25/18)²
   * − 1) + 2((5/12)² − 1) = 245/216, / 10 = 49/432. With favourable 0 the benefits become b = y − ŷ
   * + 1 → A: 1, 0, 0 and B: 2, 1.
   */
  @Test
  void generalizedEntropyIndexByHand() {
    Object[][] rows = {
      {"A", "x", 1, 1, 0.5},
      {"A", "x", 0, 1, 0.5},
      {"A", "x", 0, 1, 0.5},
      {"B", "x", 1, 0, 0.5},
      {"B", "x", 0, 0, 0.5}
    };
    List<MetricResult> m =
        FairnessAnalysis.run(input(frame(rows), 1, true, List.of(new Slice(List.of("sex")))))
            .metrics();
    assertEquals(7.0 / 36, value(m, "generalized_entropy_index", Scope.DATASET), EPS);
    assertEquals(1.0 / 25, value(m, "generalized_entropy_index", Scope.group("sex", "A")), EPS);
    assertEquals(
        49.0 / 432,
        value(m, "between_group_generalized_entropy_index", Scope.attribute("sex")),
        EPS);
    // Favourable 0: all b = 1, 0, 0, 2, 1 → μ = 4/5; Σ = 2(25/16 − 1) + 2(0 − 1) + (100/16 − 1)
    // = (18 − 32 + 84)/16 = 70/16; GE = 70/16 / 10 = 7/16.
    List<MetricResult> f =
        FairnessAnalysis.run(input(frame(rows), 1, false, List.of(new Slice(List.of("sex")))))
            .metrics();
    assertEquals(7.0 / 16, value(f, "generalized_entropy_index", Scope.DATASET), EPS);
    // B alone with favourable 1: b = 0, 1 → μ = 1/2, Σ = −1 + (4 − 1) = 2, GE = 2 / 4 = 1/2.
    assertEquals(0.5, value(m, "generalized_entropy_index", Scope.group("sex", "B")), EPS);
  }

  /** {@code in} without its score column (no score-based metrics). */
  static FairnessInput withoutScore(FairnessInput in) {
    FairnessInput.Outcomes o = in.outcomes();
    return new FairnessInput(
        in.data(),
        new FairnessInput.Outcomes(
            o.label(),
            o.prediction(),
            null,
            null,
            o.favourableIsPositive(),
            o.favourablePrediction()),
        in.slices(),
        in.groups(),
        in.inference(),
        in.extras());
  }

  /** {@code in} with {@code adjust} as its p-value adjustment. */
  static FairnessInput withPAdjust(FairnessInput in, PAdjust adjust) {
    FairnessInput.Inference i = in.inference();
    return in.withInference(
        new FairnessInput.Inference(i.confidence(), adjust, i.pAdjustScope(), i.bootstrap()));
  }

  /** {@code in} listing its {@code k} worst slices by {@code by}. */
  static FairnessInput withTopK(FairnessInput in, int k, String by) {
    FairnessInput.Extras e = in.extras();
    return in.withExtras(new FairnessInput.Extras(k, by, e.strata(), e.scoreMetrics()));
  }
}
