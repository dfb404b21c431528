package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.metrics.MetricCatalog;
import dev.assay.spark.BinaryColumn;
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
 * SageMaker Clarify's bias metrics: facet d = one group, rest a = all other rows of the attribute.
 */
class ClarifyMetricsTest {

  private static final double EPS = 1e-12;
  private static final StructType SCHEMA =
      new StructType()
          .add("g", DataTypes.StringType)
          .add("y", DataTypes.IntegerType)
          .add("p", DataTypes.IntegerType);

  /**
   * Three groups, (y, p) per row, positive = 1:
   *
   * <pre>
   * A: (1,1) (0,1) (0,0) (0,0)  n=4  label+ 1  pred+ 2  TP 1  FP 1  FN 0  TN 2
   * B: (1,1) (1,1) (0,0)        n=3  label+ 2  pred+ 2  TP 2  FP 0  FN 0  TN 1
   * C: (0,0) (0,0) (1,0)        n=3  label+ 1  pred+ 0  TP 0  FP 0  FN 1  TN 2
   * </pre>
   *
   * So the rest of A is B + C (n=6, label+ 3, pred+ 2, TP 2, FP 0, FN 1, TN 3) and the rest of B is
   * A + C (n=7, label+ 2, pred+ 2, TP 1, FP 1, FN 1, TN 4) — not the other group alone.
   */
  private static final Object[][] ROWS = {
    {"A", 1, 1},
    {"A", 0, 1},
    {"A", 0, 0},
    {"A", 0, 0},
    {"B", 1, 1},
    {"B", 1, 1},
    {"B", 0, 0},
    {"C", 0, 0},
    {"C", 0, 0},
    {"C", 1, 0},
  };

  static Dataset<Row> frame(Object[][] rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return SharedSpark.get().createDataFrame(list, SCHEMA);
  }

  static List<MetricResult> run(Object[][] rows, int minGroupSize, boolean favourableIsPositive) {
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    BinaryColumn prediction =
        BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test");
    return FairnessAnalysis.run(
            FairnessInput.of(
                frame(rows),
                new FairnessInput.Outcomes(
                    label, prediction, null, null, favourableIsPositive, null),
                List.of(new Slice(List.of("g"))),
                minGroupSize))
        .metrics();
  }

