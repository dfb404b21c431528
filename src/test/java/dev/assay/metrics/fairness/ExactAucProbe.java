package dev.assay.metrics.fairness;

import static org.apache.spark.sql.functions.col;

import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.spark.SparkSessions;
import dev.assay.spec.ResolvedSpec;
import dev.assay.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * A throw-away measurement (issue 21, item 2), not a test: executor CPU of query shapes for the
 * exact AUC on the executors ({@link ExactAuc}) on the bench's lending Parquet (its alternative
 * shapes assume the bench spec's three sensitive columns). Figures in docs/fairness.md ("Exact AUC
 * on the executors").
 *
 * <pre>
 *   java -cp ... dev.assay.metrics.fairness.ExactAucProbe lending-1000000.parquet spec.yaml [runs]
 * </pre>
 */
public final class ExactAucProbe {

  private ExactAucProbe() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSessions.create("local[*]", Map.of());
    Dataset<Row> data = spark.read().parquet(args[0]);
    ResolvedSpec spec = new SpecLoader(Path.of("rules").toAbsolutePath()).load(Path.of(args[1]));
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Supplier<FairnessInput> in =
        () ->
            FairnessPlan.input(
                new FairnessPlan.Request(
                    data, spec.columns(), spec.fairness(), spec.document(), "bench"));
    Map<String, Supplier<Object>> shapes = new LinkedHashMap<>();
    shapes.put(
        "scan",
        () -> {
          data.select("sex", "race", "age_band", "repaid", "approved", "score")
              .write()
              .format("noop")
              .mode("overwrite")
              .save();
          return null;
        });
    shapes.put(
        "raw rows exploded, nullable key columns, partial agg", () -> structs(in.get(), false));
    shapes.put(
        "finest cells exploded, nullable key columns, partial agg", () -> structs(in.get(), true));
    ProbeRuns.print(
        spark,
        shapes,
        runs,
        name -> true,
        out -> out instanceof Map<?, ?> m ? String.valueOf(m.get(FairnessJob.WHOLE)) : "");
    spark.stop();
  }

  /**
   * The alternative shape: each raw scored row exploded into one row per grouping whose key is the
   * grouping number and every cell column (null where the grouping does not use it), aggregated per
   * (grouping, key columns, score) with a map-side partial aggregation, then the window and the sum
   * (one more exchange for the window).
   */
  static Map<String, Map<String, MannWhitneyAuc.Exact>> structs(FairnessInput in, boolean finest) {
    SliceColumns cells = SliceColumns.of(in.slices());
    Dataset<Row> data = cells.addTo(in.data());
    Column label = in.label().asInt();
    Column score = FiniteNumbers.of(Columns.named(in.score()));
    int m = cells.columns().size();
    List<Column> structs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Slice> slices = new ArrayList<>(in.slices());
    for (int g = 0; g <= slices.size(); g++) {
      List<String> used = g < slices.size() ? cells.cellColumns(slices.get(g)) : List.of();
      List<Column> fields = new ArrayList<>();
      fields.add(functions.lit(g).as("gid"));
      for (int i = 0; i < m; i++) {
        String c = GroupLimit.groupColumn(i);
        fields.add((used.contains(c) ? col(c) : functions.lit(null).cast("string")).as("k" + i));
      }
      structs.add(functions.struct(fields.toArray(new Column[0])));
      names.add(g < slices.size() ? slices.get(g).name() : FairnessJob.WHOLE);
    }
    List<Column> keys = new ArrayList<>(List.of(col("gid")));
    for (int i = 0; i < m; i++) {
      keys.add(col("k" + i));
    }
    List<Column> withScore = new ArrayList<>(keys);
    withScore.add(col("s"));
    Column below =
        functions
            .sum("neg")
            .over(
                Window.partitionBy(keys.toArray(new Column[0]))
                    .orderBy("s")
                    .rowsBetween(Window.unboundedPreceding(), Window.currentRow()))
            .minus(col("neg"));
    Dataset<Row> base =
        data.where(score.isNotNull())
            .select(
                col(GroupLimit.groupColumn(0)),
                col(GroupLimit.groupColumn(1)),
                col(GroupLimit.groupColumn(2)),
                score.as("s"),
                label.as("y"));
    Dataset<Row> counted;
    if (finest) {
      counted =
          base.groupBy(
                  col(GroupLimit.groupColumn(0)),
                  col(GroupLimit.groupColumn(1)),
                  col(GroupLimit.groupColumn(2)),
                  col("s"))
              .agg(
                  functions.count_if(col("y").equalTo(1)).as("p0"),
                  functions.count(functions.lit(1)).as("r0"))
              .select(
                  functions.explode(functions.array(structs.toArray(new Column[0]))).as("x"),
                  col("s"),
                  col("p0"),
                  col("r0"))
              .select(col("x.*"), col("s"), col("p0"), col("r0"))
              .groupBy(withScore.toArray(new Column[0]))
              .agg(functions.sum("p0").as("pos"), functions.sum("r0").as("rows"));
    } else {
      counted =
          base.select(
                  functions.explode(functions.array(structs.toArray(new Column[0]))).as("x"),
                  col("s"),
                  col("y"))
              .select(col("x.*"), col("s"), col("y"))
              .groupBy(withScore.toArray(new Column[0]))
              .agg(
                  functions.count_if(col("y").equalTo(1)).as("pos"),
                  functions.count(functions.lit(1)).as("rows"));
    }
    List<Row> rows =
        counted
            .withColumn("neg", col("rows").minus(col("pos")))
            .withColumn(
                "t",
                col("pos")
                    .cast("double")
                    .multiply(below.multiply(2).plus(col("neg")).cast("double")))
            .groupBy(keys.toArray(new Column[0]))
            .agg(functions.sum("pos"), functions.sum("neg"), functions.sum("t"))
            .collectAsList();
    Map<String, Map<String, MannWhitneyAuc.Exact>> out = new LinkedHashMap<>();
    for (Row row : rows) {
      List<String> key = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        if (!row.isNullAt(1 + i)) {
          key.add(row.getString(1 + i));
        }
      }
      out.computeIfAbsent(names.get(row.getInt(0)), k -> new LinkedHashMap<>())
          .put(
              SliceColumns.group(key),
              new MannWhitneyAuc.Exact(
                  row.getLong(m + 1), row.getLong(m + 2), row.getDouble(m + 3)));
    }
    return out;
  }
}
