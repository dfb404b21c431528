package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.core.MetricResult.Computed;
import dev.assay.core.Scope;
import dev.assay.metrics.MetricCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-attribute summary, the detail tables by metric group, and notes said once. */
class GroupTablesTest {

  private static Computed metric(String name, String group, double value, String note) {
    return Computed.of(
            MetricCatalog.key(Family.FAIRNESS, name, Scope.group("race", group)), value, 100L)
        .withNote(note);
  }

  private static HtmlPage.AttributeSection race(List<MetricResult> metrics) {
    AuditRun run =
        new AuditRun(
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
    return HtmlPage.of(run).families().get(0).attributes().get(0);
  }

  /** Two groups, two Clarify metrics each, with a facet clause per group and a small group. */
  private static List<MetricResult> clarify() {
    List<MetricResult> metrics = new ArrayList<>();
    for (String name : List.of("clarify_ci", "clarify_dpl")) {
      metrics.add(metric(name, "A", 0.1, "facet d = A (n=60) vs rest a (n=40)"));
      metrics.add(
          metric(
              name,
              "B",
              0.2,
              "facet d = B (n=40) vs rest a (n=60); insufficient data: 40 rows < min_group_size 50"));
    }
    metrics.add(
        metric(
            "impact_ratio", "A", 1.0, "relative to A (favourable rate 0.6); 95 % Katz interval"));
    metrics.add(
        metric(
            "impact_ratio",
            "B",
            0.7,
            "relative to A (favourable rate 0.6); 95 % Katz interval; insufficient data: fewer than"
                + " min_group_size rows"));
    return metrics;
  }

  @Test
  void aClauseEveryMetricOfAGroupSharesIsSaidOnceOnItsRow() {
    GroupTables.Detail table =
        race(clarify()).details().stream()
            .filter(d -> d.columns().contains("clarify_ci"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("clarify_ci", "clarify_dpl"), table.columns());
    assertTrue(table.rowNotes());
    assertEquals("facet d = A (n=60) vs rest a (n=40)", table.rows().get(0).note());
    assertEquals(
        "facet d = B (n=40) vs rest a (n=60); insufficient data: 40 rows < min_group_size 50",
        table.rows().get(1).note());
    table
        .rows()
        .forEach(r -> r.cells().forEach(c -> assertEquals("", c.note(), "said on the row")));
    assertEquals(List.of(), table.notes());
  }

  @Test
  void aClauseEveryGroupOfAMetricSharesIsSaidOnceUnderItsTable() {
    GroupTables.Detail table =
        race(clarify()).details().stream()
            .filter(d -> d.columns().contains("impact_ratio"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of("impact_ratio: relative to A (favourable rate 0.6); 95 % Katz interval"),
        table.notes());
    assertEquals("", table.rows().get(0).cells().get(0).note());
    assertEquals(
        "insufficient data: fewer than min_group_size rows",
        table.rows().get(1).cells().get(0).note().isEmpty()
            ? table.rows().get(1).note()
            : table.rows().get(1).cells().get(0).note(),
        "the exception stays with its group");
  }

  @Test
  void theSummaryCarriesOnlyExceptionsAsFlags() {
    GroupTables.Summary summary = race(clarify()).summary();
    assertEquals(List.of("Count", "Impact ratio", "p-value (adjusted)"), summary.headers());
    assertEquals("", summary.rows().get(0).flags());
    assertEquals("small group", summary.rows().get(1).flags());
    assertEquals(
        "insufficient data: fewer than min_group_size rows", summary.rows().get(1).flagNotes());
    assertEquals("0.7000", summary.rows().get(1).cells().get(1).text());
    assertFalse(summary.rows().get(1).cells().get(1).note().contains("Katz"));
  }

  @Test
  void anUndefinedSummaryMetricIsFlaggedWithItsReason() {
    MetricResult undefined =
        new MetricResult.Undefined(
            MetricCatalog.key(Family.FAIRNESS, "true_positive_rate", Scope.group("race", "B")),
            10L,
            "no truly positive record in the group");
    List<MetricResult> metrics = List.of(metric("true_positive_rate", "A", 0.5, ""), undefined);
    GroupTables.SummaryRow b = race(metrics).summary().rows().get(1);
    assertEquals("undefined", b.flags());
    assertEquals(
        "true_positive_rate undefined: no truly positive record in the group", b.flagNotes());
    assertEquals(NumberText.MISSING, b.cells().get(1).text());
  }

  @Test
  void aWideMetricGroupIsSplitSoItPrints() {
    List<MetricResult> metrics = new ArrayList<>();
    List<String> clarify =
        MetricCatalog.of(Family.FAIRNESS).stream()
            .filter(d -> d.topic().equals("fairness/clarify"))
            .map(d -> d.id())
            .toList();
    for (String name : clarify) {
      metrics.add(metric(name, "A", 0.1, ""));
    }
    List<GroupTables.Detail> tables =
        race(metrics).details().stream().filter(t -> t.id().contains("fairness-clarify")).toList();
    assertEquals((clarify.size() + 5) / 6, tables.size());
    assertTrue(tables.stream().allMatch(t -> t.columns().size() <= GroupTables.MAX_DETAIL_COLUMNS));
    assertEquals(
        clarify, tables.stream().flatMap(t -> t.columns().stream()).toList(), "none dropped");
    assertTrue(tables.get(0).title().startsWith("SageMaker Clarify metrics"));
  }

  @Test
  void noteClausesSplitOutsideParentheses() {
    assertEquals(List.of("a (x; y) b", "c"), NoteParts.of("a (x; y) b; c"));
    assertTrue(NoteParts.exceptional("clarify_te is undefined: no false positives"));
    assertFalse(NoteParts.exceptional("facet d = A (n=60) vs rest a (n=40)"));
  }
}
