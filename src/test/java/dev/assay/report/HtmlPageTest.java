package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult.Computed;
import dev.assay.core.Scope;
import dev.assay.metrics.MetricCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

  private static AuditRun fairnessOnly(List<Computed> metrics) {
    return new AuditRun(
        "page",
        null,
        List.of(FamilyOutcome.ran(Family.FAIRNESS, "")),
        List.copyOf(metrics),
        List.of(),
        Map.of(),
        List.of(),
        SampleRuns.provenance(),
        Map.of(),
        null);
  }

  private static Computed metric(String name, String group, double value, Long count) {
    return Computed.of(
        MetricCatalog.key(Family.FAIRNESS, name, Scope.group("sex", group)), value, count);
  }

  @Test
  void groupTableDerivesACountColumnAndMarksMetricsAGroupLacks() {
    HtmlPage page =
        HtmlPage.of(
            fairnessOnly(
                List.of(
                    metric("selection_rate", "F", 0.25, 40L),
                    metric("auc", "M", 0.7, 60L),
                    metric("selection_rate", "M", 0.5, 60L))));
    HtmlPage.AttributeSection sex = page.families().get(0).attributes().get(0);
    assertEquals(
        List.of("count", "selection_rate", "auc"),
        sex.columns(),
        "count first, then the contract's order");
    HtmlPage.GroupRow female = sex.groups().get(0);
    assertEquals("F", female.group());
    assertEquals(
        List.of("40", "0.2500", "—"), female.cells().stream().map(HtmlPage.Cell::text).toList());
    assertEquals("not computed for this group", female.cells().get(2).note());
    assertEquals("Selection rate by sex", sex.chart().frame().title());
    assertEquals(List.of("F", "M"), sex.chart().bars().stream().map(ChartBar::label).toList());
    assertEquals(true, sex.chart().bars().get(0).flagged());
  }

  @Test
  void impactRatioIsChartedWhenThereIsNoSelectionRate() {
    HtmlPage page =
        HtmlPage.of(
            fairnessOnly(
                List.of(
                    metric("impact_ratio", "F", 0.7, 40L), metric("impact_ratio", "M", 1.0, 60L))));
    BarChart chart = page.families().get(0).attributes().get(0).chart();
    assertEquals("Impact ratio by sex", chart.frame().title());
    assertEquals("340.0", chart.bars().get(1).width(), "the highest value fills the plot");
    assertEquals("238.0", chart.bars().get(0).width());
  }

  @Test
  void allZeroValuesDrawNoChart() {
    assertNull(
        BarChart.of(
            "c",
            "Selection rate",
            "sex",
            List.of(new BarChart.Point("F", 0), new BarChart.Point("M", 0))));
  }

  private static Computed rateWithInterval(
      String group, double value, double low, double high, long count) {
    return new Computed(
        MetricCatalog.key(Family.FAIRNESS, "selection_rate", Scope.group("sex", group)),
        value,
        count,
        low,
        high,
        null,
        null);
  }

  /**
   * Hand-made intervals: F 0.25 [0.2, 0.3], M 0.5 [0.45, 0.55]. The labels are one character, so
   * the label column has its minimum width and the plot (340 wide) starts at x = 60. It is scaled
   * to the highest interval end 0.55: M's bar is 0.5 / 0.55 * 340 = 309.09 long, its whisker runs
   * from 60 + 0.45 / 0.55 * 340 = 338.18 to 60 + 340 = 400; F's from 60 + 123.64 = 183.64 to 60 +
   * 185.45 = 245.45. Row i's bar starts at y = 8 + 24 i + 3, so its middle is at 20 + 24 i. The 80
   * % line is at 0.8 * 0.5 = 0.4 (of the highest rate, not of the interval end): 60 + 0.4 / 0.55 *
   * 340 = 307.27. F's value text goes after its whisker: 245.45 + 6 = 251.45.
   */
  @Test
  void chartDrawsIntervalWhiskersAtTheRightCoordinates() {
    HtmlPage page =
        HtmlPage.of(
            fairnessOnly(
                List.of(
                    rateWithInterval("F", 0.25, 0.2, 0.3, 40),
                    rateWithInterval("M", 0.5, 0.45, 0.55, 60))));
    BarChart chart = page.families().get(0).attributes().get(0).chart();
    ChartBar f = chart.bars().get(0);
    ChartBar m = chart.bars().get(1);
    assertEquals("309.1", m.width());
    assertEquals(new ChartBar.Whisker("338.2", "400.0", "44.0", "39.0", "49.0"), m.whisker());
    assertEquals(new ChartBar.Whisker("183.6", "245.5", "20.0", "15.0", "25.0"), f.whisker());
    assertEquals("307.3", chart.thresholdX());
    assertEquals("251.5", f.valueX());
    assertEquals("0.2000 – 0.3000", f.ci());
    assertEquals(true, f.flagged(), "0.25 < 0.4");
    String html =
        new String(
            new HtmlReport()
                .render(
                    fairnessOnly(
                        List.of(
                            rateWithInterval("F", 0.25, 0.2, 0.3, 40),
                            rateWithInterval("M", 0.5, 0.45, 0.55, 60)))),
            java.nio.charset.StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertTrue(
        html.contains(
            "<path class=\"whisker\" d=\"M338.2 44.0H400.0M338.2 39.0V49.0M400.0 39.0V49.0\"></path>"));
    org.junit.jupiter.api.Assertions.assertTrue(
        html.contains("<title>F: 0.2500 (below the 80 % line), interval 0.2000 – 0.3000</title>"));
    org.junit.jupiter.api.Assertions.assertTrue(
        html.contains("Whiskers show each group&#39;s confidence interval."));
  }

  @Test
  void favourableRateIsChartedWhenTheFavourablePredictionIsNegative() {
    Computed dpr =
        Computed.of(
                MetricCatalog.key(
                    Family.FAIRNESS, "demographic_parity_ratio", Scope.attribute("sex")),
                0.5,
                null)
            .withNote(
                "favourable rate (1 - selection_rate): "
                    + "highest F (0.75), lowest M (0.5); 95 % Katz interval");
    HtmlPage page =
        HtmlPage.of(
            new AuditRun(
                "page",
                null,
                List.of(FamilyOutcome.ran(Family.FAIRNESS, "")),
                List.of(
                    dpr,
                    rateWithInterval("F", 0.25, 0.2, 0.3, 40),
                    rateWithInterval("M", 0.5, 0.45, 0.55, 60)),
                List.of(),
                Map.of(),
                List.of(),
                null,
                Map.of(),
                null));
    BarChart chart = page.families().get(0).attributes().get(0).chart();
    assertEquals("Favourable rate (1 − selection rate) by sex", chart.frame().title());
    assertEquals("0.7500", chart.bars().get(0).text());
    assertEquals("0.7000 – 0.8000", chart.bars().get(0).ci());
    assertEquals(true, chart.bars().get(1).flagged(), "0.5 < 0.8 * 0.75");
  }

  /** 120 groups g000..g119 of 1000 + i rows: the 50 largest are g119 down to g070. */
  @Test
  void longGroupListsShowTheFiftyLargestAndCountTheRest() {
    List<Computed> metrics = new java.util.ArrayList<>();
    for (int i = 0; i < 120; i++) {
      metrics.add(
          metric(
              "selection_rate", String.format(java.util.Locale.ROOT, "g%03d", i), 0.5, 1000L + i));
    }
    metrics.add(metric("selection_rate", SampleRuns.SCRIPT_GROUP, 0.5, 5000L));
    HtmlPage.AttributeSection sex =
        HtmlPage.of(fairnessOnly(metrics)).families().get(0).attributes().get(0);
    assertEquals(HtmlPage.MAX_GROUPS, sex.groups().size());
    assertEquals(71, sex.hiddenGroups());
    assertEquals(SampleRuns.SCRIPT_GROUP, sex.groups().get(0).group(), "largest first");
    assertEquals("g119", sex.groups().get(1).group());
    assertEquals("g071", sex.groups().get(49).group());
    assertEquals(HtmlPage.MAX_GROUPS, sex.chart().bars().size());
    String html =
        new String(
            new HtmlReport().render(fairnessOnly(metrics)),
            java.nio.charset.StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertTrue(
        html.contains(
            "This table and the charts show the "
                + "50 largest groups, largest first; 71 more groups are in results.json."));
    org.junit.jupiter.api.Assertions.assertFalse(html.contains(">g070<"));
    org.junit.jupiter.api.Assertions.assertFalse(html.contains(SampleRuns.SCRIPT_GROUP));
    org.junit.jupiter.api.Assertions.assertTrue(
        html.contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>"));
  }

  @Test
  void ruleTableShowsTheFirstRowsProblemsFirstAndCountsTheRest() {
    List<dev.assay.core.Verdict> verdicts = new java.util.ArrayList<>();
    for (int i = 0; i < HtmlPage.MAX_RULE_ROWS + 10; i++) {
      verdicts.add(
          new dev.assay.core.Verdict(
              "r",
              null,
              null,
              dev.assay.core.Severity.WARNING,
              i == 505 ? dev.assay.core.Status.WARN : dev.assay.core.Status.PASS,
              "fairness.selection_rate",
              Scope.group("sex", String.format(java.util.Locale.ROOT, "g%03d", i)),
              0.5,
              "< 0.9",
              "ok",
              null,
              null,
              null));
    }
    AuditRun run =
        new AuditRun(
            "rules", null, List.of(), List.of(), verdicts, Map.of(), List.of(), null, Map.of(),
            null);
    HtmlPage page = HtmlPage.of(run);
    assertEquals(HtmlPage.MAX_RULE_ROWS, page.rules().size());
    assertEquals(10, page.hiddenRules());
    assertEquals("sex = g505", page.rules().get(0).scope(), "the warning is listed first");
    String html = new String(new HtmlReport().render(run), java.nio.charset.StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertTrue(
        html.contains(
            "10 more rule checks are in "
                + "results.json and junit.xml; this table shows the first 500, problems first."));
  }
}
