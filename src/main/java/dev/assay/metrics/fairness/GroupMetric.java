package dev.assay.metrics.fairness;

import dev.assay.core.MetricDescriptor;
import java.util.function.ToLongFunction;

/**
 * The per-group fairness metrics, each a ratio of two counts of a {@link ConfusionState}, with
 * Fairlearn's definitions ({@code fairlearn.metrics}: {@code selection_rate}, {@code
 * true_positive_rate}, ... ; sklearn's {@code accuracy_score}). Ranges are [0, 1]. A zero
 * denominator makes the metric undefined (null with a note), never 0. Each defined rate x / n is
 * reported with its {@link WilsonInterval} at {@code fairness.confidence} ({@code ci_low}, {@code
 * ci_high}).
 */
public enum GroupMetric {
  /** Share of the group predicted positive: (TP + FP) / n. Fairlearn {@code selection_rate}. */
  SELECTION_RATE(
      FairnessMetrics.SELECTION_RATE,
      Needs.PREDICTION,
      ConfusionState::predictedPositive,
      ConfusionState::n),
  /** Share of the group whose label is positive: (TP + FN) / n (the prevalence). */
  BASE_RATE(
      FairnessMetrics.BASE_RATE, Needs.LABEL, ConfusionState::labelPositive, ConfusionState::n),
  /** Recall: TP / (TP + FN). Fairlearn {@code true_positive_rate}. */
  TRUE_POSITIVE_RATE(
      FairnessMetrics.TRUE_POSITIVE_RATE,
      Needs.BOTH,
      ConfusionState::truePositive,
      ConfusionState::labelPositive),
  /** FP / (FP + TN). Fairlearn {@code false_positive_rate}. */
  FALSE_POSITIVE_RATE(
      FairnessMetrics.FALSE_POSITIVE_RATE,
      Needs.BOTH,
      ConfusionState::falsePositive,
      ConfusionState::labelNegative),
  /** FN / (TP + FN). Fairlearn {@code false_negative_rate}. */
  FALSE_NEGATIVE_RATE(
      FairnessMetrics.FALSE_NEGATIVE_RATE,
      Needs.BOTH,
      ConfusionState::falseNegative,
      ConfusionState::labelPositive),
  /** Specificity: TN / (TN + FP). Fairlearn {@code true_negative_rate}. */
  TRUE_NEGATIVE_RATE(
      FairnessMetrics.TRUE_NEGATIVE_RATE,
      Needs.BOTH,
      ConfusionState::trueNegative,
      ConfusionState::labelNegative),
  /** Precision: TP / (TP + FP). */
  POSITIVE_PREDICTIVE_VALUE(
      FairnessMetrics.POSITIVE_PREDICTIVE_VALUE,
      Needs.BOTH,
      ConfusionState::truePositive,
      ConfusionState::predictedPositive),
  /** TN / (TN + FN). */
  NEGATIVE_PREDICTIVE_VALUE(
      FairnessMetrics.NEGATIVE_PREDICTIVE_VALUE,
      Needs.BOTH,
      ConfusionState::trueNegative,
      ConfusionState::predictedNegative),
  /** (TP + TN) / n. sklearn {@code accuracy_score}. */
  ACCURACY(
      FairnessMetrics.ACCURACY,
      Needs.BOTH,
      s -> s.truePositive() + s.trueNegative(),
      ConfusionState::n),
  /** FP / (TP + FP): of the predicted positives, the share that are wrong. Aequitas {@code fdr}. */
  FALSE_DISCOVERY_RATE(
      FairnessMetrics.FALSE_DISCOVERY_RATE,
      Needs.BOTH,
      ConfusionState::falsePositive,
      ConfusionState::predictedPositive),
  /** FN / (TN + FN): of the predicted negatives, the share that are wrong. Aequitas {@code for}. */
  FALSE_OMISSION_RATE(
      FairnessMetrics.FALSE_OMISSION_RATE,
      Needs.BOTH,
      ConfusionState::falseNegative,
      ConfusionState::predictedNegative);

  /** Which columns a metric needs. */
  public enum Needs {
    LABEL,
    PREDICTION,
    BOTH
  }

  private final MetricDescriptor descriptor;
  private final Needs needs;
  private final ToLongFunction<ConfusionState> numerator;
  private final ToLongFunction<ConfusionState> denominator;

  GroupMetric(
      MetricDescriptor descriptor,
      Needs needs,
      ToLongFunction<ConfusionState> numerator,
      ToLongFunction<ConfusionState> denominator) {
    this.descriptor = descriptor;
    this.needs = needs;
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /** The stable results.json name. */
  public String id() {
    return descriptor.id();
  }

  /** The catalog entry of this metric. */
  public MetricDescriptor descriptor() {
    return descriptor;
  }

  public boolean computable(boolean hasLabel, boolean hasPrediction) {
    return switch (needs) {
      case LABEL -> hasLabel;
      case PREDICTION -> hasPrediction;
      case BOTH -> hasLabel && hasPrediction;
    };
  }

  public long numerator(ConfusionState s) {
    return numerator.applyAsLong(s);
  }

  public long denominator(ConfusionState s) {
    return denominator.applyAsLong(s);
  }

  /** The metric with this id, or null. */
  public static GroupMetric byId(String id) {
    for (GroupMetric m : values()) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    return null;
  }

  /** Every id, in declaration order. */
  public static java.util.List<String> ids() {
    return java.util.Arrays.stream(values()).map(GroupMetric::id).toList();
  }

  /** The value, or NaN when the denominator is zero (callers report that as undefined). */
  public double value(ConfusionState s) {
    long d = denominator(s);
    return d == 0 ? Double.NaN : (double) numerator(s) / d;
  }

  /** Why the value is undefined, for the note. */
  public String undefinedReason(ConfusionState s) {
    return id()
        + " is undefined: its denominator is 0 in this group ("
        + denominatorName()
        + " = 0)";
  }

  private String denominatorName() {
    return switch (this) {
      case SELECTION_RATE, BASE_RATE, ACCURACY -> "rows";
      case TRUE_POSITIVE_RATE, FALSE_NEGATIVE_RATE -> "rows with a positive label";
      case FALSE_POSITIVE_RATE, TRUE_NEGATIVE_RATE -> "rows with a negative label";
      case POSITIVE_PREDICTIVE_VALUE, FALSE_DISCOVERY_RATE -> "rows predicted positive";
      case NEGATIVE_PREDICTIVE_VALUE, FALSE_OMISSION_RATE -> "rows predicted negative";
    };
  }
}
