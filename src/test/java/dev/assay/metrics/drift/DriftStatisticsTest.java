package dev.assay.metrics.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The statistics alone, on hand-computed fixtures (the arithmetic is in the comments; each value
 * was also checked with scipy 1.17: {@code ks_2samp}, {@code kstwobign.sf}, {@code
 * wasserstein_distance}, {@code chi2_contingency(correction=False)}, {@code
 * spatial.distance.jensenshannon(base=2)}, {@code np.quantile(method='inverted_cdf')}).
 */
class DriftStatisticsTest {

  private static final double EPS = 1e-12;

  // Numeric fixture with ties: reference 1, 2, 2, 3, 4 (n = 5); current 2, 3, 3, 5 (m = 4).
  // Distinct values 1..5, reference counts 1 2 1 1 0, current counts 0 1 2 0 1.
  static final double[] VALUES = {1, 2, 3, 4, 5};
  static final long[] REF = {1, 2, 1, 1, 0};
  static final long[] CUR = {0, 1, 2, 0, 1};

  @Test
  void ksStatisticIsTheLargestGapBetweenTheStepFunctionsWithTies() {
    // F_ref: .2 .6 .8 1 1; F_cur: 0 .25 .75 .75 1; gaps .2 .35 .05 .25 0 → D = 0.35
    assertEquals(0.35, KolmogorovSmirnov.statistic(REF, CUR), EPS);
    assertEquals(Double.NaN, KolmogorovSmirnov.statistic(new long[] {0, 0}, new long[] {1, 2}));
  }

  @Test
  void ksPValueIsTheAsymptoticKolmogorovTail() {
    // en = 5·4/9, λ = √en · 0.35 = 0.52175; scipy kstwobign.sf(λ) = 0.9483081109654531
    assertEquals(0.9483081109654531, KolmogorovSmirnov.pValue(0.35, 5, 4), 1e-12);
    // scipy.stats.kstwobign.sf at points on both sides of the series switch (1.18)
    assertEquals(0.999999999999495, KolmogorovSmirnov.kolmogorovSurvival(0.2), 1e-12);
    assertEquals(0.9639452436648751, KolmogorovSmirnov.kolmogorovSurvival(0.5), 1e-12);
    assertEquals(0.26999967167735456, KolmogorovSmirnov.kolmogorovSurvival(1.0), 1e-12);
    assertEquals(0.1234538094297657, KolmogorovSmirnov.kolmogorovSurvival(1.18), 1e-12);
    assertEquals(0.0499996304316674, KolmogorovSmirnov.kolmogorovSurvival(1.3581), 1e-12);
    assertEquals(0.0006709252557796953, KolmogorovSmirnov.kolmogorovSurvival(2.0), 1e-15);
    assertEquals(3.045995948942526e-08, KolmogorovSmirnov.kolmogorovSurvival(3.0), 1e-18);
    assertEquals(1.0, KolmogorovSmirnov.kolmogorovSurvival(0.0));
  }

  @Test
  void wassersteinIsTheAreaBetweenTheDistributionFunctions() {
    // Σ |F_ref − F_cur| · gap = .2·1 + .35·1 + .05·1 + .25·1 = 0.85
    assertEquals(0.85, Wasserstein.distance(VALUES, REF, CUR), EPS);
    // reference mean 12/5 = 2.4; squared deviations 1.96 + 2·0.16 + 0.36 + 2.56 = 5.2; /5 = 1.04
    double std = Wasserstein.populationStd(VALUES, REF);
    assertEquals(Math.sqrt(1.04), std, EPS);
    assertEquals(0.8334935743372822, Wasserstein.normed(0.85, std), EPS);
    // a constant reference: σ = 0 is floored at 0.001
    assertEquals(1000.0, Wasserstein.normed(1.0, 0.0), EPS);
  }

  @Test
  void quantileEdgesAreTheSmallestValuesWithEnoughMassAndDuplicatesMerge() {
    // B = 4, n = 5: k=1 needs cum ≥ 1.25 → 2 (cum 3); k=2 needs ≥ 2.5 → 2 again (merged);
    // k=3 needs ≥ 3.75 → 3 (cum 4). numpy inverted_cdf quantiles: [2, 2, 3].
    double[] edges = QuantileBins.edges(VALUES, REF, 4);
    assertArrayEquals(new double[] {2, 3}, edges);
    // bins (−∞,2] (2,3] (3,∞): reference 1+2, 1, 1; current 1, 2, 1 (the 5)
    assertArrayEquals(new long[] {3, 1, 1}, QuantileBins.binCounts(VALUES, REF, edges));
    assertArrayEquals(new long[] {1, 2, 1}, QuantileBins.binCounts(VALUES, CUR, edges));
    // an exact boundary: k·n/B integral. values 1..4 once each, B = 2: cum ≥ 2 → edge 2
    assertArrayEquals(
        new double[] {2},
        QuantileBins.edges(new double[] {1, 2, 3, 4}, new long[] {1, 1, 1, 1}, 2));
    // a constant column has one edge and two bins
    assertArrayEquals(new double[] {7}, QuantileBins.edges(new double[] {7}, new long[] {3}, 10));
    assertEquals(0, QuantileBins.edges(new double[] {7}, new long[] {0}, 10).length);
  }

