package dev.assay.metrics.fairness;

import static org.apache.spark.sql.functions.col;

import dev.assay.demo.Cohort;
import dev.assay.demo.LendingApplicants;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * A throw-away measurement (issue 21, item 2), not a test: executor CPU of the fairness family with
 * and without the cell estimate that skips the exact attempt ({@link FairnessJob#estimatedCells}),
 * on the bench's lending data at N rows (seed 42, four-decimal scores: over the exact bound) and on
 * the same rows with the score rounded to three decimals (under it). Figures in docs/fairness.md.
 *
 * <pre>
 *   java -cp ... dev.assay.metrics.fairness.FallbackProbe DIR [rows] [runs] [only|only2...]
 * </pre>
 */
public final class FallbackProbe {

  private FallbackProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long n = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    String only = args.length > 3 ? args[3] : "";
    SparkSession spark = SparkSessions.create("local[*]", Map.of());
    Path four = dir.resolve("lending-" + n + ".parquet");
    Path three = dir.resolve("lending-3dec-" + n + ".parquet");
    if (!Files.exists(four)) {
      LendingApplicants.of(spark.range(0, n), 42, Cohort.CURRENT).write().parquet(four.toString());
    }
    if (!Files.exists(three)) {
      spark
          .read()
          .parquet(four.toString())
          .withColumn("score", functions.round(col("score"), 3))
          .write()
          .parquet(three.toString());
    }
    Dataset<Row> d4 = spark.read().parquet(four.toString());
    Dataset<Row> d3 = spark.read().parquet(three.toString());
    Map<String, Supplier<Object>> shapes = new LinkedHashMap<>();
    shapes.put(
        "scan",
        () -> {
          d4.select("sex", "race", "age_band", "repaid", "approved", "score")
              .write()
              .format("noop")
              .mode("overwrite")
              .save();
          return null;
        });
    shapes.put("estimate, 4 decimals", () -> FairnessJob.plan(input(d4)).estimatedCells());
    shapes.put("estimate, 3 decimals", () -> FairnessJob.plan(input(d3)).estimatedCells());
    for (Dataset<Row> d : List.of(d4, d3)) {
      String which = d == d4 ? "4 decimals" : "3 decimals";
      FairnessInput in = input(d);
      SliceColumns sc = SliceColumns.of(in.slices());
      Dataset<Row> withCells = sc.addTo(d);
      List<org.apache.spark.sql.Column> cs = new java.util.ArrayList<>();
      for (int i = 0; i < sc.columns().size(); i++) {
        cs.add(col(GroupLimit.groupColumn(i)));
      }
      cs.add(functions.coalesce(col("score"), functions.lit(Double.NaN)));
      org.apache.spark.sql.Column h =
          functions.xxhash64(cs.toArray(new org.apache.spark.sql.Column[0]));
      org.apache.spark.sql.Column raw =
          functions.xxhash64(col("sex"), col("race"), col("age_band"), col("score"));
      shapes.put(
          "hll 0.05, " + which,
          () -> withCells.agg(functions.approx_count_distinct(h, 0.05)).first().getLong(0));
      shapes.put("distinct hash, " + which, () -> withCells.select(h).distinct().count());
      shapes.put("distinct raw hash, " + which, () -> d.select(raw).distinct().count());
    }
    shapes.put("family, 4 decimals, before", () -> family(d4, false));
    shapes.put("family, 4 decimals, after", () -> family(d4, true));
    shapes.put("family, 3 decimals, before", () -> family(d3, false));
    shapes.put("family, 3 decimals, after", () -> family(d3, true));
    ProbeRuns.print(
        spark,
        shapes,
        runs,
        name -> only.isEmpty() || Arrays.stream(only.split("\\|")).anyMatch(name::contains),
        out -> out == null ? "" : out.toString());
    spark.stop();
  }

  private static FairnessInput input(Dataset<Row> data) {
    BinaryColumn label = BinaryColumn.of("label", "repaid", DataTypes.IntegerType, "1", "probe");
    BinaryColumn prediction =
        BinaryColumn.of("prediction", "approved", DataTypes.IntegerType, "1", "probe");
    return FairnessInput.of(
        data,
        FairnessInput.Outcomes.of(label, prediction, "score"),
        List.of(
            new Slice(List.of("sex")),
            new Slice(List.of("race")),
            new Slice(List.of("age_band")),
            new Slice(List.of("sex", "race"))),
        30);
  }

  /** The family's run; a short digest of what it says about the path and the whole data set. */
  private static String family(Dataset<Row> data, boolean estimate) {
    FairnessOutcome o =
        FairnessAnalysis.run(
            input(data),
            ModelComparison.NONE,
            null,
            FairnessJob.EXACT_MAX_CELLS,
            estimate ? FairnessJob.CELL_ESTIMATE_MIN_BYTES : Long.MAX_VALUE);
    String path =
        o.notes().stream().anyMatch(s -> s.contains("HyperLogLog"))
            ? "skipped the exact attempt"
            : o.notes().stream().anyMatch(s -> s.contains("second pass"))
                ? "exact attempt, then fallback"
                : "exact";
    StringBuilder digest = new StringBuilder(path);
    for (String metric : List.of("auc", "scoring_rate", "expected_calibration_error")) {
      o.metrics().stream()
          .filter(
              m ->
                  m.key().metric().equals(metric)
                      && m.key().scope().attribute() == null
                      && m.key().scope().chunk() == null)
          .findFirst()
          .ifPresent(m -> digest.append(' ').append(metric).append('=').append(m.number()));
    }
    return digest.toString();
  }
}
