package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.FairnessAnalysisTest.result;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * {@code fairness.task: multiclass}: the one-vs-rest rates per group and class, the per-class
 * parity metrics and the worst class, against hand arithmetic (Fairlearn's definitions applied to
 * the binary problem "class c against the rest").
 */
class MulticlassFairnessTest {

  private static final double EPS = 1e-12;

  private static final StructType SCHEMA =
      new StructType()
          .add("sex", DataTypes.StringType)
          .add("y", DataTypes.StringType, true)
          .add("p", DataTypes.StringType, true);

  /*
   * Three classes a, b, c; groups F (6 rows), M (6 rows), X (1 row; min_group_size 2 leaves it out
   * of differences and ratios).
   *
   *  #  sex y p        F: predicted a 3 (1,2,5), b 3 (3,4,6), c 0  <- c never predicted in F
   *  1  F   a a           labelled  a 3, b 2, c 1; hits a 2, b 1, c 0; correct 3 -> accuracy 1/2
   *  2  F   a a           a: sel 3/6, base 3/6, TPR 2/3, FPR (3-2)/(6-3) = 1/3, PPV 2/3
   *  3  F   a b           b: sel 3/6, base 2/6, TPR 1/2, FPR (3-1)/(6-2) = 1/2, PPV 1/3
   *  4  F   b b           c: sel 0,   base 1/6, TPR 0/1 = 0, FPR 0/5 = 0, PPV undefined (0 ÷ 0)
   *  5  F   b a
   *  6  F   c b        M: predicted a 2 (7,12), b 2 (8,10), c 2 (9,11)
   *  7  M   a a           labelled  a 3, b 3, c 0; hits a 2, b 2, c 0; correct 4 -> accuracy 2/3
   *  8  M   b b           a: sel 2/6, base 3/6, TPR 2/3, FPR 0/3 = 0, PPV 2/2 = 1
   *  9  M   b c           b: sel 2/6, base 3/6, TPR 2/3, FPR 0/3 = 0, PPV 1
   * 10  M   b b           c: sel 2/6, base 0, TPR undefined (no row labelled c), FPR 2/6, PPV 0/2
   * 11  M   a c
   * 12  M   a a        X (n = 1): a, b: sel 0, base 0, TPR undefined, FPR 0/1 = 0, PPV undefined
   * 13  X   c c                   c: sel 1, base 1, TPR 1, FPR undefined (every row labelled c), PPV 1
   *
   * sex over F and M:
   *   class a: DPD 1/2 - 1/3 = 1/6; DPR (1/3)/(1/2) = 2/3; EOD 2/3 - 2/3 = 0; EqOdds max(0, 1/3) = 1/3
   *   class b: DPD 1/6; DPR 2/3; EOD 2/3 - 1/2 = 1/6; EqOdds max(1/6, 1/2 - 0) = 1/2
   *   class c: DPD 1/3 - 0 = 1/3; DPR 0/(1/3) = 0 (Katz interval undefined: lowest count 0);
   *            EOD and EqOdds undefined (TPR defined in F only)
   *   accuracy_difference 2/3 - 1/2 = 1/6
   *   worst_class_demographic_parity_difference 1/3 (class c), _ratio 0 (class c),
   *   worst_class_equal_opportunity_difference 1/6 (class b), worst_class_equalized_odds_difference
   *   1/2 (class b, FPR: F 1/2, M 0)
   * whole data set (13 rows): predicted a 5, b 5, c 3; labelled a 6, b 5, c 2; hits a 4, b 3, c 1;
   *   correct 8 -> accuracy 8/13
   *   a: sel 5/13, base 6/13, TPR 4/6, FPR 1/7, PPV 4/5
   *   b: sel 5/13, base 5/13, TPR 3/5, FPR 2/8, PPV 3/5
   *   c: sel 3/13, base 2/13, TPR 1/2, FPR 2/11, PPV 1/3
   *
   * FNR = (labelled - hits) / labelled, TN = n - labelled - predicted + hits,
   * TNR = TN / (n - labelled), NPV = TN / (n - predicted):
   *   F a: FNR 1/3, TN 6-3-3+2 = 2 (rows 4, 6), TNR 2/3, NPV 2/3
   *   F b: FNR 1/2, TN 6-2-3+1 = 2 (rows 1, 2), TNR 2/4, NPV 2/3
   *   F c: FNR 1/1 = 1, TN 6-1-0+0 = 5, TNR 5/5 = 1, NPV 5/6
   *   M a: FNR 1/3, TN 6-3-2+2 = 3 (rows 8, 9, 10), TNR 3/3 = 1, NPV 3/4
   *   M b: FNR 1/3, TN 3 (rows 7, 11, 12), TNR 1, NPV 3/4
   *   M c: FNR undefined (no row labelled c), TN 6-0-2+0 = 4, TNR 4/6, NPV 4/4 = 1
   *   X a: FNR undefined, TN 1, TNR 1/1, NPV 1/1; X c: FNR 0/1 = 0, TNR undefined (every row
   *        labelled c), NPV undefined (every row predicted c)
   *   whole a: FNR 2/6, TN 13-6-5+4 = 6, TNR 6/7, NPV 6/8
   *   whole b: FNR 2/5, TN 13-5-5+3 = 6, TNR 6/8, NPV 6/8
   *   whole c: FNR 1/2, TN 13-2-3+1 = 9, TNR 9/11, NPV 9/10
   *
   * The other per-class parity metrics, sex over F and M (min = first by name on a tie, max = the
   * first of the others, so a tie names two groups):
   *   class a: equal_opportunity_ratio (2/3)/(2/3) = 1 (max M, min F);
   *            equalized_odds_ratio min(TPR ratio 1, FPR ratio 0/(1/3) = 0) = 0 (FPR: max F, min M);
   *            false_positive_rate_difference 1/3 - 0 = 1/3 (max F, min M);
   *            predictive_parity_difference 1 - 2/3 = 1/3 (max M, min F)
   *   class b: equal_opportunity_ratio (1/2)/(2/3) = 3/4 (max M, min F), Katz of 1/2 vs 2/3;
   *            equalized_odds_ratio min(3/4, 0/(1/2) = 0) = 0 (FPR: max F, min M);
   *            false_positive_rate_difference 1/2 - 0 = 1/2; predictive_parity_difference
   *            1 - 1/3 = 2/3 (max M, min F)
   *   class c: equal_opportunity_ratio, equalized_odds_ratio undefined (TPR defined in F only);
   *            false_positive_rate_difference 2/6 - 0/5 = 1/3 (max M, min F);
   *            predictive_parity_difference undefined (PPV defined in M only)
   *   worst_class_equal_opportunity_ratio min(1, 3/4) = 3/4 at class b (c left out);
   *   worst_class_equalized_odds_ratio min(0, 0) = 0 at class a (the first class on a tie)
   *
   * balanced_accuracy = mean recall (TPR) over the classes labelled in the group (scikit-learn's
   * balanced_accuracy_score; a class only predicted has no recall and is left out):
   *   F: labelled a, b, c: (2/3 + 1/2 + 0/1) / 3 = (7/6) / 3 = 7/18
   *   M: labelled a, b (c only predicted): (2/3 + 2/3) / 2 = 2/3
   *   X: labelled c: 1/1 = 1
   *   whole: (4/6 + 3/5 + 1/2) / 3 = (20/30 + 18/30 + 15/30) / 3 = 53/90
   *   balanced_accuracy_difference over F, M: 2/3 - 7/18 = 5/18 (max M, min F)
   */
  static final Object[][] ROWS = {
    {"F", "a", "a"}, {"F", "a", "a"}, {"F", "a", "b"}, {"F", "b", "b"}, {"F", "b", "a"},
    {"F", "c", "b"}, {"M", "a", "a"}, {"M", "b", "b"}, {"M", "b", "c"}, {"M", "b", "b"},
    {"M", "a", "c"}, {"M", "a", "a"}, {"X", "c", "c"}
  };

