package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.AnalysisContext.fmt;
import static dev.assay.metrics.fairness.AnalysisContext.join;
import static dev.assay.metrics.fairness.AnalysisContext.key;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.AggregateState;
import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The fairness family for a numeric label and prediction ({@code fairness.task: regression}) in one
 * pass: a {@link RegressionState} per group of every sensitive attribute and intersection (and of
 * the whole data set) from one aggregation over the finest cells ({@link SinglePassRunner}, the
 * same runner and cell layout as {@link FairnessAnalysis}), then plain Java for {@code count} and
 * the {@link RegressionMetric}s per group (with Student's t intervals of the means, {@link
 * MeanInterval}), their {@code *_difference} (max − min over the groups with at least {@code
 * min_group_size} rows, the groups named in the note in the form {@code "mae: highest B (3.0000),
 * lowest A (1.0000)"} that the report's findings read) per attribute, with {@code
 * fairness.reference_group} the {@link RegressionReference} comparisons ({@code *_diff_vs_ref},
 * {@code *_ratio_vs_ref}), and {@code empty_intersection_cells} per intersection.
 *
 * <p>The classification metrics (rates, impact ratios, Clarify, AUC, ...) are not computed in this
 * mode: they are absent from results.json, and a run note says so (a rule on one of them is then
 * NOT_APPLICABLE, as for any metric not computed). Reference: Fairlearn's {@code MetricFrame} with
 * {@code mean_absolute_error} / {@code mean_squared_error} (fairlearn.org, "Performing a Fairness
 * Assessment"; its regression examples) — same per-group values, same between-group difference.
 *
 * <p>A row whose label or prediction is null or NaN makes the run fail (exit 2) with the count,
 * rather than being dropped silently.
 */
public final class RegressionAnalysis {

  /** The between-group metrics, in output order. */
  static final List<RegressionMetric> DIFFERENCES =
      List.of(
          RegressionMetric.MEAN_PREDICTION,
          RegressionMetric.MEAN_ERROR,
          RegressionMetric.MAE,
          RegressionMetric.RMSE);

  private RegressionAnalysis() {}

  /** Runs the family: one Spark job. */
  public static FairnessOutcome run(RegressionInput in) {
    SliceColumns cells = SliceColumns.of(in.slices());
    Dataset<Row> data = cells.addTo(in.data());
    List<Grouping> groupings = new ArrayList<>(cells.groupings());
    groupings.add(Grouping.whole(""));
    Column label = FiniteNumbers.of(Columns.named(in.label()));
    Column prediction = FiniteNumbers.of(Columns.named(in.prediction()));
    List<AggregateState<?>> states = List.of(new RegressionAggregate(label, prediction));
    List<GroupedStates> rows =
        SinglePassRunner.run(
            data, groupings, states, cells.limits(in.groups().maxGroups(), Map.of()));

    GroupedStates whole = SliceColumns.whole(rows);
    RegressionState all = whole.state(0);
    if (all.unusable() > 0) {
      throw new BadInputException(
          in.source()
              + ": "
              + all.unusable()
              + " of "
              + all.n()
              + " rows have"
              + " no usable number in label column '"
              + in.label()
              + "' or prediction column '"
              + in.prediction()
              + "' (null, NaN or ±Infinity), so their errors are undefined. Drop or fill those rows.");
    }
    Map<String, Map<String, RegressionState>> groupStates = new HashMap<>();
    Map<String, Set<List<String>>> observedKeys = new HashMap<>();
    for (GroupedStates row : rows) {
      if (!row.grouping().columns().isEmpty()) {
        String name = row.grouping().name();
        observedKeys.computeIfAbsent(name, k -> new HashSet<>()).add(row.key());
        groupStates
            .computeIfAbsent(name, k -> new TreeMap<>())
            .put(SliceColumns.group(row.key()), row.state(0));
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        "fairness.task is regression: label '"
            + in.label()
            + "' and prediction '"
            + in.prediction()
            + "' are read as numbers; only count, mean_prediction, mean_label, mae, rmse"
            + " and their between-group differences are computed (classification metrics such as"
            + " selection_rate or impact_ratio do not apply).");
    List<MetricResult> metrics = new ArrayList<>(group(in, Scope.DATASET, all, null));
    for (Slice slice : in.slices()) {
      metrics.addAll(
          attribute(in, slice.name(), groupStates.getOrDefault(slice.name(), Map.of()), notes));
    }
    metrics.addAll(
        SliceSurvey.emptyCells(
            in.slices(), name -> observedKeys.getOrDefault(name, Set.of()), notes));
    return new FairnessOutcome(metrics, notes);
  }

  private static List<MetricResult> group(
      RegressionInput in, Scope scope, RegressionState s, String note) {
    List<MetricResult> out = new ArrayList<>();
    out.add(MetricResult.Computed.of(key("count", scope), s.n(), s.n(), note));
    for (RegressionMetric m : RegressionMetric.values()) {
      Interval ci = m.interval(s, in.confidence());
      String why = m.isMean() && ci == null ? "no t interval: the group has one row" : null;
      out.add(
          new MetricResult.Computed(
              key(m.id(), scope),
              m.value(s),
              s.n(),
              ci == null ? null : ci.low(),
              ci == null ? null : ci.high(),
              null,
              join(why, note),
              null,
              null));
    }
    return out;
  }

  private static List<MetricResult> attribute(
      RegressionInput in,
      String attribute,
      Map<String, RegressionState> groups,
      List<String> notes) {
    List<MetricResult> out = new ArrayList<>();
    GroupSplit<RegressionState> split =
        GroupSplit.of(groups, RegressionState::n, in.groups().minGroupSize(), "differences");
    Map<String, RegressionState> eligible = split.eligible();
    groups.forEach(
        (g, s) -> out.addAll(group(in, Scope.group(attribute, g), s, split.note(s.n()))));
    split.addNote(attribute, notes);
    String exclusion = split.exclusion();
    for (RegressionMetric m : DIFFERENCES) {
      MetricKey k = key(m.differenceId(), Scope.attribute(attribute));
      if (eligible.size() < 2) {
        out.add(
            new MetricResult.Undefined(
                k,
                null,
                join(
                    m.differenceId()
                        + " is undefined: "
                        + eligible.size()
                        + " group(s) with at least min_group_size "
                        + in.groups().minGroupSize()
                        + " rows; it needs two",
                    exclusion)));
        continue;
      }
      String hi = null;
      String lo = null;
      for (Map.Entry<String, RegressionState> e : eligible.entrySet()) {
        double v = m.value(e.getValue());
        if (hi == null || v > m.value(eligible.get(hi))) {
          hi = e.getKey();
        }
        if (lo == null || v < m.value(eligible.get(lo))) {
          lo = e.getKey();
        }
      }
      double max = m.value(eligible.get(hi));
      double min = m.value(eligible.get(lo));
      long count = eligible.values().stream().mapToLong(RegressionState::n).sum();
      out.add(
          new MetricResult.Computed(
              k,
              max - min,
              count,
              null,
              null,
              null,
              join(
                  m.id()
                      + ": highest "
                      + hi
                      + " ("
                      + fmt(max)
                      + "), lowest "
                      + lo
                      + " ("
                      + fmt(min)
                      + "); max - min over "
                      + eligible.size()
                      + " groups",
                  exclusion),
              hi,
              lo));
    }
    String ref = in.groups().referenceGroups().get(attribute);
    if (ref != null) {
      out.addAll(RegressionReference.of(in, attribute, ref, groups));
    }
    return out;
  }
}
