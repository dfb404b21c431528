package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.AuditRun;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in Debian's headless Chromium (skipped when it is not installed): axe-core 4.14.1
 * (vendored under src/test/resources/axe-core, injected into a test copy of the page) finds no
 * violation; at 390 px wide the page does not scroll sideways; printed to PDF (Letter, Chromium's
 * default, and A4) it has a bounded number of pages; and with the print stylesheet applied at the
 * narrower printable width (A4 less its margins, 186 mm = 703 px) no table, chart or block is wider
 * than the page; the demo report's main body (up to Appendix A) prints on at most {@link
 * #MAX_MAIN_BODY_PAGES} A4 pages. Tagged slow: each check starts a browser.
 */
@Tag("slow")
class AccessibilityPrintTest {

  /** A4's width less the two 12 mm page margins of the print stylesheet, in CSS px. */
  static final int PRINTABLE_PX = (int) Math.floor((210 - 2 * 12) / 25.4 * 96);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Every run the report tests use, with a model card, charts, drift and PII sections. */
  static List<AuditRun> runs() {
    return List.of(SampleRuns.withModelCard(SampleRuns.full()), SampleRuns.tiny());
  }

  @Test
  void axeFindsNoViolationAndThePageNeverScrollsSidewaysAt390Px() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find(dir);
    for (AuditRun run : runs()) {
      JsonNode result = check(chromium, new HtmlReport().render(run), 390, false);
      assertEquals("[]", result.get("violations").toString(), run.name() + ": axe violations");
      assertTrue(
          result.get("scrollWidth").asInt() <= result.get("clientWidth").asInt(),
          run.name() + ": the page scrolls sideways at 390 px: " + result);
      assertTrue(result.get("regions").asInt() > 0, "wide tables sit in scroll regions: " + result);
    }
  }

  @Test
  void withThePrintStylesheetNothingIsWiderThanThePrintableWidth() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find(dir);
    for (AuditRun run : runs()) {
      JsonNode result = check(chromium, new HtmlReport().render(run), PRINTABLE_PX, true);
      assertEquals(
          "[]",
          result.get("tooWide").toString(),
          run.name() + ": wider than " + PRINTABLE_PX + " px in print: " + result);
      assertTrue(result.get("tables").asInt() > 0, result.toString());
    }
  }

  @Test
  void printedToPdfOnLetterAndA4ThePageCountStaysBounded() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find(dir);
    byte[] html = new HtmlReport().render(SampleRuns.withModelCard(SampleRuns.full()));
    int letter = printedPages(chromium, html, "");
    int a4 = printedPages(chromium, html, "<style>@page { size: A4; }</style>");
    System.out.println(
        "sample report printed by Chromium: " + letter + " Letter pages, " + a4 + " A4 pages");
    assertTrue(letter >= 4 && letter <= 12, "Letter pages: " + letter);
    assertTrue(a4 >= 4 && a4 <= 12, "A4 pages: " + a4);
  }

  @Test
  void theChecksCatchAnUnlabelledScrollRegionLowContrastAndAWideTable() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find(dir);
    String bad =
        "<!DOCTYPE html><html lang=\"en\"><head><title>bad</title></head><body><main>"
            + "<p style=\"color:#bbb\">faint text</p><div style=\"overflow-x:auto\"><table style=\"width:2000px\">"
            + "<caption>wide</caption><tr><th>a</th><td>b</td></tr></table></div></main></body></html>";
    JsonNode result = check(chromium, bad.getBytes(StandardCharsets.UTF_8), 390, false);
    String violations = result.get("violations").toString();
    assertTrue(
        violations.contains("color-contrast") && violations.contains("scrollable-region-focusable"),
        violations);
    assertTrue(result.get("tooWide").toString().contains("wide"), result.toString());
  }

  /**
   * The demo audit and the RAG demo through the real command line with {@code --pdf}: report.pdf is
   * written and listed in manifest.json, axe finds no violation in either report.html, neither
   * scrolls sideways at 390 px, nothing is wider than the printable width in print, and the page
   * counts (Chromium, Letter; openhtmltopdf, A4) are printed for the record.
   */
  @Test
  void theDemoAndRagDemoReportsPassTheSameChecksAndWriteAPdf() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find(dir);
    for (String demo : List.of("demo", "rag-demo")) {
      Path out = dir.resolve(demo);
      dev.assay.CliRun.Result r =
          dev.assay.CliRun.run(
              "audit",
              "datasets/" + demo + "/audit.yaml",
              "--out",
              out.toString(),
              "--quiet",
              "--pdf");
      assertEquals(1, r.code(), r.err());
      assertTrue(Files.size(out.resolve("report.pdf")) > 10_000, demo + ": report.pdf written");
      assertTrue(
          Files.readString(out.resolve("manifest.json")).contains("\"path\": \"report.pdf\""),
          demo + ": the manifest lists report.pdf");
      byte[] html = Files.readAllBytes(out.resolve("report.html"));
      JsonNode screen = check(chromium, html, 390, false);
      assertEquals("[]", screen.get("violations").toString(), demo + ": axe violations");
      assertTrue(
          screen.get("scrollWidth").asInt() <= screen.get("clientWidth").asInt(),
          demo + ": " + screen);
      JsonNode print = check(chromium, html, PRINTABLE_PX, true);
      assertEquals("[]", print.get("tooWide").toString(), demo + ": too wide in print");
      int letter = printedPages(chromium, html, "");
      int a4 = printedPages(chromium, html, "<style>@page { size: A4; }</style>");
      int pdfPages;
      try (PDDocument doc = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
        pdfPages = doc.getNumberOfPages();
      }
      System.out.println(
          demo
              + " report: Chromium prints "
              + letter
              + " Letter / "
              + a4
              + " A4 pages; report.pdf (openhtmltopdf, A4) has "
              + pdfPages
              + " pages");
      assertTrue(a4 > 0 && pdfPages > 0);
      if (demo.equals("demo")) {
        int body = mainBodyPages(chromium, html);
        System.out.println("demo report: main body (before Appendix A) " + body + " A4 pages");
        assertTrue(body >= 4 && body <= MAX_MAIN_BODY_PAGES, "main body A4 pages: " + body);
      }
    }
  }

  /** The most A4 pages the demo report's main body (everything before the appendices) prints on. */
  static final int MAX_MAIN_BODY_PAGES = 12;

  /**
   * The A4 pages Chromium prints before the first appendix: the page on which "Appendix A: Detail
   * tables" starts is the first page after the main body (the appendices start on a new page).
   */
  private int mainBodyPages(HeadlessChromium chromium, byte[] html) throws Exception {
    Path page = dir.resolve("body-" + System.nanoTime() + ".html");
    Files.writeString(
        page,
        new String(html, StandardCharsets.UTF_8)
            .replace("</head>", "<style>@page { size: A4; }</style></head>"));
    Path pdf = dir.resolve(page.getFileName() + ".pdf");
    chromium.printToPdf(page, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper text = new PDFTextStripper();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        text.setStartPage(i);
        text.setEndPage(i);
        if (text.getText(doc).contains("Appendix A: Detail tables")) {
          return i - 1;
        }
      }
    }
    throw new AssertionError("the printed demo report has no Appendix A");
  }

  private int printedPages(HeadlessChromium chromium, byte[] html, String extraHead)
      throws Exception {
    Path page = dir.resolve("print-" + System.nanoTime() + ".html");
    Files.writeString(
        page, new String(html, StandardCharsets.UTF_8).replace("</head>", extraHead + "</head>"));
    Path pdf = dir.resolve(page.getFileName() + ".pdf");
    chromium.printToPdf(page, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return doc.getNumberOfPages();
    }
  }

  /**
   * Loads a copy of the page with axe-core and a measuring script in a window {@code width} px
   * wide; with {@code print} the page's print rules apply on screen ({@code @media print} made
   * {@code @media all}), which is what Chromium's print path lays out. Returns what the script
   * logged: axe's violations, the page's scroll and client widths, the count of scroll regions and
   * tables, and the elements wider than the page.
   */
  private JsonNode check(HeadlessChromium chromium, byte[] html, int width, boolean print)
      throws Exception {
    String page = new String(html, StandardCharsets.UTF_8);
    if (print) {
      page = page.replace("@media print {", "@media all {");
    }
    String axe;
    try (InputStream in = getClass().getResourceAsStream("/axe-core/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String script =
        "<script>"
            + axe
            + "</script><script>\n"
            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {\n"
            + "  var w = document.documentElement.clientWidth, wide = [];\n"
            + "  document.querySelectorAll('table, svg, figure, section, p, dl, ul, ol').forEach(function (e) {\n"
            + "    var b = e.getBoundingClientRect();\n"
            + "    if (b.right > w + 0.5) { wide.push(e.tagName + (e.querySelector('caption') ? ': '\n"
            + "      + e.querySelector('caption').textContent : '') + ' ' + Math.round(b.right)); }\n"
            + "  });\n"
            + "  console.log('ASSAY-CHECK ' + JSON.stringify({violations: r.violations.map(function (v) {\n"
            + "    return {id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map(function (n) {\n"
            + "      return n.target.join(' ') + ' ' + (n.failureSummary || ''); })}; }),\n"
            + "    scrollWidth: document.documentElement.scrollWidth, clientWidth: w,\n"
            + "    regions: document.querySelectorAll('[role=region][tabindex=\"0\"]').length,\n"
            + "    tables: document.querySelectorAll('table').length, tooWide: wide}));\n"
            + "});\n</script>";
    Path copy = dir.resolve("checked-" + System.nanoTime() + ".html");
    Files.writeString(copy, page.replace("</body>", script + "</body>"));
    HeadlessChromium.Run r = chromium.runScripts(copy, width, 60_000);
    Matcher m =
        Pattern.compile("ASSAY-CHECK (\\{.*\\})\", source", Pattern.DOTALL).matcher(r.stderr());
    assertTrue(m.find(), "the checking script reported: " + r.stderr());
    return JSON.readTree(m.group(1));
  }
}
