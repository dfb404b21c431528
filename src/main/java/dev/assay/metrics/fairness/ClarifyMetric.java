package dev.assay.metrics.fairness;

import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * Amazon SageMaker Clarify's pre-training (label) and post-training (prediction) bias metrics for
 * one facet d (a group of an attribute) against the rest a (every other row of the attribute), with
 * Clarify's definitions and signs (AWS, "Amazon SageMaker Clarify" developer guide, one page per
 * metric, cited on each constant; the reference implementation is {@code smclarify.bias.metrics}).
 *
 * <p><b>Positive.</b> Clarify's "positive" outcome is the one named by its {@code
 * label_values_or_threshold}, the favourable one (an accepted loan). Assay takes it as the
 * favourable value of {@code columns.favourable} for both label and prediction: with the default it
 * is the value 1; with {@code favourable: 0} (COMPAS: a low-risk prediction) the 0s are the
 * positives. q = positive labels / n, q̂ = positive predictions / n, n̂⁽¹⁾/n̂⁽⁰⁾ = rows predicted
 * positive/negative, n⁽¹⁾/n⁽⁰⁾ = rows labelled positive/negative, TP/FP/FN/TN the confusion cells
 * with that orientation.
 *
 * <p><b>Undefined, never infinite.</b> When a denominator is 0, or the rest is empty (an attribute
 * with one group), the value is undefined with the reason. Clarify's code instead returns 0 for 0/0
 * and ±∞ for x/0, and drops label values with probability 0 on either side before KL/JS/Lp; Assay
 * keeps every value (0 · log 0 = 0) and reports KL as undefined only where it is infinite.
 * Logarithms are natural (nats), as in Clarify ({@code np.log}).
 */
