package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Wilson, Newcombe and Katz intervals against published worked examples and hand arithmetic.
 * z(0.95) = 1.959963984540054.
 */
class IntervalTest {

  private static final double Z = WilsonInterval.z(0.95);

  /** Published tables give four decimals. */
  private static final double TABLE = 5e-5;

  @Test
  void zIsTheTwoSidedNormalQuantile() {
    assertEquals(1.959963984540054, Z, 1e-12);
    assertEquals(2.5758293035489004, WilsonInterval.z(0.99), 1e-12);
    assertEquals(1.6448536269514722, WilsonInterval.z(0.90), 1e-12);
  }

  /**
   * Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
   * methods", Statistics in Medicine 17:857–872 (1998), Table II, method 3 (score, no continuity
   * correction): 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611; 1/29 →
   * 0.0061–0.1718.
   */
  @Test
  void wilsonMatchesNewcombe1998TableII() {
    assertInterval(0.2553, 0.3662, WilsonInterval.of(81, 263, Z), TABLE);
    assertInterval(0.0624, 0.1605, WilsonInterval.of(15, 148, Z), TABLE);
    assertInterval(0.0, 0.1611, WilsonInterval.of(0, 20, Z), TABLE);
    assertInterval(0.0061, 0.1718, WilsonInterval.of(1, 29, Z), TABLE);
  }

  /**
   * Edge cases by hand, z² = 3.841459: 0 of n is [0, z²/(n + z²)] and n of n is its mirror, both
   * with an exact end; n = 1: 0/1 → [0, 3.841459/4.841459] = [0, 0.793451], 1/1 → [0.206549, 1].
   * 2/5: centre (2 + 1.920729)/8.841459 = 0.443448, half 1.959964/8.841459 · sqrt(1.2 + 0.960365) =
   * 0.325827 → [0.117621, 0.769276].
   */
  @Test
  void wilsonEdgeCasesByHand() {
    double z2 = Z * Z;
    assertInterval(0.0, z2 / (1 + z2), WilsonInterval.of(0, 1, Z), 1e-12);
    assertInterval(1 / (1 + z2), 1.0, WilsonInterval.of(1, 1, Z), 1e-12);
    assertInterval(0.0, 0.793451, WilsonInterval.of(0, 1, Z), 1e-6);
    assertInterval(0.0, z2 / (20 + z2), WilsonInterval.of(0, 20, Z), 1e-12);
    assertInterval(20 / (20 + z2), 1.0, WilsonInterval.of(20, 20, Z), 1e-12);
    assertInterval(0.117621, 0.769276, WilsonInterval.of(2, 5, Z), 1e-6);
    // Symmetry: x of n mirrors n − x of n.
    Interval a = WilsonInterval.of(3, 11, Z);
    Interval b = WilsonInterval.of(8, 11, Z);
    assertInterval(1 - b.high(), 1 - b.low(), a, 1e-12);
  }

  /**
   * Newcombe, "Interval estimation for the difference between independent proportions: comparison
   * of eleven methods", Statistics in Medicine 17:873–890 (1998), Table II, method 10 (hybrid
   * score), examples (a)–(h), which include 0 of n and n of n.
   */
  @Test
  void newcombeMatchesNewcombe1998TableII() {
    assertInterval(0.0524, 0.3339, NewcombeInterval.of(56, 70, 48, 80, Z), TABLE);
    assertInterval(0.1705, 0.8090, NewcombeInterval.of(9, 10, 3, 10, Z), TABLE);
    assertInterval(0.0582, 0.8062, NewcombeInterval.of(6, 7, 2, 7, Z), TABLE);
    assertInterval(-0.0381, 0.1926, NewcombeInterval.of(5, 56, 0, 29, Z), TABLE);
    assertInterval(-0.1611, 0.2775, NewcombeInterval.of(0, 10, 0, 20, Z), TABLE);
    assertInterval(-0.2775, 0.2775, NewcombeInterval.of(0, 10, 0, 10, Z), TABLE);
    assertInterval(0.6791, 1.0, NewcombeInterval.of(10, 10, 0, 20, Z), TABLE);
    assertInterval(0.6075, 1.0, NewcombeInterval.of(10, 10, 0, 10, Z), TABLE);
  }

  /** n = 1 in both groups: 1/1 − 0/1 = 1 with [1 − sqrt(0.793451² + 0.793451²)... ] by hand. */
  @Test
  void newcombeWithOneRowPerGroup() {
    double u = Z * Z / (1 + Z * Z); // upper end of 0/1, = 1 − lower end of 1/1
    // low = 1 − sqrt((1 − (1 − u))² + (u − 0)²) = 1 − u·√2; high = 1 + 0 → 1.
    assertInterval(1 - u * Math.sqrt(2), 1.0, NewcombeInterval.of(1, 1, 0, 1, Z), 1e-12);
  }

  /**
   * Katz by hand: 10/20 ÷ 5/25 = 2.5; se(ln r) = sqrt(1/10 − 1/20 + 1/5 − 1/25) = sqrt(0.21) =
   * 0.458258; exp(1.959964 · 0.458258) = 2.455080 → [2.5 / 2.455080, 2.5 · 2.455080] = [1.018288,
   * 6.137755]. A zero count has no log interval.
   */
  @Test
  void katzByHandAndUndefinedAtZero() {
    assertInterval(1.0182876, 6.1377551, KatzInterval.of(10, 20, 5, 25, Z), 1e-6);
    assertNull(KatzInterval.of(0, 20, 5, 25, Z));
    assertNull(KatzInterval.of(5, 20, 0, 25, Z));
    // n of n in both: se = 0, the interval collapses to the ratio 1.
    assertInterval(1.0, 1.0, KatzInterval.of(7, 7, 3, 3, Z), 1e-12);
  }

  static void assertInterval(double low, double high, Interval actual, double eps) {
    assertEquals(low, actual.low(), eps, "low of " + actual);
    assertEquals(high, actual.high(), eps, "high of " + actual);
  }
}
