package dev.assay.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import dev.assay.policy.Policy;
import dev.assay.policy.RulePackLoader;
import dev.assay.policy.Waivers;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history as a real local Delta table ({@code delta:LOCATION}) through Spark and Delta Lake:
 * rows round-trip, runs appending at once (also to a table that does not exist yet) lose nothing,
 * one commit per run, a folder with a {@code _delta_log} is found as Delta, and an anomaly rule
 * judged over five runs read back from the table catches the planted anomaly and leaves the stable
 * group alone.
 */
@Tag("slow") // a dozen Delta commits on the shared session
class DeltaHistoryTest {

  @TempDir Path dir;

  private HistoryStore store() {
    return HistoryStore.at(HistoryStore.DELTA + dir.resolve("history"), new Configuration());
  }

  private static SparkSession spark() {
    return SharedSpark.get();
  }

  private static List<HistoryRow> run(String runId, String runTime, Map<String, Double> byGroup) {
    List<HistoryRow> rows = new ArrayList<>();
    byGroup.forEach((group, value) -> rows.add(HistoryStoreTest.row(runId, runTime, group, value)));
    return rows;
  }

  private long commits() throws IOException {
    try (Stream<Path> log = Files.list(dir.resolve("history/_delta_log"))) {
      return log.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json")).count();
    }
  }

  @Test
  void runsAppendingAtOnceToANewTableLoseNothingOneCommitEach() throws Exception {
    HistoryStore store = store();
    store.check(); // a new table: fine before any run
    assertTrue(store.isDelta());
    assertEquals(List.of(), store.read(false, spark()), "a table not yet written is empty");
    assertThrows(BadInputException.class, () -> store.read(true, spark()));
    int runs = 4;
    int rowsPerRun = 30;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    try {
      List<Future<?>> appends = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        Map<String, Double> groups = new TreeMap<>();
        for (int i = 0; i < rowsPerRun; i++) {
          groups.put("g" + i, i / 100.0);
        }
        List<HistoryRow> rows = run("run-" + r, "2026-11-01T00:00:00Z", groups);
        appends.add(
            pool.submit(
                () -> {
                  start.await();
                  store.append(rows, Instant.parse("2026-11-01T00:00:00Z"), spark());
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : appends) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Map<String, Integer> perRun = new TreeMap<>();
    store.read(true, spark()).forEach(row -> perRun.merge(row.runId(), 1, Integer::sum));
    assertEquals(runs, perRun.size(), perRun.toString());
    perRun.values().forEach(n -> assertEquals(rowsPerRun, n));
    assertEquals(runs, commits(), "one Delta commit per run");

    // the same folder without the prefix is found as Delta by its _delta_log
    HistoryStore plain = HistoryStore.at(dir.resolve("history").toString(), new Configuration());
    assertTrue(plain.isDelta());
    assertEquals(runs * rowsPerRun, plain.read(true, spark()).size());
  }

  @Test
  void anAnomalyRuleOverFiveRunsReadBackFromTheTable() throws IOException {
    HistoryStore store = store();
    double[] b = {0.90, 0.91, 0.89, 0.90, 0.91};
    double[] c = {0.90, 0.91, 0.89, 0.90, 0.91};
    List<HistoryRow> written = new ArrayList<>();
    for (int i = b.length - 1; i >= 0; i--) { // appended newest first: the reader orders by time
      String time = "2026-11-0" + (i + 1) + "T00:00:00Z";
      Map<String, Double> groups = new LinkedHashMap<>();
      groups.put("B", b[i]);
      groups.put("C", c[i]);
      List<HistoryRow> rows = run("r" + i, time, groups);
      store.append(rows, Instant.parse(time), spark());
      written.addAll(0, rows);
    }
    List<HistoryRow> read = store.read(true, spark());
    assertEquals(written, read, "every field round-trips, in run-time order");

    Path pack = dir.resolve("pack.yaml");
    Files.write(
        pack,
        List.of(
            "pack: delta-history",
            "rules:",
            "  - id: ratio-steady",
            "    metric: fairness.impact_ratio",
            "    anomaly: {stddevs: 3, last: 10}",
            "    severity: blocking"));
    MetricKey keyB = MetricCatalog.key(Family.FAIRNESS, "impact_ratio", Scope.group("race", "B"));
    MetricKey keyC = MetricCatalog.key(Family.FAIRNESS, "impact_ratio", Scope.group("race", "C"));
    List<Verdict> verdicts =
        Policy.evaluate(
                List.of(RulePackLoader.load(pack)),
                List.of(
                    new MetricResult.Computed(keyB, 0.905, 100L, null, null, null, null),
                    new MetricResult.Computed(keyC, 0.60, 100L, null, null, null, null)),
                List.of(),
                Waivers.NONE,
                LocalDate.of(2026, 12, 3),
                false,
                new Policy.Past(Map.of(), AuditHistory.of(read, "credit").runHistory()))
            .verdicts();
    Map<String, Verdict> byGroup = new LinkedHashMap<>();
    verdicts.forEach(v -> byGroup.put(v.scope().group(), v));
    // window 0.90 0.91 0.89 0.90 0.91: mean 0.902, sample sd sqrt(0.00028 / 4) = 0.0083666
    assertEquals(Status.PASS, byGroup.get("B").status(), byGroup.get("B").message());
    assertEquals(Status.FAIL, byGroup.get("C").status(), byGroup.get("C").message());
    // |0.60 - 0.902| / 0.0083666 = 36.096
    assertTrue(
        byGroup.get("C").message().contains("anomaly: 36.10 std devs from the mean 0.9020"),
        byGroup.get("C").message());
  }

  @Test
  void aFolderWithOtherFilesIsNotADeltaHistory() throws IOException {
    Files.createDirectories(dir.resolve("history"));
    Files.writeString(dir.resolve("history/notes.txt"), "not a table");
    BadInputException e = assertThrows(BadInputException.class, () -> store().check());
    assertTrue(e.getMessage().contains("no _delta_log"), e.getMessage());
  }
}
