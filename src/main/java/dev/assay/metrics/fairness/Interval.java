package dev.assay.metrics.fairness;

/**
 * A two-sided confidence interval {@code [low, high]} of a rate, a difference or a ratio.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
public record Interval(double low, double high) {

  public Interval {
    if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException("not an interval: [" + low + ", " + high + "]");
    }
  }
}
