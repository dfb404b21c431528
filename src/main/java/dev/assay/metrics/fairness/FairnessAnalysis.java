package dev.assay.metrics.fairness;

import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.AggregateState;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The fairness family in one pass over the data: a {@link ConfusionState} per group of every
 * sensitive attribute and intersection (and of the whole data set), rolled up on the driver from
 * one aggregation over the finest cells ({@link SinglePassRunner}), then plain Java for the per-group rates ({@link GroupMetric}), the impact ratios and
 * the between-group disparities ({@link Disparity}). The label and prediction checks ride in the
 * same job.
 *
 * <p>Missing sensitive values form their own group, {@value #MISSING}, rather than being
 * dropped. Groups smaller than {@code min_group_size} are reported with a note and left out of
 * differences, ratios and the impact-ratio reference.
 */
public final class FairnessAnalysis {

  /** The group that holds rows whose sensitive value is missing. */
  public static final String MISSING = "(missing)";

  /**
   * A bound on the cells (distinct combinations of all sensitive columns) brought to the driver;
   * more means an identifier was named as sensitive.
   */
  public static final long MAX_CELLS = 1_000_000;

  private FairnessAnalysis() {
  }

  /** Runs the family. */
  public static FairnessOutcome run(FairnessInput in) {
    List<String> columns = in.slices().stream().flatMap(s -> s.columns().stream()).distinct().toList();
    Dataset<Row> data = in.data();
    for (int i = 0; i < columns.size(); i++) {
      data = data.withColumn(groupColumn(i), functions.coalesce(
          functions.col(columns.get(i)).cast("string"), functions.lit(MISSING)));
    }
    List<Grouping> groupings = new ArrayList<>();
    for (Slice slice : in.slices()) {
      groupings.add(new Grouping(slice.name(),
          slice.columns().stream().map(c -> groupColumn(columns.indexOf(c))).toList()));
    }
    Grouping whole = Grouping.whole("");
    groupings.add(whole);

    Column label = in.label() == null ? functions.lit(null).cast("int") : in.label().asInt();
    Column score = in.score() == null ? functions.lit(null).cast("double")
        : functions.col(in.score()).cast("double");
    Column prediction = in.prediction() != null ? in.prediction().asInt()
        : in.threshold() != null ? functions.when(score.geq(in.threshold()), 1).when(score.isNotNull(), 0)
        : functions.lit(null).cast("int");

    List<AggregateState<?>> states = new ArrayList<>();
    states.add(new ConfusionAggregate(label, prediction, score));
    if (in.label() != null) {
      states.add(in.label());
    }
    if (in.prediction() != null) {
      states.add(in.prediction());
    }
    List<GroupedStates> rows = SinglePassRunner.run(data, groupings, states, MAX_CELLS);

    List<MetricResult> metrics = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    // Empty input gives no cell at all, so no row for the whole data set either.
    if (rows.stream().noneMatch(r -> r.grouping().columns().isEmpty())) {
      throw new BadInputException("the current data set has no rows: there is nothing to audit."
          + " Check data.current's path and filters.");
    }
    for (GroupedStates row : rows) {
      if (row.grouping().columns().isEmpty()) {
        checkWholeDataSet(in, row);
        ConfusionState all = row.state(0);
        metrics.addAll(groupMetrics(in, Scope.DATASET, all, null));
      }
    }
    for (Slice slice : in.slices()) {
      Map<String, ConfusionState> groups = new java.util.TreeMap<>();
      for (GroupedStates row : rows) {
        if (row.grouping().name().equals(slice.name()) && !row.grouping().columns().isEmpty()) {
          groups.put(String.join(Scope.INTERSECTION_SEPARATOR, row.key()), row.state(0));
        }
      }
      metrics.addAll(attributeMetrics(in, slice.name(), groups, notes));
    }
    return new FairnessOutcome(metrics, notes);
  }

  private static String groupColumn(int i) {
    return "__assay_group_" + i;
  }

  private static void checkWholeDataSet(FairnessInput in, GroupedStates row) {
    ConfusionState all = row.state(0);
    int next = 1;
    if (in.label() != null) {
      in.label().check(row.state(next++), in.data());
    }
    if (in.prediction() != null) {
      in.prediction().check(row.state(next), in.data());
    } else if (in.threshold() != null && all.scoreCount() < all.n()) {
      throw new BadInputException("score column '" + in.score() + "' is empty on "
          + (all.n() - all.scoreCount()) + " rows, so prediction := score >= threshold is undefined"
          + " there. Drop or fill those rows, or name a prediction column.");
    }
  }

  /** Per-group metrics of one group (or of the whole data set). */
  private static List<MetricResult> groupMetrics(FairnessInput in, Scope scope, ConfusionState s,
                                                 String note) {
    List<MetricResult> out = new ArrayList<>();
    out.add(new MetricResult.Computed(key("count", scope), s.n(), s.n(), null, null, null, note));
    boolean hasLabel = in.label() != null;
    for (GroupMetric m : GroupMetric.values()) {
      if (!m.computable(hasLabel, in.hasPrediction())) {
        continue;
      }
      double v = m.value(s);
      out.add(Double.isNaN(v)
          ? new MetricResult.Undefined(key(m.id(), scope), s.n(), join(m.undefinedReason(s), note))
          : new MetricResult.Computed(key(m.id(), scope), v, s.n(), null, null, null, note));
    }
    if (in.score() != null) {
      MetricKey k = key("mean_score", scope);
      out.add(s.scoreCount() == 0
          ? new MetricResult.Undefined(k, s.n(), join("mean_score is undefined: no score in this group", note))
          : new MetricResult.Computed(k, s.scoreSum() / s.scoreCount(), s.n(), null, null, null, note));
    }
    return out;
  }

  private static List<MetricResult> attributeMetrics(FairnessInput in, String attribute,
                                                     Map<String, ConfusionState> groups,
                                                     List<String> notes) {
    List<MetricResult> out = new ArrayList<>();
    Map<String, ConfusionState> eligible = new LinkedHashMap<>();
    List<String> excluded = new ArrayList<>();
    groups.forEach((group, s) -> {
      String note = null;
      if (s.n() < in.minGroupSize()) {
        note = "insufficient data: " + s.n() + " rows < min_group_size " + in.minGroupSize()
            + "; left out of differences and ratios";
        excluded.add(group + " (n=" + s.n() + ")");
      } else {
        eligible.put(group, s);
      }
      out.addAll(groupMetrics(in, Scope.group(attribute, group), s, note));
    });
    if (!excluded.isEmpty()) {
      notes.add(attribute + ": groups smaller than min_group_size " + in.minGroupSize()
          + " are shown but left out of differences and ratios: " + String.join(", ", excluded) + ".");
    }
    String exclusionNote = excluded.isEmpty() ? null : "excluded (too small): " + String.join(", ", excluded);
    if (in.hasPrediction()) {
      out.addAll(impactRatios(in, attribute, groups, eligible));
    }
    for (Disparity d : Disparity.values()) {
      if (d.computable(in.label() != null, in.hasPrediction())) {
        out.add(disparity(in, d, attribute, eligible, exclusionNote));
      }
    }
    return out;
  }

  /**
   * impact_ratio: a group's favourable-prediction rate ÷ the highest such rate among the groups
   * large enough to count (NYC Local Law 144's impact ratio; EEOC's four-fifths comparison).
   */
  private static List<MetricResult> impactRatios(FairnessInput in, String attribute,
                                                 Map<String, ConfusionState> groups,
                                                 Map<String, ConfusionState> eligible) {
    Disparity.Rate rate = Disparity.Rate.FAVOURABLE;
    String best = null;
    double max = Double.NaN;
    for (Map.Entry<String, ConfusionState> e : eligible.entrySet()) {
      double v = rate.value(e.getValue(), in.favourableIsPositive());
      if (!Double.isNaN(v) && (best == null || v > max)) {
        best = e.getKey();
        max = v;
      }
    }
    List<MetricResult> out = new ArrayList<>();
    for (Map.Entry<String, ConfusionState> e : groups.entrySet()) {
      MetricKey k = key("impact_ratio", Scope.group(attribute, e.getKey()));
      double v = rate.value(e.getValue(), in.favourableIsPositive());
      if (best == null) {
        out.add(new MetricResult.Undefined(k, e.getValue().n(),
            "impact_ratio is undefined: no group has at least min_group_size rows"));
      } else if (max == 0.0) {
        out.add(new MetricResult.Undefined(k, e.getValue().n(),
            "impact_ratio is undefined: the highest favourable rate is 0"));
      } else {
        String note = "relative to " + best + " (favourable rate " + fmt(max) + ")";
        if (!eligible.containsKey(e.getKey())) {
          note += "; insufficient data: fewer than min_group_size rows";
        }
        out.add(new MetricResult.Computed(k, v / max, e.getValue().n(), null, null, null, note));
      }
    }
    return out;
  }

  private static MetricResult disparity(FairnessInput in, Disparity d, String attribute,
                                        Map<String, ConfusionState> eligible, String exclusionNote) {
    MetricKey k = key(d.id(), Scope.attribute(attribute));
    Double combined = null;
    String combinedNote = null;
    for (Disparity.Rate rate : d.rates()) {
      String label = rate.label(in.favourableIsPositive());
      List<Map.Entry<String, Double>> values = new ArrayList<>();
      for (Map.Entry<String, ConfusionState> e : eligible.entrySet()) {
        double v = rate.value(e.getValue(), in.favourableIsPositive());
        if (!Double.isNaN(v)) {
          values.add(Map.entry(e.getKey(), v));
        }
      }
      if (values.size() < 2) {
        return new MetricResult.Undefined(k, null, join(d.id() + " is undefined: it needs at least two"
            + " groups with a defined " + label + " and at least min_group_size rows; found "
            + values.size(), exclusionNote));
      }
      values.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
      Map.Entry<String, Double> min = values.get(0);
      Map.Entry<String, Double> max = values.stream()
          .max(Comparator.comparing(Map.Entry<String, Double>::getValue)
              .thenComparing(Map.Entry.<String, Double>comparingByKey().reversed())).orElseThrow();
      double value;
      if (d.kind() == Disparity.Kind.DIFFERENCE) {
        value = max.getValue() - min.getValue();
      } else if (max.getValue() == 0.0) {
        return new MetricResult.Undefined(k, null, join(d.id() + " is undefined: every group has "
            + label + " 0", exclusionNote));
      } else {
        value = min.getValue() / max.getValue();
      }
      String note = label + ": highest " + max.getKey() + " (" + fmt(max.getValue()) + "), lowest "
          + min.getKey() + " (" + fmt(min.getValue()) + ")";
      boolean worse = combined == null
          || (d.kind() == Disparity.Kind.DIFFERENCE ? value > combined : value < combined);
      if (worse) {
        combined = value;
        combinedNote = note;
      }
    }
    return new MetricResult.Computed(k, combined, null, null, null, null, join(combinedNote, exclusionNote));
  }

  private static MetricKey key(String metric, Scope scope) {
    return new MetricKey(Family.FAIRNESS, metric, scope);
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + "; " + b;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
