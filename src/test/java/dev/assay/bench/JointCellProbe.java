package dev.assay.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.assay.metrics.fairness.FairnessAnalysis;
import dev.assay.metrics.fairness.FairnessInput;
import dev.assay.metrics.fairness.FairnessPlan;
import dev.assay.metrics.fairness.ScoreKey;
import dev.assay.spark.SparkSessions;
import dev.assay.spec.ResolvedSpec;
import dev.assay.spec.SpecLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A throw-away measurement (issue 21, item 2), not a test: executor CPU of the fairness family
 * against the joint-histogram cell query shapes, on the bench's lending Parquet.
 *
 * <pre>
 *   java -cp ... dev.assay.bench.JointCellProbe target/bench/lending-1000000.parquet spec.yaml [runs]
 * </pre>
 */
public final class JointCellProbe {

  private JointCellProbe() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSessions.create("local[*]", Map.of());
    if (!java.nio.file.Files.exists(Path.of(args[0]))) {
      long rows = Long.parseLong(args[3]);
      dev.assay.demo.LendingApplicants.of(spark.range(0, rows), 42L, dev.assay.demo.Cohort.CURRENT)
          .write()
          .parquet(args[0]);
    }
    Dataset<Row> data = spark.read().parquet(args[0]);
    ResolvedSpec spec = new SpecLoader(Path.of("rules").toAbsolutePath()).load(Path.of(args[1]));
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Supplier<FairnessInput> in =
        () ->
            FairnessPlan.input(
                new FairnessPlan.Request(
                    data, spec.columns(), spec.fairness(), spec.document(), "bench"));
    Column[] groups = {str("sex"), str("race"), str("age_band")};
    Column code =
        col("repaid").cast("long").multiply(4).plus(col("approved").cast("long").multiply(2));
    Map<String, Runnable> shapes = new LinkedHashMap<>();
    shapes.put(
        "scan",
        () ->
            data.select("sex", "race", "age_band", "repaid", "approved", "score")
                .write()
                .format("noop")
                .mode("overwrite")
                .save());
    shapes.put(
        "family, score_metrics false",
        () -> FairnessAnalysis.run(in.get().withExtras(in.get().extras().withoutScoreMetrics())));
    shapes.put(
        "family, auc binned",
        () -> FairnessAnalysis.run(in.get().withExtras(in.get().extras().with(ScoreKey.BINNED))));
    shapes.put("family, auc exact", () -> FairnessAnalysis.run(in.get()));
    shapes.put(
        "joint cell, no score key: count + 2 score sums",
        () ->
            data.groupBy(groups[0], groups[1], groups[2], code.as("k"))
                .agg(count(lit(1)), sum("score"), sum(col("score").multiply(col("score"))))
                .collectAsList());
    shapes.put(
        "joint cell, binned key packed: count + 2 score sums",
        () ->
            data.groupBy(
                    groups[0],
                    groups[1],
                    groups[2],
                    floor(col("score").multiply(1000).plus(1e-9)).multiply(8).plus(code).as("k"))
                .agg(count(lit(1)), sum("score"), sum(col("score").multiply(col("score"))))
                .collectAsList());
    shapes.put(
        "joint cell, exact score + code: count only",
        () ->
            data.groupBy(groups[0], groups[1], groups[2], col("score"), code.as("k"))
                .agg(count(lit(1)))
                .collectAsList());
    for (int r = 0; r < runs; r++) {
      int run = r + 1;
      shapes.forEach(
          (name, body) -> {
            ExecutorCpu.Usage<Object> u =
                ExecutorCpu.measure(
                    spark,
                    () -> {
                      body.run();
                      return null;
                    });
            System.out.printf(Locale.ROOT, "run %d | %s | %.2f%n", run, name, u.cpuSeconds());
          });
    }
    spark.stop();
  }

  private static Column str(String c) {
    return org.apache.spark.sql.functions.coalesce(col(c).cast("string"), lit("(missing)"));
  }
}
