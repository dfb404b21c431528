package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two audits of the same name with {@code --history}, in-process on 80 rows: the second run's
 * anomaly rule compares with the first, the report draws the trend, and {@code assay history} lists
 * both runs with the model card lineage.
 */
class HistoryAuditTest {

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /** Group A selects 20 of 40, group B {@code bPositives} of 40. */
  private void csv(int bPositives) throws IOException {
    List<String> lines = new ArrayList<>(List.of("id,grp,outcome,approved"));
    for (int i = 0; i < 80; i++) {
      int positives = i < 40 ? 20 : bPositives;
      lines.add(
          i + "," + (i < 40 ? "A" : "B") + "," + (i % 2) + "," + (i % 40 < positives ? 1 : 0));
    }
    Files.write(dir.resolve("data.csv"), lines);
  }

  private Path spec() throws IOException {
    Files.write(
        dir.resolve("pack.yaml"),
        List.of(
            "pack: history-e2e",
            "rules:",
            "  - id: ratio-stable",
            "    metric: fairness.impact_ratio",
            "    where: {attribute: grp, group: B}",
            "    must: \">= 0.5\"",
            "    anomaly: {relative_change: 0.2}",
            "    severity: blocking"));
    Path spec = dir.resolve("audit.yaml");
    Files.write(
        spec,
        List.of(
            "version: 1",
            "name: history-audit",
            "model: {name: scorer, version: '7', risk_class: high}",
            "data:",
            "  current: {path: data.csv}",
            "columns:",
            "  label: outcome",
            "  prediction: approved",
            "  sensitive: [grp]",
            "rules: [" + dir.resolve("pack.yaml") + "]"));
    return spec;
  }

  @Test
  void theSecondRunIsJudgedAgainstTheFirstAndBothAreInTheHistory() throws IOException {
    secondRunJudgedAgainstTheFirst(dir.resolve("history").toString());
  }

  /** The same with the history as a Delta table ({@code delta:LOCATION}). */
  @Test
  @Tag("slow") // two audits and two Delta commits, and assay history's own read of the table
  void aDeltaTableHistoryWorksTheSameWay() throws IOException {
    secondRunJudgedAgainstTheFirst("delta:" + dir.resolve("history-table"));
    assertTrue(Files.isDirectory(dir.resolve("history-table/_delta_log")), "a Delta table");
  }

  private void secondRunJudgedAgainstTheFirst(String history) throws IOException {
    csv(18); // ratio 0.45 / 0.5 = 0.9
    Result first =
        CliRun.run(
            "audit",
            spec().toString(),
            "--out",
            dir.resolve("r1").toString(),
            "--history",
            history);
    assertEquals(0, first.code(), first.err());
    csv(12); // ratio 0.6: meets must, but 33% below the previous run's 0.9
    Path out = dir.resolve("r2");
    Result second =
        CliRun.run("audit", spec().toString(), "--out", out.toString(), "--history", history);
    assertEquals(1, second.code(), second.out() + second.err());
    JsonNode rule =
        new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("rules").get(0);
    assertEquals("FAIL", rule.get("status").asText());
    assertTrue(
        rule.get("message").asText().contains("anomaly: changed by 33.3333% from the previous"),
        rule.get("message").asText());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("id=\"trends\""), "the report draws the trend");
    assertTrue(html.contains("fairness.impact_ratio for grp = B"), "the trend's title");

    Result listed = CliRun.run("history", history, "--format", "json");
    assertEquals(0, listed.code(), listed.err());
    JsonNode rows = new ObjectMapper().readTree(listed.out());
    long runs = 0;
    String previous = "";
    for (JsonNode row : rows) {
      if (!row.get("run_id").asText().equals(previous)) {
        runs++;
        previous = row.get("run_id").asText();
      }
      assertEquals("high", row.get("risk_class").asText());
      assertEquals(64, row.get("data_snapshot").asText().length());
    }
    assertEquals(2, runs);
    assertEquals("PASS", rows.get(0).get("run_verdict").asText());
    assertEquals("FAIL", rows.get(rows.size() - 1).get("run_verdict").asText());
  }
}
