package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.core.MetricResult.Computed;
import dev.assay.core.Scope;
import dev.assay.metrics.MetricCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTableTest {

  private static MetricResult drift(String column, String metric, double v, String note) {
    return new Computed(
        MetricCatalog.key(Family.DRIFT, metric, Scope.column(column)),
        v,
        1000L,
        null,
        null,
        null,
        note);
  }

  /**
   * One column's metrics as the drift family writes them: psi, and wasserstein_normed (numeric) or
   * jensen_shannon (categorical) deciding drift_detected at 0.1, as Evidently does by default.
   */
  static List<MetricResult> column(
      String name, boolean drifted, double psi, Double wasserstein, Double jensenShannon) {
    String metric = wasserstein != null ? "wasserstein_normed" : "jensen_shannon";
    double deciding = wasserstein != null ? wasserstein : jensenShannon;
    List<MetricResult> out = new ArrayList<>();
    out.add(drift(name, "psi", psi, null));
    if (wasserstein != null) {
      out.add(drift(name, "wasserstein_normed", wasserstein, null));
    } else {
      out.add(drift(name, "jensen_shannon", jensenShannon, null));
    }
    out.add(
        drift(
            name,
            "drift_detected",
            drifted ? 1 : 0,
            "test: "
                + metric
                + " = "
                + ColumnDriftText.g(deciding)
                + (drifted ? " >= " : " < ")
                + "0.100000 (Evidently's "
                + "default for a column with more than 1000 reference rows)"));
    return out;
  }

  /** The drift family's number format in notes (%.6g). */
  static final class ColumnDriftText {
    static String g(double v) {
      return String.format(Locale.ROOT, "%.6g", v);
    }
  }

  private static AuditRun run(List<MetricResult> metrics) {
    return new AuditRun(
        "drift",
        null,
        List.of(FamilyOutcome.ran(Family.DRIFT, "")),
        metrics,
        List.of(),
        Map.of(),
        List.of(),
        null,
        Map.of(),
        null);
  }

  @Test
  void driftedColumnsComeFirstThenByDistanceFromTheThreshold() {
    List<MetricResult> m = new ArrayList<>();
    m.addAll(column("stable_small", false, 0.001, 0.01, null));
    m.addAll(column("income", true, 0.19, 0.47, null));
    m.addAll(column("stable_close", false, 0.05, null, 0.09));
    m.addAll(column("score", true, 0.07, 0.27, null));
    m.addAll(column("employment", true, 0.11, null, 0.14));
    m.add(
        new MetricResult.Undefined(
            MetricCatalog.key(Family.DRIFT, "drift_detected", Scope.column("empty")),
            0L,
            "drift_detected is undefined: psi has no value"));
    DriftTable t = DriftTable.of(run(m));
    assertEquals(
        List.of("income", "score", "employment", "stable_close", "stable_small", "empty"),
        t.rows().stream().map(DriftTable.Row::column).toList());
    assertEquals(
        List.of("drifted", "drifted", "drifted", "stable", "stable", "undecided"),
        t.rows().stream().map(DriftTable.Row::result).toList());
    DriftTable.Row income = t.rows().get(0);
    assertEquals("wasserstein_normed ≥ 0.1", income.test());
    assertEquals("0.4700", income.decidingValue());
    assertEquals("0.1900", income.psiText());
    assertEquals("—", income.jensenShannonText());
    assertEquals(3, t.driftedCount());
  }

  @Test
  void pValueTestsSortByHowFarBelowTheThresholdThePValueIs() {
    List<MetricResult> m =
        List.of(
            drift("a", "drift_detected", 1, "test: ks_p_value = 0.0100000 < 0.0500000 (set)"),
            drift("b", "drift_detected", 1, "test: ks_p_value = 0.00100000 < 0.0500000 (set)"));
    DriftTable t = DriftTable.of(run(m));
    assertEquals(List.of("b", "a"), t.rows().stream().map(DriftTable.Row::column).toList());
    assertEquals("ks_p_value < 0.05", t.rows().get(0).test());
  }

  @Test
  void moreThanTwoHundredColumnsAreCappedWithACount() {
    List<MetricResult> m = new ArrayList<>();
    for (int i = 0; i < DriftTable.MAX_COLUMNS + 3; i++) {
      m.addAll(column(String.format(Locale.ROOT, "c%03d", i), false, 0.001 * i, 0.0001 * i, null));
    }
    AuditRun r = run(m);
    DriftTable t = DriftTable.of(r);
    assertEquals(DriftTable.MAX_COLUMNS, t.rows().size());
    assertEquals(3, t.hidden());
    assertEquals("c202", t.rows().get(0).column(), "largest distance first");
    String html = new String(new HtmlReport().render(r), StandardCharsets.UTF_8);
    assertTrue(html.contains("3 more columns are in results.json"));
    assertTrue(html.contains("The metrics of 3 more columns are in results.json."));
    assertTrue(!html.contains(">c000<"), "a hidden column is in neither table");
  }

  @Test
  void scriptInAColumnNameStaysText() {
    String evil = "<script>alert('col')</script>";
    AuditRun r = run(column(evil, true, 0.3, 0.5, null));
    String html = new String(new HtmlReport().render(r), StandardCharsets.UTF_8);
    assertTrue(!html.contains(evil));
    assertTrue(!html.toLowerCase(Locale.ROOT).contains("<script"));
    assertTrue(
        html.contains(
            "<th scope=\"row\">&lt;script&gt;alert(&#39;col&#39;)&lt;/script&gt;"
                + "</th><td><span class=\"status warn\">drifted</span></td>"),
        "drift table row");
    assertTrue(
        html.contains(
            "<span class=\"status warn\">DRIFTED</span> &lt;script&gt;alert("
                + "&#39;col&#39;)&lt;/script&gt; changed since the reference data: PSI 0.3000"),
        "finding sentence");
  }
}
