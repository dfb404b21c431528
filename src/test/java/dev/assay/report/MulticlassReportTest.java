package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.core.MetricResult.Computed;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Multi-class fairness rows (scope key {@code class}) in the findings and the report's group table.
 */
class MulticlassReportTest {

  private static MetricResult m(String metric, Scope scope, double v, String note) {
    return Computed.of(MetricCatalog.key(Family.FAIRNESS, metric, scope), v, 60L).withNote(note);
  }

  private static Verdict fail(String metric, Scope scope, double observed) {
    return new Verdict(
        "r",
        null,
        null,
        Severity.BLOCKING,
        Status.FAIL,
        "fairness." + metric,
        scope,
        observed,
        ">= 0.8",
        "m",
        null,
        null,
        null);
  }

  private static List<MetricResult> metrics() {
    List<MetricResult> out = new ArrayList<>();
    for (String g : List.of("A", "B")) {
      out.add(m("count", Scope.group("sex", g), 60, null));
      out.add(m("accuracy", Scope.group("sex", g), g.equals("A") ? 1 : 0.8, null));
      out.add(
          m(
              "selection_rate",
              Scope.group("sex", g).withClass("High"),
              g.equals("A") ? 0.4 : 0.2,
              null));
      out.add(
          m(
              "selection_rate",
              Scope.group("sex", g).withClass("<Low>"),
              g.equals("A") ? 0.6 : 0.8,
              null));
    }
    out.add(
        m(
            "demographic_parity_ratio",
            Scope.attribute("sex").withClass("High"),
            0.5,
            "selection_rate: highest A (0.4000), lowest B (0.2000); 95 % Katz interval"));
    out.add(
        m(
            "worst_class_demographic_parity_ratio",
            Scope.attribute("sex"),
            0.5,
            "selection_rate of class High: highest A (0.4000), lowest B (0.2000); 95 % Katz interval;"
                + " worst of 2 classes at class High"));
    return out;
  }

  private static AuditRun run(List<Verdict> verdicts) {
    return new AuditRun(
        "multiclass",
        null,
        List.of(FamilyOutcome.ran(Family.FAIRNESS, "")),
        metrics(),
        verdicts,
        Map.of(),
        List.of(),
        null,
        Map.of(),
        null);
  }

  @Test
  void findingsNameTheClass() {
    AuditRun r =
        run(
            List.of(
                fail("demographic_parity_ratio", Scope.attribute("sex").withClass("High"), 0.5),
                fail("worst_class_demographic_parity_ratio", Scope.attribute("sex"), 0.5)));
    List<String> f =
        Findings.of(r, DriftTable.of(r)).all().stream().map(Finding::text).sorted().toList();
    assertEquals(
        "On sex (class High), the group B is predicted class High at 50\u00a0% of the rate of"
            + " the group A (demographic parity ratio 0.5000); the rule r asks for at least 80\u00a0%.",
        f.get(0));
    assertEquals(
        "On sex, the group B has a selection rate of class High of 50\u00a0% of the group A's"
            + " (worst class demographic parity ratio 0.5000); the rule r asks for at least 80\u00a0%.",
        f.get(1));
  }

  @Test
  void theGroupTableHasAClassColumnAndNoChart() {
    HtmlPage page = HtmlPage.of(run(List.of()));
    HtmlPage.AttributeSection sex = page.families().get(0).attributes().get(0);
    assertTrue(sex.classColumn());
    assertNull(sex.chart());
    assertEquals(List.of("count", "selection_rate", "accuracy"), sex.columns());
    List<String> rows = sex.groups().stream().map(g -> g.group() + "|" + g.classLabel()).toList();
    assertEquals(List.of("A|", "A|<Low>", "A|High", "B|", "B|<Low>", "B|High"), rows);
    assertEquals("0.4000", sex.groups().get(2).cells().get(1).text());
    assertEquals("given per class", sex.groups().get(0).cells().get(1).note());
    String html =
        new String(
            new HtmlReport().render(run(List.of())), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(html.contains("<td>&lt;Low&gt;</td>"), "the class escaped");
  }
}