public enum ClarifyMetric {
  /**
   * CI = (n_a − n_d) / (n_a + n_d). Range [−1, 1]; 0 is balance, positive means d is
   * under-represented. Clarify "Class Imbalance (CI)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-bias-metric-class-imbalance.html.
   */
  CI("clarify_ci", Needs.NOTHING, (d, a) -> ok((double) (a.n() - d.n()) / (a.n() + d.n()))),
  /**
   * DPL = q_a − q_d. Range [−1, 1]; 0 is parity, positive means d has fewer positive labels.
   * Clarify "Difference in Proportions of Labels (DPL)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-data-bias-metric-true-label-imbalance.html.
   */
  DPL("clarify_dpl", Needs.LABEL, (d, a) -> ok(a.q() - d.q())),
  /**
   * KL = Σ_y P_a(y) ln(P_a(y) / P_d(y)) over y ∈ {positive, negative}. Range [0, ∞); 0 is equal
   * label distributions. Undefined when P_d(y) = 0 &lt; P_a(y) (infinite). Clarify
   * "Kullback-Leibler Divergence (KL)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-data-bias-metric-kl-divergence.html.
   */
  KL("clarify_kl", Needs.LABEL, (d, a) -> kl(a.labels(), d.labels())),
  /**
   * JS = ½ [KL(P_a‖P) + KL(P_d‖P)], P = ½ (P_a + P_d). Range [0, ln 2]; 0 is equal label
   * distributions. Clarify "Jensen-Shannon Divergence (JS)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-data-bias-metric-jensen-shannon-divergence.html.
   */
  JS("clarify_js", Needs.LABEL, (d, a) -> ok(js(a.labels(), d.labels()))),
  /**
   * Lp (p = 2, Clarify's default) = (Σ_y |P_a(y) − P_d(y)|²)^½ = √2 · |q_a − q_d| for a binary
   * label. Range [0, √2]; 0 is equal distributions. Clarify "Lp-norm (LP)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-data-bias-metric-lp-norm.html.
   */
  LP("clarify_lp", Needs.LABEL, (d, a) -> ok(Math.sqrt(2.0) * Math.abs(a.q() - d.q()))),
  /**
   * TVD = ½ Σ_y |P_a(y) − P_d(y)| = |q_a − q_d| for a binary label. Range [0, 1]; 0 is equal
   * distributions. Clarify "Total Variation Distance (TVD)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-data-bias-metric-total-variation-distance.html.
   */
  TVD("clarify_tvd", Needs.LABEL, (d, a) -> ok(Math.abs(a.q() - d.q()))),
  /**
   * KS = max_y |P_a(y) − P_d(y)| = |q_a − q_d| for a binary label. Range [0, 1]; 0 is equal
   * distributions. Clarify "Kolmogorov-Smirnov (KS)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-data-bias-metric-kolmogorov-smirnov.html.
   */
  KS("clarify_ks", Needs.LABEL, (d, a) -> ok(Math.abs(a.q() - d.q()))),
  /**
   * DPPL = q̂_a − q̂_d. Range [−1, 1]; 0 is parity, positive means d is predicted positive less
   * often. Clarify "Difference in Positive Proportions in Predicted Labels (DPPL)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-dppl.html.
   */
  DPPL("clarify_dppl", Needs.PREDICTION, (d, a) -> ok(a.qHat() - d.qHat())),
  /**
   * DI = q̂_d / q̂_a. Range [0, ∞); 1 is parity, below 1 means d is predicted positive less often
   * (the four-fifths rule compares it with 0.8). Undefined when q̂_a = 0. Clarify "Disparate Impact
   * (DI)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-di.html.
   */
  DI(
      "clarify_di",
      Needs.PREDICTION,
      (d, a) ->
          a.predictedPositive() == 0
              ? undefined("no row of the rest (a) is predicted positive (q̂_a = 0)")
              : ok(d.qHat() / a.qHat())),
  /**
   * DCA = c_a − c_d, c = n⁽¹⁾ / n̂⁽¹⁾ (positive labels per positive prediction). Range [0, ∞) per
   * side, so the difference is unbounded; 0 is parity, positive means a has more positive labels
   * per acceptance than d (relative to its labels, d is accepted more, a less). Undefined when
   * n̂⁽¹⁾ = 0 on a side. Clarify "Difference in Conditional Acceptance (DCA)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-dca.html.
   */
  DCA(
      "clarify_dca",
      Needs.BOTH,
      (d, a) ->
          difference(
              d, a, true, Side::predictedPositive, Side::labelPositive, "rows predicted positive")),
  /**
   * DCR = r_d − r_a, r = n⁽⁰⁾ / n̂⁽⁰⁾ (negative labels per negative prediction). Unbounded; 0 is
   * parity, positive means d has more negative labels per rejection than a (relative to its labels,
   * d is rejected less, a more). Undefined when n̂⁽⁰⁾ = 0 on a side. Clarify "Difference in
   * Conditional Rejection (DCR)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-dcr.html.
   */
  DCR(
      "clarify_dcr",
      Needs.BOTH,
      (d, a) ->
          difference(
              d,
              a,
              false,
              Side::predictedNegative,
              Side::labelNegative,
              "rows predicted negative")),
  /**
   * RD = TPR_a − TPR_d, TPR = TP / (TP + FN). Range [−1, 1]; 0 is parity, positive means d's
   * positives are found less often. Undefined without positive labels on a side. Clarify "Recall
   * Difference (RD)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-rd.html.
   */
  RD(
      "clarify_rd",
      Needs.BOTH,
      (d, a) ->
          difference(
              d, a, true, Side::labelPositive, Side::truePositive, "rows labelled positive")),
  /**
   * DAR = TP_a / n̂_a⁽¹⁾ − TP_d / n̂_d⁽¹⁾ (difference in precision). Range [−1, 1]; 0 is parity.
   * Undefined without positive predictions on a side. Clarify "Difference in Acceptance Rates
   * (DAR)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-dar.html.
   */
  DAR(
      "clarify_dar",
      Needs.BOTH,
      (d, a) ->
          difference(
              d, a, true, Side::predictedPositive, Side::truePositive, "rows predicted positive")),
  /**
   * DRR = TN_d / n̂_d⁽⁰⁾ − TN_a / n̂_a⁽⁰⁾ (difference in negative predictive value, d minus a).
   * Range [−1, 1]; 0 is parity. Undefined without negative predictions on a side. Clarify
   * "Difference in Rejection Rates (DRR)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-drr.html.
   */
  DRR(
      "clarify_drr",
      Needs.BOTH,
      (d, a) ->
          difference(
              d, a, false, Side::predictedNegative, Side::trueNegative, "rows predicted negative")),
  /**
   * AD = ACC_a − ACC_d, ACC = (TP + TN) / n. Range [−1, 1]; 0 is parity, positive means the model
   * is less accurate for d. Clarify "Accuracy Difference (AD)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-ad.html.
   * (Named {@code clarify_ad}: it is a facet-vs-rest difference, not Fairlearn's max − min {@code
   * accuracy_difference}.)
   */
  AD("clarify_ad", Needs.BOTH, (d, a) -> ok(a.accuracy() - d.accuracy())),
  /**
   * TE = FN_d / FP_d − FN_a / FP_a. Range (−∞, ∞); 0 is parity. Undefined when a side has no false
   * positive. Clarify "Treatment Equality (TE)",
   * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-te.html.
   */
  TE(
      "clarify_te",
      Needs.BOTH,
      (d, a) ->
          difference(d, a, false, Side::falsePositive, Side::falseNegative, "false positives"));

  /** Which columns a metric needs. */
  public enum Needs {
    NOTHING,
    LABEL,
    PREDICTION,
    BOTH
  }

