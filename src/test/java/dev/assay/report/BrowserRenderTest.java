package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.AuditRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real headless Chromium (Debian's package; skipped when it is not installed): the
 * page loads and renders the verdict, a group name with {@code <script>} in it stays text, the page
 * writes nothing to the console and makes no network request, and a screenshot comes out.
 */
class BrowserRenderTest {

  @TempDir Path dir;

  Path write(AuditRun run) throws IOException {
    Path html = dir.resolve("report.html");
    Files.write(html, new HtmlReport().render(run));
    return html;
  }

  @Test
  void theReportRendersTheVerdictWithNoScriptNoConsoleOutputAndNoRequest() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find(dir);
    AuditRun run = SampleRuns.full();
    HeadlessChromium.Run r = chromium.dumpDom(write(run));
    String dom = r.stdout();
    Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(dom);
    assertTrue(title.find(), "the page loaded: " + dom.substring(0, Math.min(400, dom.length())));
    assertTrue(
        title.group(1).contains(run.name()) && title.group(1).contains(run.verdict()),
        title.group(1));
    assertTrue(
        dom.contains("Verdict: " + run.verdict()), "the executive summary shows the verdict");
    assertFalse(
        dom.toLowerCase().contains("<script"), "no script element, not even from a group name");
    assertTrue(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the planted group name renders as text");
    assertEquals(List.of(), r.consoleLines(), "the page writes nothing to the console (no errors)");
    assertEquals(
        List.of(), pageRequests(r.netLog()), "the page requests nothing: no font, image or script");
  }

  @Test
  void aScreenshotComesOut() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find(dir);
    Path png = dir.resolve("shot.png");
    chromium.screenshot(write(SampleRuns.tiny()), png, 1000, 800);
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(
        bytes.length > 5_000, "a real picture, not an empty one: " + bytes.length + " bytes");
    assertTrue(
        Arrays.equals(
            Arrays.copyOf(bytes, 8),
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}));
  }

  @Test
  void theChecksCatchAPageThatLogsAnErrorAndFetchesAnImage() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find(dir);
    Path bad = dir.resolve("bad.html");
    Files.writeString(
        bad,
        "<!DOCTYPE html><title>bad</title><img alt=x src=\"http://127.0.0.1:9/x.png\">"
            + "<script>console.error('boom')</script>");
    HeadlessChromium.Run r = chromium.dumpDom(bad);
    assertEquals(1, r.consoleLines().size(), r.stderr());
    assertEquals(List.of("http://127.0.0.1:9/x.png"), pageRequests(r.netLog()));
  }

  /** URLs of the requests the page made (its network isolation key is the file:// page's). */
  static List<String> pageRequests(Path netLog) throws IOException {
    JsonNode log = new ObjectMapper().readTree(netLog.toFile());
    int startJob =
        log.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
    assertTrue(startJob >= 0, "the net log names its event types");
    List<String> urls = new ArrayList<>();
    for (JsonNode event : log.path("events")) {
      JsonNode params = event.path("params");
      if (event.path("type").asInt() == startJob
          && params.path("network_isolation_key").asText().contains("file://")) {
        urls.add(params.path("url").asText());
      }
    }
    return urls;
  }
}
