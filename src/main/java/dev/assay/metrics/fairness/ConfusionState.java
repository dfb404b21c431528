package dev.assay.metrics.fairness;

/**
 * The mergeable state behind every per-group fairness metric: four counts and a score sum. All
 * confusion-matrix cells derive from them ({@code fp = predictedPositive - tp},
 * {@code fn = labelPositive - tp}, {@code tn = n - predictedPositive - labelPositive + tp}), so
 * merging two states is adding them, whatever the partitioning.
 *
 * @param n rows in the group
 * @param predictedPositive rows predicted positive
 * @param labelPositive rows whose label is positive
 * @param truePositive rows both predicted and labelled positive
 * @param scoreSum sum of the non-null scores
 * @param scoreCount number of non-null scores
 */
public record ConfusionState(long n, long predictedPositive, long labelPositive, long truePositive,
                             double scoreSum, long scoreCount) {

  public static final ConfusionState EMPTY = new ConfusionState(0, 0, 0, 0, 0.0, 0);

  /** The state of the union of the two row sets (the merge law of Deequ's states). */
  public ConfusionState merge(ConfusionState o) {
    return new ConfusionState(n + o.n, predictedPositive + o.predictedPositive,
        labelPositive + o.labelPositive, truePositive + o.truePositive, scoreSum + o.scoreSum,
        scoreCount + o.scoreCount);
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
