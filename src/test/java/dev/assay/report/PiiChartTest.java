package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiChartTest {

  static List<MetricResult> pii(String column, String type, long count, long records) {
    Scope s = Scope.column(column);
    return List.of(
        Computed.of(MetricCatalog.key(Family.PRIVACY, "pii_" + type + "_count", s), count, records),
        Computed.of(
            MetricCatalog.key(Family.PRIVACY, "pii_" + type + "_rate", s),
            (double) count / records,
            records));
  }

  /** 200 records; notes: 12 e-mails, 3 phones, 0 IBANs; the script-named column: 1 SSN. */
  static List<MetricResult> sample() {
    List<MetricResult> m = new ArrayList<>();
    m.addAll(pii("notes", "iban", 0, 200));
    m.addAll(pii("notes", "phone", 3, 200));
    m.addAll(pii("notes", "email", 12, 200));
    m.addAll(pii(SampleRuns.SCRIPT_GROUP, "us_ssn", 1, 200));
    m.addAll(pii("zip", "email", 0, 200));
    m.add(Computed.of(MetricCatalog.key(Family.PRIVACY, "k_anonymity", Scope.DATASET), 1, 200L));
    return m;
  }

  @Test
  void barsPerColumnAndTypeWithCountsSharesAndWords() {
    PiiChart c = PiiChart.of("pii-privacy", Family.PRIVACY, sample());
    assertEquals(3, c.columns());
    // columns in the order of the metrics, types within a column by count; zero counts no bar
    assertEquals(
        List.of(
            "notes: e-mail address",
            "notes: phone number",
            "<script>alert(1)</script>: US social security number"),
        c.bars().stream().map(ChartBar::fullLabel).toList());
    ChartBar email =
        c.bars().stream()
            .filter(b -> b.fullLabel().equals("notes: e-mail address"))
            .findFirst()
            .orElseThrow();
    // 12 of 200 records = 6 %; 12 is the largest count so it fills the 300-wide plot
    assertEquals("12 records (6\u00a0%)", email.text());
    assertEquals("300.0", email.width());
    ChartBar phone =
        c.bars().stream()
            .filter(b -> b.fullLabel().equals("notes: phone number"))
            .findFirst()
            .orElseThrow();
    assertEquals("3 records (1.5\u00a0%)", phone.text());
    assertEquals("75.0", phone.width(), "3 / 12 * 300");
    assertTrue(
        c.frame().description().contains("notes, e-mail address 12"), c.frame().description());
  }

  @Test
  void noScanNoChartAndNothingFoundIsSaid() {
    assertNull(PiiChart.of("x", Family.PRIVACY, List.of()));
    PiiChart none = PiiChart.of("x", Family.PRIVACY, pii("zip", "email", 0, 50));
    assertTrue(none.bars().isEmpty());
    assertEquals(
        "No personal data of any recognised type was found in the 1 scanned column.",
        none.frame().description());
  }

  @Test
  void reportDrawsAnAccessibleEscapedChartInThePrivacySection() {
    AuditRun run =
        new AuditRun(
            "pii",
            null,
            List.of(FamilyOutcome.ran(Family.PRIVACY, "scan of 3 columns")),
            sample(),
            List.of(),
            Map.of("current", 200L),
            List.of(),
            null,
            Map.of(),
            null);
    String html = new String(new HtmlReport().render(run), StandardCharsets.UTF_8);
    assertTrue(html.contains("<h3>Personal data found, by type</h3>"), html);
    assertTrue(
        html.contains("<svg role=\"img\" aria-labelledby=\"pii-privacy-title pii-privacy-desc\""));
    assertTrue(
        html.contains(
            "<title id=\"pii-privacy-title\">Personal data found, by column and type</title>"));
    assertTrue(html.contains("<title>notes: e-mail address: 12 records (6\u00a0%)</title>"));
    assertTrue(
        html.contains(">12 records (6\u00a0%)</text>"), "the value is text, not only a length");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;: US social security number"));
    assertFalse(html.contains("<script>"));
    int section = html.indexOf("id=\"family-privacy\"");
    assertTrue(section > 0 && html.indexOf("pii-privacy-title") > section);
  }
}
