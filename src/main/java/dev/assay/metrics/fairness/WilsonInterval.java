package dev.assay.metrics.fairness;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilson score interval of a binomial proportion x / n (Wilson 1927; method 3 of Newcombe,
 * "Two-sided confidence intervals for the single proportion: comparison of seven methods",
 * Statistics in Medicine 17:857–872, 1998), without continuity correction — the interval
 * statsmodels' {@code proportion_confint(method="wilson")} gives:
 *
 * <pre>
 *   centre = (x + z²/2) / (n + z²)
 *   half   = z / (n + z²) · sqrt(x (n − x) / n + z²/4)
 *   [centre − half, centre + half]
 * </pre>
 *
 * <p>z is the standard normal quantile at 1 − (1 − confidence)/2 (1.959964 for 0.95). The interval
 * always lies in [0, 1], is never degenerate for n ≥ 1 (0 of n gives [0, z²/(n + z²)]), and keeps
 * close to its nominal coverage for small n and rates near 0 or 1, where the Wald interval fails. n
 * = 0 has no interval (callers report the rate as undefined).
 */
public final class WilsonInterval {

  private WilsonInterval() {}

  /** The two-sided standard normal quantile for a confidence level in (0, 1). */
  public static double z(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
    return new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  /** The interval of x / n at quantile z; n must be positive and 0 ≤ x ≤ n. */
  public static Interval of(long x, long n, double z) {
    dev.assay.core.WilsonScore w = dev.assay.core.WilsonScore.of(x, n, z);
    return new Interval(w.low(), w.high());
  }
}
