package dev.assay.core;

/**
 * The Wilson score interval of a binomial proportion x / n (Wilson 1927; method 3 of Newcombe,
 * Statistics in Medicine 17:857–872, 1998), without continuity correction — statsmodels' {@code
 * proportion_confint(method="wilson")}:
 *
 * <pre>
 *   centre = (x + z²/2) / (n + z²)
 *   half   = z / (n + z²) · sqrt(x (n − x) / n + z²/4)
 *   [centre − half, centre + half]
 * </pre>
 *
 * <p>Shared by every family that reports a rate with an interval; it lies in [0, 1] and is never
 * degenerate for n ≥ 1.
 *
 * @param low the lower end
 * @param high the upper end
 */
public record WilsonScore(double low, double high) {

  /** The interval of x / n at the standard normal quantile z; n must be positive, 0 ≤ x ≤ n. */
  public static WilsonScore of(long x, long n, double z) {
    if (n <= 0 || x < 0 || x > n) {
      throw new IllegalArgumentException("need 0 <= x <= n and n > 0, got " + x + " of " + n);
    }
    double z2 = z * z;
    double centre = (x + z2 / 2) / (n + z2);
    double half = z / (n + z2) * Math.sqrt((double) x * (n - x) / n + z2 / 4);
    // Exact ends at 0 of n and n of n (the formula gives them up to rounding).
    double low = x == 0 ? 0.0 : Math.max(0.0, centre - half);
    double high = x == n ? 1.0 : Math.min(1.0, centre + half);
    return new WilsonScore(low, high);
  }
}