  /**
   * One side (facet d or rest a) in Clarify's orientation: positives are the favourable value.
   *
   * @param n rows
   * @param labelPositive rows whose label is the positive (favourable) value
   * @param predictedPositive rows whose prediction is the positive (favourable) value
   * @param truePositive rows with both
   */
  public record Side(long n, long labelPositive, long predictedPositive, long truePositive) {

    /** The side of a group's state; with {@code favourableIsPositive} false, 0 is positive. */
    public static Side of(ConfusionState s, boolean favourableIsPositive) {
      return favourableIsPositive
          ? new Side(s.n(), s.labelPositive(), s.predictedPositive(), s.truePositive())
          : new Side(s.n(), s.labelNegative(), s.predictedNegative(), s.trueNegative());
    }

    Side plus(Side o) {
      return new Side(
          n + o.n,
          labelPositive + o.labelPositive,
          predictedPositive + o.predictedPositive,
          truePositive + o.truePositive);
    }

    Side minus(Side o) {
      return new Side(
          n - o.n,
          labelPositive - o.labelPositive,
          predictedPositive - o.predictedPositive,
          truePositive - o.truePositive);
    }

    long labelNegative() {
      return n - labelPositive;
    }

    long predictedNegative() {
      return n - predictedPositive;
    }

    long falsePositive() {
      return predictedPositive - truePositive;
    }

    long falseNegative() {
      return labelPositive - truePositive;
    }

    long trueNegative() {
      return n - predictedPositive - labelPositive + truePositive;
    }

    double q() {
      return (double) labelPositive / n;
    }

    double qHat() {
      return (double) predictedPositive / n;
    }

    double accuracy() {
      return (double) (truePositive + trueNegative()) / n;
    }

    /** The label distribution (P(negative), P(positive)). */
    double[] labels() {
      return new double[] {1.0 - q(), q()};
    }
  }

  /** A value, or the reason there is none (exactly one is set). */
  public record Value(double value, String undefinedReason) {
    public boolean defined() {
      return undefinedReason == null;
    }
  }

  private final String id;
  private final Needs needs;
  private final BiFunction<Side, Side, Value> formula;

  ClarifyMetric(String id, Needs needs, BiFunction<Side, Side, Value> formula) {
    this.id = id;
    this.needs = needs;
    this.formula = formula;
  }

  /** The stable results.json name. */
  public String id() {
    return id;
  }

  public boolean computable(boolean hasLabel, boolean hasPrediction) {
    return switch (needs) {
      case NOTHING -> true;
      case LABEL -> hasLabel;
      case PREDICTION -> hasPrediction;
      case BOTH -> hasLabel && hasPrediction;
    };
  }

  /** The metric of facet d against the rest a; undefined when either side is empty. */
  public Value of(Side d, Side a) {
    if (d.n() == 0) {
      return undefined("the facet (d) has no rows");
    }
    if (a.n() == 0) {
      return undefined("the rest (a) has no rows: the attribute has one group");
    }
    return formula.apply(d, a);
  }

  private static Value ok(double v) {
    return new Value(v, null);
  }

  private static Value undefined(String why) {
    return new Value(Double.NaN, why);
  }

  /**
   * The difference of num / den between the sides: a − d when {@code aMinusD}, else d − a;
   * undefined when a denominator is 0.
   */
  private static Value difference(
      Side d,
      Side a,
      boolean aMinusD,
      ToLongFunction<Side> den,
      ToLongFunction<Side> num,
      String what) {
    long dd = den.applyAsLong(d);
    long da = den.applyAsLong(a);
    if (dd == 0 || da == 0) {
      return undefined(
          "no "
              + what
              + " in "
              + (dd == 0 && da == 0
                  ? "the facet (d) nor the rest (a)"
                  : dd == 0 ? "the facet (d)" : "the rest (a)"));
    }
    double rd = (double) num.applyAsLong(d) / dd;
    double ra = (double) num.applyAsLong(a) / da;
    return ok(aMinusD ? ra - rd : rd - ra);
  }

  private static Value kl(double[] p, double[] q) {
    double sum = 0.0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == 0.0) {
        continue;
      }
      if (q[i] == 0.0) {
        return undefined(
            "infinite: the facet (d) has no "
                + (i == 1 ? "positive" : "negative")
                + " label while the rest (a) has some (P_d = 0 < P_a)");
      }
      sum += p[i] * Math.log(p[i] / q[i]);
    }
    return ok(Math.max(0.0, sum));
  }

  private static double js(double[] p, double[] q) {
    double sum = 0.0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      if (p[i] > 0) {
        sum += 0.5 * p[i] * Math.log(p[i] / m);
      }
      if (q[i] > 0) {
        sum += 0.5 * q[i] * Math.log(q[i] / m);
      }
    }
    return Math.max(0.0, sum);
  }
}
