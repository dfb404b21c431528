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
import java.util.List;
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
  private static final StructType SCHEMA = new StructType()
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
      {"F", "north", 1, 1, 0.9}, {"F", "north", 1, 0, 0.4}, {"F", "south", 0, 1, 0.7},
      {"F", "south", 0, 0, 0.2}, {"F", "south", 0, 0, 0.1},
      {"M", "north", 1, 1, 0.8}, {"M", "north", 1, 1, 0.95}, {"M", "south", 0, 1, 0.6},
      {"M", "south", 1, 0, 0.3}, {"M", "south", 0, 0, 0.35},
      {null, "north", 0, 0, 0.5},
  };

  static Dataset<Row> frame(Object[][] rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return SharedSpark.get().createDataFrame(list, SCHEMA);
  }

  static FairnessInput input(Dataset<Row> df, int minGroupSize, boolean favourableIsPositive,
                             List<Slice> slices) {
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    BinaryColumn prediction = BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test");
    return new FairnessInput(df, label, prediction, "score", null, slices, favourableIsPositive, minGroupSize);
  }

  static double value(List<MetricResult> metrics, String metric, Scope scope) {
    return metrics.stream().filter(m -> m.key().metric().equals(metric) && m.key().scope().equals(scope))
        .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " for " + scope))
        .number().orElseThrow(() -> new AssertionError(metric + " undefined for " + scope));
  }

  static MetricResult result(List<MetricResult> metrics, String metric, Scope scope) {
    return metrics.stream().filter(m -> m.key().metric().equals(metric) && m.key().scope().equals(scope))
        .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " for " + scope));
  }

  @Test
  void perGroupRatesMatchTheHandCountedConfusionMatrices() {
    List<MetricResult> m = FairnessAnalysis.run(input(frame(ROWS), 1, true,
        List.of(new Slice(List.of("sex"))))).metrics();
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
    List<MetricResult> m = FairnessAnalysis.run(input(frame(ROWS), 2, true,
        List.of(new Slice(List.of("sex"))))).metrics();
    Scope sex = Scope.attribute("sex");
    assertEquals(0.2, value(m, "demographic_parity_difference", sex), EPS);
    assertEquals(0.4 / 0.6, value(m, "demographic_parity_ratio", sex), EPS);
    assertEquals(1.0 / 6, value(m, "equalized_odds_difference", sex), EPS);
    assertEquals(Math.min(0.5 / (2.0 / 3), (1.0 / 3) / 0.5), value(m, "equalized_odds_ratio", sex), EPS);
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
    List<MetricResult> m = FairnessAnalysis.run(input(frame(ROWS), 1, true,
        List.of(new Slice(List.of("sex"))))).metrics();
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
    List<MetricResult> m = FairnessAnalysis.run(input(frame(ROWS), 2, false,
        List.of(new Slice(List.of("sex"))))).metrics();
    // Favourable rates: F 0.6, M 0.4.
    assertEquals(0.4 / 0.6, value(m, "demographic_parity_ratio", Scope.attribute("sex")), EPS);
    assertEquals(1.0, value(m, "impact_ratio", Scope.group("sex", "F")), EPS);
    assertEquals(0.4 / 0.6, value(m, "impact_ratio", Scope.group("sex", "M")), EPS);
    assertEquals(0.2, value(m, "demographic_parity_difference", Scope.attribute("sex")), EPS);
  }

  @Test
  void intersectionsJoinAttributeAndGroupNamesInSpecOrder() {
    List<MetricResult> m = FairnessAnalysis.run(input(frame(ROWS), 1, true,
        List.of(new Slice(List.of("sex")), new Slice(List.of("sex", "region"))))).metrics();
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
    FairnessInput in = new FairnessInput(frame(ROWS), label, null, "score", 0.5,
        List.of(new Slice(List.of("sex"))), true, 1);
    List<MetricResult> m = FairnessAnalysis.run(in).metrics();
    // F scores 0.9 0.4 0.7 0.2 0.1 -> 2 of 5 at or above 0.5; M 0.8 0.95 0.6 0.3 0.35 -> 3 of 5.
    assertEquals(0.4, value(m, "selection_rate", Scope.group("sex", "F")), EPS);
    assertEquals(0.6, value(m, "selection_rate", Scope.group("sex", "M")), EPS);
    // The missing row's score is exactly 0.5: >= includes it.
    assertEquals(1.0, value(m, "selection_rate", Scope.group("sex", FairnessAnalysis.MISSING)), EPS);
  }

  @Test
  void aLabelWithAThirdValueIsRejectedNamingTheValues() {
    Object[][] rows = Arrays.copyOf(ROWS, ROWS.length + 1);
    rows[ROWS.length] = new Object[] {"F", "north", 2, 0, 0.5};
    BadInputException e = assertThrows(BadInputException.class, () -> FairnessAnalysis.run(
        input(frame(rows), 1, true, List.of(new Slice(List.of("sex"))))));
    assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("'0' and '2'"), e.getMessage());
  }

  @Test
  void emptyDataIsRejected() {
    BadInputException e = assertThrows(BadInputException.class, () -> FairnessAnalysis.run(
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
    // Hand count of all 11 rows: predicted positive 5, label positive 5, TP 3.
    assertEquals(new ConfusionState(11, 5, 5, 3, sab.scoreSum(), 11), sab);
  }

  private static ConfusionState wholeState(Dataset<Row> df) {
    ConfusionAggregate agg = new ConfusionAggregate(
        org.apache.spark.sql.functions.col("y"), org.apache.spark.sql.functions.col("p"),
        org.apache.spark.sql.functions.col("score"));
    return dev.assay.spark.SinglePassRunner.run(df, List.of(dev.assay.spark.Grouping.whole("all")),
        List.of(agg), 10).get(0).state(0);
  }

  @Test
  void statesMergeLikeTheirUnion() {
    ConfusionState a = new ConfusionState(5, 2, 2, 1, 2.3, 5);
    ConfusionState b = new ConfusionState(5, 3, 3, 2, 3.0, 5);
    List<MetricResult> m = FairnessAnalysis.run(input(frame(Arrays.copyOf(ROWS, 10)), 1, true,
        List.of(new Slice(List.of("region"))))).metrics();
    // Whole data set of the ten F/M rows = merge of the F and M states (hand-counted above).
    ConfusionState merged = a.merge(b);
    for (GroupMetric g : GroupMetric.values()) {
      assertEquals(g.value(merged), value(m, g.id(), Scope.DATASET), EPS, g.id());
    }
    assertEquals(merged.scoreSum() / merged.scoreCount(), value(m, "mean_score", Scope.DATASET), EPS);
    assertEquals(ConfusionState.EMPTY.merge(a), a);
  }

  @Test
  void allFairnessMetricsOfAnAuditAreOneSparkJob(@TempDir Path dir) {
    SparkSession spark = SharedSpark.get();
    String path = dir.resolve("data.parquet").toString();
    frame(ROWS).repartition(3).write().parquet(path);
    Dataset<Row> df = spark.read().parquet(path);
    FairnessInput in = input(df, 1, true, List.of(new Slice(List.of("sex")),
        new Slice(List.of("region")), new Slice(List.of("sex", "region"))));
    List<List<MetricResult>> out = new ArrayList<>();
    int jobs = JobCounter.count(spark, () -> out.add(FairnessAnalysis.run(in).metrics()));
    assertEquals(1, jobs);
    assertFalse(out.get(0).isEmpty());
  }
}
