package dev.assay.metrics.privacy;

import dev.assay.spark.JobCounter;
import dev.assay.spark.SparkSessions;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Prints rows per second, Spark jobs and the executors' CPU time (summed from the task metrics,
 * steadier than wall time on a busy machine) of the re-identification analysis, the PII scan and
 * the threshold membership attack by group on synthetic rows (default 1M; {@code --10m} for the
 * issue's 10M rows, or a number of rows). Not a test: run it by hand, e.g. {@code mvn -q
 * test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.assay.metrics.privacy.PrivacyBenchmark -Dexec.args=--10m}.
 */
public final class PrivacyBenchmark {

  private PrivacyBenchmark() {}

  public static void main(String[] args) {
    long rows =
        args.length == 0
            ? 1_000_000L
            : args[0].equals("--10m") ? 10_000_000L : Long.parseLong(args[0]);
    SparkSession spark = SparkSessions.create("local[2]", Map.of("spark.driver.host", "127.0.0.1"));
    Column id = functions.col("id");
    Dataset<Row> data =
        spark
            .range(rows)
            .select(
                id.mod(80).plus(18).as("age"),
                functions.when(id.mod(2).equalTo(0), "F").otherwise("M").as("sex"),
                functions.xxhash64(id).mod(5000).as("zip"),
                functions.xxhash64(id, functions.lit(1)).mod(12).cast("string").as("diagnosis"),
                functions
                    .when(id.mod(1000).equalTo(0), functions.lit("card 4111 1111 1111 1111"))
                    .when(id.mod(1000).equalTo(1), functions.lit("mail a.b@example.org"))
                    .otherwise(
                        functions.concat(
                            functions.lit("note "), id.cast("string"), functions.lit(" all fine")))
                    .as("note"),
                id.mod(2).equalTo(0).as("member"),
                functions
                    .abs(functions.xxhash64(id, functions.lit(2)).mod(10001))
                    .cast("double")
                    .divide(10000)
                    .as("p"),
                functions.when(id.mod(3).equalTo(0), 1).otherwise(0).as("y"));
    time(
        "re-identification (age, sex, zip; diagnosis)",
        rows,
        () -> ReidentificationAnalysis.run(data, List.of("age", "sex", "zip"), "diagnosis", 5));
    time(
        "PII scan (1 column, " + PiiType.values().length + " types, masked examples)",
        rows,
        () -> PiiScan.run(data, List.of("note")));
    dev.assay.spark.BinaryColumn member =
        dev.assay.spark.BinaryColumn.of(
            "member", "member", org.apache.spark.sql.types.DataTypes.BooleanType, "true", "bench");
    dev.assay.spark.BinaryColumn label =
        dev.assay.spark.BinaryColumn.of(
            "label", "y", org.apache.spark.sql.types.DataTypes.IntegerType, "1", "bench");
    time(
        "membership threshold attack (by sex, diagnosis)",
        rows,
        () ->
            MembershipAnalysis.run(data, member, label, "p", List.of("sex", "diagnosis"), "bench"));
    spark.stop();
  }

  private static void time(String what, long rows, Runnable body) {
    SparkSession spark = SparkSession.active();
    body.run(); // warm-up
    for (int run = 1; run <= 3; run++) {
      ExecutorCpu cpu = new ExecutorCpu();
      spark.sparkContext().addSparkListener(cpu);
      long start = System.nanoTime();
      int jobs = JobCounter.count(spark, body);
      double seconds = (System.nanoTime() - start) / 1e9;
      spark.sparkContext().removeSparkListener(cpu);
      System.out.printf(
          "%s, run %d: %d rows in %.2f s = %.0f rows/s, %d Spark jobs, executor CPU %.2f s%n",
          what, run, rows, seconds, rows / seconds, jobs, cpu.nanos.get() / 1e9);
    }
  }

  /** Sums the executors' CPU time from the task metrics. */
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
}
