package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The count's embedding components stacked from the whole vector ({@link
 * DerivedColumns.VectorBlock}, one struct per vector and a {@code posexplode}) give exactly the
 * states that one struct per component gives (the formulation it replaced, still what {@link
 * DriftCounts#count} does without blocks): exact and grid components, missing vectors, two
 * embedding columns next to a segmented scalar column. And a 384-dimension column's count compiles
 * as whole-stage generated code, with Spark's fallback to interpreted code switched off.
 */
class DriftCountsVectorTest {

  private static final int CELLS = DerivedColumns.EMBEDDING_CELLS;

  private static final StructType SCHEMA =
      new StructType()
          .add("side", DataTypes.IntegerType)
          .add("x", DataTypes.DoubleType)
          .add("a", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("b", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("s", DataTypes.StringType);

  /** n rows per side; vector a (5 components) missing in every 7th row, b (3) in every 11th. */
  private static Dataset<Row> data(int n) {
    Random r = new Random(17);
    Object[][] rows = new Object[2 * n][];
    for (int i = 0; i < rows.length; i++) {
      int side = i < n ? 0 : 1;
      rows[i] =
          new Object[] {
            side,
            i % 13 == 0 ? null : Math.floor(r.nextGaussian() * 4) + side,
            i % 7 == 0 ? null : vector(r, 5, side * 0.5),
            i % 11 == 0 ? null : vector(r, 3, 0),
            i % 5 == 0 ? null : "g" + (i % 3)
          };
    }
    return DriftAnalysisTest.frame(rows, SCHEMA);
  }

  private static List<Double> vector(Random r, int dimension, double shift) {
    List<Double> v = new ArrayList<>();
    for (int k = 0; k < dimension; k++) {
      // rounded so that an exact count has repeated values
      v.add(Math.round((r.nextGaussian() + shift) * 20) / 20.0);
    }
    return v;
  }

  private record Setup(
      List<ColumnPlan> plans, List<Column> values, List<DerivedColumns.VectorBlock> blocks) {}

  /** x (exact, segmented), a and b (null or not), a's components on a grid, b's exact. */
  private static Setup setup(int dimensionA, int dimensionB) {
    List<ColumnPlan> plans = new ArrayList<>();
    List<Column> values = new ArrayList<>();
    plans.add(
        new ColumnPlan(
            new DriftColumn("x", "feature", DriftColumn.Kind.NUMERIC), true, 0, 0, 1000));
    values.add(col("x"));
    for (String e : List.of("a", "b")) {
      plans.add(
          new ColumnPlan(
              new DriftColumn(e, "feature", DriftColumn.Kind.EMBEDDING), false, 0, 0, 1000));
      values.add(col(e));
    }
    List<DerivedColumns.VectorBlock> blocks = new ArrayList<>();
    blocks.add(new DerivedColumns.VectorBlock(plans.size(), dimensionA, col("a")));
    for (int k = 0; k < dimensionA; k++) {
      plans.add(new ColumnPlan(component("a", k), false, -3.7, 7.9 / CELLS, CELLS));
      values.add(element_at(col("a"), k + 1));
    }
    blocks.add(new DerivedColumns.VectorBlock(plans.size(), dimensionB, col("b")));
    for (int k = 0; k < dimensionB; k++) {
      plans.add(new ColumnPlan(component("b", k), true, 0, 0, CELLS));
      values.add(element_at(col("b"), k + 1));
    }
    return new Setup(plans, values, blocks);
  }

  private static DriftColumn component(String parent, int k) {
    return new DriftColumn(
        parent + "[" + k + "]",
        DriftColumn.EMBEDDING_COMPONENT,
        DriftColumn.Kind.NUMERIC,
        "",
        false);
  }

  @Test
  void vectorBlocksCountWhatOneStructPerComponentCounts() {
    Dataset<Row> both = data(300);
    Setup s = setup(5, 3);
    List<Column> segments = List.of(col("s"));
    DriftCounts perComponent =
        DriftCounts.count(both, col("side"), s.plans(), s.values(), segments, List.of());
    DriftCounts[] blocked = new DriftCounts[1];
    // one Spark job, as before
    assertEquals(
        1,
        JobCounter.count(
            SharedSpark.get(),
            () ->
                blocked[0] =
                    DriftCounts.count(
                        both, col("side"), s.plans(), s.values(), segments, s.blocks())));
    assertEquals(perComponent.whole().size(), blocked[0].whole().size());
    for (int c = 0; c < perComponent.whole().size(); c++) {
      DriftStateMergeTest.assertSameState(perComponent.whole().get(c), blocked[0].whole().get(c));
    }
    assertSameSegments(perComponent, blocked[0]);
    // the paths were taken: missing vectors, grid cells, exact values
    ColumnCounts a0 = blocked[0].whole().get(3);
    ColumnCounts b2 = blocked[0].whole().get(10);
    assertEquals(86, a0.nullsReference() + a0.nullsCurrent());
    assertEquals(55, b2.nullsReference() + b2.nullsCurrent());
    assertEquals(600, a0.rowsReference() + a0.rowsCurrent());
    for (double v : a0.values()) {
      // a grid midpoint: −3.7 + (i + ½) · 7.9 / 1000
      double i = (v + 3.7) / (7.9 / CELLS) - 0.5;
      assertEquals(Math.rint(i), i, 1e-6, "a[0] value " + v);
    }
    for (double v : b2.values()) {
      assertEquals(Math.round(v * 20) / 20.0, v, 1e-12, "b[2] value " + v);
    }
  }

  private static void assertSameSegments(DriftCounts a, DriftCounts b) {
    assertEquals(a.segments().size(), b.segments().size());
    for (int j = 0; j < a.segments().size(); j++) {
      assertEquals(a.segments().get(j).keySet(), b.segments().get(j).keySet());
      for (Map.Entry<String, List<ColumnCounts>> g : a.segments().get(j).entrySet()) {
        List<ColumnCounts> other = b.segments().get(j).get(g.getKey());
        assertEquals(g.getValue().size(), other.size());
        for (int c = 0; c < other.size(); c++) {
          DriftStateMergeTest.assertSameState(g.getValue().get(c), other.get(c));
        }
      }
    }
  }

  @Test
  void aCountWith384ComponentsIsWholeStageGenerated() {
    SparkSession spark = SharedSpark.get();
    String before = spark.conf().get("spark.sql.codegen.fallback");
    // without the fallback, code that does not compile (a method over 64 KB) fails the job
    spark.conf().set("spark.sql.codegen.fallback", "false");
    try {
      Setup s = setup(384, 3);
      Dataset<Row> both = data(20).withColumn("a", array_repeat(coalesce(col("x"), lit(0.5)), 384));
      DriftCounts out =
          DriftCounts.count(
              both, col("side"), s.plans(), s.values(), List.of(col("s")), s.blocks());
      assertEquals(3 + 384 + 3, out.whole().size());
      assertEquals(20, out.whole().get(3 + 383).rowsReference());
    } finally {
      spark.conf().set("spark.sql.codegen.fallback", before);
    }
  }
}
