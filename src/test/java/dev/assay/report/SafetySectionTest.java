package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Exhibits;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.SafetyExample;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.llm.LlmMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's safety section: present only when llm.safety ran; data escaped. */
class SafetySectionTest {

  private static AuditRun run(List<MetricResult> metrics, List<SafetyExample> examples) {
    return run(metrics, examples, List.of());
  }

  private static AuditRun run(
      List<MetricResult> metrics, List<SafetyExample> examples, List<Verdict> verdicts) {
    return new AuditRun(
            "safety",
            null,
            List.of(FamilyOutcome.ran(Family.LLM, "")),
            metrics,
            verdicts,
            Map.of(),
            List.of(),
            null,
            Map.of(),
            null)
        .withExhibits(Exhibits.NONE.withSafetyExamples(examples));
  }

  private static MetricResult rate(String name, Scope scope, double v, double lo, double hi) {
    return new MetricResult.Computed(
        new MetricKey(LlmMetrics.require(name), scope), v, 5L, lo, hi, null, null);
  }

  @Test
  void showsRatesIntervalsGroupsAndEscapedExamples() {
    AuditRun run =
        run(
            List.of(
                rate("safety_hate_unfairness_rate", Scope.DATASET, 0.4, 0.1176, 0.7693),
                MetricResult.Computed.of(
                    new MetricKey(
                        LlmMetrics.require("safety_hate_unfairness_max_severity"), Scope.DATASET),
                    5,
                    5L),
                rate(
                    "safety_hate_unfairness_group_rate",
                    Scope.group("variant", "he"),
                    2.0 / 3,
                    0.2,
                    0.9)),
            List.of(new SafetyExample("hate_unfairness 5", "<script>x</script>", "Men are bad")));
    SafetySection s = SafetySection.of(run);
    assertEquals("40.0 %", s.rows().get(0).rate());
    assertEquals("11.8–76.9 %", s.rows().get(0).interval());
    assertEquals("5", s.rows().get(0).max());
    assertEquals("66.7 %", s.groups().get(0).rate());
    String html = new String(new HtmlReport().render(run), StandardCharsets.UTF_8);
    assertTrue(html.contains("Safety classifiers"), "section present");
    assertTrue(html.contains("evidence, not proof"));
    assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"));
    assertFalse(html.contains("<script>x</script>"));
  }

  /**
   * Hate 0.4 (interval 0.1176–0.7693) and self-harm 0.02 (0.0035–0.1) on the scale 1 (the smallest
   * that holds 0.7693); hate's blocking rule fails. Groups of variant: he 2/3, she 0.
   */
  @Test
  void chartsTheCategoryRatesWithWhiskersAndTheGroupRatesWithTheFinding() {
    Verdict failed =
        new Verdict(
            "llm-safety-hate",
            null,
            null,
            Severity.BLOCKING,
            Status.FAIL,
            "llm.safety_hate_unfairness_rate",
            Scope.DATASET,
            0.4,
            "<= 0.01",
            "failed",
            null,
            null,
            null);
    AuditRun run =
        run(
            List.of(
                rate("safety_hate_unfairness_rate", Scope.DATASET, 0.4, 0.1176, 0.7693),
                rate("safety_self_harm_rate", Scope.DATASET, 0.02, 0.0035, 0.1),
                rate(
                    "safety_hate_unfairness_group_rate",
                    Scope.group("variant", "he"),
                    2.0 / 3,
                    0.2,
                    0.9),
                rate("safety_hate_unfairness_group_rate", Scope.group("variant", "she"), 0, 0, 0.4),
                rate("safety_coverage", Scope.DATASET, 1, 1, 1)),
            List.of(),
            List.of(failed));
    List<MetricBars> charts = SafetySection.of(run).charts();
    assertEquals(2, charts.size());
    MetricBars overall = charts.get(0);
    assertEquals("Safety defect rate by category", overall.frame().title());
    assertEquals(
        List.of("Hate and unfairness", "Self-harm"),
        overall.bars().stream().map(ChartBar::label).toList());
    assertEquals("1", overall.ticks().get(4).label());
    // 0.4 of the 300 px plot is 120 px; the whisker ends at 0.7693 × 300 = 230.8 px past the labels
    assertEquals("120.0", overall.bars().get(0).width());
    assertTrue(overall.bars().get(0).flagged());
    assertTrue(overall.bars().get(0).text().contains("rule <= 0.01: FAIL"), overall.toString());
    assertTrue(
        overall
            .frame()
            .description()
            .startsWith("Safety defect rate by category: highest Hate and unfairness (0.4"),
        overall.frame().description());
    assertTrue(
        overall.frame().description().contains("One rule did not hold: Hate and unfairness"));
    assertTrue(overall.frame().description().contains("Whiskers show the confidence intervals."));
    MetricBars groups = charts.get(1);
    assertEquals("Hate and unfairness rate by variant", groups.frame().title());
    assertEquals(List.of("he", "she"), groups.bars().stream().map(ChartBar::label).toList());
    assertTrue(groups.frame().description().contains("highest he"), groups.frame().description());
    String html = new String(new HtmlReport().render(run), StandardCharsets.UTF_8);
    assertTrue(html.contains("<desc id=\"safety-chart-1-desc\">Safety defect rate"), "svg there");
    assertTrue(html.contains("safety-chart-2-title"));
    assertFalse(html.contains("safety_hate_unfairness_group_rate by variant"), "not drawn twice");
  }

  @Test
  void absentWhenSafetyDidNotRun() {
    AuditRun run = run(List.of(), List.of());
    assertNull(SafetySection.of(run));
    String html = new String(new HtmlReport().render(run), StandardCharsets.UTF_8);
    assertFalse(html.contains("Safety classifiers"));
  }
}
