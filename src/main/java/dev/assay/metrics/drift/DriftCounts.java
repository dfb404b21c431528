package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode_outer;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dev.assay.spark.Columns;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The drift family's count: every row of the tagged union is stacked into (column, segment
 * attribute, group, value) cells with {@code explode} — one per column for the whole data set and
 * one per column and segment attribute; an embedding column's components from its vector with
 * {@code posexplode} — and each cell's {@link SideCounts} comes from one {@link SinglePassRunner}
 * pass over them. The cells (bounded by the distinct values, never by rows) are then folded into
 * one {@link ColumnCounts} per column, whole and per segment group.
 *
 * <p>The runner's grouping columns hold no nulls, so a missing value is encoded as the value NaN (a
 * numeric column's values are finite, see {@link dev.assay.spark.FiniteNumbers}), the whole data
 * set as attribute −1 with group "", and a row whose segment value is missing belongs to no
 * segment.
 *
 * @param whole each column's state over the whole data sets, in column order
 * @param segments per segment attribute, each group's column states (groups sorted by name)
 */
record DriftCounts(List<ColumnCounts> whole, List<TreeMap<String, List<ColumnCounts>>> segments) {

  private static final String COLUMN = "__assay_c";
  private static final String ATTRIBUTE = "__assay_a";
  private static final String GROUP = "__assay_g";
  private static final String NUMBER = "__assay_v";
  private static final String CATEGORY = "__assay_k";
  private static final String POSITION = "__assay_pos";
  private static final String ELEMENT = "__assay_e";
  private static final Grouping CELLS =
      new Grouping("drift cells", List.of(COLUMN, ATTRIBUTE, GROUP, NUMBER, CATEGORY));

  /**
   * Counts {@code both} (side tag, values, segments as {@link DriftAnalysis#side} made it); the
   * columns of each of {@code vectors} (indices into {@code plans}) are counted from the block's
   * vector, not from their {@code values}.
   */
  static DriftCounts count(
      Dataset<Row> both,
      Column side,
      List<ColumnPlan> plans,
      List<Column> values,
      List<Column> segments,
      List<DerivedColumns.VectorBlock> vectors) {
    List<GroupedStates> cells =
        SinglePassRunner.run(
            stack(both, side, plans, values, segments, vectors),
            List.of(CELLS),
            List.of(new SideCountsAggregate(side)),
            Long.MAX_VALUE);
    List<ColumnCounts.Builder> whole = builders(plans.size());
    List<TreeMap<String, List<ColumnCounts.Builder>>> bySegment = new ArrayList<>();
    segments.forEach(s -> bySegment.add(new TreeMap<>()));
    for (GroupedStates cell : cells) {
      List<String> key = cell.key();
      int c = Integer.parseInt(key.get(0));
      int a = Integer.parseInt(key.get(1));
      List<ColumnCounts.Builder> target =
          a < 0 ? whole : bySegment.get(a).computeIfAbsent(key.get(2), g -> builders(plans.size()));
      target.get(c).add(value(plans.get(c), key.get(3), key.get(4)), cell.state(0));
    }
    List<TreeMap<String, List<ColumnCounts>>> segmentStates = new ArrayList<>();
    for (TreeMap<String, List<ColumnCounts.Builder>> groups : bySegment) {
      TreeMap<String, List<ColumnCounts>> built = new TreeMap<>();
      groups.forEach((g, b) -> built.put(g, build(b, plans)));
      segmentStates.add(built);
    }
    return new DriftCounts(build(whole, plans), segmentStates);
  }

