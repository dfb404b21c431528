package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.round;

import dev.assay.spark.JobCounter;
import dev.assay.spark.SparkSessions;
import dev.assay.spec.DriftOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Prints seconds and Spark jobs for the drift family on generated data: {@code rows} reference and
 * {@code rows} current rows with 20 columns — 5 continuous (grid path), 5 rounded to 2 decimals, 5
 * integer-valued, 5 categorical — the current one shifted. Default 1,000,000 rows per side; {@code
 * --full} for the 10,000,000 + 10,000,000 of issue 4, {@code --rows N} for any other size, {@code
 * --cache} to cache the generated data first (else every job regenerates it from {@code range} and
 * {@code randn}, which is part of the time), {@code --no-classifier} to leave out the domain
 * classifier's sample job. Not a test: run it by hand with the test classpath, e.g. {@code mvn -o
 * -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test} then {@code java -Xmx3g <JVM flags of DESIGN-NOTES> -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) dev.assay.metrics.drift.DriftBenchmark
 * --full}.
 */
public final class DriftBenchmark {

  private DriftBenchmark() {}

  public static void main(String[] args) {
    long rows = 1_000_000L;
    boolean cache = false;
    boolean classifier = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> rows = 10_000_000L;
        case "--rows" -> rows = Long.parseLong(args[++i]);
        case "--cache" -> cache = true;
        case "--no-classifier" -> classifier = false;
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; use --full, --rows N, --cache, --no-classifier");
      }
    }
    SparkSession spark =
        SparkSessions.create(
            "local[*]", Map.of("spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1"));
    spark.sparkContext().setLogLevel("WARN");
    List<DriftColumn> columns = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      columns.add(
          new DriftColumn(
              "c" + i,
              "feature",
              i < 15 ? DriftColumn.Kind.NUMERIC : DriftColumn.Kind.CATEGORICAL));
    }
    Dataset<Row> reference = data(spark, rows, 1, 0.0);
    Dataset<Row> current = data(spark, rows, 2, 0.2);
    if (cache) {
      reference = reference.cache();
      current = current.cache();
      long t0 = System.nanoTime();
      reference.count();
      current.count();
      System.out.printf(
          "generated and cached 2 x %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    }
    DriftOptions options =
        new DriftOptions(
            10,
            DriftOptions.DEFAULTS.maxDistinct(),
            Map.of(),
            List.of(),
            classifier ? DriftOptions.CLASSIFIER_SAMPLE : 0);
    System.out.printf(
        "%d cores, %s, domain classifier %s%n",
        Runtime.getRuntime().availableProcessors(),
        cache ? "cached input" : "input generated in every job",
        classifier ? "on (" + DriftOptions.CLASSIFIER_SAMPLE + " rows per side)" : "off");
    for (int run = 1; run <= 3; run++) {
      long start = System.nanoTime();
      DriftOutcome[] out = new DriftOutcome[1];
      Dataset<Row> ref = reference;
      Dataset<Row> cur = current;
      ExecutorCpu cpu = new ExecutorCpu();
      spark.sparkContext().addSparkListener(cpu);
      int jobs =
          JobCounter.count(
              spark,
              () ->
                  out[0] =
                      DriftAnalysis.run(new DriftInput(ref, cur, columns, options, List.of())));
      spark.sparkContext().removeSparkListener(cpu);
      System.out.printf(
          "run %d: %d columns, 2 x %,d rows: %.1f s, %d Spark jobs, executor CPU %.1f s,"
              + " %d metrics%n",
          run,
          columns.size(),
          rows,
          (System.nanoTime() - start) / 1e9,
          jobs,
          cpu.nanos.get() / 1e9,
          out[0].metrics().size());
      out[0].metrics().stream()
          .filter(m -> m.key().metric().equals("domain_classifier_auc"))
          .forEach(m -> System.out.println("  " + m.number() + " " + m.note()));
    }
    spark.stop();
  }

  /**
   * Sums the executors' CPU time from the task metrics (less noisy than wall time on a busy
   * machine).
   */
  static final class ExecutorCpu extends org.apache.spark.scheduler.SparkListener {
    final java.util.concurrent.atomic.AtomicLong nanos =
        new java.util.concurrent.atomic.AtomicLong();

    @Override
    public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
      if (end.taskMetrics() != null) {
        nanos.addAndGet(end.taskMetrics().executorCpuTime());
      }
    }
  }

  static Dataset<Row> data(SparkSession spark, long rows, long seed, double shift) {
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Column z = randn(seed * 100 + i).plus(lit(shift));
      Column c;
      if (i < 5) {
        c = z;
      } else if (i < 10) {
        c = round(z, 2);
      } else if (i < 15) {
        c = floor(z.multiply(10));
      } else {
        c = concat(lit("k"), floor(rand(seed * 100 + i).multiply(20 + shift * 10)).cast("string"));
      }
      cols.add(c.alias("c" + i));
    }
    return spark.range(rows).select(cols.toArray(new Column[0]));
  }
}
