package dev.assay.metrics.fairness;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The lowest and the highest group of one rate, the pair a between-group difference (max − min) or
 * ratio (min ÷ max) is read from, with the interval of that pair's comparison: Newcombe's for a
 * difference, Katz's for a ratio. The pair is chosen from the data, so the interval is that of
 * these two groups, not a simultaneous interval over all groups.
 *
 * @param min the lowest value (the first group by name on a tie)
 * @param max the highest value (the first group by name on a tie)
 */
record ExtremePair(Map.Entry<String, Double> min, Map.Entry<String, Double> max) {

  private static final Comparator<Map.Entry<String, Double>> LOWEST_FIRST =
      Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey());

  private static final Comparator<Map.Entry<String, Double>> HIGHEST =
      Comparator.comparing(Map.Entry<String, Double>::getValue)
          .thenComparing(Map.Entry.<String, Double>comparingByKey().reversed());

  /** The pair of at least two values; when every value is equal both ends are the same group. */
  static ExtremePair of(List<Map.Entry<String, Double>> values) {
    List<Map.Entry<String, Double>> sorted = sorted(values);
    return new ExtremePair(sorted.get(0), sorted.stream().max(HIGHEST).orElseThrow());
  }

  /** The pair of at least two values, the highest chosen among the groups other than the lowest. */
  static ExtremePair distinct(List<Map.Entry<String, Double>> values) {
    List<Map.Entry<String, Double>> sorted = sorted(values);
    return new ExtremePair(
        sorted.get(0), sorted.subList(1, sorted.size()).stream().max(HIGHEST).orElseThrow());
  }

  private static List<Map.Entry<String, Double>> sorted(List<Map.Entry<String, Double>> values) {
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(values);
    sorted.sort(LOWEST_FIRST);
    return sorted;
  }

  /** max − min for a difference, min ÷ max for a ratio (the caller rules out max = 0). */
  double value(boolean ratio) {
    return ratio ? min.getValue() / max.getValue() : max.getValue() - min.getValue();
  }

  /** The interval of the pair's comparison from each end's successes {@code x} out of {@code n}. */
  static Interval interval(boolean ratio, long xHigh, long nHigh, long xLow, long nLow, double z) {
    return ratio
        ? KatzInterval.of(xLow, nLow, xHigh, nHigh, z)
        : NewcombeInterval.of(xHigh, nHigh, xLow, nLow, z);
  }

  /** How the interval was made, as a note says it; {@code level} reads like "95 %". */
  static String method(boolean ratio, String level, Interval ci) {
    return ratio
        ? level
            + " Katz interval of the ratio of these two groups"
            + (ci == null ? " undefined: the lowest group's count is 0" : "")
        : level + " Newcombe interval of the difference of these two groups";
  }

  /** "label: highest A (0.5), lowest B (0.25); method". */
  String note(String label, String method) {
    return label
        + ": highest "
        + max.getKey()
        + " ("
        + AnalysisContext.fmt(max.getValue())
        + "), lowest "
        + min.getKey()
        + " ("
        + AnalysisContext.fmt(min.getValue())
        + "); "
        + method;
  }

  /**
   * Whether {@code value} is worse than the one already chosen (higher difference, lower ratio).
   */
  static boolean worse(boolean ratio, double value, MetricResult chosen) {
    if (chosen == null) {
      return true;
    }
    double before = chosen.number().getAsDouble();
    return ratio ? value < before : value > before;
  }

  /**
   * The between-group result {@code value} of {@code key}, with its interval (null for none) and
   * the two groups of this pair as the extremes.
   */
  MetricResult result(MetricKey key, double value, Interval ci, String note) {
    return new MetricResult.Computed(
        key,
        value,
        null,
        ci == null ? null : ci.low(),
        ci == null ? null : ci.high(),
        null,
        note,
        max.getKey(),
        min.getKey());
  }
}
