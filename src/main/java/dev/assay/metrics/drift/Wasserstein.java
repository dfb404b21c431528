package dev.assay.metrics.drift;

/**
 * The first Wasserstein (earth mover's) distance between the two empirical distributions, W = ∫
 * |F_ref(x) − F_cur(x)| dx, computed exactly from per-value counts as Σ_i |F_ref(v_i) − F_cur(v_i)|
 * · (v_{i+1} − v_i) over the sorted distinct values (scipy's {@code stats.wasserstein_distance}).
 *
 * <p>{@code wasserstein}: in the column's units, 0 for identical distributions, higher is more
 * drift. {@code wasserstein_normed}: W ÷ max(σ_ref, 0.001), with σ_ref the reference's population
 * standard deviation — Evidently's {@code wasserstein} drift test (default threshold 0.1). Both are
 * undefined when either side has no non-null value.
 */
public final class Wasserstein {

  public static final String DISTANCE = "wasserstein";
  public static final String NORMED = "wasserstein_normed";

  /** Evidently's floor of the reference standard deviation. */
  public static final double MIN_STD = 0.001;

  private Wasserstein() {}

  /** W from sorted distinct {@code values} and each side's counts; NaN when a side is empty. */
  public static double distance(double[] values, long[] ref, long[] cur) {
    long n = KolmogorovSmirnov.sum(ref);
    long m = KolmogorovSmirnov.sum(cur);
    if (n == 0 || m == 0) {
      return Double.NaN;
    }
    long cr = 0;
    long cc = 0;
    double w = 0;
    for (int i = 0; i + 1 < values.length; i++) {
      cr += ref[i];
      cc += cur[i];
      w += Math.abs((double) cr / n - (double) cc / m) * (values[i + 1] - values[i]);
    }
    return w;
  }

  /** The population standard deviation of the values weighted by {@code counts}; NaN when empty. */
  public static double populationStd(double[] values, long[] counts) {
    long n = KolmogorovSmirnov.sum(counts);
    if (n == 0) {
      return Double.NaN;
    }
    double mean = 0;
    for (int i = 0; i < values.length; i++) {
      mean += values[i] * counts[i];
    }
    mean /= n;
    double ss = 0;
    for (int i = 0; i < values.length; i++) {
      double dev = values[i] - mean;
      ss += dev * dev * counts[i];
    }
    return Math.sqrt(ss / n);
  }

  /** W ÷ max(σ_ref, {@value #MIN_STD}). */
  public static double normed(double distance, double referenceStd) {
    return distance / Math.max(referenceStd, MIN_STD);
  }
}
