package dev.assay.metrics.fairness;

import java.util.Collection;

/**
 * The generalized entropy index of individual benefits (Speicher et al., "A unified approach to
 * quantifying algorithmic unfairness", KDD 2018), as AIF360's {@code
 * ClassificationMetric.generalized_entropy_index(alpha=2)} and {@code
 * between_group_generalized_entropy_index(alpha=2)}: with the benefit of row i b_i = ŷ_i − y_i + 1
 * ∈ {0, 1, 2} (ŷ and y read as 1 for the favourable value, so a false favourable prediction is 2, a
 * missed one 0, a correct one 1) and μ the mean benefit,
 *
 * <pre>
 *   GE(α) = 1 / (n · α · (α − 1)) · Σ_i [ (b_i / μ)^α − 1 ],   α = 2
 *   between-group GE = the same with each b_i replaced by its group's mean benefit μ_g
 * </pre>
 *
 * <p>The benefits' counts come from the confusion counts (b = 0: favourable-label rows predicted
 * unfavourable, b = 2: the reverse, b = 1: the rest), so no extra aggregation is needed. Range [0,
 * ∞) (at most (n − 1)/2 for α = 2); 0 means every row gets the same benefit; lower is better.
 * Undefined (null) for no rows or when μ = 0 (every row's benefit is 0). Sums are over rows, as in
 * AIF360 (which normalises by n, not by n − 1).
 */
final class GeneralizedEntropy {

  /** The index's α. */
  static final double ALPHA = 2.0;

  private GeneralizedEntropy() {}

  /** Rows with benefit 0, 1 and 2 of a group. */
  static long[] benefits(ConfusionState s, boolean favourableIsPositive) {
    long b0 = favourableIsPositive ? s.falseNegative() : s.falsePositive();
    long b2 = favourableIsPositive ? s.falsePositive() : s.falseNegative();
    return new long[] {b0, s.n() - b0 - b2, b2};
  }

  /** GE(2) of the rows of one group, or NaN when undefined. */
  static double index(ConfusionState s, boolean favourableIsPositive) {
    long[] b = benefits(s, favourableIsPositive);
    long n = s.n();
    if (n == 0) {
      return Double.NaN;
    }
    double mu = (b[1] + 2.0 * b[2]) / n;
    if (mu == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int v = 0; v <= 2; v++) {
      sum += b[v] * (Math.pow(v / mu, ALPHA) - 1);
    }
    return sum / (n * ALPHA * (ALPHA - 1));
  }

  /** Between-group GE(2) over {@code groups}, or NaN when undefined. */
  static double between(Collection<ConfusionState> groups, boolean favourableIsPositive) {
    long n = 0;
    double total = 0;
    for (ConfusionState s : groups) {
      long[] b = benefits(s, favourableIsPositive);
      n += s.n();
      total += b[1] + 2.0 * b[2];
    }
    if (n == 0 || total == 0) {
      return Double.NaN;
    }
    double mu = total / n;
    double sum = 0;
    for (ConfusionState s : groups) {
      if (s.n() == 0) {
        continue;
      }
      long[] b = benefits(s, favourableIsPositive);
      double muG = (b[1] + 2.0 * b[2]) / s.n();
      sum += s.n() * (Math.pow(muG / mu, ALPHA) - 1);
    }
    return sum / (n * ALPHA * (ALPHA - 1));
  }
}
