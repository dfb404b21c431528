package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.col;
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
 * Prints seconds and Spark jobs for the drift family on generated data: {@code rows} reference
 * and {@code rows} current rows (default 10,000,000 each) with 20 columns — 5 continuous (grid
 * path), 5 rounded to 2 decimals, 5 integer-valued, 5 categorical — the current one shifted.
 * Not a test: run it by hand, e.g.
 * {@code mvn -o -q test-compile exec:java} is not configured, so use the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(cat target/classpath-provided.txt):$(cat target/classpath-runtime.txt) dev.assay.metrics.drift.DriftBenchmark 10000000}
 * (with the JVM flags of DESIGN-NOTES).
 */
public final class DriftBenchmark {

  private DriftBenchmark() {
  }

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    SparkSession spark = SparkSessions.create("local[*]", Map.of("spark.ui.enabled", "false",
        "spark.driver.host", "127.0.0.1"));
    spark.sparkContext().setLogLevel("WARN");
    List<DriftColumn> columns = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      columns.add(new DriftColumn("c" + i, "feature",
          i < 15 ? DriftColumn.Kind.NUMERIC : DriftColumn.Kind.CATEGORICAL));
    }
    Dataset<Row> reference = data(spark, rows, 1, 0.0).cache();
    Dataset<Row> current = data(spark, rows, 2, 0.2).cache();
    long t0 = System.nanoTime();
    reference.count();
    current.count();
    System.out.printf("generated and cached 2 x %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    for (int run = 1; run <= 2; run++) {
      long start = System.nanoTime();
      DriftOutcome[] out = new DriftOutcome[1];
      int jobs = JobCounter.count(spark, () -> out[0] = DriftAnalysis.run(new DriftInput(reference,
          current, columns, DriftOptions.DEFAULTS, List.of())));
      System.out.printf("run %d: %d columns, 2 x %,d rows: %.1f s, %d Spark jobs, %d metrics%n", run,
          columns.size(), rows, (System.nanoTime() - start) / 1e9, jobs, out[0].metrics().size());
    }
    spark.stop();
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
