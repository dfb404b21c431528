package dev.assay.metrics.privacy;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.Columns;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;

/**
 * Re-identification risk ({@link ReidentificationMetric}) in one shuffle: the rows are hash
 * partitioned by the quasi-identifiers once; the first-level aggregation (per class, or per class
 * and sensitive value) and the per-class aggregation both run on that partitioning without another
 * exchange; a global aggregation over the classes ({@link ClassesAggregate}, run by the shared
 * engine {@link SinglePassRunner}) then brings one row of {@link EquivalenceClasses} to the driver.
 * The classes are the first level and never leave the executors; the state merges over disjoint
 * sets of classes, which is the second level. Spark groups a missing quasi-identifier value with
 * the other missing ones, so null is a value, as in ARX.
 *
 * <p>Jobs: one without a sensitive attribute. With one, a first small job counts the sensitive
 * values over the whole data set ({@link SensitiveValues}: the distribution q that t-closeness
 * compares each class with, at most {@value #MAX_SENSITIVE_VALUES} values); the second job gets q
 * as a literal map.
 *
 * <p>A numeric sensitive attribute (a Spark numeric type) gets ARX's ordered-distance EMD for
 * {@code t_closeness} instead of total variation: with the m distinct values sorted ascending (a
 * missing value first) and r_i = Σ_{j ≤ i} (p_j − q_j), EMD = Σ_{i=1}^{m−1} |r_i| / (m − 1) (Li, Li
 * &amp; Venkatasubramanian 2007, §4.2; 0 when m = 1). Per class it is an {@code aggregate} over
 * {@code sequence(1, m − 1)} walking the class's rank-sorted (rank, count) list against the data
 * set's cumulative shares (a literal array): O(m) per class, so the cost grows with classes ×
 * distinct sensitive values (at most {@value #MAX_SENSITIVE_VALUES}).
 *
 * <p>Metrics are scoped by {@code column} = the quasi-identifier names joined with " &amp; " in
 * spec order, so a report shows which combination the risk is about.
 */
public final class ReidentificationAnalysis {

  /** More distinct sensitive values than this: t-closeness is undefined (q would not fit). */
  public static final int MAX_SENSITIVE_VALUES = 10_000;

  private static final String MISSING = "\u0000(missing)";
  private static final String S = "__assay_sensitive";

  private ReidentificationAnalysis() {}

  /** The scope of the metrics over {@code quasiIdentifiers}. */
  public static Scope scope(List<String> quasiIdentifiers) {
    return Scope.column(String.join(Scope.INTERSECTION_SEPARATOR, quasiIdentifiers));
  }

  /**
   * Runs the analysis.
   *
   * @param sensitive the sensitive attribute, or null
   * @param k the class size below which records are at risk
   */
  public static List<MetricResult> run(
      Dataset<Row> data, List<String> quasiIdentifiers, String sensitive, int k) {
    EquivalenceClasses state = state(data, quasiIdentifiers, sensitive, k);
    return metrics(state, quasiIdentifiers, sensitive, k, isNumeric(data, sensitive));
  }

  /** The aggregated state (exposed for tests): one job, two with a sensitive attribute. */
  public static EquivalenceClasses state(
      Dataset<Row> data, List<String> quasiIdentifiers, String sensitive, int k) {
    Distribution q =
        sensitive == null
            ? Distribution.NONE
            : Distribution.of(sensitiveValues(data, sensitive), isNumeric(data, sensitive));
    Dataset<Row> classes = classes(data, quasiIdentifiers, sensitive, q.shares(), q.ordered());
    List<GroupedStates> rows =
        SinglePassRunner.run(
            classes,
            List.of(Grouping.whole("classes")),
            List.of(new ClassesAggregate(k, sensitive != null)),
            1);
    EquivalenceClasses state = rows.isEmpty() ? EquivalenceClasses.EMPTY : rows.get(0).state(0);
    return q.known() ? state : state.withoutTCloseness();
  }

  /** The first job with a sensitive attribute: its value counts over the whole data set. */
  static SensitiveValues sensitiveValues(Dataset<Row> data, String sensitive) {
    Dataset<Row> perValue =
        data.groupBy(sensitiveValue(sensitive).as(S))
            .agg(functions.count(functions.lit(1)).as("c"));
    List<GroupedStates> rows =
        SinglePassRunner.run(
            perValue,
            List.of(Grouping.whole("values")),
            List.of(SensitiveValues.over(S, "c", MAX_SENSITIVE_VALUES)),
            1);
    return rows.isEmpty() ? SensitiveValues.empty(MAX_SENSITIVE_VALUES) : rows.get(0).state(0);
  }

