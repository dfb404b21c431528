package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult.Computed;
import dev.assay.core.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

  private static AuditRun fairnessOnly(List<Computed> metrics) {
    return new AuditRun("page", null, List.of(FamilyOutcome.ran(Family.FAIRNESS, "")),
        List.copyOf(metrics), List.of(), Map.of(), List.of(), SampleRuns.provenance());
  }

  private static Computed metric(String name, String group, double value, Long count) {
    return Computed.of(new MetricKey(Family.FAIRNESS, name, Scope.group("sex", group)), value,
        count);
  }

  @Test
  void groupTableDerivesACountColumnAndMarksMetricsAGroupLacks() {
    HtmlPage page = HtmlPage.of(fairnessOnly(List.of(
        metric("selection_rate", "F", 0.25, 40L),
        metric("auc", "M", 0.7, 60L),
        metric("selection_rate", "M", 0.5, 60L))));
    HtmlPage.AttributeSection sex = page.families().get(0).attributes().get(0);
    assertEquals(List.of("count", "selection_rate", "auc"), sex.columns(),
        "count first, then the contract's order");
    HtmlPage.GroupRow female = sex.groups().get(0);
    assertEquals("F", female.group());
    assertEquals(List.of("40", "0.2500", "—"), female.cells().stream().map(HtmlPage.Cell::text)
        .toList());
    assertEquals("not computed for this group", female.cells().get(2).note());
    assertEquals("Selection rate by sex", sex.chart().title());
    assertEquals(List.of("F", "M"), sex.chart().bars().stream().map(BarChart.Bar::label).toList());
    assertEquals(true, sex.chart().bars().get(0).belowThreshold());
  }

  @Test
  void impactRatioIsChartedWhenThereIsNoSelectionRate() {
    HtmlPage page = HtmlPage.of(fairnessOnly(List.of(
        metric("impact_ratio", "F", 0.7, 40L),
        metric("impact_ratio", "M", 1.0, 60L))));
    BarChart chart = page.families().get(0).attributes().get(0).chart();
    assertEquals("Impact ratio by sex", chart.title());
    assertEquals("340.0", chart.bars().get(1).width(), "the highest value fills the plot");
    assertEquals("238.0", chart.bars().get(0).width());
  }

  @Test
  void allZeroValuesDrawNoChart() {
    assertNull(BarChart.of("c", "Selection rate", "sex",
        List.of(new BarChart.Point("F", 0), new BarChart.Point("M", 0))));
  }
}
