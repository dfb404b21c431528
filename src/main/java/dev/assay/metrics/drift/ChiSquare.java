package dev.assay.metrics.drift;

/**
 * Pearson's chi-squared test of homogeneity on the 2 × K table of category counts (reference and
 * current × the K categories seen on either side), without Yates' correction: scipy's {@code
 * stats.chi2_contingency(table, correction=False)}.
 *
 * <p>{@code chi2_statistic}: Σ (O − E)² / E over the 2K cells, E = row total × column total ÷ N.
 * Range 0 to ∞, higher means more drift. {@code chi2_p_value}: the upper tail of the chi-squared
 * distribution with K − 1 degrees of freedom, range 0 to 1, lower means more evidence of drift.
 * With one category (K = 1) the statistic is 0 and p is 1, as scipy gives. Undefined when either
 * side has no non-null value.
 */
public final class ChiSquare {

  public static final String STATISTIC = "chi2_statistic";
  public static final String P_VALUE = "chi2_p_value";

  private ChiSquare() {}

  /** The statistic of the 2 × K table; NaN when a side is empty. */
  public static double statistic(long[] ref, long[] cur) {
    long n = KolmogorovSmirnov.sum(ref);
    long m = KolmogorovSmirnov.sum(cur);
    if (n == 0 || m == 0) {
      return Double.NaN;
    }
    double total = (double) n + m;
    double s = 0;
    for (int i = 0; i < ref.length; i++) {
      double col = (double) ref[i] + cur[i];
      if (col == 0) {
        continue;
      }
      double er = n * col / total;
      double ec = m * col / total;
      s += (ref[i] - er) * (ref[i] - er) / er + (cur[i] - ec) * (cur[i] - ec) / ec;
    }
    return s;
  }

  /** P(χ²_df &gt; x); 1 when df = 0. */
  public static double pValue(double x, int df) {
    if (df <= 0) {
      return 1.0;
    }
    return Gamma.regularizedUpper(df / 2.0, x / 2.0);
  }

  /** The regularised incomplete gamma function (Numerical Recipes, 3rd ed., §6.2). */
  static final class Gamma {

    private static final double[] LANCZOS = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };

    private Gamma() {}

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7). */
    static double logGamma(double x) {
      if (x < 0.5) {
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
      }
      x -= 1;
      double a = LANCZOS[0];
      double t = x + 7.5;
      for (int i = 1; i < 9; i++) {
        a += LANCZOS[i] / (x + i);
      }
      return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a). */
    static double regularizedUpper(double a, double x) {
      if (x <= 0) {
        return 1.0;
      }
      if (x < a + 1) {
        return Math.max(0, 1 - lowerSeries(a, x));
      }
      return upperFraction(a, x);
    }

    private static double lowerSeries(double a, double x) {
      double ap = a;
      double sum = 1.0 / a;
      double del = sum;
      for (int n = 0; n < 10_000; n++) {
        ap += 1;
        del *= x / ap;
        sum += del;
        if (Math.abs(del) < Math.abs(sum) * 1e-16) {
          break;
        }
      }
      return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double upperFraction(double a, double x) {
      double tiny = 1e-300;
      double b = x + 1 - a;
      double c = 1 / tiny;
      double d = 1 / b;
      double h = d;
      for (int i = 1; i < 10_000; i++) {
        double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < tiny) {
          d = tiny;
        }
        c = b + an / c;
        if (Math.abs(c) < tiny) {
          c = tiny;
        }
        d = 1 / d;
        double del = d * c;
        h *= del;
        if (Math.abs(del - 1) < 1e-16) {
          break;
        }
      }
      return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }
  }
}