  @Test
  void binnedDistancesOnHandComputedShares() {
    double[] p = {0.6, 0.2, 0.2};
    double[] q = {0.25, 0.5, 0.25};
    // PSI = (−.35)·ln(.25/.6) + .3·ln(.5/.2) + .05·ln(.25/.2) = .306414 + .274887 + .011157
    assertEquals(0.5924584552018219, BinnedDistance.PSI.value(p, q), EPS);
    // TV = ½ (.35 + .3 + .05)
    assertEquals(0.35, BinnedDistance.TOTAL_VARIATION.value(p, q), EPS);
    // Hellinger = √(½ (.274597² + .259893² + .052786²)) = √(½ · .145733)
    assertEquals(0.26993907018518354, BinnedDistance.HELLINGER.value(p, q), EPS);
    assertEquals(0.321673346865966, BinnedDistance.JENSEN_SHANNON.value(p, q), EPS);
    for (BinnedDistance d : BinnedDistance.values()) {
      assertEquals(0.0, d.value(p, p), EPS, d.id() + " of identical shares");
    }
    // disjoint supports: JS, Hellinger and TV reach 1
    double[] a = {1, 0};
    double[] b = {0, 1};
    assertEquals(1.0, BinnedDistance.JENSEN_SHANNON.value(a, b), EPS);
    assertEquals(1.0, BinnedDistance.HELLINGER.value(a, b), EPS);
    assertEquals(1.0, BinnedDistance.TOTAL_VARIATION.value(a, b), EPS);
  }

  @Test
  void psiReplacesEmptySharesPerSide() {
    // smallest non-zero share 0.5 > 0.0001: empty shares become 0.0001
    assertArrayEquals(
        new double[] {0.5, 0.5, 0.0001}, BinnedDistance.floored(new double[] {0.5, 0.5, 0}));
    // smallest non-zero share 5e-5 ≤ 0.0001: empty shares become 5e-5 / 10⁶
    double[] tiny = BinnedDistance.floored(BinnedDistance.shares(new long[] {1, 19_999, 0}));
    assertEquals(5e-11, tiny[2], 1e-24);
    // constant column: p = [1, 0] → [1, 0.0001]; q = [2/3, 1/3]
    // PSI = (2/3 − 1)·ln(2/3) + (1/3 − .0001)·ln((1/3)/.0001) = .135155 + 2.703098
    assertEquals(
        2.8382532243304146,
        BinnedDistance.PSI.value(new double[] {1, 0}, new double[] {2.0 / 3, 1.0 / 3}),
        1e-12);
  }

  @Test
  void chiSquaredOfTheTwoByKTable() {
    // reference a a b c (2 1 1 0 over a b c d), current a b b d (1 2 0 1); N = 8.
    // Column totals 3 3 1 1, E = col/2 on both rows: 1.5 1.5 .5 .5.
    // Each row: .25/1.5 + .25/1.5 + .25/.5 + .25/.5 = 4/3 → statistic 8/3, df = 3.
    long[] ref = {2, 1, 1, 0};
    long[] cur = {1, 2, 0, 1};
    assertEquals(8.0 / 3, ChiSquare.statistic(ref, cur), EPS);
    assertEquals(0.4459216983631228, ChiSquare.pValue(8.0 / 3, 3), 1e-12);
    // scipy.stats.chi2.sf values, both branches of the incomplete gamma
    assertEquals(0.05, ChiSquare.pValue(3.841458820694124, 1), 1e-12);
    assertEquals(0.9994464813904249, ChiSquare.pValue(0.5, 7), 1e-12);
    assertEquals(0.000856641210775301, ChiSquare.pValue(30, 10), 1e-15);
    assertEquals(0.9747728793699604, ChiSquare.pValue(1e-3, 1), 1e-12);
    assertEquals(0.0, ChiSquare.pValue(10589, 4), 1e-300);
    // one category: statistic 0, p 1 (as scipy)
    assertEquals(0.0, ChiSquare.statistic(new long[] {4}, new long[] {3}), EPS);
    assertEquals(1.0, ChiSquare.pValue(0, 0));
    assertTrue(Double.isNaN(ChiSquare.statistic(new long[] {0, 0}, new long[] {1, 1})));
  }
}
