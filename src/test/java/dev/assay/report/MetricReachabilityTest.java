package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.assay.core.AuditRun;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric row of results.json is reachable in report.html (in a table, open or collapsed;
 * {@link ReportReach}): for the demo audit and the RAG demo, rendered from their pinned
 * results.json ({@link ResultsRun}; GoldenResultsTest checks the same on the real command line's
 * output), and for the sample runs.
 */
class MetricReachabilityTest {

  static Stream<String> runs() {
    return Stream.of("golden:demo", "golden:rag-demo", "golden:compas-privacy", "full", "tiny");
  }

  static AuditRun run(String name) {
    if (name.startsWith("golden:")) {
      return ResultsRun.golden(name.substring("golden:".length()));
    }
    return name.equals("full") ? SampleRuns.full() : SampleRuns.tiny();
  }

  @ParameterizedTest
  @MethodSource("runs")
  void everyMetricRowOfResultsJsonIsInTheReport(String name) {
    Map<String, byte[]> files = ReportBundle.render(run(name));
    List<String> missing =
        ReportReach.unreachable(files.get("report.html"), files.get("results.json"));
    assertEquals(List.of(), missing.stream().limit(20).toList(), missing.size() + " unreachable");
  }

  /** The check can fail: a results.json row with a value the page does not show is reported. */
  @ParameterizedTest
  @MethodSource("runs")
  void aRowThePageDoesNotShowIsReported(String name) {
    Map<String, byte[]> files = ReportBundle.render(run(name));
    String json =
        new String(files.get("results.json"), java.nio.charset.StandardCharsets.UTF_8)
            .replaceFirst("\"value\" *: *[0-9.eE+-]+", "\"value\": 123456.789");
    assertFalse(
        ReportReach.unreachable(
                files.get("report.html"), json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .isEmpty());
  }
}
