package dev.assay.metrics.privacy;

import dev.assay.spark.SparkSessions;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Prints rows per second of the re-identification analysis and the PII scan on synthetic rows
 * (default 1M; {@code --10m} for the 10M rows, or a number of rows). Not a test: run it by
 * hand, e.g. {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.assay.metrics.privacy.PrivacyBenchmark -Dexec.args=--10m}.
 */
public final class PrivacyBenchmark {

  private PrivacyBenchmark() {
  }

  public static void main(String[] args) {
    long rows = args.length == 0 ? 1_000_000L
        : args[0].equals("--10m") ? 10_000_000L : Long.parseLong(args[0]);
    SparkSession spark = SparkSessions.create("local[*]", Map.of("spark.driver.host", "127.0.0.1"));
    Column id = functions.col("id");
    Dataset<Row> data = spark.range(rows).select(
        id.mod(80).plus(18).as("age"),
        functions.when(id.mod(2).equalTo(0), "F").otherwise("M").as("sex"),
        functions.xxhash64(id).mod(5000).as("zip"),
        functions.xxhash64(id, functions.lit(1)).mod(12).cast("string").as("diagnosis"),
        functions.when(id.mod(1000).equalTo(0), functions.lit("card 4111 1111 1111 1111"))
            .when(id.mod(1000).equalTo(1), functions.lit("mail a.b@example.org"))
            .otherwise(functions.concat(functions.lit("note "), id.cast("string"), functions.lit(" all fine")))
            .as("note"));
    time("re-identification (age, sex, zip; diagnosis)", rows,
        () -> ReidentificationAnalysis.run(data, List.of("age", "sex", "zip"), "diagnosis", 5));
    time("PII scan (1 column, " + PiiType.values().length + " types, masked examples)", rows,
        () -> PiiScan.run(data, List.of("note")));
    spark.stop();
  }

  private static void time(String what, long rows, Runnable body) {
    body.run(); // warm-up
    long start = System.nanoTime();
    body.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %d rows in %.2f s = %.0f rows/s%n", what, rows, seconds, rows / seconds);
  }
}