  /**
   * One row per (row, column, segment attribute) cell. Scalar columns are one struct each in the
   * first {@code explode}; an embedding column is one struct holding its whole vector ({@code e}),
   * whose elements a second {@code posexplode_outer} turns into its components' cells ({@code c} +
   * the element's position), each counted at itself or its grid cell's midpoint with the grid
   * ({@code x}, {@code lo}, {@code w}) carried in the struct. So the generated code grows with the
   * number of columns, not with the dimension: 384 structs of one component each made a
   * whole-stage-generated method of more than 64 KB, and Spark ran that stage without whole-stage
   * code generation (see docs/drift.md, Benchmark).
   */
  private static Dataset<Row> stack(
      Dataset<Row> both,
      Column side,
      List<ColumnPlan> plans,
      List<Column> values,
      List<Column> segments,
      List<DerivedColumns.VectorBlock> vectors) {
    Map<Integer, DerivedColumns.VectorBlock> blockAt = new HashMap<>();
    vectors.forEach(b -> blockAt.put(b.first(), b));
    Column noVector = lit(null).cast("array<double>");
    List<Column> pairs = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      ColumnPlan plan = plans.get(i);
      DerivedColumns.VectorBlock block = blockAt.get(i);
      if (block != null) {
        if (plan.cells() != DerivedColumns.EMBEDDING_CELLS) {
          throw new IllegalStateException("an embedding component not on the embedding grid");
        }
        // a missing vector: every component missing
        Column missing = array_repeat(lit(null).cast("double"), block.dimension());
        pairs.add(
            struct(
                lit(i).alias("c"),
                lit(-1).alias("a"),
                lit("").alias("g"),
                lit(Double.NaN).alias("v"),
                lit("").alias("k"),
                coalesce(block.vector(), missing).alias("e"),
                lit(plan.exact()).alias("x"),
                lit(plan.low()).alias("lo"),
                lit(plan.width()).alias("w")));
        i += block.dimension() - 1;
        continue;
      }
      Column number = plan.number(values.get(i));
      Column category = plan.category(values.get(i));
      Column missing = plan.numeric() ? number.isNull() : category.isNull();
      Column v = when(missing, lit(Double.NaN)).otherwise(plan.numeric() ? number : lit(0.0));
      Column k = plan.numeric() ? lit("") : coalesce(category, lit(""));
      for (int j = -1; j < (segmented(plan.column()) ? segments.size() : 0); j++) {
        pairs.add(
            struct(
                lit(i).alias("c"),
                lit(j).alias("a"),
                (j < 0 ? lit("") : segments.get(j)).alias("g"),
                v.alias("v"),
                k.alias("k"),
                noVector.alias("e"),
                lit(true).alias("x"),
                lit(0.0).alias("lo"),
                lit(0.0).alias("w")));
      }
    }
    Column element = Columns.named(ELEMENT);
    Column component =
        when(col("p.x"), element)
            .otherwise(
                ColumnPlan.cellMidpoint(
                    element, col("p.lo"), col("p.w"), DerivedColumns.EMBEDDING_CELLS));
    Column number =
        when(col("p.e").isNull(), col("p.v"))
            .otherwise(when(component.isNull(), lit(Double.NaN)).otherwise(component));
    return both.select(side, explode(array(pairs.toArray(new Column[0]))).alias("p"))
        .where(col("p.g").isNotNull())
        .select(side, col("p"), posexplode_outer(col("p.e")).as(new String[] {POSITION, ELEMENT}))
        .select(
            side,
            col("p.c").plus(coalesce(Columns.named(POSITION), lit(0))).alias(COLUMN),
            col("p.a").alias(ATTRIBUTE),
            col("p.g").alias(GROUP),
            number.alias(NUMBER),
            col("p.k").alias(CATEGORY));
  }

  /** Whether a column is counted within segment groups too (numeric and categorical ones). */
  static boolean segmented(DriftColumn c) {
    return !c.derived()
        && (c.kind() == DriftColumn.Kind.NUMERIC || c.kind() == DriftColumn.Kind.CATEGORICAL);
  }

  /** A cell's value as the state keeps it: a Double (never −0.0) or a String; null if missing. */
  private static Object value(ColumnPlan plan, String number, String category) {
    double v = Double.parseDouble(number);
    if (Double.isNaN(v)) {
      return null;
    }
    return plan.numeric() ? (Object) (v == 0 ? 0.0 : v) : category;
  }

  private static List<ColumnCounts.Builder> builders(int columns) {
    List<ColumnCounts.Builder> out = new ArrayList<>(columns);
    for (int i = 0; i < columns; i++) {
      out.add(new ColumnCounts.Builder());
    }
    return out;
  }

  private static List<ColumnCounts> build(
      List<ColumnCounts.Builder> builders, List<ColumnPlan> plans) {
    List<ColumnCounts> out = new ArrayList<>(builders.size());
    for (int i = 0; i < builders.size(); i++) {
      ColumnPlan p = plans.get(i);
      out.add(builders.get(i).build(p.column(), p.exact(), p.width()));
    }
    return out;
  }
}
