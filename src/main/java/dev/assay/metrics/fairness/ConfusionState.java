package dev.assay.metrics.fairness;

import dev.assay.core.Mergeable;

/**
 * The mergeable state behind every per-group fairness metric: four counts and a score sum. All
 * confusion-matrix cells derive from them ({@code fp = predictedPositive - tp}, {@code fn =
 * labelPositive - tp}, {@code tn = n - predictedPositive - labelPositive + tp}), so merging two
 * states is adding them, whatever the partitioning.
 *
 * @param n rows in the group
 * @param predictedPositive rows predicted positive
 * @param labelPositive rows whose label is positive
 * @param truePositive rows both predicted and labelled positive
 * @param scoreSum sum of the non-null scores
 * @param scoreCount number of non-null scores
 * @param scoreSquareSum sum of the squared non-null scores (Brier score)
 * @param positiveScoreSum sum of the non-null scores of rows with a positive label (Brier score)
 * @param scoreMin smallest score, +∞ without scores
 * @param scoreMax largest score, −∞ without scores
 */
public record ConfusionState(
    long n,
    long predictedPositive,
    long labelPositive,
    long truePositive,
    double scoreSum,
    long scoreCount,
    double scoreSquareSum,
    double positiveScoreSum,
    double scoreMin,
    double scoreMax)
    implements Mergeable<ConfusionState> {

  public static final ConfusionState EMPTY =
      new ConfusionState(
          0, 0, 0, 0, 0.0, 0, 0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

  /** A state without score squares and range (for counts-only fixtures). */
  public ConfusionState(
      long n,
      long predictedPositive,
      long labelPositive,
      long truePositive,
      double scoreSum,
      long scoreCount) {
    this(
        n,
        predictedPositive,
        labelPositive,
        truePositive,
        scoreSum,
        scoreCount,
        0.0,
        0.0,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY);
  }

  /** The state of the union of the two row sets (the merge law of Deequ's states). */
  public ConfusionState merge(ConfusionState o) {
    return new ConfusionState(
        n + o.n,
        predictedPositive + o.predictedPositive,
        labelPositive + o.labelPositive,
        truePositive + o.truePositive,
        scoreSum + o.scoreSum,
        scoreCount + o.scoreCount,
        scoreSquareSum + o.scoreSquareSum,
        positiveScoreSum + o.positiveScoreSum,
        Math.min(scoreMin, o.scoreMin),
        Math.max(scoreMax, o.scoreMax));
  }

  /** Whether every score lies in [0, 1] (vacuously true without scores). */
  public boolean scoresAreProbabilities() {
    return scoreCount == 0 || (scoreMin >= 0.0 && scoreMax <= 1.0);
  }

  public long falsePositive() {
    return predictedPositive - truePositive;
  }

  public long falseNegative() {
    return labelPositive - truePositive;
  }

  public long trueNegative() {
    return n - predictedPositive - labelPositive + truePositive;
  }

  public long predictedNegative() {
    return n - predictedPositive;
  }

  public long labelNegative() {
    return n - labelPositive;
  }
}
