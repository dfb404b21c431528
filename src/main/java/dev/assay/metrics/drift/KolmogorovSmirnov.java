package dev.assay.metrics.drift;

/**
 * The two-sample Kolmogorov–Smirnov test, computed exactly from per-value counts.
 *
 * <p>{@code ks_statistic}: D = max over x of |F_ref(x) − F_cur(x)|, the largest gap between the two
 * empirical distribution functions (scipy's {@code ks_2samp} statistic, two-sided). Ties are
 * handled exactly: both functions jump at each distinct value by that value's count. Range 0 to 1;
 * higher means more drift. Undefined when either side has no non-null value.
 *
 * <p>{@code ks_p_value}: the asymptotic Kolmogorov distribution, p = Q_KS(√(n·m/(n+m)) · D) with
 * Q_KS(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}, which is scipy's {@code
 * stats.kstwobign.sf(sqrt(n*m/(n+m)) * D)} — the value of scipy's {@code ks_2samp(...,
 * method='asymp')} before scipy 1.5, and the classic large-sample formula of Smirnov (1948). Range
 * 0 to 1; lower means more evidence of drift. It slightly overstates p for small samples (below
 * about 100 per side) compared with scipy's exact method.
 */
public final class KolmogorovSmirnov {

  public static final String STATISTIC = "ks_statistic";
  public static final String P_VALUE = "ks_p_value";

  private KolmogorovSmirnov() {}

  /** D from sorted distinct values' counts on each side; NaN when a side is empty. */
  public static double statistic(long[] ref, long[] cur) {
    long n = sum(ref);
    long m = sum(cur);
    if (n == 0 || m == 0) {
      return Double.NaN;
    }
    long cr = 0;
    long cc = 0;
    double d = 0;
    for (int i = 0; i < ref.length; i++) {
      cr += ref[i];
      cc += cur[i];
      d = Math.max(d, Math.abs((double) cr / n - (double) cc / m));
    }
    return d;
  }

  /** The asymptotic p-value for statistic {@code d} with sample sizes {@code n} and {@code m}. */
  public static double pValue(double d, long n, long m) {
    double en = (double) n * m / ((double) n + m);
    return kolmogorovSurvival(Math.sqrt(en) * d);
  }

  /**
   * Q_KS(λ) = P(K &gt; λ) of the Kolmogorov distribution (scipy's {@code kstwobign.sf}). For λ &lt;
   * 1.18 it uses Jacobi's dual series 1 − (√(2π)/λ) Σ e^{−(2k−1)²π²/(8λ²)}, which converges fast
   * there; above it the alternating series.
   */
  public static double kolmogorovSurvival(double lambda) {
    if (lambda <= 0) {
      return 1.0;
    }
    double p;
    if (lambda < 1.18) {
      double s = 0;
      for (int k = 1; k <= 20; k++) {
        double odd = 2 * k - 1;
        s += Math.exp(-odd * odd * Math.PI * Math.PI / (8 * lambda * lambda));
      }
      p = 1 - Math.sqrt(2 * Math.PI) / lambda * s;
    } else {
      double s = 0;
      for (int k = 1; k <= 100; k++) {
        double term = Math.exp(-2.0 * k * k * lambda * lambda);
        s += (k % 2 == 1 ? term : -term);
        if (term < 1e-300) {
          break;
        }
      }
      p = 2 * s;
    }
    return Math.min(1.0, Math.max(0.0, p));
  }

  static long sum(long[] counts) {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }
}
