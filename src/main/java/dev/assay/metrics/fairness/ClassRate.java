package dev.assay.metrics.fairness;

import java.util.Locale;

/**
 * The per-group, per-class rates of {@code fairness.task: multiclass}: each the binary rate of the
 * one-vs-rest problem of the class c (c positive, every other class negative), computed from the
 * group's {@link ClassConfusion} as x ÷ d with a Wilson interval ({@link WilsonInterval}), as
 * Fairlearn's {@code MetricFrame} gives them when the label and prediction are binarised with
 * {@code y == c} (fairlearn.org, "Performing a Fairness Assessment"; the one-vs-rest reduction of
 * scikit-learn's multi-class metrics, {@code average=None}). Range [0, 1]. A rate whose denominator
 * d is 0 is undefined (a reason, never 0): TPR and FNR when no row of the group is labelled c, FPR
 * and TNR when every row is, PPV when no row is predicted c, NPV when every row is. Selection and
 * base rate are defined for every group (a group has at least one row), 0 for a class the group
 * never has. With TN = n − labelled c − predicted c + TP (rows neither labelled nor predicted c),
 * FNR = 1 − TPR and TNR = 1 − FPR wherever defined.
 */
public enum ClassRate {
  /**
   * P(ŷ = c | group) = predicted c ÷ n. Neither side is better; its spread over groups is
   * demographic parity for the class.
   */
  SELECTION_RATE,
  /** P(y = c | group) = labelled c ÷ n: the class's prevalence; neither side is better. */
  BASE_RATE,
  /** P(ŷ = c | y = c) = TP ÷ labelled c (recall of c); higher is better. */
  TRUE_POSITIVE_RATE,
  /** P(ŷ = c | y ≠ c) = (predicted c − TP) ÷ (n − labelled c); lower is better. */
  FALSE_POSITIVE_RATE,
  /**
   * P(ŷ ≠ c | y = c) = (labelled c − TP) ÷ labelled c (miss rate of c); lower is better (Fairlearn
   * {@code false_negative_rate} on {@code y == c, ŷ == c}); undefined when no row is labelled c.
   */
  FALSE_NEGATIVE_RATE,
  /**
   * P(ŷ ≠ c | y ≠ c) = TN ÷ (n − labelled c) (specificity of c); higher is better (Fairlearn {@code
   * true_negative_rate}); undefined when every row is labelled c.
   */
  TRUE_NEGATIVE_RATE,
  /** P(y = c | ŷ = c) = TP ÷ predicted c (precision of c); higher is better. */
  POSITIVE_PREDICTIVE_VALUE,
  /**
   * P(y ≠ c | ŷ ≠ c) = TN ÷ (n − predicted c); higher is better (the binary path's {@code
   * negative_predictive_value}, scikit-learn's precision of the negative class); undefined when
   * every row is predicted c.
   */
  NEGATIVE_PREDICTIVE_VALUE;

  /**
   * The results.json name, the constant's name in lower case (the binary path's name; the row
   * carries the class).
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The numerator x for class {@code c}. */
  public long numerator(ClassConfusion m, String c) {
    return switch (this) {
      case SELECTION_RATE -> m.predicted(c);
      case BASE_RATE -> m.labelled(c);
      case TRUE_POSITIVE_RATE, POSITIVE_PREDICTIVE_VALUE -> m.hits(c);
      case FALSE_POSITIVE_RATE -> m.predicted(c) - m.hits(c);
      case FALSE_NEGATIVE_RATE -> m.labelled(c) - m.hits(c);
      case TRUE_NEGATIVE_RATE, NEGATIVE_PREDICTIVE_VALUE -> trueNegatives(m, c);
    };
  }

  /** The denominator d for class {@code c}. */
  public long denominator(ClassConfusion m, String c) {
    return switch (this) {
      case SELECTION_RATE, BASE_RATE -> m.n();
      case TRUE_POSITIVE_RATE, FALSE_NEGATIVE_RATE -> m.labelled(c);
      case FALSE_POSITIVE_RATE, TRUE_NEGATIVE_RATE -> m.n() - m.labelled(c);
      case POSITIVE_PREDICTIVE_VALUE -> m.predicted(c);
      case NEGATIVE_PREDICTIVE_VALUE -> m.n() - m.predicted(c);
    };
  }

  /** One-vs-rest TN of class {@code c}: rows neither labelled nor predicted c. */
  static long trueNegatives(ClassConfusion m, String c) {
    return m.n() - m.labelled(c) - m.predicted(c) + m.hits(c);
  }

  /** x ÷ d, NaN when d is 0. */
  public double value(ClassConfusion m, String c) {
    long d = denominator(m, c);
    return d == 0 ? Double.NaN : (double) numerator(m, c) / d;
  }

  /** Why the rate is undefined for class {@code c} (its denominator is 0). */
  public String undefinedReason(String c) {
    return id()
        + " is undefined for class "
        + c
        + ": "
        + switch (this) {
          case SELECTION_RATE, BASE_RATE -> "the group has no row";
          case TRUE_POSITIVE_RATE, FALSE_NEGATIVE_RATE -> "no row of the group is labelled " + c;
          case FALSE_POSITIVE_RATE, TRUE_NEGATIVE_RATE -> "every row of the group is labelled " + c;
          case POSITIVE_PREDICTIVE_VALUE -> "no row of the group is predicted " + c;
          case NEGATIVE_PREDICTIVE_VALUE -> "every row of the group is predicted " + c;
        };
  }
}
