package dev.assay.metrics.drift;

import static dev.assay.metrics.drift.DriftAnalysisTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.ChunkUnit;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spark.TimeChunks;
import dev.assay.spec.DriftOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Drift per time chunk: each week of the current data against the whole reference, a drift planted
 * in the second week, in the family's usual two jobs.
 */
class ChunkedDriftTest {

  private static final double EPS = 1e-12;

  private static final List<DriftColumn> COLUMNS =
      List.of(new DriftColumn("k", "feature", DriftColumn.Kind.CATEGORICAL));

  /** Reference: k = a ×4, b ×4. */
  static Dataset<Row> reference() {
    return SharedSpark.get()
        .sql("SELECT k FROM VALUES ('a'), ('a'), ('a'), ('a'), ('b'), ('b'), ('b'), ('b') AS t(k)");
  }

  /** Current: week 1 a a b b, week 2 c c c c (the planted drift), week 3 a b a b. */
  static Dataset<Row> current() {
    return SharedSpark.get()
        .sql(
            "SELECT CAST(ts AS DATE) AS ts, k FROM VALUES"
                + " ('2024-01-01', 'a'), ('2024-01-02', 'a'), ('2024-01-03', 'b'),"
                + " ('2024-01-07', 'b'), ('2024-01-08', 'c'), ('2024-01-09', 'c'),"
                + " ('2024-01-10', 'c'), ('2024-01-14', 'c'), ('2024-01-15', 'a'),"
                + " ('2024-01-16', 'b'), ('2024-01-17', 'a'), ('2024-01-21', 'b')"
                + " AS t(ts, k)");
  }

  static DriftInput input() {
    return new DriftInput(
        reference(),
        current(),
        COLUMNS,
        new DriftOptions(10, 100_000, Map.of(), List.of(), 0),
        List.of());
  }

  static double chunk(List<MetricResult> m, String metric, Scope scope) {
    return m.stream()
        .filter(r -> r.key().metric().equals(metric) && r.key().scope().equals(scope))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + scope))
        .number()
        .orElseThrow();
  }

  @Test
  void eachWeekIsComparedWithTheWholeReferenceInTheSameTwoJobs() {
    DriftInput in = input();
    TimeChunks weeks = new TimeChunks("ts", ChunkUnit.WEEK);
    DriftOutcome[] out = new DriftOutcome[2];
    assertEquals(2, JobCounter.count(SharedSpark.get(), () -> out[1] = DriftAnalysis.run(in)));
    assertEquals(
        2, JobCounter.count(SharedSpark.get(), () -> out[0] = DriftAnalysis.run(in, weeks)));
    List<MetricResult> m = out[0].metrics();
    Scope k1 = Scope.column("k").withChunk("2024-01-01/2024-01-08");
    Scope k2 = Scope.column("k").withChunk("2024-01-08/2024-01-15");
    Scope k3 = Scope.column("k").withChunk("2024-01-15/2024-01-22");
    // week 1 and 3: a and b half each, as in the reference; week 2: only c, never in the reference
    assertEquals(0.0, chunk(m, "total_variation", k1), EPS);
    assertEquals(1.0, chunk(m, "total_variation", k2), EPS);
    assertEquals(0.0, chunk(m, "total_variation", k3), EPS);
    assertEquals(1.0, chunk(m, "unseen_share_current", k2), EPS);
    // chi-squared of [[4 4 0] [0 0 4]]: expected 8/3 4/3 per cell... = 12 on 2 df
    assertEquals(12.0, chunk(m, "chi2_statistic", k2), EPS);
    assertEquals(Math.exp(-6), chunk(m, "chi2_p_value", k2), 1e-12);
    assertEquals(
        1.0, chunk(m, "drift_share", Scope.DATASET.withChunk("2024-01-08/2024-01-15")), EPS);
    assertEquals(
        0.0, chunk(m, "drift_share", Scope.DATASET.withChunk("2024-01-01/2024-01-08")), EPS);
    // the whole current data (a, b, c a third each) against the reference, as without chunks
    assertEquals(1.0 / 3, value(m, "total_variation", "k"), EPS);
    assertEquals(
        out[1].metrics().stream().sorted().toList(),
        m.stream().filter(r -> r.key().scope().chunk() == null).sorted().toList());
    assertTrue(out[0].notes().stream().anyMatch(n -> n.contains("3 chunks of one week by column")));
  }

  @Test
  void moreThanTheMostChunksIsBadInputNamingTheChunk() {
    TimeChunks days = new TimeChunks("ts", ChunkUnit.DAY);
    days.checkCount(TimeChunks.MAX_CHUNKS);
    BadInputException e =
        assertThrows(BadInputException.class, () -> days.checkCount(TimeChunks.MAX_CHUNKS + 1));
    assertEquals(
        "chunk: day splits the current data into 401 chunks by column 'ts'; at most 400 are"
            + " reported. Choose a longer chunk (week or month).",
        e.getMessage());
  }
}
