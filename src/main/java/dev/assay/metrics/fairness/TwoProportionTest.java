package dev.assay.metrics.fairness;

import org.apache.commons.math3.special.Erf;

/**
 * The two-sided two-proportion z-test of H0: p1 = p2 with the pooled variance (the test
 * statsmodels' {@code proportions_ztest} runs; equivalent to the uncorrected Pearson chi-square
 * test of the 2 × 2 table, z² = χ²):
 *
 * <pre>
 *   p̄ = (x1 + x2) / (n1 + n2)
 *   z  = (x1/n1 − x2/n2) / sqrt(p̄ (1 − p̄) (1/n1 + 1/n2))
 *   p  = 2 · (1 − Φ(|z|)) = erfc(|z| / √2)
 * </pre>
 *
 * <p>When p̄ is 0 or 1 both rates are equal (all 0 or all 1) and p = 1. The normal approximation is
 * poor when an expected count is below 5; {@link #pValue} then uses {@link FisherExactTest}.
 */
public final class TwoProportionTest {

  /** Below this expected cell count the exact test is used. */
  public static final double MIN_EXPECTED = 5.0;

  private TwoProportionTest() {}

  /** The z-test's two-sided p-value; both n must be positive. */
  public static double zTestPValue(long x1, long n1, long x2, long n2) {
    double pooled = (double) (x1 + x2) / (n1 + n2);
    if (pooled == 0.0 || pooled == 1.0) {
      return 1.0;
    }
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    double z = ((double) x1 / n1 - (double) x2 / n2) / se;
    return Math.min(1.0, Erf.erfc(Math.abs(z) / Math.sqrt(2)));
  }

  /**
   * Whether any expected count of the 2 × 2 table (group × outcome) is below {@value
   * #MIN_EXPECTED}.
   */
  public static boolean smallExpectedCount(long x1, long n1, long x2, long n2) {
    long total = n1 + n2;
    long yes = x1 + x2;
    long no = total - yes;
    double min = (double) Math.min(n1, n2) * Math.min(yes, no) / total;
    return min < MIN_EXPECTED;
  }

  /** The test used for a table, for notes. */
  public static String testName(long x1, long n1, long x2, long n2) {
    return smallExpectedCount(x1, n1, x2, n2) ? "Fisher's exact test" : "two-proportion z-test";
  }

  /** Fisher's exact p-value when an expected count is below 5, else the z-test's. */
  public static double pValue(long x1, long n1, long x2, long n2) {
    return smallExpectedCount(x1, n1, x2, n2)
        ? FisherExactTest.pValue(x1, n1 - x1, x2, n2 - x2)
        : zTestPValue(x1, n1, x2, n2);
  }
}