  static Dataset<Row> frame(Object[][] rows, StructType schema) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return SharedSpark.get().createDataFrame(list, schema);
  }

  private static MulticlassInput input(Dataset<Row> df, int minGroupSize, List<Slice> slices) {
    return new MulticlassInput(
        df,
        "y",
        "p",
        slices,
        new MulticlassInput.SpecPlaces("test", "spec.yaml:7", "spec.yaml:8"),
        GroupOptions.minSize(minGroupSize),
        0.95);
  }

  private static final List<Slice> SEX = List.of(new Slice(List.of("sex")));

  private static double value(List<MetricResult> ms, String metric, Scope scope) {
    return FairnessAnalysisTest.value(ms, metric, scope);
  }

  private static Scope group(String g, String c) {
    return Scope.group("sex", g).withClass(c);
  }

  private static Scope sex(String c) {
    return Scope.attribute("sex").withClass(c);
  }

  @Test
  void perGroupOneVsRestRatesMatchTheHandCountedMatricesInOneJob() {
    List<FairnessOutcome> out = new ArrayList<>();
    int jobs =
        JobCounter.count(
            SharedSpark.get(),
            () -> out.add(MulticlassAnalysis.run(input(frame(ROWS, SCHEMA), 2, SEX))));
    assertEquals(1, jobs);
    List<MetricResult> ms = out.get(0).metrics();
    assertEquals(6, value(ms, "count", Scope.group("sex", "F")), EPS);
    assertEquals(0.5, value(ms, "accuracy", Scope.group("sex", "F")), EPS);
    assertEquals(2.0 / 3, value(ms, "accuracy", Scope.group("sex", "M")), EPS);
    assertEquals(1.0, value(ms, "accuracy", Scope.group("sex", "X")), EPS);
    // F
    double[][] f = {
      {3 / 6.0, 3 / 6.0, 2 / 3.0, 1 / 3.0, 2 / 3.0}, {0.5, 2 / 6.0, 0.5, 0.5, 1 / 3.0}
    };
    double[][] m = {{2 / 6.0, 0.5, 2 / 3.0, 0, 1}, {2 / 6.0, 0.5, 2 / 3.0, 0, 1}};
    String[] rates = {
      "selection_rate",
      "base_rate",
      "true_positive_rate",
      "false_positive_rate",
      "positive_predictive_value"
    };
    for (int r = 0; r < rates.length; r++) {
      assertEquals(f[0][r], value(ms, rates[r], group("F", "a")), EPS, rates[r] + " F a");
      assertEquals(f[1][r], value(ms, rates[r], group("F", "b")), EPS, rates[r] + " F b");
      assertEquals(m[0][r], value(ms, rates[r], group("M", "a")), EPS, rates[r] + " M a");
      assertEquals(m[1][r], value(ms, rates[r], group("M", "b")), EPS, rates[r] + " M b");
    }
    // class c: never predicted in F, never labelled in M
    assertEquals(0.0, value(ms, "selection_rate", group("F", "c")), EPS);
    assertEquals(1 / 6.0, value(ms, "base_rate", group("F", "c")), EPS);
    assertEquals(0.0, value(ms, "true_positive_rate", group("F", "c")), EPS);
    assertEquals(0.0, value(ms, "false_positive_rate", group("F", "c")), EPS);
    undefined(
        ms, "positive_predictive_value", group("F", "c"), "no row of the group is predicted c");
    assertEquals(2 / 6.0, value(ms, "selection_rate", group("M", "c")), EPS);
    assertEquals(0.0, value(ms, "base_rate", group("M", "c")), EPS);
    undefined(ms, "true_positive_rate", group("M", "c"), "no row of the group is labelled c");
    assertEquals(2 / 6.0, value(ms, "false_positive_rate", group("M", "c")), EPS);
    assertEquals(0.0, value(ms, "positive_predictive_value", group("M", "c")), EPS);
    // X: n = 1
    assertEquals(1.0, value(ms, "selection_rate", group("X", "c")), EPS);
    assertEquals(1.0, value(ms, "true_positive_rate", group("X", "c")), EPS);
    undefined(ms, "false_positive_rate", group("X", "c"), "every row of the group is labelled c");
    assertEquals(0.0, value(ms, "false_positive_rate", group("X", "a")), EPS);
    undefined(ms, "true_positive_rate", group("X", "a"), "no row of the group is labelled a");
    assertTrue(
        result(ms, "count", Scope.group("sex", "X"))
            .note()
            .startsWith("insufficient data: 1 rows"));
    assertTrue(result(ms, "selection_rate", group("X", "c")).note().contains("insufficient data"));
    // the whole data set
    assertEquals(13, value(ms, "count", Scope.DATASET), EPS);
    assertEquals(8 / 13.0, value(ms, "accuracy", Scope.DATASET), EPS);
    double[][] all = {
      {5 / 13.0, 6 / 13.0, 4 / 6.0, 1 / 7.0, 4 / 5.0},
      {5 / 13.0, 5 / 13.0, 3 / 5.0, 2 / 8.0, 3 / 5.0},
      {3 / 13.0, 2 / 13.0, 1 / 2.0, 2 / 11.0, 1 / 3.0}
    };
    String[] classes = {"a", "b", "c"};
    for (int c = 0; c < 3; c++) {
      for (int r = 0; r < rates.length; r++) {
        assertEquals(
            all[c][r],
            value(ms, rates[r], Scope.DATASET.withClass(classes[c])),
            EPS,
            rates[r] + " " + classes[c]);
      }
    }
    // a per-class rate carries the group's row count and a Wilson interval:
    // F, class b, PPV 1/3: centre (1 + z²/2)/(3 + z²), half z/(3 + z²) · √(1·2/3 + z²/4)
    double z = 1.959963984540054;
    double z2 = z * z;
    double centre = (1 + z2 / 2) / (3 + z2);
    double half = z / (3 + z2) * Math.sqrt(2.0 / 3 + z2 / 4);
    MetricResult.Computed ppv =
        (MetricResult.Computed) result(ms, "positive_predictive_value", group("F", "b"));
    assertEquals(6L, ppv.count());
    assertEquals(centre - half, ppv.ciLow(), 1e-9);
    assertEquals(centre + half, ppv.ciHigh(), 1e-9);
  }

  @Test
  void falseNegativeTrueNegativeAndNegativePredictiveValuePerClassMatchTheHandCounts() {
    List<MetricResult> ms = MulticlassAnalysis.run(input(frame(ROWS, SCHEMA), 2, SEX)).metrics();
    String[] rates = {"false_negative_rate", "true_negative_rate", "negative_predictive_value"};
    double nan = Double.NaN;
    Object[][] expected = {
      {group("F", "a"), 1 / 3.0, 2 / 3.0, 2 / 3.0},
      {group("F", "b"), 0.5, 0.5, 2 / 3.0},
      {group("F", "c"), 1.0, 1.0, 5 / 6.0},
      {group("M", "a"), 1 / 3.0, 1.0, 0.75},
      {group("M", "b"), 1 / 3.0, 1.0, 0.75},
      {group("M", "c"), nan, 2 / 3.0, 1.0},
      {group("X", "a"), nan, 1.0, 1.0},
      {group("X", "c"), 0.0, nan, nan},
      {Scope.DATASET.withClass("a"), 2 / 6.0, 6 / 7.0, 6 / 8.0},
      {Scope.DATASET.withClass("b"), 2 / 5.0, 6 / 8.0, 6 / 8.0},
      {Scope.DATASET.withClass("c"), 1 / 2.0, 9 / 11.0, 9 / 10.0}
    };
    for (Object[] e : expected) {
      Scope s = (Scope) e[0];
      for (int r = 0; r < rates.length; r++) {
        double v = (Double) e[r + 1];
        if (Double.isNaN(v)) {
          assertInstanceOf(
              MetricResult.Undefined.class, result(ms, rates[r], s), rates[r] + " " + s);
        } else {
          assertEquals(v, value(ms, rates[r], s), EPS, rates[r] + " " + s);
        }
      }
    }
    undefined(ms, "false_negative_rate", group("M", "c"), "no row of the group is labelled c");
    undefined(ms, "true_negative_rate", group("X", "c"), "every row of the group is labelled c");
    undefined(
        ms, "negative_predictive_value", group("X", "c"), "every row of the group is predicted c");
    // Wilson interval of M, class a, NPV 3/4: centre (3 + z²/2)/(4 + z²), half z/(4 + z²) · √(3·1/4
    // + z²/4)
    double z = 1.959963984540054;
    double z2 = z * z;
    double centre = (3 + z2 / 2) / (4 + z2);
    double half = z / (4 + z2) * Math.sqrt(3.0 / 4 + z2 / 4);
    MetricResult.Computed npv =
        (MetricResult.Computed) result(ms, "negative_predictive_value", group("M", "a"));
    assertEquals(6L, npv.count());
    assertEquals(centre - half, npv.ciLow(), 1e-9);
    assertEquals(centre + half, npv.ciHigh(), 1e-9);
    // X (n = 1), class c, FNR 0 of 1: Wilson [0, z²/(1 + z²)]
    MetricResult.Computed fnr =
        (MetricResult.Computed) result(ms, "false_negative_rate", group("X", "c"));
    assertEquals(0.0, fnr.ciLow(), 1e-12);
    assertEquals(z2 / (1 + z2), fnr.ciHigh(), 1e-9);
  }

  @Test
  void ratioFormsFalsePositiveAndPredictiveParityPerClassNameTheirGroups() {
    List<MetricResult> ms = MulticlassAnalysis.run(input(frame(ROWS, SCHEMA), 2, SEX)).metrics();
    extremes(ms, "equal_opportunity_ratio", sex("a"), 1.0, "M", "F");
    extremes(ms, "equalized_odds_ratio", sex("a"), 0.0, "F", "M");
    extremes(ms, "false_positive_rate_difference", sex("a"), 1 / 3.0, "F", "M");
    extremes(ms, "predictive_parity_difference", sex("a"), 1 / 3.0, "M", "F");
    MetricResult.Computed eor = extremes(ms, "equal_opportunity_ratio", sex("b"), 0.75, "M", "F");
    var katz = KatzInterval.of(1, 2, 2, 3, WilsonInterval.z(0.95));
    assertEquals(katz.low(), eor.ciLow(), EPS);
    assertEquals(katz.high(), eor.ciHigh(), EPS);
    assertTrue(
        eor.note().startsWith("true_positive_rate: highest M (0.6667), lowest F (0.5000)"),
        eor.note());
    MetricResult.Computed eqOdds = extremes(ms, "equalized_odds_ratio", sex("b"), 0.0, "F", "M");
    assertTrue(
        eqOdds.note().startsWith("false_positive_rate: highest F (0.5000), lowest M (0.0000)"),
        eqOdds.note());
    assertNull(eqOdds.ciLow());
    extremes(ms, "false_positive_rate_difference", sex("b"), 0.5, "F", "M");
    extremes(ms, "predictive_parity_difference", sex("b"), 2 / 3.0, "M", "F");
    undefined(ms, "equal_opportunity_ratio", sex("c"), "found 1");
    undefined(ms, "equalized_odds_ratio", sex("c"), "found 1");
    extremes(ms, "false_positive_rate_difference", sex("c"), 1 / 3.0, "M", "F");
    MetricResult ppd = undefined(ms, "predictive_parity_difference", sex("c"), "found 1");
    assertTrue(
        ppd.note().contains("positive_predictive_value undefined (left out) for: F"), ppd.note());
    worst(
        ms,
        "worst_class_equal_opportunity_ratio",
        0.75,
        "true_positive_rate of class b: highest M (0.6667), lowest F (0.5000)",
        "worst of 2 classes at class b; undefined (left out) for class c");
    worst(
        ms,
        "worst_class_equalized_odds_ratio",
        0.0,
        "false_positive_rate of class a: highest F (0.3333), lowest M (0.0000)",
        "at class a");
    extremes(ms, "worst_class_equal_opportunity_ratio", Scope.attribute("sex"), 0.75, "M", "F");
    extremes(ms, "worst_class_equalized_odds_ratio", Scope.attribute("sex"), 0.0, "F", "M");
    // the existing between-group metrics name their groups too
    extremes(ms, "demographic_parity_difference", sex("c"), 1 / 3.0, "M", "F");
    extremes(ms, "accuracy_difference", Scope.attribute("sex"), 1 / 6.0, "M", "F");
    extremes(ms, "worst_class_equalized_odds_difference", Scope.attribute("sex"), 0.5, "F", "M");
    // only the disparities with a worst-class form get one
    assertTrue(
        ms.stream()
            .noneMatch(
                m ->
                    m.key().metric().equals("worst_class_false_positive_rate_difference")
                        || m.key().metric().equals("worst_class_predictive_parity_difference")));
    // per-group rows name no groups
    assertNull(((MetricResult.Computed) result(ms, "selection_rate", group("F", "a"))).maxGroup());
  }

  @Test
  void balancedAccuracyIsTheMeanRecallOverTheLabelledClasses() {
    List<MetricResult> ms = MulticlassAnalysis.run(input(frame(ROWS, SCHEMA), 2, SEX)).metrics();
    assertEquals(7 / 18.0, value(ms, "balanced_accuracy", Scope.group("sex", "F")), EPS);
    assertEquals(2 / 3.0, value(ms, "balanced_accuracy", Scope.group("sex", "M")), EPS);
    assertEquals(1.0, value(ms, "balanced_accuracy", Scope.group("sex", "X")), EPS);
    assertEquals(53 / 90.0, value(ms, "balanced_accuracy", Scope.DATASET), EPS);
    MetricResult.Computed m =
        (MetricResult.Computed) result(ms, "balanced_accuracy", Scope.group("sex", "M"));
    assertEquals(6L, m.count());
    assertNull(m.ciLow());
    assertTrue(m.note().contains("mean recall over the 2 classes labelled in the group"), m.note());
    assertTrue(
        result(ms, "balanced_accuracy", Scope.group("sex", "X"))
            .note()
            .startsWith("insufficient data"));
    // no class key: one row per group
    assertEquals(
        1,
        ms.stream()
            .filter(
                r ->
                    r.key().metric().equals("balanced_accuracy")
                        && r.key().scope().attribute() != null
                        && r.key().scope().attribute().equals("sex")
                        && "F".equals(r.key().scope().group()))
            .count());
    MetricResult.Computed d =
        extremes(ms, "balanced_accuracy_difference", Scope.attribute("sex"), 5 / 18.0, "M", "F");
    assertNull(d.ciLow());
    assertTrue(
        d.note().startsWith("balanced_accuracy: highest M (0.6667), lowest F (0.3889)"), d.note());
    assertTrue(d.note().contains("excluded (too small): X (n=1)"), d.note());
    undefined(
        MulticlassAnalysis.run(input(frame(ROWS, SCHEMA), 7, SEX)).metrics(),
        "balanced_accuracy_difference",
        Scope.attribute("sex"),
        "found 0");
  }

  @Test
  void perClassParityAndTheWorstClassMatchTheHandArithmetic() {
    List<MetricResult> ms = MulticlassAnalysis.run(input(frame(ROWS, SCHEMA), 2, SEX)).metrics();
    assertEquals(1 / 6.0, value(ms, "demographic_parity_difference", sex("a")), EPS);
    assertEquals(2 / 3.0, value(ms, "demographic_parity_ratio", sex("a")), EPS);
    assertEquals(0.0, value(ms, "equal_opportunity_difference", sex("a")), EPS);
    // a tie names two different groups
    assertTrue(
        result(ms, "equal_opportunity_difference", sex("a"))
            .note()
            .startsWith("true_positive_rate: highest M (0.6667), lowest F (0.6667)"));
    assertEquals(1 / 3.0, value(ms, "equalized_odds_difference", sex("a")), EPS);
    assertEquals(1 / 6.0, value(ms, "demographic_parity_difference", sex("b")), EPS);
    assertEquals(2 / 3.0, value(ms, "demographic_parity_ratio", sex("b")), EPS);
    assertEquals(1 / 6.0, value(ms, "equal_opportunity_difference", sex("b")), EPS);
    assertEquals(0.5, value(ms, "equalized_odds_difference", sex("b")), EPS);
    assertEquals(1 / 3.0, value(ms, "demographic_parity_difference", sex("c")), EPS);
    assertEquals(0.0, value(ms, "demographic_parity_ratio", sex("c")), EPS);
    MetricResult.Computed dprC =
        (MetricResult.Computed) result(ms, "demographic_parity_ratio", sex("c"));
    assertNull(dprC.ciLow());
    assertTrue(
        dprC.note()
            .contains(
                "Katz interval of the ratio of these two groups undefined: the lowest group's count is 0"),
        dprC.note());
    // TPR of class c is defined in F only (M has no row labelled c; X is too small)
    MetricResult eod =
        undefined(
            ms,
            "equal_opportunity_difference",
            sex("c"),
            "equal_opportunity_difference is undefined for class c: it needs at least two groups with a"
                + " defined true_positive_rate and at least min_group_size rows; found 1");
    assertTrue(eod.note().contains("true_positive_rate undefined (left out) for: M"), eod.note());
    assertTrue(eod.note().contains("excluded (too small): X (n=1)"), eod.note());
    undefined(ms, "equalized_odds_difference", sex("c"), "found 1");
    // per attribute
    assertEquals(1 / 6.0, value(ms, "accuracy_difference", Scope.attribute("sex")), EPS);
    assertTrue(
        result(ms, "accuracy_difference", Scope.attribute("sex"))
            .note()
            .startsWith("accuracy: highest M (0.6667), lowest F (0.5000)"));
    worst(
        ms,
        "worst_class_demographic_parity_difference",
        1 / 3.0,
        "selection_rate of class c: highest M (0.3333), lowest F (0.0000)",
        "worst of 3 classes at class c");
    worst(
        ms,
        "worst_class_demographic_parity_ratio",
        0.0,
        "selection_rate of class c: highest M (0.3333), lowest F (0.0000)",
        "at class c");
    worst(
        ms,
        "worst_class_equal_opportunity_difference",
        1 / 6.0,
        "true_positive_rate of class b: highest M (0.6667), lowest F (0.5000)",
        "worst of 2 classes at class b; undefined (left out) for class c");
    worst(
        ms,
        "worst_class_equalized_odds_difference",
        0.5,
        "false_positive_rate of class b: highest F (0.5000), lowest M (0.0000)",
        "at class b");
    // the worst class carries its class's interval
    MetricResult.Computed dpd =
        (MetricResult.Computed) result(ms, "demographic_parity_difference", sex("c"));
    MetricResult.Computed worstDpd =
        (MetricResult.Computed)
            result(ms, "worst_class_demographic_parity_difference", Scope.attribute("sex"));
    assertEquals(dpd.ciLow(), worstDpd.ciLow());
    assertEquals(dpd.ciHigh(), worstDpd.ciHigh());
    // Newcombe's interval of M's 2/6 against F's 0/6, as the binary path gives it
    var ci = NewcombeInterval.of(2, 6, 0, 6, WilsonInterval.z(0.95));
    assertEquals(ci.low(), dpd.ciLow(), EPS);
    assertEquals(ci.high(), dpd.ciHigh(), EPS);
  }

  /*
   * A class labelled but never predicted in any group: z. Groups F, M with min_group_size 1.
   *   F: (a,a) (z,a) (b,b)     M: (a,b) (b,b) (z,b)
   *   class z: selection_rate 0 in F and M -> demographic_parity_ratio undefined (0 ÷ 0),
   *            demographic_parity_difference 0; TPR 0 and 0 -> equal_opportunity_difference 0
   *   class a: sel F 2/3, M 0 -> ratio 0; class b: sel F 1/3, M 1 -> ratio 1/3
   *   worst_class_demographic_parity_ratio = min(0, 1/3) = 0 at class a, z left out
   *   balanced_accuracy: F recalls a 1/1, b 1/1, z 0/1 -> 2/3; M a 0/1, b 1/1, z 0/1 -> 1/3;
   *   balanced_accuracy_difference 1/3
   */
  @Test
  void aClassNeverPredictedHasNoRatioAndTheWorstClassSaysSo() {
    Object[][] rows = {
      {"F", "a", "a"},
      {"F", "z", "a"},
      {"F", "b", "b"},
      {"M", "a", "b"},
      {"M", "b", "b"},
      {"M", "z", "b"}
    };
    List<MetricResult> ms = MulticlassAnalysis.run(input(frame(rows, SCHEMA), 1, SEX)).metrics();
    undefined(ms, "demographic_parity_ratio", sex("z"), "every group has selection_rate 0 (0 ÷ 0)");
    undefined(
        ms, "equal_opportunity_ratio", sex("z"), "every group has true_positive_rate 0 (0 ÷ 0)");
    assertEquals(0.0, value(ms, "demographic_parity_difference", sex("z")), EPS);
    assertEquals(0.0, value(ms, "equal_opportunity_difference", sex("z")), EPS);
    assertEquals(0.0, value(ms, "demographic_parity_ratio", sex("a")), EPS);
    assertEquals(1 / 3.0, value(ms, "demographic_parity_ratio", sex("b")), EPS);
    assertEquals(2 / 3.0, value(ms, "balanced_accuracy", Scope.group("sex", "F")), EPS);
    assertEquals(1 / 3.0, value(ms, "balanced_accuracy", Scope.group("sex", "M")), EPS);
    assertEquals(1 / 3.0, value(ms, "balanced_accuracy_difference", Scope.attribute("sex")), EPS);
    worst(
        ms,
        "worst_class_demographic_parity_ratio",
        0.0,
        "selection_rate of class a: highest F (0.6667), lowest M (0.0000)",
        "worst of 2 classes at class a; undefined (left out) for class z");
  }

  @Test
  void oneEligibleGroupLeavesEveryBetweenGroupMetricUndefined() {
    List<MetricResult> ms = MulticlassAnalysis.run(input(frame(ROWS, SCHEMA), 7, SEX)).metrics();
    undefined(ms, "accuracy_difference", Scope.attribute("sex"), "found 0");
    undefined(ms, "demographic_parity_difference", sex("a"), "found 0");
    undefined(
        ms,
        "worst_class_demographic_parity_ratio",
        Scope.attribute("sex"),
        "demographic_parity_ratio is undefined for every class (a, b, c)");
    undefined(
        ms,
        "worst_class_equalized_odds_ratio",
        Scope.attribute("sex"),
        "equalized_odds_ratio is undefined for every class (a, b, c)");
  }

  @Test
  void numericClassesOfDifferentTypesAreOneClassAndIntersectionsListEmptyCells() {
    StructType numeric =
        new StructType()
            .add("sex", DataTypes.StringType)
            .add("race", DataTypes.StringType)
            .add("y", DataTypes.IntegerType)
            .add("p", DataTypes.DoubleType);
    Object[][] rows = {
      {"F", "A", 1, 1.0}, {"F", "A", 2, 1.0}, {"M", "B", 2, 2.0}, {"M", "B", 1, 2.0}
    };
    FairnessOutcome out =
        MulticlassAnalysis.run(
            input(
                frame(rows, numeric),
                1,
                List.of(new Slice(List.of("sex")), new Slice(List.of("sex", "race")))));
    List<MetricResult> ms = out.metrics();
    // label 1 and prediction 1.0 are the class "1.0": F's accuracy 1/2, not 0
    assertEquals(0.5, value(ms, "accuracy", Scope.group("sex", "F")), EPS);
    assertEquals(0.5, value(ms, "selection_rate", Scope.DATASET.withClass("1.0")), EPS);
    assertEquals(2, value(ms, "empty_intersection_cells", Scope.attribute("sex & race")), EPS);
    assertTrue(out.notes().get(0).contains("read as 2 classes (1.0, 2.0)"), out.notes().get(0));
  }

  @Test
  void aMissingLabelOrPredictionIsRejectedWithTheCount() {
    Object[][] rows = {{"F", "a", "a"}, {"F", null, "a"}, {"M", "b", null}, {"M", "b", "b"}};
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> MulticlassAnalysis.run(input(frame(rows, SCHEMA), 1, SEX)));
    assertTrue(
        e.getMessage().contains("1 of 4 rows have no label (column 'y', spec.yaml:7)"),
        e.getMessage());
    Object[][] noPrediction = {{"F", "a", "a"}, {"M", "b", null}};
    e =
        assertThrows(
            BadInputException.class,
            () -> MulticlassAnalysis.run(input(frame(noPrediction, SCHEMA), 1, SEX)));
    assertTrue(
        e.getMessage().contains("1 of 2 rows have no prediction (column 'p', spec.yaml:8)"),
        e.getMessage());
  }

  @Test
  void moreThanTheClassLimitIsRejectedNamingTheColumnAndLine() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i <= MulticlassAnalysis.MAX_CLASSES; i++) {
      rows.add(new Object[] {"F", "c" + i, "c0"});
    }
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                MulticlassAnalysis.run(
                    input(frame(rows.toArray(new Object[0][]), SCHEMA), 1, SEX)));
    assertTrue(
        e.getMessage().startsWith("spec.yaml:7: label column 'y' has 101 distinct values"),
        e.getMessage());
    assertTrue(e.getMessage().contains("at most 100 classes"), e.getMessage());
  }

  private static MetricResult undefined(
      List<MetricResult> ms, String metric, Scope scope, String reason) {
    MetricResult r = result(ms, metric, scope);
    assertInstanceOf(MetricResult.Undefined.class, r, metric + " " + scope);
    assertTrue(r.note().contains(reason), r.note());
    return r;
  }

  private static MetricResult.Computed extremes(
      List<MetricResult> ms, String metric, Scope scope, double expected, String max, String min) {
    MetricResult r = result(ms, metric, scope);
    assertInstanceOf(MetricResult.Computed.class, r, metric + " " + scope + ": " + r.note());
    MetricResult.Computed c = (MetricResult.Computed) r;
    assertEquals(expected, c.value(), EPS, metric + " " + scope);
    assertEquals(max, c.maxGroup(), metric + " " + scope + " max_group");
    assertEquals(min, c.minGroup(), metric + " " + scope + " min_group");
    return c;
  }

  private static void worst(
      List<MetricResult> ms, String metric, double expected, String names, String summary) {
    MetricResult r = result(ms, metric, Scope.attribute("sex"));
    assertEquals(expected, r.number().orElseThrow(), EPS, metric);
    assertTrue(r.note().startsWith(names), r.note());
    assertTrue(r.note().contains(summary), r.note());
  }
}
