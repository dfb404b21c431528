package dev.assay.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history folder on the local file system through Hadoop's FileSystem (the code path abfss://
 * takes): rows round-trip, runs appending at once lose nothing, readers skip temporary files, and a
 * bad location or a damaged part is exit 2 naming it.
 */
class HistoryStoreTest {

  @TempDir Path dir;

  static HistoryRow row(String runId, String runTime, String group, double value) {
    return new HistoryRow(
        runId,
        "credit",
        runTime,
        "PASS",
        "scorer",
        "2.1",
        "loans, \"retail\"",
        null,
        "high",
        "models:/scorer/2",
        "abc",
        HistoryRow.METRIC,
        "fairness.impact_ratio",
        Scope.group("race", group),
        value,
        100L,
        null,
        null,
        null,
        null);
  }

  private HistoryStore store() {
    return HistoryStore.at(dir.resolve("history").toString(), new Configuration());
  }

  @Test
  void rowsRoundTripInRunTimeOrder() {
    HistoryStore store = store();
    assertEquals(List.of(), store.read(false), "a history not yet written is empty");
    List<HistoryRow> second = List.of(row("r2", "2026-11-02T00:00:00Z", "B", 0.8));
    List<HistoryRow> first =
        List.of(
            row("r1", "2026-11-01T00:00:00Z", "B", 0.9),
            row("r1", "2026-11-01T00:00:00Z", "=cmd|' /C calc'!A0", 0.25));
    store.append(second, Instant.parse("2026-11-02T00:00:00Z"));
    store.append(first, Instant.parse("2026-11-01T00:00:00Z"));
    List<HistoryRow> all = new ArrayList<>(first);
    all.addAll(second);
    assertEquals(all, store.read(true));
  }

  @Test
  void twoRunsAppendingAtOnceLoseNothing() throws Exception {
    HistoryStore store = store();
    int runs = 8;
    int rowsPerRun = 50;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    try {
      List<Future<String>> parts = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        String runId = "run-" + r;
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < rowsPerRun; i++) {
          rows.add(row(runId, "2026-11-01T00:00:00Z", "g" + i, i / 100.0));
        }
        parts.add(
            pool.submit(
                () -> {
                  start.await();
                  // same run time, same millisecond: only the random part of the name differs
                  return store.append(rows, Instant.parse("2026-11-01T00:00:00Z"));
                }));
      }
      start.countDown();
      for (Future<String> part : parts) {
        part.get();
      }
    } finally {
      pool.shutdown();
    }
    Map<String, Integer> perRun = new TreeMap<>();
    store.read(true).forEach(row -> perRun.merge(row.runId(), 1, Integer::sum));
    assertEquals(runs, perRun.size(), perRun.toString());
    perRun.values().forEach(n -> assertEquals(rowsPerRun, n));
    try (Stream<Path> files = Files.list(dir.resolve("history"))) {
      assertTrue(
          files.allMatch(f -> HistoryStore.isPart(f.getFileName().toString())),
          "no temporary or checksum file is left behind");
    }
  }

  @Test
  void readersSkipTemporaryAndHiddenFiles() throws IOException {
    HistoryStore store = store();
    store.append(List.of(row("r1", "2026-11-01T00:00:00Z", "B", 0.9)), Instant.EPOCH);
    Files.writeString(dir.resolve("history/.part-1-x.jsonl.tmp"), "{half a row");
    Files.writeString(dir.resolve("history/_SUCCESS"), "");
    assertEquals(1, store.read(true).size());
  }

  @Test
  void aDamagedPartIsBadInputNamingItsLine() throws IOException {
    HistoryStore store = store();
    store.append(List.of(row("r1", "2026-11-01T00:00:00Z", "B", 0.9)), Instant.EPOCH);
    Files.writeString(dir.resolve("history/part-2-bad.jsonl"), "\n{\"schema\":\"other/1\"}\n");
    BadInputException e = assertThrows(BadInputException.class, () -> store.read(true));
    assertTrue(e.getMessage().contains("part-2-bad.jsonl:2"), e.getMessage());
    assertTrue(e.getMessage().contains("not a history row of schema"), e.getMessage());
  }

  @Test
  void aFileOrAMissingFolderIsNotAHistory() throws IOException {
    Path file = Files.writeString(dir.resolve("results.json"), "{}");
    BadInputException isFile =
        assertThrows(
            BadInputException.class,
            () -> HistoryStore.at(file.toString(), new Configuration()).read(false));
    assertTrue(isFile.getMessage().contains("is a file; give a folder"), isFile.getMessage());
    BadInputException missing = assertThrows(BadInputException.class, () -> store().read(true));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    BadInputException scheme =
        assertThrows(
            BadInputException.class,
            () -> HistoryStore.at("nosuchfs://bucket/h", new Configuration()).read(false));
    assertTrue(scheme.getMessage().contains("nosuchfs"), scheme.getMessage());
  }
}
