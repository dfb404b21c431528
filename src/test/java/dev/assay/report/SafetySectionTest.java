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
import dev.assay.metrics.llm.LlmMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's safety section: present only when llm.safety ran; data escaped. */
class SafetySectionTest {

  private static AuditRun run(List<MetricResult> metrics, List<SafetyExample> examples) {
    return new AuditRun(
            "safety",
            null,
            List.of(FamilyOutcome.ran(Family.LLM, "")),
            metrics,
            List.of(),
            Map.of(),
            List.of(),
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

  @Test
  void absentWhenSafetyDidNotRun() {
    AuditRun run = run(List.of(), List.of());
    assertNull(SafetySection.of(run));
    String html = new String(new HtmlReport().render(run), StandardCharsets.UTF_8);
    assertFalse(html.contains("Safety classifiers"));
  }
}
