package dev.assay.metrics.fairness;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * McNemar's test of two classifiers (or two rates) on the same rows: of the pairs that disagree,
 * {@code b} went one way and {@code c} the other; under the null hypothesis of equal marginal
 * proportions each discordant pair goes either way with probability ½ (McNemar 1947, "Note on the
 * sampling error of the difference between correlated proportions or percentages", Psychometrika
 * 12:153–157).
 *
 * <ul>
 *   <li>With fewer than {@value #EXACT_BELOW} discordant pairs, the exact binomial test: p = min(1,
 *       2 · P(X ≤ min(b, c))), X ~ Binomial(b + c, ½) (the exact conditional test; Fagerland,
 *       Lydersen & Laake 2013, BMC Med Res Methodol 13:91; statsmodels {@code
 *       mcnemar(exact=True)}).
 *   <li>Otherwise the chi-square statistic with Edwards' continuity correction, (|b − c| − 1)² ÷ (b
 *       + c) on one degree of freedom (Edwards 1948, Psychometrika 13:185–187), as R's {@code
 *       mcnemar.test} and statsmodels {@code mcnemar(exact=False, correction=True)} compute it.
 * </ul>
 *
 * Without discordant pairs the two proportions are equal and p = 1.
 */
public final class McNemarTest {

  /** Discordant pairs below which the exact binomial test is used. */
  public static final long EXACT_BELOW = 25;

  private McNemarTest() {}

  /** The two-sided p-value of discordant counts {@code b} and {@code c} (non-negative). */
  public static double pValue(long b, long c) {
    long n = b + c;
    if (n == 0) {
      return 1.0;
    }
    return n < EXACT_BELOW ? exact(b, c) : chiSquare(b, c);
  }

  /** The exact binomial p-value. */
  static double exact(long b, long c) {
    BinomialDistribution x = new BinomialDistribution(null, (int) (b + c), 0.5);
    return Math.min(1.0, 2.0 * x.cumulativeProbability((int) Math.min(b, c)));
  }

  /** The continuity-corrected chi-square p-value: P(χ²₁ > s) = erfc(√(s / 2)). */
  static double chiSquare(long b, long c) {
    double d = Math.abs(b - c) - 1.0;
    double statistic = d * d / (b + c);
    return Math.min(1.0, Erf.erfc(Math.sqrt(statistic / 2.0)));
  }

  /** Which of the two tests {@link #pValue} uses for {@code b + c} discordant pairs. */
  public static String method(long b, long c) {
    return b + c < EXACT_BELOW
        ? "McNemar's exact binomial test"
        : "McNemar's chi-square test with continuity correction";
  }
}
