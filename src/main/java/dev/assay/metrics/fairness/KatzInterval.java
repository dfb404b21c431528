package dev.assay.metrics.fairness;

/**
 * The Katz log interval of a ratio of two independent proportions r = (x1/n1) / (x2/n2) (Katz,
 * Baptista, Azen and Pike, "Obtaining confidence intervals for the risk ratio in cohort studies",
 * Biometrics 34:469–474, 1978), the usual risk-ratio interval (Altman et al., Statistics with
 * Confidence, 2nd ed., ch. 7):
 *
 * <pre>
 *   se(ln r) = sqrt(1/x1 − 1/n1 + 1/x2 − 1/n2)
 *   [r · exp(−z · se), r · exp(z · se)]
 * </pre>
 *
 * <p>Range (0, ∞). Undefined (null) when x1 or x2 is 0: ln r or its standard error is then
 * infinite. Assay applies no 0.5 continuity correction, so an undefined interval is reported as
 * such rather than as an arbitrary one.
 */
public final class KatzInterval {

  private KatzInterval() {}

  /** The interval of (x1/n1) / (x2/n2) at quantile z, or null when x1 or x2 is 0. */
  public static Interval of(long x1, long n1, long x2, long n2, double z) {
    if (n1 <= 0 || n2 <= 0) {
      throw new IllegalArgumentException("both groups need rows");
    }
    if (x1 == 0 || x2 == 0) {
      return null;
    }
    double r = ((double) x1 / n1) / ((double) x2 / n2);
    double se = Math.sqrt(1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2);
    return new Interval(r * Math.exp(-z * se), r * Math.exp(z * se));
  }
}
