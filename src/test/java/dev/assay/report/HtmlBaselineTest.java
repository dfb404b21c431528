package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Direction;
import dev.assay.core.Family;
import dev.assay.core.MetricKey;
import dev.assay.core.Scope;
import dev.assay.metrics.MetricCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code --baseline}, the HTML report shows earlier values, changes and regressions. */
class HtmlBaselineTest {

  /**
   * SampleRuns.full() against a baseline of five of its metrics: demographic_parity_ratio(race)
   * 0.25 → 0.1734 (a ratio moving away from 1: worse), true_positive_rate(Caucasian) 0.6 → 0.5036
   * (higher is better: worse), psi(age) 0.05 → 0.031 (lower is better: better),
   * selection_rate(African-American) 0.55 → 0.5767 (a group's rate has no better side: neither),
   * drift_share 0.5 → 0.5 (unchanged). So 5 compared, 2 worse, 1 better.
   */
  static AuditRun withBaseline() {
    AuditRun run = SampleRuns.full();
    Map<MetricKey, Double> baseline =
        Map.of(
            SampleRuns.fairness("demographic_parity_ratio", Scope.attribute("race")), 0.25,
            SampleRuns.fairness("true_positive_rate", Scope.group("race", "Caucasian")), 0.6,
            MetricCatalog.key(Family.DRIFT, "psi", Scope.column("age")), 0.05,
            SampleRuns.fairness("selection_rate", Scope.group("race", "African-American")), 0.55,
            MetricCatalog.key(Family.DRIFT, "drift_share", Scope.DATASET), 0.5);
    return new AuditRun(
        run.name(),
        run.model(),
        run.families(),
        run.metrics(),
        run.verdicts(),
        run.rowCounts(),
        run.notes(),
        run.provenance(),
        baseline,
        null);
  }

  @Test
  void summaryCountsRegressionsByTheMetricsDirection() {
    HtmlPage.BaselineSummary b = HtmlPage.of(withBaseline()).baseline();
    assertEquals(5, b.compared());
    assertEquals(2, b.worse());
    assertEquals(1, b.better());
    assertEquals(
        List.of(
            "fairness.true_positive_rate (race = Caucasian): 0.6000 → 0.5036",
            "fairness.demographic_parity_ratio (race): 0.2500 → 0.1734"),
        b.regressions(),
        "largest change first");
    assertNull(HtmlPage.of(SampleRuns.full()).baseline(), "no baseline, no comparison");
  }

  @Test
  void tablesShowTheEarlierValueTheChangeAndMarkRegressions() {
    String html = new String(new HtmlReport().render(withBaseline()), StandardCharsets.UTF_8);
    assertTrue(
        html.contains(
            "<strong>2</strong> of the 5 metrics both runs computed got worse, 1 got" + " better"),
        "executive summary");
    assertTrue(html.contains("<li>fairness.demographic_parity_ratio (race): 0.2500 → 0.1734</li>"));
    // between-group table row: baseline and change columns, the change marked worse
    assertTrue(
        html.contains(
            "<td class=\"num\">0.1734</td><td class=\"num\">0.2500</td>"
                + "<td class=\"num worse\">−0.0766 <span class=\"worse-mark\">worse</span></td>"),
        html);
    // a per-group cell: the earlier value and the change under the value
    assertTrue(
        html.contains("baseline 0.6000, change −0.0964 <span class=\"worse-mark\">worse</span>"));
    assertTrue(
        html.contains("baseline 0.5500, change +0.0267</span>"), "a rate without a better side");
    // drift table of every metric: an improvement is not marked
    assertTrue(
        html.contains(
            "<td class=\"num\">0.0310</td><td class=\"num\">0.0500</td>"
                + "<td class=\"num\">−0.0190</td>"));
    String plain = new String(new HtmlReport().render(SampleRuns.full()), StandardCharsets.UTF_8);
    assertFalse(
        plain.contains("baseline-summary") || plain.contains("<th scope=\"col\">Baseline</th>"),
        "without a baseline the report is unchanged");
  }

  private static Direction direction(String metric) {
    return MetricCatalog.all().stream()
        .filter(d -> d.id().equals(metric))
        .findFirst()
        .orElseThrow()
        .direction();
  }

  @Test
  void directions() {
    assertTrue(direction("impact_ratio").worse(0.9, 0.85));
    assertTrue(direction("impact_ratio").worse(1.1, 1.2));
    assertTrue(direction("scoring_impact_ratio").better(0.7, 0.95));
    assertTrue(direction("standardized_mean_difference").worse(-0.1, 0.2));
    assertTrue(direction("equalized_odds_difference").worse(0.1, 0.2));
    assertTrue(direction("selection_rate_diff_vs_ref").worse(-0.1, -0.2));
    assertTrue(direction("auc").worse(0.8, 0.7));
    assertTrue(direction("pii_email_count").worse(0, 1));
    assertTrue(direction("k_anonymity").worse(5, 3));
    assertEquals(Direction.NEUTRAL, direction("selection_rate"));
    assertEquals(Direction.NEUTRAL, direction("ks_p_value"));
    assertFalse(direction("psi").worse(0.1, 0.1 + 1e-12), "rounding is not a change");
  }
}
