package dev.assay.metrics.drift;

import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.Histogram;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The drift family in two Spark jobs over both data sets at once (the reference and the current
 * data are unioned, each row tagged with its side):
 *
 * <ol>
 *   <li>one global aggregation: rows per side, an estimate of each column's distinct values
 *       ({@code approx_count_distinct}, relative standard deviation 5 %), and each numeric
 *       column's min and max;</li>
 *   <li>one grouped count: every row is stacked into (column, value) pairs with {@code explode},
 *       then counted per (side, column, value). A numeric column with more than
 *       {@code drift.max_distinct} (G) estimated distinct values is grouped instead by its cell
 *       in a grid of G equal-width cells over [min, max] of both sides (min and max come from
 *       job 1), counted at the cell's midpoint: at most G values per side reach the driver. A
 *       categorical column with more than G estimated distinct values (an identifier, free text)
 *       is counted only as null or not null: its null rates are exact and its distribution
 *       metrics undefined with the reason, so no column sends more than G values per side.</li>
 * </ol>
 *
 * <p>A third job (unless {@code drift.classifier_sample} is 0) collects a seeded sample of at most
 * that many rows per side for the {@link DomainClassifier}: the family's one collect of data
 * rows, bounded by the option, never by the data's size.
 *
 * <p>Only the per-value counts come to the driver (their number is bounded by the distinct values,
 * never by rows). Everything else — null rates, exact quantile edges, bin counts, KS, Wasserstein,
 * chi-squared and the distances — is plain Java over those counts ({@link ColumnDrift}), so the
 * numbers do not depend on partitioning.
 */
public final class DriftAnalysis {

  /** The dataset-level metric: drifted columns ÷ columns with a defined drift_detected. */
  public static final String DRIFT_SHARE = "drift_share";

  private static final String SIDE = "__assay_side";

  /** The most groups a segment attribute may have (each multiplies the counts per column). */
  public static final int MAX_SEGMENT_GROUPS = 100;

  private DriftAnalysis() {
  }

  /** Runs the family. */
  public static DriftOutcome run(DriftInput in) {
    List<DriftColumn> columns = in.columns();
    List<String> segments = in.options().segmentBy();
    Dataset<Row> both = side(in.reference(), columns, segments, 0)
        .unionByName(side(in.current(), columns, segments, 1));

    // Job 1: rows per side, distinct-value estimates.
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(when(Columns.named(SIDE).equalTo(1), 1).otherwise(0)).alias("rows_current"));
    for (int i = 0; i < columns.size(); i++) {
      aggs.add(approx_count_distinct(Columns.named(valueColumn(i)), 0.05));
    }
    for (int i = 0; i < columns.size(); i++) {
      boolean numeric = columns.get(i).kind() == DriftColumn.Kind.NUMERIC;
      aggs.add(numeric ? min(Columns.named(valueColumn(i))) : lit(null).cast("double"));
      aggs.add(numeric ? max(Columns.named(valueColumn(i))) : lit(null).cast("double"));
    }
    for (int j = 0; j < segments.size(); j++) {
      aggs.add(approx_count_distinct(Columns.named(segmentColumn(j)), 0.05));
    }
    Row summary = both.agg(sum(when(Columns.named(SIDE).equalTo(0), 1).otherwise(0)).alias("rows_reference"),
        aggs.toArray(new Column[0])).collectAsList().get(0);
    long rowsRef = summary.isNullAt(0) ? 0 : summary.getLong(0);
    long rowsCur = summary.isNullAt(1) ? 0 : summary.getLong(1);
    if (rowsRef == 0) {
      throw new BadInputException("the reference data set has no rows: drift needs a baseline."
          + " Check data.reference's path and filters.");
    }
    if (rowsCur == 0) {
      throw new BadInputException("the current data set has no rows: there is nothing to audit."
          + " Check data.current's path and filters.");
    }
    for (int j = 0; j < segments.size(); j++) {
      long groups = summary.getLong(2 + 3 * columns.size() + j);
      if (groups > MAX_SEGMENT_GROUPS) {
        throw new BadInputException("drift.segment_by: column '" + segments.get(j) + "' has about "
            + groups + " groups; segment drift compares at most " + MAX_SEGMENT_GROUPS + " groups"
            + " per attribute. Name a coarser column in drift.segment_by, or remove it.");
      }
    }
    boolean[] exact = new boolean[columns.size()];
    double[] low = new double[columns.size()];
    double[] width = new double[columns.size()];
    List<String> notes = new ArrayList<>(in.notes());
    long cells = in.options().maxDistinct();
    for (int i = 0; i < columns.size(); i++) {
      long distinct = summary.getLong(2 + i);
      int at = 2 + columns.size() + 2 * i;
      boolean categorical = columns.get(i).kind() == DriftColumn.Kind.CATEGORICAL;
      exact[i] = distinct <= cells
          || !categorical && (summary.isNullAt(at) || summary.getDouble(at) == summary.getDouble(at + 1));
      if (!exact[i] && !categorical) {
        low[i] = summary.getDouble(at);
        width[i] = (summary.getDouble(at + 1) - low[i]) / cells;
      }
      if (!exact[i] && categorical) {
        notes.add("drift: categorical column '" + columns.get(i).name() + "' has about " + distinct
            + " distinct values, more than drift.max_distinct (" + cells + "), so only its null"
            + " rates were compared (is it an identifier? leave it out of columns.features, or"
            + " raise drift.max_distinct to compare its categories).");
      }
    }

