package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Mann–Whitney AUC, its tie bound, Brier score and ECE from score-keyed states. */
class ScoreMetricsTest {

  /** A histogram from (score, label) pairs, keyed as the Spark job keys them. */
  static ScoreHistogram histogram(double[] scores, int[] labels) {
    Map<Long, ConfusionState> keys = new TreeMap<>();
    for (int i = 0; i < scores.length; i++) {
      long k = (long) Math.floor(scores[i] * ScoreHistogram.RESOLUTION);
      ConfusionState row = new ConfusionState(1, 0, labels[i], 0, scores[i], 1);
      keys.merge(k, row, ConfusionState::merge);
    }
    return ScoreHistogram.of(keys);
  }

  /**
   * Ties by hand: positives at scores 3, 2, 2; negatives at 2, 1. Pairs (pos, neg): 3>2, 3>1, 2=2
   * (½), 2>1, 2=2 (½), 2>1 → 5 of 6 → AUC = 5/6; tied pairs 2 of 6 → bound ½ · 2/6 = 1/6 (a bound
   * only: these ties are true ties, and the AUC is exact).
   */
  @Test
  void averageRanksForTiesByHand() {
    ScoreHistogram h = histogram(new double[] {3, 2, 2, 2, 1}, new int[] {1, 1, 1, 0, 0});
    assertEquals(5.0 / 6, MannWhitneyAuc.auc(h), 1e-15);
    assertEquals(1.0 / 6, MannWhitneyAuc.tieBound(h), 1e-15);
    assertTrue(
        Double.isNaN(MannWhitneyAuc.auc(histogram(new double[] {0.3, 0.4}, new int[] {1, 1}))));
    assertTrue(Double.isNaN(MannWhitneyAuc.auc(ScoreHistogram.of(Map.of()))));
  }

  /** On seeded continuous scores, the keyed AUC is within the stated bound of the pairwise one. */
  @Test
  void continuousScoresStayWithinTheStatedBound() {
    Random random = new Random(42);
    int n = 2000;
    double[] s = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextDouble() < 0.3 ? 1 : 0;
      s[i] = Math.min(1.0, Math.max(0.0, 0.4 + 0.2 * y[i] + 0.2 * random.nextGaussian()));
    }
    ScoreHistogram h = histogram(s, y);
    double exact = pairwiseAuc(s, y);
    assertTrue(Math.abs(MannWhitneyAuc.auc(h) - exact) <= MannWhitneyAuc.tieBound(h) + 1e-12);
    // Scores with at most 4 decimals are exact.
    for (int i = 0; i < n; i++) {
      s[i] = Math.round(s[i] * 1000) / 1000.0;
    }
    assertEquals(pairwiseAuc(s, y), MannWhitneyAuc.auc(histogram(s, y)), 1e-12);
  }

  static double pairwiseAuc(double[] s, int[] y) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        if (y[i] == 1 && y[j] == 0) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    return wins / pairs;
  }

  /**
   * By hand: scores 0.9, 0.4, 0.7, 0.2, 0.1 with labels 1, 1, 0, 0, 0. Brier = (0.01 + 0.36 + 0.49
   * + 0.04 + 0.01) / 5 = 0.182. ECE: one row per bin (9, 4, 7, 2, 1), |s − y| = 0.1, 0.6, 0.7, 0.2,
   * 0.1 → 1.7 / 5 = 0.34. Score 1.0 falls in the last bin.
   */
  @Test
  void brierAndEceByHand() {
    double[] s = {0.9, 0.4, 0.7, 0.2, 0.1};
    int[] y = {1, 1, 0, 0, 0};
    ConfusionState state =
        new ConfusionState(5, 0, 2, 0, 2.3, 5, 0.81 + 0.16 + 0.49 + 0.04 + 0.01, 1.3, 0.1, 0.9);
    assertEquals(0.182, Calibration.brier(state), 1e-12);
    assertEquals(0.34, Calibration.expectedCalibrationError(histogram(s, y)), 1e-12);
    // Two rows in the last bin: 1.0 (y 1) and 0.95 (y 0): |0.975 − 0.5| = 0.475.
    assertEquals(
        0.475,
        Calibration.expectedCalibrationError(histogram(new double[] {1.0, 0.95}, new int[] {1, 0})),
        1e-12);
    assertTrue(Double.isNaN(Calibration.brier(ConfusionState.EMPTY)));
  }
}
