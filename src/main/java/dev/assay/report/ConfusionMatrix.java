package dev.assay.report;

import dev.assay.core.MetricResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One group's confusion matrix for the report: true and false positives and negatives, as counts
 * and as shares of the group. The fairness family does not emit the four cells as metrics; they are
 * recovered exactly from the per-group metrics it does emit, with no extra Spark job:
 *
 * <pre>
 *   n  = count
 *   PP = selection_rate × n        (predicted positive)
 *   P  = base_rate × n             (labelled positive)
 *   TP = true_positive_rate × P    (0 when P = 0: the rate is then undefined)
 *   FP = PP − TP,  FN = P − TP,  TN = n − PP − P + TP
 * </pre>
 *
 * Each rate is a ratio of two counts stored as a double, so multiplying back by its denominator
 * gives the count to within n × 2⁻⁵², far below 0.5 for any group Spark can count; the product is
 * accepted only when it lies within {@link #TOLERANCE} of a whole number, and the cells must then
 * reproduce every other rate the group carries (false positive, false negative, true negative
 * rates, predictive values, accuracy) to within 1e-9. When a metric is missing (no label column, no
 * prediction) or the numbers do not fit together, there is no matrix rather than a wrong one.
 *
 * @param group the group's name
 * @param truePositive predicted positive and labelled positive
 * @param falsePositive predicted positive, labelled negative
 * @param falseNegative predicted negative, labelled positive
 * @param trueNegative predicted negative and labelled negative
 */
public record ConfusionMatrix(
    String group, long truePositive, long falsePositive, long falseNegative, long trueNegative) {

  /** How far a rate × denominator may be from a whole number and still be read as a count. */
  static final double TOLERANCE = 1e-6;

  private static final double RATE_TOLERANCE = 1e-9;

  /** Rows in the group. */
  public long total() {
    return truePositive + falsePositive + falseNegative + trueNegative;
  }

  /** A count with thousands separators ("53,351"), as the report writes row counts. */
  public String count(long cell) {
    return String.format(java.util.Locale.ROOT, "%,d", cell);
  }

  /** A cell's share of the group as a percentage with one decimal ("12.5 %"), "—" when empty. */
  public String share(long cell) {
    long n = total();
    if (n == 0) {
      return NumberText.MISSING;
    }
    return BigDecimal.valueOf(cell * 100L)
            .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP)
            .toPlainString()
        + Findings.PERCENT;
  }

  /**
   * The matrix of one group from its per-group metrics by name, or null when the metrics are
   * missing or do not describe whole counts consistently.
   */
  public static ConfusionMatrix of(String group, Map<String, MetricResult> metrics) {
    Long n = whole(metrics.get("count"), 1);
    if (n == null || n <= 0) {
      return null;
    }
    Long predictedPositive = whole(metrics.get("selection_rate"), n);
    Long labelPositive = whole(metrics.get("base_rate"), n);
    if (predictedPositive == null || labelPositive == null) {
      return null;
    }
    long truePositive;
    if (labelPositive == 0) {
      truePositive = 0;
    } else {
      Long tp = whole(metrics.get("true_positive_rate"), labelPositive);
      if (tp == null) {
        return null;
      }
      truePositive = tp;
    }
    long fp = predictedPositive - truePositive;
    long fn = labelPositive - truePositive;
    long tn = n - predictedPositive - labelPositive + truePositive;
    if (truePositive < 0 || fp < 0 || fn < 0 || tn < 0) {
      return null;
    }
    ConfusionMatrix m = new ConfusionMatrix(group, truePositive, fp, fn, tn);
    return m.agreesWith(metrics) ? m : null;
  }

  /** Whether every other confusion rate the group carries is reproduced by the four cells. */
  private boolean agreesWith(Map<String, MetricResult> metrics) {
    long tp = truePositive;
    long fp = falsePositive;
    long fn = falseNegative;
    long tn = trueNegative;
    return agrees(metrics.get("false_positive_rate"), fp, fp + tn)
        && agrees(metrics.get("false_negative_rate"), fn, tp + fn)
        && agrees(metrics.get("true_negative_rate"), tn, fp + tn)
        && agrees(metrics.get("positive_predictive_value"), tp, tp + fp)
        && agrees(metrics.get("negative_predictive_value"), tn, tn + fn)
        && agrees(metrics.get("accuracy"), tp + tn, total());
  }

  private static boolean agrees(MetricResult metric, long numerator, long denominator) {
    if (metric == null) {
      return true;
    }
    OptionalDouble v = metric.number();
    if (v.isEmpty()) {
      return denominator == 0;
    }
    return denominator > 0
        && Math.abs(v.getAsDouble() - (double) numerator / denominator) <= RATE_TOLERANCE;
  }

  /** The count behind a rate: value × denominator when it is a whole number, else null. */
  private static Long whole(MetricResult metric, long denominator) {
    if (metric == null || metric.number().isEmpty()) {
      return null;
    }
    double product = metric.number().getAsDouble() * denominator;
    double rounded = Math.rint(product);
    if (!Double.isFinite(product)
        || Math.abs(product - rounded) > TOLERANCE
        || rounded < 0
        || rounded > denominator && denominator > 1) {
      return null;
    }
    return (long) rounded;
  }
}
