package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** Two-proportion z-test, Fisher's exact test and Holm's correction, checked independently. */
class SignificanceTest {

  /**
   * 40/100 vs 60/100: pooled p̄ = 0.5, se = sqrt(0.25 · 0.02) = 0.0707107, z = −0.2 / 0.0707107 =
   * −2√2, so p = erfc(2√2 / √2) = erfc(2) = 0.004677734981047266.
   */
  @Test
  void zTestByHand() {
    assertEquals(0.004677734981047266, TwoProportionTest.zTestPValue(40, 100, 60, 100), 1e-14);
    assertEquals(1.0, TwoProportionTest.zTestPValue(30, 100, 30, 100), 1e-15);
    // All zero or all one: equal rates, p = 1 (and the exact test is chosen anyway).
    assertEquals(1.0, TwoProportionTest.zTestPValue(0, 50, 0, 60), 0);
    assertEquals(1.0, TwoProportionTest.zTestPValue(50, 50, 60, 60), 0);
    assertFalse(TwoProportionTest.smallExpectedCount(40, 100, 60, 100));
    assertEquals(
        TwoProportionTest.zTestPValue(40, 100, 60, 100),
        TwoProportionTest.pValue(40, 100, 60, 100));
  }

  /** Fisher's tea-tasting table [[3, 1], [1, 3]]: two-sided p = 34/70 (R: fisher.test, 0.4857). */
  @Test
  void fisherTeaTasting() {
    assertEquals(34.0 / 70, FisherExactTest.pValue(3, 1, 1, 3), 1e-12);
  }

  /** Fisher's p against a direct hypergeometric sum with exact binomial coefficients. */
  @Test
  void fisherEqualsADirectHypergeometricSum() {
    long[][] tables = {
      {1, 9, 11, 3},
      {0, 10, 5, 5},
      {2, 3, 3, 2},
      {7, 0, 0, 7},
      {0, 0, 3, 4},
      {1, 30, 8, 25},
      {12, 5, 2, 40}
    };
    for (long[] t : tables) {
      assertEquals(
          directFisher(t[0], t[1], t[2], t[3]),
          FisherExactTest.pValue(t[0], t[1], t[2], t[3]),
          1e-10,
          java.util.Arrays.toString(t));
    }
    // [[2, 3], [3, 2]] (n = 5 per group) is as probable as its mirror and the rest are less: p = 1.
    assertEquals(1.0, FisherExactTest.pValue(2, 3, 3, 2), 1e-12);
  }

  @Test
  void smallExpectedCountsChooseFisher() {
    // 2 of 10 vs 8 of 10: expected = 10 · 10 / 20 = 5 → not small; 1 of 10 vs 3 of 10: 10 · 4 / 20
    // = 2.
    assertFalse(TwoProportionTest.smallExpectedCount(2, 10, 8, 10));
    assertTrue(TwoProportionTest.smallExpectedCount(1, 10, 3, 10));
    assertEquals(FisherExactTest.pValue(1, 9, 3, 7), TwoProportionTest.pValue(1, 10, 3, 10), 0);
    assertEquals("Fisher's exact test", TwoProportionTest.testName(1, 10, 3, 10));
  }

  /**
   * Holm by hand: p = (0.01, 0.04, 0.03) sorted 0.01, 0.03, 0.04 → 3·0.01 = 0.03, 2·0.03 = 0.06,
   * max(0.06, 1·0.04) = 0.06; in input order (0.03, 0.06, 0.06). Capped at 1.
   */
  @Test
  void holmByHand() {
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06},
        HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03}),
        1e-15);
    assertArrayEquals(new double[] {1.0, 1.0}, HolmCorrection.adjust(new double[] {0.6, 0.7}), 0);
    assertArrayEquals(new double[] {0.2}, HolmCorrection.adjust(new double[] {0.2}), 0);
    assertArrayEquals(new double[0], HolmCorrection.adjust(new double[0]), 0);
  }

  /** Σ of C(r1, k) C(r2, c1 − k) / C(n, c1) over tables at most as probable as the observed one. */
  static double directFisher(long a, long b, long c, long d) {
    long r1 = a + b;
    long r2 = c + d;
    long c1 = a + c;
    BigInteger total = choose(r1 + r2, c1);
    BigInteger observed = choose(r1, a).multiply(choose(r2, c));
    BigInteger sum = BigInteger.ZERO;
    for (long k = Math.max(0, c1 - r2); k <= Math.min(r1, c1); k++) {
      BigInteger w = choose(r1, k).multiply(choose(r2, c1 - k));
      if (w.compareTo(observed) <= 0) {
        sum = sum.add(w);
      }
    }
    return new BigDecimal(sum).divide(new BigDecimal(total), MathContext.DECIMAL64).doubleValue();
  }

  static BigInteger choose(long n, long k) {
    BigInteger r = BigInteger.ONE;
    for (long i = 1; i <= k; i++) {
      r = r.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
    }
    return r;
  }

  /**
   * Benjamini-Hochberg by hand, as R's p.adjust(p, "BH"): p = (0.01, 0.04, 0.03, 0.005, 0.5), m =
   * 5, sorted 0.005, 0.01, 0.03, 0.04, 0.5 → m·p/rank = 0.025, 0.025, 0.05, 0.05, 0.5; running
   * minimum from the largest: 0.5, 0.05, 0.05, 0.025, 0.025 → in input order (0.025, 0.05, 0.05,
   * 0.025, 0.5). p = (0.6, 0.7, 0.9): 3·0.6/1 = 1.8, 3·0.7/2 = 1.05, 3·0.9/3 = 0.9 → all 0.9.
   */
  @Test
  void benjaminiHochbergByHand() {
    assertArrayEquals(
        new double[] {0.025, 0.05, 0.05, 0.025, 0.5},
        BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.5}),
        1e-15);
    assertArrayEquals(
        new double[] {0.9, 0.9, 0.9},
        BenjaminiHochberg.adjust(new double[] {0.6, 0.7, 0.9}),
        1e-15);
    assertArrayEquals(new double[] {0.2}, BenjaminiHochberg.adjust(new double[] {0.2}), 0);
    assertArrayEquals(new double[0], BenjaminiHochberg.adjust(new double[0]), 0);
    // Never above Holm, never below the raw p-value.
    double[] p = {0.001, 0.02, 0.2, 0.03, 0.04};
    double[] bh = BenjaminiHochberg.adjust(p);
    double[] holm = HolmCorrection.adjust(p);
    for (int i = 0; i < p.length; i++) {
      org.junit.jupiter.api.Assertions.assertTrue(p[i] <= bh[i] && bh[i] <= holm[i]);
    }
    assertArrayEquals(p, PAdjust.NONE.adjust(p), 0);
  }
}
