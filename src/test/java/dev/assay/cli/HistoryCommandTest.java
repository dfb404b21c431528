package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.core.Scope;
import dev.assay.history.HistoryRow;
import dev.assay.history.HistoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay history LOCATION} in-process, without Spark: the three formats, the filters, and
 * exit 2 with one message for a location that is not a history.
 */
class HistoryCommandTest {

  @TempDir Path dir;

  private static HistoryRow row(String audit, String runTime, String metric, String group) {
    return new HistoryRow(
        audit + runTime,
        audit,
        runTime,
        "PASS",
        "scorer",
        "3",
        null,
        null,
        null,
        null,
        "abc",
        HistoryRow.METRIC,
        metric,
        Scope.group("race", group),
        0.875,
        40L,
        null,
        null,
        null,
        null);
  }

  private Path history() {
    Path folder = dir.resolve("history");
    HistoryStore store = HistoryStore.at(folder.toString(), new Configuration());
    store.append(
        List.of(
            row("credit", "2026-11-01T00:00:00Z", "fairness.impact_ratio", "=HYPERLINK(1)"),
            row("credit", "2026-11-01T00:00:00Z", "fairness.selection_rate", "B")),
        Instant.EPOCH);
    store.append(
        List.of(row("other", "2026-11-02T00:00:00Z", "fairness.impact_ratio", "B")), Instant.EPOCH);
    return folder;
  }

  @Test
  void printsTheTableOldestRunFirst() {
    Result r = CliRun.run("history", history().toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(4, lines.size(), r.out());
    assertTrue(lines.get(0).startsWith("run_time"), lines.get(0));
    assertTrue(lines.get(1).contains("credit") && lines.get(1).contains("0.875"), lines.get(1));
    assertTrue(lines.get(3).contains("other"), lines.get(3));
  }

  @Test
  void exportsCsvWithFormulasDefused() {
    Result r =
        CliRun.run(
            "history",
            history().toString(),
            "--format",
            "csv",
            "--audit",
            "credit",
            "--metric",
            "fairness.impact_ratio");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r.out());
    assertTrue(lines.get(0).startsWith("schema,run_id,audit,run_time"), lines.get(0));
    assertTrue(lines.get(1).contains(",'=HYPERLINK(1),"), lines.get(1));
    assertTrue(lines.get(1).contains(",0.875,40,"), lines.get(1));
  }

  @Test
  void exportsJson() throws IOException {
    Result r = CliRun.run("history", history().toString(), "--format", "json", "--audit", "other");
    assertEquals(0, r.code(), r.err());
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertEquals(1, rows.size());
    assertEquals("other", rows.get(0).get("audit").asText());
    assertEquals("assay.history/1", rows.get(0).get("schema").asText());
  }

  @Test
  void aLocationThatIsNoHistoryIsExitTwoWithOneMessage() throws IOException {
    Path file = Files.writeString(dir.resolve("results.json"), "{}");
    for (String[] args :
        List.of(
            new String[] {"history", file.toString()},
            new String[] {"history", dir.resolve("missing").toString()},
            new String[] {"history", "abfss://c@acct.dfs.core.windows.net/history"},
            new String[] {"history", history().toString(), "--format", "xml"})) {
      Result r = CliRun.run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("assay: error: "), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
  }
}
