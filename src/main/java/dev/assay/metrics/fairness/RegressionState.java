package dev.assay.metrics.fairness;

import dev.assay.core.Mergeable;

/**
 * The mergeable state behind the regression fairness metrics of one group: the row count, the rows
 * lacking a usable pair (label or prediction null or NaN), and six sums over the rows with both.
 * Merging is adding, whatever the partitioning; its size does not grow with rows.
 *
 * @param n rows in the group
 * @param unusable rows whose label or prediction is null or NaN (the analysis rejects any)
 * @param predictionSum Σ prediction
 * @param labelSum Σ label
 * @param absoluteErrorSum Σ |prediction − label|
 * @param squaredErrorSum Σ (prediction − label)²
 * @param predictionSquareSum Σ prediction² (for the t interval of the mean prediction)
 * @param labelSquareSum Σ label² (for the t interval of the mean label)
 */
public record RegressionState(
    long n,
    long unusable,
    double predictionSum,
    double labelSum,
    double absoluteErrorSum,
    double squaredErrorSum,
    double predictionSquareSum,
    double labelSquareSum)
    implements Mergeable<RegressionState> {

  public static final RegressionState EMPTY =
      new RegressionState(0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);

  /** The state of the union of the two row sets. */
  public RegressionState merge(RegressionState o) {
    return new RegressionState(
        n + o.n,
        unusable + o.unusable,
        predictionSum + o.predictionSum,
        labelSum + o.labelSum,
        absoluteErrorSum + o.absoluteErrorSum,
        squaredErrorSum + o.squaredErrorSum,
        predictionSquareSum + o.predictionSquareSum,
        labelSquareSum + o.labelSquareSum);
  }
}
