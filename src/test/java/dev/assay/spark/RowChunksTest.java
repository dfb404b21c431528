package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chunks of a row count ({@code chunk: {rows: N}}) on small hand-counted data: a boundary through
 * equal timestamps, duplicate rows across a boundary, a smaller last chunk, N larger than the data,
 * the same chunks however the rows are partitioned, and the Spark jobs the ordering costs.
 */
class RowChunksTest {

  /**
   * Seven dated rows and one without a timestamp: a; b c d at the same time; e; f g at the same
   * time.
   */
  static Dataset<Row> ties() {
    return SharedSpark.get()
        .sql(
            "SELECT CAST(ts AS TIMESTAMP) AS ts, id, v FROM VALUES"
                + " ('2024-01-01 00:00:00', 1, 'a'), ('2024-01-02 00:00:00', 2, 'b'),"
                + " ('2024-01-02 00:00:00', 3, 'c'), ('2024-01-02 00:00:00', 4, 'd'),"
                + " ('2024-01-03 00:00:00', 5, 'e'), ('2024-01-04 00:00:00', 6, 'f'),"
                + " ('2024-01-04 00:00:00', 7, 'g'), (NULL, 8, 'h')"
                + " AS t(ts, id, v)");
  }

  /** Row id → its chunk key. */
  static Map<Integer, String> keys(Dataset<Row> df, Chunks chunks) {
    Map<Integer, String> out = new TreeMap<>();
    for (Row r : df.select(functions.col("id"), chunks.key()).collectAsList()) {
      out.put(r.getInt(0), r.getString(1));
    }
    return out;
  }

  /**
   * The definition written out in Java: dated rows sorted by (timestamp, xxhash64 of the row), the
   * i-th (from 0) in chunk i / n; only the hash comes from Spark, the order and cut do not.
   */
  static Map<Integer, String> expected(Dataset<Row> df, int n) {
    List<Row> rows =
        new ArrayList<>(
            df.where("ts IS NOT NULL")
                .select(
                    functions.col("id"),
                    functions.unix_micros(functions.col("ts")),
                    functions.xxhash64(
                        functions.col("ts"), functions.col("id"), functions.col("v")))
                .collectAsList());
    rows.sort(
        Comparator.<Row>comparingLong(r -> r.getLong(1)).thenComparingLong(r -> r.getLong(2)));
    Map<Integer, String> out = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      out.put(rows.get(i).getInt(0), String.format("%03d", i / n));
    }
    out.put(8, Chunks.MISSING);
    return out;
  }

  @Test
  void aBoundaryThroughEqualTimestampsSplitsThemByTheRowHashAndTheLastChunkIsSmaller() {
    SparkSession spark = SharedSpark.get();
    RowChunks[] chunks = new RowChunks[1];
    // the count with the bucket bounds, the rows per bucket, the window: three jobs
    assertEquals(
        3,
        JobCounter.count(
            spark, () -> chunks[0] = RowChunks.plan(ties(), "ts", 3, 2, "audit.yaml:9")));
    Map<Integer, String> keys = keys(ties(), chunks[0]);
    assertEquals(expected(ties(), 3), keys);
    // by hand: a first; b c d split 2 | 1 across rows 3 and 4; e in the middle; f g split 1 | 1
    assertEquals("000", keys.get(1));
    assertEquals("001", keys.get(5));
    assertEquals(
        List.of("000", "000", "001"),
        List.of(keys.get(2), keys.get(3), keys.get(4)).stream().sorted().toList());
    assertEquals(
        List.of("001", "002"), List.of(keys.get(6), keys.get(7)).stream().sorted().toList());
    assertEquals(Chunks.MISSING, keys.get(8));
    assertEquals("rows 1-3", chunks[0].interval("000"));
    assertEquals("rows 4-6", chunks[0].interval("001"));
    assertEquals("rows 7-7", chunks[0].interval("002"), "the smaller last chunk is kept");
    assertEquals(Chunks.MISSING, chunks[0].interval(Chunks.MISSING));
    assertEquals(7, chunks[0].rows());
  }

  /** Three plans, each three jobs: under the slow tag. */
  @Test
  @Tag("slow")
  void theChunksAreTheSameHoweverTheRowsArePartitionedOrBucketed() {
    Map<Integer, String> first = keys(ties(), RowChunks.plan(ties(), "ts", 3, 2, "x"));
    for (int buckets : new int[] {1, 3}) {
      Dataset<Row> shuffled = ties().repartition(3, functions.col("v")).sortWithinPartitions("v");
      RowChunks chunks = RowChunks.plan(shuffled, "ts", 3, buckets, "x");
      assertEquals(first, keys(shuffled, chunks), buckets + " buckets");
      assertEquals(first, keys(ties(), chunks), buckets + " buckets, read again");
    }
  }

  @Test
  void duplicateRowsAcrossABoundaryStayTogether() {
    Dataset<Row> df =
        SharedSpark.get()
            .sql(
                "SELECT CAST(ts AS TIMESTAMP) AS ts, id, v FROM VALUES"
                    + " ('2024-01-01 00:00:00', 1, 'a'), ('2024-01-02 00:00:00', 2, 'd'),"
                    + " ('2024-01-02 00:00:00', 2, 'd'), ('2024-01-02 00:00:00', 2, 'd'),"
                    + " ('2024-01-03 00:00:00', 5, 'e')"
                    + " AS t(ts, id, v)");
    // rows 1-2, 3-4, 5 by count; but rows 2-4 are one row thrice: the boundary at row 3 moves
    // back to row 2, so the chunks are rows 1-1, 2-4 and 5-5
    RowChunks chunks = RowChunks.plan(df, "ts", 2, 2, "x");
    Map<Integer, String> keys = keys(df, chunks);
    assertEquals(Map.of(1, "000", 2, "001", 5, "002"), keys);
    assertEquals("rows 1-1", chunks.interval("000"));
    assertEquals("rows 2-4", chunks.interval("001"));
    assertEquals("rows 5-5", chunks.interval("002"));
  }

  @Test
  void moreRowsPerChunkThanTheDataIsOneChunkInOneJob() {
    RowChunks[] chunks = new RowChunks[1];
    assertEquals(
        1,
        JobCounter.count(
            SharedSpark.get(), () -> chunks[0] = RowChunks.plan(ties(), "ts", 100, 2, "x")));
    Map<Integer, String> keys = keys(ties(), chunks[0]);
    assertEquals(
        List.of("000"), keys.values().stream().filter(k -> !k.startsWith("(")).distinct().toList());
    assertEquals("rows 1-7", chunks[0].interval("000"));
    assertTrue(
        chunks[0].describe(List.of("000", Chunks.MISSING)).startsWith("1 chunk of 100 rows"));
  }

  @Test
  void moreThanTheMostChunksIsBadInputNamingTheKey() {
    Dataset<Row> df =
        SharedSpark.get()
            .range(401)
            .select(functions.timestamp_seconds(functions.col("id")).alias("ts"));
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> RowChunks.plan(df, "ts", 1, 2, "audit.yaml:11"));
    assertEquals(
        "audit.yaml:11: chunk.rows 1 splits the 401 current rows with a timestamp into 401 chunks;"
            + " at most 400 are reported. Choose chunk.rows of at least 2.",
        e.getMessage());
  }
}
