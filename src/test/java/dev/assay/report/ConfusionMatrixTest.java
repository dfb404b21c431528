package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.core.MetricResult.Computed;
import dev.assay.core.MetricResult.Undefined;
import dev.assay.core.Scope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  /**
   * Group "A & <b>": 10 rows, 4 labelled positive, 5 predicted positive, 3 of them both. By hand:
   * TP = 3, FP = 5 − 3 = 2, FN = 4 − 3 = 1, TN = 10 − 5 − 4 + 3 = 4; shares 30 %, 20 %, 10 %, 40 %.
   * Rates as the fairness family emits them: selection 5/10, base 4/10, TPR 3/4, FPR 2/6, FNR 1/4,
   * TNR 4/6, PPV 3/5, NPV 4/5, accuracy 7/10.
   */
  static List<MetricResult> groupA(String attribute, String group) {
    Scope g = Scope.group(attribute, group);
    return List.of(
        rate("count", g, 10, 1),
        rate("selection_rate", g, 5, 10),
        rate("base_rate", g, 4, 10),
        rate("true_positive_rate", g, 3, 4),
        rate("false_positive_rate", g, 2, 6),
        rate("false_negative_rate", g, 1, 4),
        rate("true_negative_rate", g, 4, 6),
        rate("positive_predictive_value", g, 3, 5),
        rate("negative_predictive_value", g, 4, 5),
        rate("accuracy", g, 7, 10));
  }

  /**
   * Group "B": 7 rows, none labelled positive, 2 predicted positive. TP = 0 (the TPR is undefined),
   * FP = 2, FN = 0, TN = 5.
   */
  static List<MetricResult> groupB(String attribute) {
    Scope g = Scope.group(attribute, "B");
    return List.of(
        rate("count", g, 7, 1),
        rate("selection_rate", g, 2, 7),
        rate("base_rate", g, 0, 7),
        new Undefined(SampleRuns.fairness("true_positive_rate", g), 7L, "no positive label"),
        rate("false_positive_rate", g, 2, 7),
        rate("accuracy", g, 5, 7));
  }

  static MetricResult rate(String metric, Scope scope, long numerator, long denominator) {
    return Computed.of(SampleRuns.fairness(metric, scope), (double) numerator / denominator, 10L);
  }

  static Map<String, MetricResult> byName(List<MetricResult> metrics) {
    Map<String, MetricResult> out = new HashMap<>();
    metrics.forEach(m -> out.put(m.key().metric(), m));
    return out;
  }

  @Test
  void cellsAreRecoveredFromTheRatesByHand() {
    ConfusionMatrix a = ConfusionMatrix.of("A", byName(groupA("sex", "A")));
    assertEquals(new ConfusionMatrix("A", 3, 2, 1, 4), a);
    assertEquals("30.0\u00a0%", a.share(a.truePositive()));
    assertEquals("40.0\u00a0%", a.share(a.trueNegative()));
    assertEquals("53,351", a.count(53351), "counts are grouped like the report's row counts");
    assertEquals(
        new ConfusionMatrix("B", 0, 2, 0, 5), ConfusionMatrix.of("B", byName(groupB("sex"))));
  }

  @Test
  void noMatrixWithoutALabelOrWhenTheRatesDisagree() {
    Map<String, MetricResult> noLabel = byName(groupA("sex", "A"));
    noLabel.remove("base_rate");
    assertNull(ConfusionMatrix.of("A", noLabel));
    Map<String, MetricResult> notWhole = byName(groupA("sex", "A"));
    notWhole.put("selection_rate", rate("selection_rate", Scope.group("sex", "A"), 51, 100));
    assertNull(ConfusionMatrix.of("A", notWhole), "5.1 predicted positives is not a count");
    Map<String, MetricResult> inconsistent = byName(groupA("sex", "A"));
    inconsistent.put("accuracy", rate("accuracy", Scope.group("sex", "A"), 6, 10));
    assertNull(ConfusionMatrix.of("A", inconsistent), "accuracy 0.6 contradicts TP + TN = 7");
  }

  /**
   * Seeded random groups up to ten million rows: rates computed as the family does give back the
   * counts.
   */
  @Test
  void recoveryIsExactForLargeSeededGroups() {
    Random random = new Random(8);
    for (int i = 0; i < 2000; i++) {
      long n = 1 + (long) (random.nextDouble() * 10_000_000);
      long p = (long) (random.nextDouble() * (n + 1));
      long pp = (long) (random.nextDouble() * (n + 1));
      long tpMin = Math.max(0, p + pp - n);
      long tp = tpMin + (long) (random.nextDouble() * (Math.min(p, pp) - tpMin + 1));
      Scope g = Scope.group("a", "g");
      List<MetricResult> ms =
          new ArrayList<>(
              List.of(
                  rate("count", g, n, 1),
                  rate("selection_rate", g, pp, n),
                  rate("base_rate", g, p, n),
                  rate("accuracy", g, n - pp - p + 2 * tp, n)));
      if (p > 0) {
        ms.add(rate("true_positive_rate", g, tp, p));
      }
      ConfusionMatrix m = ConfusionMatrix.of("g", byName(ms));
      assertEquals(
          new ConfusionMatrix("g", tp, pp - tp, p - tp, n - pp - p + tp),
          m,
          "n=" + n + " p=" + p + " pp=" + pp + " tp=" + tp);
    }
  }

  @Test
  void reportShowsAnAccessibleMatrixPerGroupWithEscapedNames() {
    List<MetricResult> metrics = new ArrayList<>(groupA("sex", SampleRuns.SCRIPT_GROUP));
    metrics.addAll(groupB("sex"));
    AuditRun run =
        new AuditRun(
            "cm",
            null,
            List.of(FamilyOutcome.ran(Family.FAIRNESS, "1 attribute")),
            metrics,
            List.of(),
            Map.of("current", 17L),
            List.of(),
            null,
            Map.of(),
            null);
    String html = new String(new HtmlReport().render(run), StandardCharsets.UTF_8);
    assertTrue(html.contains("<h4>Confusion matrices for sex</h4>"), html);
    assertTrue(html.contains("<caption>&lt;script&gt;alert(1)&lt;/script&gt; (10 rows)</caption>"));
    assertFalse(html.contains("<script>alert(1)"));
    assertTrue(
        html.contains(
            "<thead><tr><td></td><th scope=\"col\">Predicted positive</th>"
                + "<th scope=\"col\">Predicted negative</th></tr></thead>"));
    assertTrue(
        html.contains(
            "<tr><th scope=\"row\">Actually positive</th><td class=\"num hit\">"
                + "True positive: 3<span class=\"ci\">30.0\u00a0%</span></td><td class=\"num miss\">"
                + "False negative: 1<span class=\"ci\">10.0\u00a0%</span></td></tr>"));
    assertTrue(html.contains("False positive: 2<span class=\"ci\">20.0\u00a0%</span>"));
    assertTrue(html.contains("<caption>B (7 rows)</caption>"));
    assertTrue(html.contains("True negative: 5<span class=\"ci\">71.4\u00a0%</span>"), "5/7");
  }

  @Test
  void noMatrixSectionWithoutLabels() {
    String html = new String(new HtmlReport().render(SampleRuns.tiny()), StandardCharsets.UTF_8);
    assertFalse(html.contains("Confusion matrices"));
  }
}