  static MetricResult result(List<MetricResult> m, String metric, String group) {
    Scope scope = Scope.group("g", group);
    return m.stream()
        .filter(r -> r.key().metric().equals(metric) && r.key().scope().equals(scope))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + scope));
  }

  static double value(List<MetricResult> m, String metric, String group) {
    return result(m, metric, group)
        .number()
        .orElseThrow(() -> new AssertionError(metric + " undefined for " + group));
  }

  @Test
  void facetAAgainstTheRestBAndC() {
    List<MetricResult> m = run(ROWS, 1, true);
    // d = A: n 4, q_d = 1/4, q̂_d = 2/4. a = B+C: n 6, q_a = 3/6, q̂_a = 2/6.
    assertEquals(0.2, value(m, "clarify_ci", "A"), EPS); // (6 − 4) / 10
    assertEquals(0.25, value(m, "clarify_dpl", "A"), EPS); // 1/2 − 1/4
    // P_a = (neg 1/2, pos 1/2), P_d = (3/4, 1/4): ½ ln(½ / ¾) + ½ ln(½ / ¼) = ½ ln(4/3)
    assertEquals(0.5 * Math.log(4.0 / 3), value(m, "clarify_kl", "A"), EPS);
    // M = (5/8, 3/8): ½[½ ln(0.5/0.625) + ½ ln(0.5/0.375)] + ½[¾ ln(0.75/0.625) + ¼ ln(0.25/0.375)]
    double js =
        0.25 * Math.log(0.8)
            + 0.25 * Math.log(4.0 / 3)
            + 0.375 * Math.log(1.2)
            + 0.125 * Math.log(2.0 / 3);
    assertEquals(js, value(m, "clarify_js", "A"), EPS);
    assertEquals(Math.sqrt(0.25 * 0.25 * 2), value(m, "clarify_lp", "A"), EPS); // √(¼² + ¼²)
    assertEquals(0.25, value(m, "clarify_tvd", "A"), EPS); // ½ (¼ + ¼)
    assertEquals(0.25, value(m, "clarify_ks", "A"), EPS); // max(¼, ¼)
    assertEquals(1.0 / 3 - 0.5, value(m, "clarify_dppl", "A"), EPS); // 2/6 − 2/4
    assertEquals(1.5, value(m, "clarify_di", "A"), EPS); // (2/4) / (2/6)
    assertEquals(1.0, value(m, "clarify_dca", "A"), EPS); // c_a 3/2 − c_d 1/2
    assertEquals(0.75, value(m, "clarify_dcr", "A"), EPS); // r_d 3/2 − r_a 3/4
    assertEquals(2.0 / 3 - 1.0, value(m, "clarify_rd", "A"), EPS); // TPR_a 2/3 − TPR_d 1/1
    assertEquals(0.5, value(m, "clarify_dar", "A"), EPS); // prec_a 2/2 − prec_d 1/2
    assertEquals(0.25, value(m, "clarify_drr", "A"), EPS); // NPV_d 2/2 − NPV_a 3/4
    assertEquals(5.0 / 6 - 0.75, value(m, "clarify_ad", "A"), EPS); // acc_a 5/6 − acc_d 3/4
    // TE = FN_d/FP_d − FN_a/FP_a = 0/1 − 1/0: the rest has no false positive.
    MetricResult te = result(m, "clarify_te", "A");
    assertInstanceOf(MetricResult.Undefined.class, te);
    assertTrue(te.note().contains("no false positives in the rest (a)"), te.note());
  }

  @Test
  void facetBAgainstTheRestAAndC() {
    List<MetricResult> m = run(ROWS, 1, true);
    // d = B: n 3, q_d 2/3, q̂_d 2/3, acc 3/3. a = A+C: n 7, q_a 2/7, q̂_a 2/7, acc 5/7.
    assertEquals(0.4, value(m, "clarify_ci", "B"), EPS); // (7 − 3) / 10
    assertEquals(2.0 / 7 - 2.0 / 3, value(m, "clarify_dpl", "B"), EPS); // −8/21
    // P_a = (5/7, 2/7), P_d = (1/3, 2/3)
    assertEquals(
        5.0 / 7 * Math.log((5.0 / 7) / (1.0 / 3)) + 2.0 / 7 * Math.log((2.0 / 7) / (2.0 / 3)),
        value(m, "clarify_kl", "B"),
        EPS);
    assertEquals(7.0 / 3, value(m, "clarify_di", "B"), EPS); // (2/3) / (2/7)
    assertEquals(0.0, value(m, "clarify_dca", "B"), EPS); // c_a 2/2 − c_d 2/2
    assertEquals(5.0 / 7 - 1.0, value(m, "clarify_ad", "B"), EPS); // 5/7 − 1
    // FP_d = 0: the facet has no false positive.
    assertTrue(result(m, "clarify_te", "B").note().contains("no false positives in the facet (d)"));
    MetricResult ci = result(m, "clarify_ci", "B");
    assertTrue(ci.note().contains("facet d = B (n=3) vs rest a (n=7)"), ci.note());
  }

  @Test
  void facetCWithoutPositivePredictions() {
    List<MetricResult> m = run(ROWS, 1, true);
    // d = C: q̂_d = 0, a = A+B: q̂_a = 4/7, so DI = 0 (defined) and DCA has no denominator for d.
    assertEquals(0.0, value(m, "clarify_di", "C"), EPS);
    assertEquals(4.0 / 7, value(m, "clarify_dppl", "C"), EPS);
    MetricResult dca = result(m, "clarify_dca", "C");
    assertInstanceOf(MetricResult.Undefined.class, dca);
    assertTrue(dca.note().contains("no rows predicted positive in the facet (d)"), dca.note());
    assertInstanceOf(MetricResult.Undefined.class, result(m, "clarify_dar", "C"));
  }

  /** With favourable 0 the 0s are Clarify's positives: A's q̂_d = 2/4, rest's q̂_a = 4/6. */
  @Test
  void theFavourableValueIsClarifysPositive() {
    List<MetricResult> m = run(ROWS, 1, false);
    assertEquals(0.5 / (4.0 / 6), value(m, "clarify_di", "A"), EPS); // 0.75
    assertEquals(4.0 / 6 - 0.5, value(m, "clarify_dppl", "A"), EPS);
    assertEquals(0.5 - 0.75, value(m, "clarify_dpl", "A"), EPS); // q_a 3/6 − q_d 3/4
  }

  @Test
  void smallGroupsCarryTheInsufficientDataNote() {
    List<MetricResult> m = run(ROWS, 4, true);
    assertTrue(
        result(m, "clarify_di", "B")
            .note()
            .contains("insufficient data: 3 rows < min_group_size 4"));
    assertFalse(result(m, "clarify_di", "A").note().contains("insufficient"));
  }

  @Test
  void undefinedCasesAreReasonsNeverZeroOrInfinity() {
    // d = X has no positive label, the rest Y has one: KL(P_a‖P_d) is infinite → undefined;
    // JS stays finite. Nobody is predicted positive: DI's q̂_a = 0.
    Object[][] rows = {{"X", 0, 0}, {"X", 0, 0}, {"Y", 1, 0}, {"Y", 0, 0}};
    List<MetricResult> m = run(rows, 1, true);
    MetricResult kl = result(m, "clarify_kl", "X");
    assertInstanceOf(MetricResult.Undefined.class, kl);
    assertTrue(kl.note().contains("infinite"), kl.note());
    // KL(P_a‖P_d) for d = Y: P_a = (1, 0), P_d = (½, ½) → 1 · ln 2 (0 · ln 0 = 0).
    assertEquals(Math.log(2), value(m, "clarify_kl", "Y"), EPS);
    // JS for d = X: P_a = (½, ½), P_d = (1, 0), M = (¾, ¼):
    // ½[½ ln(½/¾) + ½ ln(½/¼)] + ½[1 · ln(1/¾)]
    assertEquals(
        0.25 * Math.log(2.0 / 3) + 0.25 * Math.log(2) + 0.5 * Math.log(4.0 / 3),
        value(m, "clarify_js", "X"),
        EPS);
    MetricResult di = result(m, "clarify_di", "X");
    assertInstanceOf(MetricResult.Undefined.class, di);
    assertTrue(di.note().contains("q̂_a = 0"), di.note());
    // One group: the rest is empty, every metric is undefined with that reason.
    List<MetricResult> one = run(new Object[][] {{"X", 1, 1}, {"X", 0, 0}}, 1, true);
    for (ClarifyMetric c : ClarifyMetric.values()) {
      MetricResult r = result(one, c.id(), "X");
      assertInstanceOf(MetricResult.Undefined.class, r);
      assertTrue(r.note().contains("the rest (a) has no rows"), r.note());
    }
  }

  @Test
  void sideArithmeticIsTheSameWithoutSpark() {
    // The enum alone, on A vs B + C of the fixture.
    ClarifyMetric.Side d = new ClarifyMetric.Side(4, 1, 2, 1);
    ClarifyMetric.Side a = new ClarifyMetric.Side(6, 3, 2, 2);
    assertEquals(1.5, ClarifyMetric.DI.of(d, a).value(), EPS);
    assertNull(ClarifyMetric.DI.of(d, a).undefinedReason());
    assertFalse(ClarifyMetric.TE.of(d, a).defined());
  }

  @Test
  void everyNameIsInTheCatalogueAndTheGlossary() {
    for (ClarifyMetric c : ClarifyMetric.values()) {
      assertTrue(MetricCatalog.find("fairness." + c.id()).isPresent(), c.id());
    }
  }
}