  /**
   * The overall sensitive distribution as literals for the second job: value → share, and for a
   * numeric attribute the ordered ground distance; {@code shares} is a null map when unknown.
   */
  record Distribution(Column shares, Ordered ordered, boolean known) {

    static final Distribution NONE = new Distribution(null, null, false);

    static Distribution of(SensitiveValues values, boolean numeric) {
      if (!values.known()) {
        return new Distribution(functions.lit(null).cast("map<string,double>"), null, false);
      }
      String[] keys = values.values();
      double[] shares = values.shares();
      return new Distribution(
          functions.map_from_arrays(functions.lit(keys), functions.lit(shares)),
          numeric ? Ordered.of(keys, shares) : null,
          true);
    }
  }

  /** True when t-closeness over {@code sensitive} is the ordered-distance EMD (a numeric type). */
  public static boolean isNumeric(Dataset<Row> data, String sensitive) {
    return sensitive != null && data.schema().apply(sensitive).dataType() instanceof NumericType;
  }

  /**
   * The ordered ground distance of a numeric sensitive attribute: each value's rank 1..m (the
   * missing value first, then ascending) as a literal map, and the data set's cumulative shares Q_i
   * = Σ_{j ≤ i} q_j as a literal array.
   */
  record Ordered(Column rank, Column cumulative, int m) {

    static Ordered of(String[] keys, double[] shares) {
      Integer[] order = new Integer[keys.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(
          order,
          (a, b) ->
              keys[a].equals(MISSING)
                  ? (keys[b].equals(MISSING) ? 0 : -1)
                  : keys[b].equals(MISSING)
                      ? 1
                      : Double.compare(Double.parseDouble(keys[a]), Double.parseDouble(keys[b])));
      String[] sorted = new String[keys.length];
      int[] ranks = new int[keys.length];
      double[] cumulative = new double[keys.length];
      double sum = 0;
      for (int i = 0; i < order.length; i++) {
        sorted[i] = keys[order[i]];
        ranks[i] = i + 1;
        sum += shares[order[i]];
        cumulative[i] = sum;
      }
      return new Ordered(
          functions.map_from_arrays(functions.lit(sorted), functions.lit(ranks)),
          functions.lit(cumulative),
          keys.length);
    }

    /** The class's EMD from its (rank, count) list {@code cells} and size {@code n}. */
    Column emd(Column cells, Column n) {
      if (m == 1) {
        return functions.lit(0.0);
      }
      Column sorted = functions.array_sort(cells);
      Column init =
          functions.struct(
              functions.lit(0.0).as("s"), functions.lit(1).as("j"), functions.lit(0L).as("cum"));
      return functions.aggregate(
          functions.sequence(functions.lit(1), functions.lit(m - 1)),
          init,
          (acc, i) -> {
            Column cell = functions.try_element_at(sorted, acc.getField("j"));
            Column hit = functions.coalesce(cell.getField("rank").equalTo(i), functions.lit(false));
            Column cum =
                acc.getField("cum")
                    .plus(functions.when(hit, cell.getField("c")).otherwise(functions.lit(0L)));
            return functions.struct(
                acc.getField("s")
                    .plus(functions.abs(cum.divide(n).minus(functions.element_at(cumulative, i))))
                    .as("s"),
                acc.getField("j")
                    .plus(functions.when(hit, functions.lit(1)).otherwise(functions.lit(0)))
                    .as("j"),
                cum.as("cum"));
          },
          acc -> acc.getField("s").divide(m - 1));
    }
  }

  private static Column sensitiveValue(String sensitive) {
    return functions.coalesce(Columns.named(sensitive).cast("string"), functions.lit(MISSING));
  }

  /**
   * The query of the second job: one row of class statistics. Without a sensitive attribute, a
   * grouped count per class (partial aggregation, one shuffle); with one, the rows are hash
   * partitioned by the quasi-identifiers once and both the per-(class, value) and the per-class
   * aggregation run on that partitioning.
   *
   * @param q the sensitive attribute's overall distribution (value → share), a literal map; null
   *     without a sensitive attribute
   */
  static Dataset<Row> summary(
      Dataset<Row> data, List<String> quasiIdentifiers, String sensitive, int k, Column q) {
    return summary(data, quasiIdentifiers, sensitive, k, q, null);
  }

  /** As above; with {@code ordered} (a numeric sensitive attribute) t-closeness is the EMD. */
  static Dataset<Row> summary(
      Dataset<Row> data,
      List<String> quasiIdentifiers,
      String sensitive,
      int k,
      Column q,
      Ordered ordered) {
    List<Column> aggs = new ClassesAggregate(k, sensitive != null).aggregates();
    return classes(data, quasiIdentifiers, sensitive, q, ordered)
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
  }

