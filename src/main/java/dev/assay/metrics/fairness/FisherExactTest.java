package dev.assay.metrics.fairness;

import org.apache.commons.math3.special.Gamma;

/**
 * Fisher's exact test of the 2 × 2 table [[a, b], [c, d]], two-sided by the "sum of small p" rule
 * of R's {@code fisher.test} and scipy's {@code fisher_exact}: with the margins fixed, a is
 * hypergeometric, and the p-value is the total probability of every table at most as probable as
 * the observed one (with R's relative tolerance 1e-7 for ties in probability). Range (0, 1]. The
 * loop runs over the support of a, at most min(row, column total) + 1 terms.
 */
public final class FisherExactTest {

  private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

  private FisherExactTest() {}

  /** The two-sided p-value; all counts non-negative. */
  public static double pValue(long a, long b, long c, long d) {
    long row1 = a + b;
    long col1 = a + c;
    long n = a + b + c + d;
    long lo = Math.max(0, col1 - (n - row1));
    long hi = Math.min(row1, col1);
    double observed = logProbability(a, row1, col1, n);
    double sum = 0.0;
    for (long k = lo; k <= hi; k++) {
      double lp = logProbability(k, row1, col1, n);
      if (lp <= observed + Math.log(RELATIVE_TOLERANCE)) {
        sum += Math.exp(lp);
      }
    }
    return Math.min(1.0, sum);
  }

  /** ln P(A = k) for the hypergeometric law of the top-left cell. */
  static double logProbability(long k, long row1, long col1, long n) {
    return logChoose(row1, k) + logChoose(n - row1, col1 - k) - logChoose(n, col1);
  }

  private static double logChoose(long n, long k) {
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  }

  private static double logFactorial(long n) {
    return Gamma.logGamma(n + 1.0);
  }
}
