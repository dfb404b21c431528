package dev.assay.cli;

import static dev.assay.cli.DriftAuditTest.assertBadInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.ContractSchema;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time chunks end to end ({@code chunk: week}): per-chunk rows in results.json with their
 * intervals, a {@code chunks: worst} rule closing the gate on the week with the disparity, the
 * report's chart over chunks, and bad chunk specs exiting 2 with one message naming the key.
 */
class TimeChunksAuditTest {

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /**
   * Three ISO weeks of 8 rows: groups A and B, 4 rows each; selection rates A/B 2/4 and 2/4 in
   * weeks 1 and 3, 3/4 and 1/4 in week 2. Column k: a b a b, but c c c c in week 2. Reference: k a
   * ×4, b ×4.
   */
  void csv() throws IOException {
    List<String> lines = new ArrayList<>(List.of("ts,grp,y,p,k"));
    int[][] positives = {{2, 2}, {3, 1}, {2, 2}};
    for (int w = 0; w < 3; w++) {
      for (int g = 0; g < 2; g++) {
        for (int i = 0; i < 4; i++) {
          String day = String.format("2024-01-%02dT%02d:00:00", 1 + 7 * w + i, 9 + g);
          String k = w == 1 ? "c" : i % 2 == 0 ? "a" : "b";
          int p = i < positives[w][g] ? 1 : 0;
          lines.add(day + "," + (g == 0 ? "A" : "B") + "," + (i % 2) + "," + p + "," + k);
        }
      }
    }
    Files.write(dir.resolve("data.csv"), lines);
    Files.write(dir.resolve("ref.csv"), List.of("k", "a", "a", "a", "a", "b", "b", "b", "b"));
    Files.write(
        dir.resolve("chunks.yaml"),
        List.of(
            "pack: chunk-test",
            "rules:",
            "  - id: parity-every-week",
            "    metric: fairness.demographic_parity_difference",
            "    must: \"<= 0.2\"",
            "    severity: blocking",
            "    chunks: worst",
            "  - id: parity-overall",
            "    metric: fairness.demographic_parity_difference",
            "    must: \"<= 0.2\"",
            "    severity: blocking",
            "  - id: no-drift-any-week",
            "    metric: drift.total_variation",
            "    where: {column: k}",
            "    must: \"< 0.5\"",
            "    severity: warning",
            "    chunks: worst"));
  }

  /**
   * Line 4 is {@code columns:}; with a timestamp, line 9 is {@code columns.timestamp} and 10 {@code
   * chunk:}, else 9 is {@code chunk:}.
   */
  Path spec(String timestamp, String chunk) throws IOException {
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: weekly",
            "data: {current: {path: data.csv}, reference: {path: ref.csv}}",
            "columns:",
            "  label: y",
            "  prediction: p",
            "  sensitive: [grp]",
            "  features: [k]" + timestamp,
            "chunk: " + chunk,
            "rules: [chunks.yaml]",
            "fairness: {min_group_size: 1}",
            ""));
    return spec;
  }

  private Result audit(Path spec) {
    return CliRun.run("audit", spec.toString(), "--out", dir.resolve("out").toString());
  }

  /** Both families and the report through the CLI: about a minute on two shared cores. */
  @Test
  @Tag("slow")
  void theWorstWeekClosesTheGateAndEveryWeekIsReported() throws IOException {
    csv();
    Result r = audit(spec("\n  timestamp: ts", "week"));
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    assertEquals(Set.of(), ContractSchema.errors(results), "results.json meets its schema");
    double week2 = Double.NaN;
    double whole = Double.NaN;
    double drift2 = Double.NaN;
    for (JsonNode m : results.get("metrics")) {
      String metric = m.get("metric").asText();
      String chunk = m.path("chunk").asText(null);
      if (metric.equals("demographic_parity_difference")) {
        if ("2024-01-08/2024-01-15".equals(chunk)) {
          week2 = m.get("value").asDouble();
        } else if (chunk == null) {
          whole = m.get("value").asDouble();
        }
      }
      if (metric.equals("total_variation") && "2024-01-08/2024-01-15".equals(chunk)) {
        drift2 = m.get("value").asDouble();
      }
    }
    assertEquals(0.5, week2, 1e-12); // 3/4 − 1/4
    assertEquals(7.0 / 12 - 5.0 / 12, whole, 1e-12);
    assertEquals(1.0, drift2, 1e-12); // only c, never in the reference
    List<String> verdicts = new ArrayList<>();
    for (JsonNode v : results.get("rules")) {
      verdicts.add(
          v.get("id").asText() + " " + v.get("status").asText() + " " + v.path("chunk").asText());
    }
    assertEquals(
        List.of(
            "no-drift-any-week WARN 2024-01-08/2024-01-15",
            "parity-every-week FAIL 2024-01-08/2024-01-15",
            "parity-overall PASS "),
        verdicts.stream().sorted().toList());
    String report = Files.readString(dir.resolve("out/report.html"));
    assertTrue(report.contains("Over time chunks"), "the chart over chunks");
    assertTrue(report.contains("over 3 time chunks"), "its description");
  }

  @Test
  void badChunkSpecsExitTwoNamingTheKey() throws IOException {
    csv();
    assertBadInput(
        audit(spec("\n  timestamp: ts", "fortnight")), "audit.yaml:10", "day, week or month");
    assertBadInput(audit(spec("", "week")), "audit.yaml:9", "needs columns.timestamp");
    assertBadInput(
        audit(spec("\n  timestamp: grp", "week")), "audit.yaml:9", "'grp'", "date or a timestamp");
    assertBadInput(audit(spec("\n  timestamp: when", "week")), "audit.yaml:9", "'when'");
  }
}
