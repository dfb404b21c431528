package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Exhibits;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.Histogram;
import dev.assay.core.MetricResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The drift section's overlaid reference vs current histograms in report.html. */
class DriftHistogramTest {

  private static final String SCRIPT = "<script>alert(1)</script>";

  private static AuditRun run(List<MetricResult> metrics, List<Histogram> histograms) {
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
            null)
        .withExhibits(Exhibits.NONE.withHistograms(histograms));
  }

  private static String html(AuditRun run) {
    return new String(new HtmlReport().render(run), StandardCharsets.UTF_8);
  }

  /**
   * x drifted: reference 3, 1 in bins ≤ 1, (1, 2] (shares .75, .25), current 1, 3 (.25, .75). The
   * highest share .75 fills the 120-pixel plot, so heights are .75/.75·120 = 120 and .25/.75·120 =
   * 40. k drifted (categorical, a planted script category): reference 2, 2, current 4, 0 → shares
   * .5 .5 / 1 0 → heights 60 60 / 120 0. s is stable and gets a chart too.
   */
  @Test
  void oneHistogramPerDriftedColumnWithBarHeightsFromTheShares() {
    List<MetricResult> m = new ArrayList<>();
    m.addAll(DriftTableTest.column("x", true, 0.5, 0.9, null));
    m.addAll(DriftTableTest.column("k", true, 0.4, null, 0.3));
    m.addAll(DriftTableTest.column("s", false, 0.0, 0.0, null));
    String page =
        html(
            run(
                m,
                List.of(
                    new Histogram("x", List.of("≤ 1", "(1, 2]"), List.of(3L, 1L), List.of(1L, 3L)),
                    new Histogram("k", List.of(SCRIPT, "b"), List.of(2L, 2L), List.of(4L, 0L)),
                    new Histogram("s", List.of("all values"), List.of(5L), List.of(5L)))));

    assertEquals(
        1, count(page, "<title id=\"drift-hist-[0-9]+-title\">Reference vs current: x</title>"));
    assertEquals(
        1, count(page, "<title id=\"drift-hist-[0-9]+-title\">Reference vs current: k</title>"));
    assertEquals(3, count(page, "<svg role=\"img\" aria-labelledby=\"drift-hist-"));
    // x is the most drifted (0.9 / 0.1 = 9 beats 0.3 / 0.1 = 3), so it is chart 1
    String x = chart(page, "drift-hist-1");
    assertEquals(List.of("120.0", "40.0"), heights(x, "hist-ref"));
    assertEquals(List.of("40.0", "120.0"), heights(x, "hist-cur"));
    assertTrue(x.contains("<title>≤ 1: reference 3 of 4 (75.0\u00a0%)</title>"), x);
    assertTrue(x.contains("<title>(1, 2]: current 3 of 4 (75.0\u00a0%)</title>"));
    String k = chart(page, "drift-hist-2");
    assertEquals(List.of("60.0", "60.0"), heights(k, "hist-ref"));
    assertEquals(List.of("120.0", "0.0"), heights(k, "hist-cur"));
    // a legend in words, not only colour
    assertTrue(x.contains(">reference (solid)</text>") && x.contains(">current (hatched)</text>"));
  }

  @Test
  void aScriptInACategoryRendersAsText() {
    List<MetricResult> m = new ArrayList<>(DriftTableTest.column("k", true, 0.4, null, 0.3));
    String page =
        html(
            run(
                m,
                List.of(
                    new Histogram("k", List.of(SCRIPT, "b"), List.of(2L, 2L), List.of(4L, 0L)))));
    assertFalse(page.contains(SCRIPT));
    assertFalse(page.toLowerCase(Locale.ROOT).contains("<script"));
    assertTrue(page.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;: reference 2 of 4"));
  }

  @Test
  void onlyTheMostDriftedColumnsAreDrawn() {
    List<MetricResult> m = new ArrayList<>();
    List<Histogram> h = new ArrayList<>();
    for (int i = 0; i < DriftTable.MAX_HISTOGRAMS + 2; i++) {
      m.addAll(DriftTableTest.column("c" + i, true, 0.2, 0.2 + i, null));
      h.add(new Histogram("c" + i, List.of("a"), List.of(1L), List.of(1L)));
    }
    DriftTable t = DriftTable.of(run(m, h));
    assertEquals(DriftTable.MAX_HISTOGRAMS, t.histograms().size());
    assertEquals(2, t.hiddenHistograms());
    assertEquals("c21", t.histograms().get(0).column());
    assertTrue(html(run(m, h)).contains("Histograms of 2 more columns are left out"));
  }

  private static int count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  private static String chart(String page, String id) {
    int start = page.indexOf("aria-labelledby=\"" + id + "-title");
    return page.substring(start, page.indexOf("</svg>", start));
  }

  private static List<String> heights(String chart, String cls) {
    Matcher matcher =
        Pattern.compile("class=\"" + cls + "\"[^>]* height=\"([0-9.]+)\"").matcher(chart);
    List<String> out = new ArrayList<>();
    while (matcher.find()) {
      out.add(matcher.group(1));
    }
    return out;
  }
}
