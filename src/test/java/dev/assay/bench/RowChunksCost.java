package dev.assay.bench;

import dev.assay.core.ChunkUnit;
import dev.assay.metrics.fairness.ChunkedFairnessTest;
import dev.assay.metrics.fairness.FairnessAnalysis;
import dev.assay.metrics.fairness.FairnessInput;
import dev.assay.metrics.fairness.ModelComparison;
import dev.assay.spark.Chunks;
import dev.assay.spark.RowChunks;
import dev.assay.spark.SparkSessions;
import dev.assay.spark.TimeChunks;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What row chunks ({@code chunk: {rows: N}}) cost, in executor CPU (docs/drift.md): the ordering
 * ({@link RowChunks#plan}, three jobs) and the fairness job with the row chunk key (a hash of the
 * row and a binary search per row), against the same job without chunks and with week chunks, on
 * cached synthetic data (timestamps with many ties). Not a test: run it by hand with the test
 * classpath as DriftBenchmark says, with {@code --rows N} (default 1,000,000) and {@code --chunk N}
 * rows per chunk (default rows / 100).
 */
public final class RowChunksCost {

  private RowChunksCost() {}

  public static void main(String[] args) {
    long rows = 1_000_000L;
    long chunk = -1;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--rows")) {
        rows = Long.parseLong(args[++i]);
      } else if (args[i].equals("--chunk")) {
        chunk = Long.parseLong(args[++i]);
      }
    }
    long size = chunk > 0 ? chunk : Math.max(1, rows / 100);
    SparkSession spark =
        SparkSessions.create(
            "local[2]", Map.of("spark.sql.shuffle.partitions", "8", "spark.ui.enabled", "false"));
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> data =
        spark
            .range(rows)
            .selectExpr(
                "timestamp_seconds(1704067200 + (id * 7919) % " + Math.max(1, rows / 3) + ") AS ts",
                "IF(id % 2 = 0, 'A', 'B') AS grp",
                "CAST((id * 31) % 5 < 2 AS INT) AS y",
                "CAST((id * 17) % 3 = 0 AS INT) AS p",
                "id * 1.5 AS x")
            .cache();
    System.out.println("rows: " + data.count() + ", rows per chunk: " + size);
    FairnessInput in = ChunkedFairnessTest.input(data);
    int buckets = 8;
    report(spark, "fairness, no chunks", () -> FairnessAnalysis.run(in));
    Chunks weeks = new TimeChunks("ts", ChunkUnit.WEEK);
    report(
        spark,
        "fairness, week chunks",
        () -> FairnessAnalysis.run(in, ModelComparison.NONE, weeks));
    RowChunks rowChunks =
        report(
                spark,
                "row chunks: the ordering (plan)",
                () -> RowChunks.plan(data, "ts", size, buckets, "bench"))
            .result();
    report(
        spark,
        "fairness, row chunks",
        () -> FairnessAnalysis.run(in, ModelComparison.NONE, rowChunks));
    spark.stop();
  }

  private static <T> ExecutorCpu.Usage<T> report(
      SparkSession spark, String what, Supplier<T> body) {
    body.get(); // warm-up: code generation and class loading
    ExecutorCpu.Usage<T> usage = ExecutorCpu.measure(spark, body);
    System.out.printf(
        "%-36s executor CPU %6.2f s over %d tasks%n", what, usage.cpuSeconds(), usage.tasks());
    return usage;
  }
}
