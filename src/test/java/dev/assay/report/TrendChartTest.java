package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Exhibits;
import dev.assay.core.MetricTrend;
import dev.assay.core.Scope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend line's geometry: runs spread left to right, values and thresholds on one scale. */
class TrendChartTest {

  @Test
  void valuesAndTheThresholdShareOneScale() {
    MetricTrend trend =
        new MetricTrend(
            "fairness.impact_ratio",
            Scope.group("race", "<b>"),
            List.of(
                new MetricTrend.Point("2026-11-01T00:00:00Z", 0.9, false),
                new MetricTrend.Point("2026-11-02T00:00:00Z", 0.85, false),
                new MetricTrend.Point("2026-11-03T00:00:00Z", 0.6, true)),
            List.of(0.5),
            ">= 0.5");
    TrendChart chart = TrendChart.of("trend-0", trend, TrendChart.Axis.RUNS);
    // scale 0.5 (bottom, y 90) to 0.9 (top, y 10); x from 56 to 300
    assertEquals("56.0,10.0 178.0,20.0 300.0,70.0", chart.points());
    assertEquals("90.0", chart.thresholds().get(0).y());
    assertEquals("rule 0.5000", chart.thresholds().get(0).label());
    assertTrue(chart.dots().get(2).current());
    assertTrue(chart.dots().get(2).text().startsWith("this run 2026-11-03"));
    assertEquals(
        "fairness.impact_ratio for race = <b>", chart.frame().title()); // the template escapes
    assertTrue(
        chart.frame().description().endsWith("from 0.9000 to 0.6000 in this run; expected >= 0.5."),
        chart.frame().description());
  }

  @Test
  void theReportDrawsTheTrendInItsFrame() {
    MetricTrend trend =
        new MetricTrend(
            "drift.psi",
            Scope.column("age"),
            List.of(
                new MetricTrend.Point("t1", 0.1, false), new MetricTrend.Point("t2", 0.3, true)),
            List.of(0.2),
            "<= 0.2");
    AuditRun run = SampleRuns.tiny().withExhibits(Exhibits.NONE.withTrends(List.of(trend)));
    String html = new String(new HtmlReport().render(run), StandardCharsets.UTF_8);
    assertTrue(
        html.contains(
            "<svg role=\"img\" aria-labelledby=\"trend-0-title trend-0-desc\" width=\"360.0\""
                + " height=\"110.0\" viewBox=\"0 0 360.0 110.0\">\n"
                + "<title id=\"trend-0-title\">drift.psi for age</title>\n"
                + "<desc id=\"trend-0-desc\">drift.psi for age over the last 2 runs: from 0.1000 to"
                + " 0.3000 in this run; expected &lt;= 0.2.</desc>\n"
                + "<line x1=\"56.0\" y1=\"90.0\" x2=\"300.0\" y2=\"90.0\" stroke=\"#8c959f\"></line>\n"
                + "<line x1=\"56.0\" y1=\"10.0\" x2=\"56.0\" y2=\"90.0\" stroke=\"#8c959f\"></line>\n"),
        html);
  }

  @Test
  void aFlatLineGetsRoomAroundIt() {
    MetricTrend flat =
        new MetricTrend(
            "drift.psi",
            Scope.column("age"),
            List.of(
                new MetricTrend.Point("t1", 0.1, false), new MetricTrend.Point("t2", 0.1, true)),
            List.of(),
            "no anomaly");
    TrendChart chart = TrendChart.of("trend-1", flat, TrendChart.Axis.RUNS);
    assertEquals("56.0,50.0 300.0,50.0", chart.points());
  }
}
