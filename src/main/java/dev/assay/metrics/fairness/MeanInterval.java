package dev.assay.metrics.fairness;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student's t intervals for a mean and Welch's interval for a difference of two means, from the
 * sums a mergeable state keeps (n, Σx, Σx²), so they need no second pass.
 *
 * <pre>
 *   x̄ = Σx / n,   s² = (Σx² − n x̄²) / (n − 1)   (clamped at 0 against cancellation)
 *   one mean:        x̄ ± t(1 − α/2; n − 1) · s / √n                         (Student 1908)
 *   two means (g, r): (x̄_g − x̄_r) ± t(1 − α/2; ν) · √(s_g²/n_g + s_r²/n_r),
 *                    ν = (s_g²/n_g + s_r²/n_r)² / [(s_g²/n_g)²/(n_g − 1) + (s_r²/n_r)²/(n_r − 1)]
 *                    (Welch 1947; Satterthwaite 1946)
 * </pre>
 *
 * <p>As in NIST/SEMATECH, <i>e-Handbook of Statistical Methods</i>, §7.2.2.1 (one mean) and §7.3.1
 * (two means, unequal variances). The interval treats rows as independent draws and relies on the
 * mean being roughly normal (the central limit theorem; fine for the group sizes {@code
 * min_group_size} admits, rough for very skewed errors in small groups). No interval with fewer
 * than two rows in a group (null), or when both variances are 0 for Welch (a zero-width interval at
 * the difference, since ν is undefined).
 */
final class MeanInterval {

  private MeanInterval() {}

  /** The sample variance from n, Σx, Σx², clamped at 0; NaN for n < 2. */
  static double variance(long n, double sum, double squareSum) {
    if (n < 2) {
      return Double.NaN;
    }
    double mean = sum / n;
    return Math.max(0.0, (squareSum - n * mean * mean) / (n - 1));
  }

  /** The t interval of the mean at {@code confidence}, or null with fewer than two rows. */
  static Interval of(long n, double sum, double squareSum, double confidence) {
    if (n < 2) {
      return null;
    }
    double mean = sum / n;
    double half = t(confidence, n - 1) * Math.sqrt(variance(n, sum, squareSum) / n);
    return new Interval(mean - half, mean + half);
  }

  /**
   * Welch's interval of mean(g) − mean(r), or null when a side has fewer than two rows. With both
   * variances 0 the interval is the point itself.
   */
  static Interval difference(
      long ng, double sumG, double sqG, long nr, double sumR, double sqR, double confidence) {
    if (ng < 2 || nr < 2) {
      return null;
    }
    double d = sumG / ng - sumR / nr;
    double vg = variance(ng, sumG, sqG) / ng;
    double vr = variance(nr, sumR, sqR) / nr;
    double se2 = vg + vr;
    if (se2 == 0.0) {
      return new Interval(d, d);
    }
    double df = se2 * se2 / (vg * vg / (ng - 1) + vr * vr / (nr - 1));
    double half = t(confidence, df) * Math.sqrt(se2);
    return new Interval(d - half, d + half);
  }

  /** The 1 − α/2 quantile of Student's t with {@code df} degrees of freedom. */
  static double t(double confidence, double df) {
    return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }
}
