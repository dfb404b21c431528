package dev.assay.metrics.fairness;

import java.util.function.ToDoubleFunction;

/**
 * The per-group regression fairness metrics (with {@code fairness.task: regression}), each a sum of
 * a {@link RegressionState} divided by the group's rows, as Fairlearn's {@code
 * MetricFrame(metrics={"mae": sklearn.metrics.mean_absolute_error, ...}, sensitive_features=...)}
 * computes them per group; the between-group metric {@code <id>_difference} is max − min over the
 * groups with at least {@code min_group_size} rows, Fairlearn's {@code
 * MetricFrame.difference(method="between_groups")}. A group always has at least one row (groups
 * come from the data), so the per-group values are always defined; a difference needs two eligible
 * groups, else it is undefined with a reason.
 *
 * <p>Every metric but {@code rmse} is a mean of a per-row quantity x whose Σx and Σx² the state
 * holds, so it gets Student's t interval ({@link #interval}, {@link MeanInterval}) in {@code
 * ci_low}/{@code ci_high}; {@code rmse} has none.
 */
public enum RegressionMetric {
  /**
   * Σ prediction / n: the group's mean prediction (range: that of the prediction; neither side is
   * better). Its difference, {@code mean_prediction_difference}, is the regression analogue of
   * demographic parity (Agarwal, Dudík and Wu, "Fair Regression", ICML 2019, statistical parity for
   * a real-valued prediction compared by its mean); 0 is parity.
   */
  MEAN_PREDICTION(
      "mean_prediction",
      RegressionState::predictionSum,
      false,
      RegressionState::predictionSquareSum),
  /** Σ label / n: the group's mean label (the outcome base rate; neither side is better). */
  MEAN_LABEL("mean_label", RegressionState::labelSum, false, RegressionState::labelSquareSum),
  /**
   * Mean signed error Σ (prediction − label) / n, the group's bias: positive means the model
   * over-predicts for the group, negative under-predicts; range (−∞, ∞), 0 is unbiased (the "mean
   * error" / "bias" of forecast verification; sklearn has no function for it, it is {@code
   * mean(y_pred - y_true)}). Σe = Σ prediction − Σ label. {@code mean_error_difference}: max − min
   * over groups, 0 is parity.
   */
  MEAN_ERROR(
      "mean_error", s -> s.predictionSum() - s.labelSum(), false, RegressionState::squaredErrorSum),
  /**
   * Mean absolute error Σ |prediction − label| / n, sklearn's {@code mean_absolute_error}; range
   * [0, ∞), lower is better. {@code mae_difference} (0 is parity) is Fairlearn's bounded group loss
   * compared between groups.
   */
  MAE("mae", RegressionState::absoluteErrorSum, false, RegressionState::squaredErrorSum),
  /**
   * Root mean squared error √(Σ (prediction − label)² / n), the square root of sklearn's {@code
   * mean_squared_error}; range [0, ∞), lower is better. {@code rmse_difference}: 0 is parity.
   */
  RMSE("rmse", RegressionState::squaredErrorSum, true, null);

  private final String id;
  private final ToDoubleFunction<RegressionState> sum;
  private final boolean root;
  private final ToDoubleFunction<RegressionState> squareSum;

  RegressionMetric(
      String id,
      ToDoubleFunction<RegressionState> sum,
      boolean root,
      ToDoubleFunction<RegressionState> squareSum) {
    this.id = id;
    this.sum = sum;
    this.root = root;
    this.squareSum = squareSum;
  }

  /**
   * Whether the value is a mean of a per-row quantity x with Σx² in the state (a t interval
   * applies).
   */
  public boolean isMean() {
    return squareSum != null;
  }

  /** Σx of the per-row quantity whose mean this is. */
  double sum(RegressionState s) {
    return sum.applyAsDouble(s);
  }

  /**
   * Σx² of the per-row quantity: Σp², Σy², and Σe² for both the signed and the absolute error (|e|²
   * = e²). Only for {@link #isMean()} metrics.
   */
  double squareSum(RegressionState s) {
    return squareSum.applyAsDouble(s);
  }

  /**
   * Student's t interval of the group's mean ({@link MeanInterval}); null for {@code rmse} (not a
   * mean) or a group of one row.
   */
  public Interval interval(RegressionState s, double confidence) {
    return isMean() ? MeanInterval.of(s.n(), sum(s), squareSum(s), confidence) : null;
  }

  /** The per-group results.json name. */
  public String id() {
    return id;
  }

  /** The between-group results.json name: {@code <id>_difference}. */
  public String differenceId() {
    return id + "_difference";
  }

  /** The value over the group's rows, NaN for an empty state. */
  public double value(RegressionState s) {
    if (s.n() == 0) {
      return Double.NaN;
    }
    double mean = sum.applyAsDouble(s) / s.n();
    // Σ e² is a sum of non-negative terms, so it cannot go negative: no clamp needed
    return root ? Math.sqrt(mean) : mean;
  }
}
