package dev.assay.metrics.fairness;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The percentile bootstrap interval of a between-group metric (Efron and Tibshirani, <i>An
 * Introduction to the Bootstrap</i>, 1993, §13.3): the metric is recomputed on each Poisson
 * replicate's weighted counts ({@link BootstrapState}), and the interval at level 1 − α is the α/2
 * and 1 − α/2 quantiles of the defined replicate values, with linear interpolation between order
 * statistics (R's {@code quantile(type = 7)}, numpy's default). Replicates where the metric is
 * undefined (for example a group with no positive label in that replicate) are left out and counted
 * in the note; with fewer than two defined replicates there is no interval.
 *
 * <p>It applies to every between-group metric of {@link Disparity} and to {@code auc_difference}:
 * their extreme groups are chosen from the data, which the two-group Newcombe and Katz intervals
 * ignore, while each replicate re-chooses them. Monte Carlo error: with B replicates a 95 % bound
 * moves by roughly its standard error · 1.1/√(B/100) between seeds; use B ≥ 1000 for reporting.
 *
 * @param replicates the per-group replicate counts of one attribute (groups that count only)
 * @param keys the per-group, per-score-key replicate counts (for AUC), possibly empty
 */
record BootstrapInterval(
    Map<String, BootstrapState> replicates,
    Map<String, Map<Long, BootstrapState>> keys,
    long seed) {

  /** The number of replicates. */
  int size() {
    return replicates.values().stream().findFirst().map(BootstrapState::replicates).orElse(0);
  }

  /** Replicate r's confusion states of the groups in {@code groups}. */
  Map<String, ConfusionState> states(int r, Iterable<String> groups) {
    Map<String, ConfusionState> out = new TreeMap<>();
    for (String g : groups) {
      BootstrapState s = replicates.get(g);
      if (s != null) {
        out.put(g, s.replicate(r));
      }
    }
    return out;
  }

  /** Replicate r's score histogram of one group. */
  ScoreHistogram histogram(int r, String group) {
    Map<Long, ConfusionState> h = new TreeMap<>();
    keys.getOrDefault(group, Map.of()).forEach((k, s) -> h.put(k, s.replicate(r)));
    return ScoreHistogram.of(h);
  }

  /** The values of {@code metric} on every replicate (NaN where undefined). */
  double[] values(ToDoubleFunction<Integer> metric) {
    double[] out = new double[size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = metric.applyAsDouble(r);
    }
    return out;
  }

  /**
   * The percentile interval of the defined values at {@code confidence}, or null with fewer than
   * two.
   */
  static Interval percentile(double[] values, double confidence) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length < 2) {
      return null;
    }
    double alpha = 1.0 - confidence;
    return new Interval(quantile(v, alpha / 2), quantile(v, 1 - alpha / 2));
  }

  /** R's type-7 quantile of sorted values: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * "95 % bootstrap percentile interval (200 Poisson replicates, seed 0; 3 undefined left out)".
   */
  static String describe(String level, double[] values, long seed) {
    long undefined = Arrays.stream(values).filter(Double::isNaN).count();
    return level
        + " bootstrap percentile interval ("
        + values.length
        + " Poisson replicates, seed "
        + seed
        + (undefined == 0 ? "" : "; " + undefined + " undefined left out")
        + ")";
  }
}
