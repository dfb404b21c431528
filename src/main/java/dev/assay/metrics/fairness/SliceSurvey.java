package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.AnalysisContext.fmt;
import static dev.assay.metrics.fairness.AnalysisContext.key;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Two views across slices, computed on the driver from the groups' states (no extra pass):
 *
 * <ul>
 *   <li>{@code empty_intersection_cells} (per intersection): the number of combinations of the
 *       attributes' observed values — the values each attribute takes in the intersection's groups
 *       — that have no row at all. Range [0, Π values − 1]; 0 means every combination occurs. The
 *       note lists the first {@value #LISTED} empty combinations in lexicographic order. A model
 *       audited on such data says nothing about those people.
 *   <li>{@code worst_slice_rank} (per group): with {@code fairness.top_k: k}, the k worst groups
 *       over every attribute and intersection by the per-group metric {@code fairness.rank_by}
 *       (default {@code selection_rate}), among groups with at least min_group_size rows and a
 *       defined value; 1 is the worst. Worst is the highest value for the error rates ({@code
 *       false_positive_rate}, {@code false_negative_rate}), the lowest favourable rate for {@code
 *       selection_rate} (the highest selection rate when the favourable prediction is the negative
 *       one), and the lowest value for every other rate. Ties by name.
 * </ul>
 */
final class SliceSurvey {

  /** How many empty combinations a note names. */
  static final int LISTED = 20;

  private SliceSurvey() {}

  /**
   * The empty cells of every intersection of {@code slices} (a slice of one column has none).
   *
   * @param observed the key lists seen per slice name (one value per attribute)
   */
  static List<MetricResult> emptyCells(
      List<Slice> slices, Function<String, Set<List<String>>> observed, List<String> notes) {
    List<MetricResult> metrics = new ArrayList<>();
    for (Slice slice : slices) {
      if (slice.columns().size() > 1) {
        metrics.add(
            emptyCells(slice.name(), slice.columns().size(), observed.apply(slice.name()), notes));
      }
    }
    return metrics;
  }

  /**
   * The empty cells of one intersection.
   *
   * @param observed the key lists of its groups (one value per attribute)
   */
  static MetricResult emptyCells(
      String attribute, int width, Set<List<String>> observed, List<String> notes) {
    List<List<String>> values = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      TreeSet<String> v = new TreeSet<>();
      for (List<String> k : observed) {
        v.add(k.get(i));
      }
      values.add(new ArrayList<>(v));
    }
    double combinations = 1;
    for (List<String> v : values) {
      combinations *= v.size();
    }
    double empty = combinations - observed.size();
    List<String> listed = new ArrayList<>();
    // An odometer over the cross product; it stops after LISTED empty cells, so it takes at most
    // observed + LISTED steps whatever the product's size.
    int[] at = new int[width];
    boolean done = observed.isEmpty();
    while (!done && listed.size() < LISTED && empty > 0) {
      List<String> cell = new ArrayList<>(width);
      for (int i = 0; i < width; i++) {
        cell.add(values.get(i).get(at[i]));
      }
      if (!observed.contains(cell)) {
        listed.add(String.join(Scope.INTERSECTION_SEPARATOR, cell));
      }
      int i = width - 1;
      while (i >= 0 && ++at[i] == values.get(i).size()) {
        at[i] = 0;
        i--;
      }
      done = i < 0;
    }
    String note =
        empty == 0
            ? "every one of the "
                + (long) combinations
                + " combinations of observed values has rows"
            : (long) empty
                + " of "
                + (long) combinations
                + " combinations of observed values have no row: "
                + String.join(", ", listed)
                + (empty > listed.size() ? ", ..." : "");
    if (empty > 0) {
      notes.add(attribute + ": " + note + ".");
    }
    return MetricResult.Computed.of(
        key("empty_intersection_cells", Scope.attribute(attribute)),
        empty,
        (long) combinations,
        note);
  }

  /** A group of some slice, for ranking. */
  record Candidate(String attribute, String group, double value, long n) {}

  /** The {@code k} worst groups by {@code metric}, as {@code worst_slice_rank} results. */
  static List<MetricResult> worst(
      AnalysisContext c,
      Map<String, Map<String, ConfusionState>> slices,
      int k,
      GroupMetric metric,
      List<String> notes) {
    if (k <= 0 || !metric.computable(c.hasLabel(), c.in().hasPrediction())) {
      if (k > 0) {
        notes.add(
            "top_k: "
                + metric.id()
                + " needs a "
                + (c.hasLabel() ? "prediction" : "label")
                + ", so no worst slices are listed.");
      }
      return List.of();
    }
    boolean higherIsWorse =
        metric == GroupMetric.FALSE_POSITIVE_RATE
            || metric == GroupMetric.FALSE_NEGATIVE_RATE
            || (metric == GroupMetric.SELECTION_RATE && !c.in().outcomes().favourableIsPositive());
    List<Candidate> all = new ArrayList<>();
    slices.forEach(
        (attribute, groups) ->
            groups.forEach(
                (g, s) -> {
                  double v = metric.value(s);
                  if (s.n() >= c.in().groups().minGroupSize() && !Double.isNaN(v)) {
                    all.add(new Candidate(attribute, g, v, s.n()));
                  }
                }));
    Comparator<Candidate> order = Comparator.comparingDouble(Candidate::value);
    if (higherIsWorse) {
      order = order.reversed();
    }
    order = order.thenComparing(Candidate::attribute).thenComparing(Candidate::group);
    all.sort(order);
    List<MetricResult> out = new ArrayList<>();
    List<String> text = new ArrayList<>();
    for (int i = 0; i < Math.min(k, all.size()); i++) {
      Candidate x = all.get(i);
      String desc = metric.id() + " " + fmt(x.value()) + " (n=" + x.n() + ")";
      out.add(
          MetricResult.Computed.of(
              key("worst_slice_rank", Scope.group(x.attribute(), x.group())),
              i + 1,
              x.n(),
              "rank "
                  + (i + 1)
                  + " of the "
                  + k
                  + " worst groups by "
                  + metric.id()
                  + (higherIsWorse ? " (highest first)" : " (lowest first)")
                  + ": "
                  + desc));
      text.add((i + 1) + ". " + x.attribute() + " = " + x.group() + ": " + desc);
    }
    notes.add(
        "Worst "
            + out.size()
            + " slices by "
            + metric.id()
            + " (groups with at least "
            + c.in().groups().minGroupSize()
            + " rows): "
            + String.join("; ", text)
            + ".");
    return out;
  }
}