    // Job 2: counts per (side, column, segment, value), all columns stacked: every row gives one
    // (column, value) pair for the whole data set and one per segment attribute.
    List<Column> pairs = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      boolean numeric = columns.get(i).kind() == DriftColumn.Kind.NUMERIC;
      Column v = Columns.named(valueColumn(i));
      Column number = !numeric ? lit(null).cast("double") : exact[i] ? v
          : cellMidpoint(v, low[i], width[i], cells);
      // a categorical column above max_distinct keeps only null vs non-null: one value per side
      Column category = numeric ? lit(null).cast("string") : exact[i] ? v
          : when(v.isNotNull(), lit(""));
      pairs.add(struct(lit(i).alias("c"), lit(-1).alias("a"), lit(null).cast("string").alias("g"),
          number.alias("v"), category.alias("k")));
      for (int j = 0; j < segments.size(); j++) {
        pairs.add(struct(lit(i).alias("c"), lit(j).alias("a"), Columns.named(segmentColumn(j)).alias("g"),
            number.alias("v"), category.alias("k")));
      }
    }
    List<Row> counts = both.select(Columns.named(SIDE), explode(array(pairs.toArray(new Column[0]))).alias("p"))
        // a row whose segment value is missing belongs to no segment
        .where(col("p.a").lt(0).or(col("p.g").isNotNull()))
        .groupBy(Columns.named(SIDE), col("p.c").alias("c"), col("p.a").alias("a"), col("p.g").alias("g"),
            col("p.v").alias("v"), col("p.k").alias("k"))
        .count().collectAsList();

    List<List<Row>> byColumn = new ArrayList<>();
    // segment attribute → group → column → its rows (sorted, so the order is fixed)
    List<TreeMap<String, List<List<Row>>>> bySegment = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      byColumn.add(new ArrayList<>());
    }
    for (int j = 0; j < segments.size(); j++) {
      bySegment.add(new TreeMap<>());
    }
    for (Row r : counts) {
      int a = r.getInt(2);
      if (a < 0) {
        byColumn.get(r.getInt(1)).add(r);
      } else {
        bySegment.get(a).computeIfAbsent(r.getString(3), g -> {
          List<List<Row>> perColumn = new ArrayList<>();
          for (int i = 0; i < columns.size(); i++) {
            perColumn.add(new ArrayList<>());
          }
          return perColumn;
        }).get(r.getInt(1)).add(r);
      }
    }
    List<MetricResult> metrics = new ArrayList<>();
    List<Histogram> histograms = new ArrayList<>();
    List<String> drifted = new ArrayList<>();
    int defined = 0;
    for (int i = 0; i < columns.size(); i++) {
      DriftColumn column = columns.get(i);
      ColumnCounts state = state(column, rowsRef, rowsCur, exact[i], width[i], byColumn.get(i));
      if (!exact[i] && column.kind() == DriftColumn.Kind.NUMERIC) {
        notes.add("drift: '" + column.name() + "' has more than drift.max_distinct (" + cells
            + ") distinct values; it was compared on " + cells + " equal-width cells of width "
            + ColumnDrift.fmt(width[i]) + " (error bounds in the metrics' notes).");
      }
      List<MetricResult> m = ColumnDrift.metrics(state, in.options().bins(),
          in.options().tests().get(column.name()), Scope.column(column.name()), rowsRef);
      metrics.addAll(m);
      if (state.exact() || column.kind() == DriftColumn.Kind.NUMERIC) {
        histograms.add(ColumnDrift.histogram(state, in.options().bins()));
      }
      for (MetricResult r : m) {
        if (r.key().metric().equals(ColumnDrift.DRIFT_DETECTED) && r.number().isPresent()) {
          defined++;
          if (r.number().getAsDouble() == 1) {
            drifted.add(column.name());
          }
        }
      }
    }
    metrics.add(share(Scope.DATASET, drifted, defined));

    // Job 3 (unless drift.classifier_sample is 0): a seeded sample of at most classifier_sample
    // rows per side, the family's one bounded collect, for the domain classifier
    int sample = in.options().classifierSample();
    if (sample > 0 && !columns.isEmpty()) {
      List<Column> select = new ArrayList<>();
      select.add(Columns.named(SIDE));
      for (int i = 0; i < columns.size(); i++) {
        select.add(Columns.named(valueColumn(i)));
      }
      Dataset<Row> rows = sideSample(both, select, 0, rowsRef, sample)
          .union(sideSample(both, select, 1, rowsCur, sample));
      metrics.add(DomainClassifier.fit(columns, rows.collectAsList(), sample));
    }

    // segment drift: the same metrics within each group of each segment attribute; the test is
    // chosen by the whole reference's size, so every group of a column is judged the same way
    for (int j = 0; j < segments.size(); j++) {
      for (Map.Entry<String, List<List<Row>>> g : bySegment.get(j).entrySet()) {
        List<String> groupDrifted = new ArrayList<>();
        int groupDefined = 0;
        long[] rows = sideTotals(g.getValue().get(0));
        for (int i = 0; i < columns.size(); i++) {
          DriftColumn column = columns.get(i);
          ColumnCounts state = state(column, rows[0], rows[1], exact[i], width[i],
              g.getValue().get(i));
          List<MetricResult> m = ColumnDrift.metrics(state, in.options().bins(),
              in.options().tests().get(column.name()),
              new Scope(segments.get(j), g.getKey(), column.name()), rowsRef);
          metrics.addAll(m);
          for (MetricResult r : m) {
            if (r.key().metric().equals(ColumnDrift.DRIFT_DETECTED) && r.number().isPresent()) {
              groupDefined++;
              if (r.number().getAsDouble() == 1) {
                groupDrifted.add(column.name());
              }
            }
          }
        }
        metrics.add(share(Scope.group(segments.get(j), g.getKey()), groupDrifted, groupDefined));
      }
    }
    return new DriftOutcome(metrics, notes, rowsRef, rowsCur, histograms);
  }

  /**
   * At most {@code limit} rows of one side: Spark's seeded Bernoulli sample with a fraction that
   * expects 10 % more than the limit (so the limit, not chance, usually decides the size), cut
   * with {@code limit}.
   */
  private static Dataset<Row> sideSample(Dataset<Row> both, List<Column> select, int side,
                                         long rows, int limit) {
    double fraction = Math.min(1.0, 1.1 * limit / rows);
    Dataset<Row> one = both.where(Columns.named(SIDE).equalTo(side)).select(select.toArray(new Column[0]));
    return (fraction < 1 ? one.sample(false, fraction, DomainClassifier.SEED + side) : one)
        .limit(limit);
  }

  /** drift_share in a scope: drifted columns ÷ columns with a defined drift_detected. */
  private static MetricResult share(Scope scope, List<String> drifted, int defined) {
    MetricKey share = new MetricKey(DriftMetrics.DRIFT_SHARE, scope);
    return defined == 0
        ? new MetricResult.Undefined(share, null, "drift_share is undefined: no column has a defined"
            + " drift_detected")
        : new MetricResult.Computed(share, (double) drifted.size() / defined, (long) defined, null,
            null, null, drifted.size() + " of " + defined + " columns drifted"
            + (drifted.isEmpty() ? "" : ": " + String.join(", ", drifted)));
  }

  /** Rows per side of one column's counts (every row gives each column one value or null). */
  private static long[] sideTotals(List<Row> rows) {
    long[] out = new long[2];
    for (Row r : rows) {
      out[r.getInt(0)] += r.getLong(6);
    }
    return out;
  }

  /**
   * One side's drift columns as doubles (finite, else null) or strings, and its segment columns
   * as strings, tagged with the side.
   */
  private static Dataset<Row> side(Dataset<Row> data, List<DriftColumn> columns,
                                   List<String> segments, int side) {
    List<Column> select = new ArrayList<>();
    select.add(lit(side).alias(SIDE));
    for (int j = 0; j < segments.size(); j++) {
      select.add(Columns.named(segments.get(j)).cast("string").alias(segmentColumn(j)));
    }
    for (int i = 0; i < columns.size(); i++) {
      Column c = Columns.named(columns.get(i).name());
      if (columns.get(i).kind() == DriftColumn.Kind.NUMERIC) {
        // NaN and ±∞ count as missing (in null_rate_*), as in every family
        select.add(FiniteNumbers.of(c).alias(valueColumn(i)));
      } else {
        select.add(c.cast("string").alias(valueColumn(i)));
      }
    }
    return data.select(select.toArray(new Column[0]));
  }

  /**
   * The midpoint of x's cell in a grid of {@code cells} cells of width {@code width} from
   * {@code low}: low + (min(⌊(x − low) / width⌋, cells − 1) + ½) · width. Each value moves by at
   * most width / 2.
   */
  static Column cellMidpoint(Column x, double low, double width, long cells) {
    // least() skips nulls, so a missing value must stay missing explicitly
    Column index = least(floor(x.minus(lit(low)).divide(lit(width))), lit(cells - 1));
    return when(x.isNotNull(), lit(low).plus(index.plus(lit(0.5)).multiply(lit(width))));
  }

  private static String valueColumn(int i) {
    return "__assay_v" + i;
  }

  private static String segmentColumn(int j) {
    return "__assay_s" + j;
  }

  private static ColumnCounts state(DriftColumn column, long rowsRef, long rowsCur, boolean exact,
                                    double width, List<Row> rows) {
    long nullsRef = 0;
    long nullsCur = 0;
    boolean numeric = column.kind() == DriftColumn.Kind.NUMERIC;
    Map<Object, long[]> values = new TreeMap<>();
    for (Row r : rows) {
      int side = r.getInt(0);
      long n = r.getLong(6);
      Object key = numeric ? (r.isNullAt(4) ? null : (Object) (r.getDouble(4) == 0 ? 0.0 : r.getDouble(4)))
          : (r.isNullAt(5) ? null : r.getString(5));
      if (key == null) {
        if (side == 0) {
          nullsRef += n;
        } else {
          nullsCur += n;
        }
      } else {
        values.computeIfAbsent(key, k -> new long[2])[side] += n;
      }
    }
    int d = values.size();
    double[] numbers = numeric ? new double[d] : null;
    String[] categories = numeric ? null : new String[d];
    long[] ref = new long[d];
    long[] cur = new long[d];
    int i = 0;
    for (Map.Entry<Object, long[]> e : values.entrySet()) {
      if (numeric) {
        numbers[i] = (Double) e.getKey();
      } else {
        categories[i] = (String) e.getKey();
      }
      ref[i] = e.getValue()[0];
      cur[i] = e.getValue()[1];
      i++;
    }
    return new ColumnCounts(column, rowsRef, rowsCur, nullsRef, nullsCur, exact, width, numbers,
        categories, ref, cur);
  }
}
