package dev.assay.metrics.fairness;

/**
 * The interval of a difference of two independent proportions p1 − p2 = x1/n1 − x2/n2 by Newcombe's
 * hybrid score method (method 10 of Newcombe, "Interval estimation for the difference between
 * independent proportions: comparison of eleven methods", Statistics in Medicine 17:873–890, 1998),
 * built from the two Wilson intervals [l1, u1] and [l2, u2]:
 *
 * <pre>
 *   low  = (p1 − p2) − sqrt((p1 − l1)² + (u2 − p2)²)
 *   high = (p1 − p2) + sqrt((u1 − p1)² + (p2 − l2)²)
 * </pre>
 *
 * <p>Range within [−1, 1]; defined whenever n1, n2 ≥ 1 (also for 0 of n and n of n, where the Wald
 * interval collapses). It is what statsmodels' {@code confint_proportions_2indep(method=
 * "newcomb")} computes.
 */
public final class NewcombeInterval {

  private NewcombeInterval() {}

  /** The interval of x1/n1 − x2/n2 at quantile z; both n must be positive. */
  public static Interval of(long x1, long n1, long x2, long n2, double z) {
    Interval a = WilsonInterval.of(x1, n1, z);
    Interval b = WilsonInterval.of(x2, n2, z);
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    double d = p1 - p2;
    double low = d - Math.sqrt(sq(p1 - a.low()) + sq(b.high() - p2));
    double high = d + Math.sqrt(sq(a.high() - p1) + sq(p2 - b.low()));
    return new Interval(Math.max(-1.0, low), Math.min(1.0, high));
  }

  private static double sq(double v) {
    return v * v;
  }
}
