package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.FairnessAnalysisTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.ChunkUnit;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spark.TimeChunks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * Fairness per time chunk ({@code chunk: week}) on three hand-counted ISO weeks, in the family's
 * one Spark job.
 */
class ChunkedFairnessTest {

  private static final double EPS = 1e-12;

  static final String WEEK_1 = "2024-01-01/2024-01-08";
  static final String WEEK_2 = "2024-01-08/2024-01-15";
  static final String WEEK_3 = "2024-01-15/2024-01-22";

  /**
   * Labels alternate 1 0 1 0 within each group and week. Predicted positives: week 1 A 2 of 4, B 2
   * of 4; week 2 A 3 of 4, B 1 of 4 (B's last row on Sunday 23:30, still week 2); week 3 A 2 of 4,
   * B 2 of 4 (A's first row on Monday 00:15, already week 3); one more A row (y 1, p 1) without a
   * timestamp.
   */
  static Dataset<Row> data() {
    SparkSession spark = SharedSpark.get();
    return spark.sql(
        "SELECT CAST(ts AS TIMESTAMP) AS ts, grp, y, p FROM VALUES"
            + " ('2024-01-01 09:00:00', 'A', 1, 1), ('2024-01-02 09:00:00', 'A', 0, 1),"
            + " ('2024-01-03 09:00:00', 'A', 1, 0), ('2024-01-04 09:00:00', 'A', 0, 0),"
            + " ('2024-01-01 10:00:00', 'B', 1, 1), ('2024-01-05 10:00:00', 'B', 0, 1),"
            + " ('2024-01-06 10:00:00', 'B', 1, 0), ('2024-01-07 10:00:00', 'B', 0, 0),"
            + " ('2024-01-08 09:00:00', 'A', 1, 1), ('2024-01-09 09:00:00', 'A', 0, 1),"
            + " ('2024-01-10 09:00:00', 'A', 1, 1), ('2024-01-11 09:00:00', 'A', 0, 0),"
            + " ('2024-01-08 10:00:00', 'B', 1, 1), ('2024-01-09 10:00:00', 'B', 0, 0),"
            + " ('2024-01-10 10:00:00', 'B', 1, 0), ('2024-01-14 23:30:00', 'B', 0, 0),"
            + " ('2024-01-15 00:15:00', 'A', 1, 1), ('2024-01-16 09:00:00', 'A', 0, 1),"
            + " ('2024-01-17 09:00:00', 'A', 1, 0), ('2024-01-18 09:00:00', 'A', 0, 0),"
            + " ('2024-01-15 10:00:00', 'B', 1, 1), ('2024-01-16 10:00:00', 'B', 0, 1),"
            + " ('2024-01-17 10:00:00', 'B', 1, 0), ('2024-01-21 10:00:00', 'B', 0, 0),"
            + " (NULL, 'A', 1, 1)"
            + " AS t(ts, grp, y, p)");
  }

  static FairnessInput input(Dataset<Row> df) {
    return FairnessInput.of(
        df,
        new FairnessInput.Outcomes(
            BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test"),
            BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test"),
            null,
            null,
            true,
            null),
        List.of(new Slice(List.of("grp"))),
        1);
  }

  @Test
  void perWeekRatesAndDisparitiesMatchTheHandCountsInTheSameOneJob() {
    FairnessInput in = input(data());
    TimeChunks weeks = new TimeChunks("ts", ChunkUnit.WEEK);
    List<FairnessOutcome> out = new ArrayList<>();
    assertEquals(
        1,
        JobCounter.count(
            SharedSpark.get(),
            () -> out.add(FairnessAnalysis.run(in, ModelComparison.NONE, weeks))));
    List<MetricResult> m = out.get(0).metrics();

    Scope a2 = Scope.group("grp", "A").withChunk(WEEK_2);
    Scope b2 = Scope.group("grp", "B").withChunk(WEEK_2);
    assertEquals(0.75, value(m, "selection_rate", a2), EPS);
    assertEquals(0.25, value(m, "selection_rate", b2), EPS);
    // TPR: A's week-2 positives (rows 1 and 3) both predicted 1; B's: 1 of 2
    assertEquals(1.0, value(m, "true_positive_rate", a2), EPS);
    assertEquals(0.5, value(m, "true_positive_rate", b2), EPS);
    Scope grp2 = Scope.attribute("grp").withChunk(WEEK_2);
    assertEquals(0.5, value(m, "demographic_parity_difference", grp2), EPS);
    assertEquals(0.25 / 0.75, value(m, "demographic_parity_ratio", grp2), EPS);
    for (String week : List.of(WEEK_1, WEEK_3)) {
      Scope grp = Scope.attribute("grp").withChunk(week);
      assertEquals(0.0, value(m, "demographic_parity_difference", grp), EPS, week);
      assertEquals(0.5, value(m, "selection_rate", Scope.group("grp", "A").withChunk(week)), EPS);
    }
    assertEquals(8, value(m, "count", Scope.DATASET.withChunk(WEEK_2)), EPS);
    // the row without a timestamp is in the whole data, in no chunk
    assertEquals(8.0 / 13, value(m, "selection_rate", Scope.group("grp", "A")), EPS);
    assertEquals(5.0 / 12, value(m, "selection_rate", Scope.group("grp", "B")), EPS);
    assertTrue(
        m.stream().noneMatch(r -> TimeChunks.MISSING.equals(r.key().scope().chunk())),
        "no missing chunk");
    assertTrue(
        out.get(0).notes().stream()
            .anyMatch(n -> n.contains("3 chunks of one week") && n.contains("1 rows without")),
        out.get(0).notes().toString());
  }

  @Test
  void theWholeDataMetricsAreTheSameWithAndWithoutChunks() {
    FairnessInput in = input(data());
    List<MetricResult> plain = FairnessAnalysis.run(in).metrics();
    List<MetricResult> chunked =
        FairnessAnalysis.run(in, ModelComparison.NONE, new TimeChunks("ts", ChunkUnit.MONTH))
            .metrics();
    assertEquals(
        plain.stream().sorted().toList(),
        chunked.stream().filter(r -> r.key().scope().chunk() == null).sorted().toList());
    // one month: its chunk's selection rates are the whole data's without the undated row
    assertEquals(
        7.0 / 12,
        value(
            chunked, "selection_rate", Scope.group("grp", "A").withChunk("2024-01-01/2024-02-01")),
        EPS);
  }
}
