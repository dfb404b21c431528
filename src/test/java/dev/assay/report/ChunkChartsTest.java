package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart over time chunks: one per gated metric, chunks in time order, the judged one filled.
 */
class ChunkChartsTest {

  private static MetricResult dpd(String chunk, double value) {
    return MetricResult.Computed.of(
        MetricCatalog.key(
            Family.FAIRNESS,
            "demographic_parity_difference",
            Scope.attribute("race").withChunk(chunk)),
        value,
        8L);
  }

  private static AuditRun run(List<Verdict> verdicts) {
    return new AuditRun(
        "chunks",
        null,
        List.of(FamilyOutcome.ran(Family.FAIRNESS, "")),
        List.of(
            dpd(null, 0.1),
            dpd("2024-01-15/2024-01-22", 0.0),
            dpd("2024-01-01/2024-01-08", 0.0),
            dpd("2024-01-08/2024-01-15", 0.5)),
        verdicts,
        Map.of(),
        List.of(),
        SampleRuns.provenance(),
        Map.of(),
        null);
  }

  private static Verdict worst(String chunk) {
    return new Verdict(
        "parity-every-week",
        null,
        null,
        Severity.BLOCKING,
        Status.FAIL,
        "fairness.demographic_parity_difference",
        Scope.attribute("race").withChunk(chunk),
        0.5,
        "<= 0.2",
        "m",
        null,
        null,
        null);
  }

  @Test
  void aGatedMetricIsDrawnOverItsChunksWithTheJudgedChunkFilled() {
    List<TrendChart> charts = ChunkCharts.of(run(List.of(worst("2024-01-08/2024-01-15"))));
    assertEquals(1, charts.size());
    TrendChart chart = charts.get(0);
    assertEquals("fairness.demographic_parity_difference for race", chart.frame().title());
    // weeks in time order: 0, 0.5, 0 on the scale 0 (y 90) to 0.5 (y 10)
    assertEquals("56.0,90.0 178.0,10.0 300.0,90.0", chart.points());
    assertTrue(chart.dots().get(1).current());
    assertEquals("judged chunk 2024-01-08: 0.5000", chart.dots().get(1).text());
    assertFalse(chart.dots().get(0).current());
    assertEquals("rule 0.2000", chart.thresholds().get(0).label());
    assertEquals(
        "fairness.demographic_parity_difference for race over 3 time chunks: from 0 in the"
            + " first to 0 in the last; the rule judged the chunk of 2024-01-08 (0.5000);"
            + " expected <= 0.2.",
        chart.frame().description());
  }

  @Test
  void noRuleNoChart() {
    assertEquals(List.of(), ChunkCharts.of(run(List.of())));
  }

  @Test
  void theTablesOfTheReportShowTheWholeDataOnly() {
    AuditRun whole = run(List.of(worst("2024-01-08/2024-01-15"))).withoutChunks();
    assertEquals(1, whole.metrics().size());
    assertEquals(1, whole.verdicts().size());
  }
}
