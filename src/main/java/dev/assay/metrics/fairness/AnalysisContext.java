package dev.assay.metrics.fairness;

import dev.assay.core.MetricKey;
import dev.assay.core.Scope;
import java.util.Locale;

/**
 * What the per-group and per-attribute results share once the Spark job has run.
 *
 * @param in the input
 * @param z the normal quantile of {@code in.inference().confidence()}
 * @param totalRows rows in the whole data set (for group shares)
 * @param probabilityScores whether every score lies in [0, 1] (calibration metrics apply)
 * @param scoreMedian the median score of all scored rows ({@link ScoringRate}), null without a
 *     score or without scored rows
 */
record AnalysisContext(
    FairnessInput in,
    double z,
    long totalRows,
    boolean probabilityScores,
    ScoringRate.Median scoreMedian) {

  boolean hasLabel() {
    return in.label() != null;
  }

  boolean hasScoreAndLabel() {
    return in.score() != null && in.label() != null;
  }

  static MetricKey key(String metric, Scope scope) {
    return new MetricKey(FairnessMetrics.require(metric), scope);
  }

  static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + "; " + b;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  String level() {
    return String.format(
        Locale.ROOT,
        "%s %%",
        new java.math.BigDecimal(in.inference().confidence() * 100)
            .round(new java.math.MathContext(4))
            .stripTrailingZeros()
            .toPlainString());
  }
}
