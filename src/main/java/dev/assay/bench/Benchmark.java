package dev.assay.bench;

import dev.assay.demo.Cohort;
import dev.assay.demo.LendingApplicants;
import dev.assay.metrics.fairness.FairnessAnalysis;
import dev.assay.metrics.fairness.FairnessInput;
import dev.assay.metrics.fairness.Slice;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.JobCounter;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Measures what an audit costs as the data grows, with figures, not assertions: for each size it
 * generates synthetic lending data (the demo generator: three sensitive attributes, label, score,
 * prediction) as Parquet once, then times a bare Spark scan of the audited columns (the floor any
 * audit pays) and the fairness family over the same columns, and prints wall seconds, rows per
 * second, Spark jobs and stages, peak driver heap, and the audit ÷ scan ratio.
 */
public final class Benchmark {

  /** Columns the fairness family reads. */
  static final List<String> COLUMNS = List.of("sex", "race", "age_band", "repaid", "approved", "score");

  /** One measurement. */
  public record Figure(String what, long rows, double seconds, int jobs, int stages, long peakHeapMb) {

    public double rowsPerSecond() {
      return rows / seconds;
    }
  }

  private Benchmark() {
  }

  /** Runs every size and prints a table to {@code out}; returns the figures. */
  public static List<Figure> run(SparkSession spark, Path dir, List<Long> sizes, long seed, PrintStream out) {
    List<Figure> figures = new ArrayList<>();
    out.printf(Locale.ROOT, "%-10s %12s %9s %14s %5s %7s %9s %8s%n", "what", "rows", "seconds",
        "rows/s", "jobs", "stages", "heap MB", "÷ scan");
    for (long rows : sizes) {
      String path = dir.resolve("lending-" + rows + ".parquet").toString();
      if (!Files.isDirectory(Path.of(path))) {
        LendingApplicants.of(spark.range(0, rows), seed, Cohort.CURRENT).write().parquet(path);
      }
      Dataset<Row> data = spark.read().parquet(path);
      // The first run of each query pays class loading, code generation and JIT: not measured.
      measure(spark, "warm-up", rows, () -> scan(data));
      measure(spark, "warm-up", rows, () -> FairnessAnalysis.run(input(data)));
      Figure scan = measure(spark, "scan", rows, () -> scan(data));
      Figure fairness = measure(spark, "fairness", rows, () -> FairnessAnalysis.run(input(data)));
      for (Figure f : List.of(scan, fairness)) {
        out.printf(Locale.ROOT, "%-10s %12d %9.2f %14.0f %5d %7d %9d %8.2f%n", f.what(), f.rows(),
            f.seconds(), f.rowsPerSecond(), f.jobs(), f.stages(), f.peakHeapMb(), f.seconds() / scan.seconds());
      }
      figures.add(scan);
      figures.add(fairness);
    }
    return figures;
  }

  /** Reads every value of the audited columns and throws them away (Spark's noop sink). */
  private static void scan(Dataset<Row> data) {
    data.select(COLUMNS.stream().map(functions::col).toArray(org.apache.spark.sql.Column[]::new))
        .write().format("noop").mode("overwrite").save();
  }

  private static FairnessInput input(Dataset<Row> data) {
    String source = "benchmark data";
    BinaryColumn label = BinaryColumn.of("label", "repaid", data.schema().apply("repaid").dataType(), "1", source);
    BinaryColumn prediction = BinaryColumn.of("prediction", "approved",
        data.schema().apply("approved").dataType(), "1", source);
    return new FairnessInput(data, label, prediction, "score", null,
        List.of(new Slice(List.of("sex")), new Slice(List.of("race")), new Slice(List.of("age_band")),
            new Slice(List.of("sex", "race"))), true, 30);
  }

  private static Figure measure(SparkSession spark, String what, long rows, Runnable body) {
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    JobCounter.Counts counts = JobCounter.measure(spark, body);
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    return new Figure(what, rows, seconds, counts.jobs(), counts.stages(), peak.get() / (1024 * 1024));
  }
}