  /**
   * The first level: one row per equivalence class with its size {@code n}; with a sensitive
   * attribute also its distinct values {@code d}, entropy-l {@code el} and distance {@code tv} to
   * {@code q} (see {@link #summary}). Stays on the executors.
   */
  static Dataset<Row> classes(
      Dataset<Row> data,
      List<String> quasiIdentifiers,
      String sensitive,
      Column q,
      Ordered ordered) {
    Column[] qi = quasiIdentifiers.stream().map(Columns::named).toArray(Column[]::new);
    Dataset<Row> classes;
    if (sensitive == null) {
      classes = data.groupBy(qi).agg(functions.count(functions.lit(1)).as("n"));
    } else {
      List<Column> cellKeys = new ArrayList<>(List.of(qi));
      cellKeys.add(Columns.named(S));
      Dataset<Row> cells =
          data.repartition(qi)
              .withColumn(S, sensitiveValue(sensitive))
              .groupBy(cellKeys.toArray(new Column[0]))
              .agg(functions.count(functions.lit(1)).as("c"))
              .withColumn("q", functions.element_at(q, Columns.named(S)));
      if (ordered != null) {
        cells = cells.withColumn("rank", functions.element_at(ordered.rank(), Columns.named(S)));
      } else {
        // ½ Σ_s |p_s − q_s| = ½ (1 + Σ_{s in class} (|c_s/n − q_s| − q_s)): values absent from the
        // class contribute q_s each, and Σ q = 1. The class size n comes from a window over the
        // cells, which are already partitioned by the class: no shuffle, and no list per class.
        Column n = functions.sum("c").over(Window.partitionBy(qi));
        cells =
            cells.withColumn(
                "tv_term",
                functions
                    .abs(functions.col("c").divide(n).minus(functions.col("q")))
                    .minus(functions.col("q")));
      }
      classes =
          cells
              .groupBy(qi)
              .agg(
                  functions.sum("c").as("n"),
                  functions.count(functions.lit(1)).as("d"),
                  functions
                      .sum(functions.col("c").multiply(functions.log(functions.col("c"))))
                      .as("clnc"),
                  ordered == null
                      ? functions.sum("tv_term").as("tv_terms")
                      : functions
                          .collect_list(functions.struct(functions.col("rank"), functions.col("c")))
                          .as("cq"))
              .withColumn(
                  "tv",
                  ordered != null
                      ? ordered.emd(functions.col("cq"), functions.col("n"))
                      : functions
                          .lit(0.5)
                          .multiply(functions.lit(1.0).plus(functions.col("tv_terms"))))
              .withColumn(
                  "el",
                  functions.exp(
                      functions
                          .log(functions.col("n"))
                          .minus(functions.col("clnc").divide(functions.col("n")))));
    }
    return classes;
  }

  /** The metrics of a state. */
  public static List<MetricResult> metrics(
      EquivalenceClasses state, List<String> quasiIdentifiers, String sensitive, int k) {
    return metrics(state, quasiIdentifiers, sensitive, k, false);
  }

  /**
   * The metrics of a state; {@code ordered} says that t-closeness was computed as the
   * ordered-distance EMD of a numeric sensitive attribute (its note says so).
   */
  public static List<MetricResult> metrics(
      EquivalenceClasses state,
      List<String> quasiIdentifiers,
      String sensitive,
      int k,
      boolean ordered) {
    Scope scope = scope(quasiIdentifiers);
    List<MetricResult> out = new ArrayList<>();
    for (ReidentificationMetric m : ReidentificationMetric.values()) {
      if (m.needsSensitive() && sensitive == null) {
        continue;
      }
      MetricKey key = new MetricKey(PrivacyMetrics.require(m.id()), scope);
      double v = state.value(m);
      String note =
          m == ReidentificationMetric.RECORDS_AT_RISK
              ? "k = " + k
              : m == ReidentificationMetric.T_CLOSENESS && ordered
                  ? "sensitive attribute "
                      + sensitive
                      + " (numeric): ordered-distance EMD (ARX), not total variation"
                  : m.needsSensitive() ? "sensitive attribute " + sensitive : null;
      if (state.classes() == 0) {
        out.add(
            new MetricResult.Undefined(
                key, 0L, m.id() + " is undefined: the data set has no rows"));
      } else if (Double.isNaN(v)) {
        out.add(
            new MetricResult.Undefined(
                key,
                state.records(),
                m.id()
                    + " is undefined: the"
                    + " sensitive attribute "
                    + sensitive
                    + " has more than "
                    + MAX_SENSITIVE_VALUES
                    + " distinct values, too many to compare distributions"));
      } else {
        out.add(new MetricResult.Computed(key, v, state.records(), null, null, null, note));
      }
    }
    return out;
  }
}
