package dev.assay.metrics.fairness;

import java.util.Map;

/**
 * Calibration of a probability score (every score in [0, 1]) per group.
 *
 * <ul>
 *   <li>{@code brier_score} = (1/n) Σ (s − y)² = (Σ s² − 2 Σ_{y=1} s + P) / n, from exact sums
 *       (Brier 1950; scikit-learn's {@code brier_score_loss}). Range [0, 1], lower is better.
 *   <li>{@code expected_calibration_error} over 10 equal-width bins [0, 0.1), …, [0.9, 1.0]
 *       (Naeini, Cooper and Hauskrecht, AAAI 2015; Guo et al., ICML 2017): ECE = Σ_b (n_b / n) ·
 *       |mean score_b − mean label_b|, empty bins skipped. Range [0, 1], lower is better. A row's
 *       bin is floor(10 s) with the exact {@link ScoreKey}, floor(k / 100) of the binned key k (the
 *       same bin: the binned key nests in these bins, {@link ScoreKey#column}), with s = 1 in the
 *       last bin; the means use the exact score sums, so the value is exact either way.
 * </ul>
 *
 * <p>Both are undefined for a group without scored rows.
 */
public final class Calibration {

  /** Equal-width bins of the expected calibration error. */
  public static final int BINS = 10;

  private Calibration() {}

  /** The Brier score of a group's state, or NaN without scores. */
  public static double brier(ConfusionState s) {
    if (s.scoreCount() == 0) {
      return Double.NaN;
    }
    double sum = s.scoreSquareSum() - 2 * s.positiveScoreSum() + s.labelPositive();
    return Math.max(0.0, sum / s.scoreCount());
  }

  /** The expected calibration error over {@value #BINS} bins, or NaN without scores. */
  public static double expectedCalibrationError(ScoreHistogram h) {
    long[] n = new long[BINS];
    long[] positives = new long[BINS];
    double[] scoreSum = new double[BINS];
    long total = 0;
    for (Map.Entry<Long, ConfusionState> e : h.keys().entrySet()) {
      int bin = h.key().bin(e.getKey(), BINS);
      ConfusionState s = e.getValue();
      n[bin] += s.n();
      positives[bin] += s.labelPositive();
      scoreSum[bin] += s.scoreSum();
      total += s.n();
    }
    if (total == 0) {
      return Double.NaN;
    }
    double ece = 0.0;
    for (int b = 0; b < BINS; b++) {
      if (n[b] > 0) {
        ece += (double) n[b] / total * Math.abs(scoreSum[b] / n[b] - (double) positives[b] / n[b]);
      }
    }
    return ece;
  }
}
