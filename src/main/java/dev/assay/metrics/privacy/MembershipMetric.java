package dev.assay.metrics.privacy;

import java.util.function.ToDoubleFunction;

/**
 * The loss/confidence threshold membership-inference attack (Yeom et al., "Privacy Risk in Machine
 * Learning", CSF 2018; the threshold attack of ML Privacy Meter and TensorFlow Privacy): the
 * attacker guesses "member" when the model's confidence in the record's true label (monotone in the
 * negative cross-entropy loss) is at least a threshold. The signal is p when the label is positive
 * and 1 − p otherwise (p = the score, read as the probability of the positive class); without a
 * label, max(p, 1 − p). M members and N non-members; both must be non-zero, else the metric is
 * undefined.
 */
public enum MembershipMetric {

  /**
   * Area under the attack's ROC curve, by Mann–Whitney with ties counted ½: (Σ_members
   * #{non-members with lower signal} + ½ #{ties}) / (M·N). Range [0, 1]; 0.5 = no leakage, higher =
   * more leakage.
   */
  MEMBERSHIP_AUC("membership_auc", MembershipCounts::auc),

  /**
   * max over thresholds t of TPR(t) − FPR(t), where TPR(t) is the share of members and FPR(t) the
   * share of non-members with signal ≥ t (Yeom et al.'s membership advantage; t = +∞ gives 0).
   * Range [0, 1]; 0 = no leakage.
   */
  MEMBERSHIP_ADVANTAGE("membership_advantage", MembershipCounts::advantage),

  /**
   * The attack's true-positive rate at a 0.1 % false-positive rate: max TPR(t) over thresholds with
   * FPR(t) ≤ 0.001 (Carlini et al., "Membership Inference Attacks From First Principles", S&P 2022:
   * an attack is a threat when it identifies some members confidently, which an average such as the
   * AUC hides). No interpolation between thresholds; with fewer than 1,000 non-members only FPR = 0
   * qualifies. Range [0, 1]; 0 = no member is identified without false alarms, higher = more
   * leakage.
   */
  MEMBERSHIP_TPR_AT_0_1_FPR("membership_tpr_at_0_1_fpr", c -> c.tprAtFpr(0.001)),

  /** As {@link #MEMBERSHIP_TPR_AT_0_1_FPR} at a 1 % false-positive rate (FPR(t) ≤ 0.01). */
  MEMBERSHIP_TPR_AT_1_FPR("membership_tpr_at_1_fpr", c -> c.tprAtFpr(0.01));

  private final String id;
  private final ToDoubleFunction<MembershipCounts> value;

  MembershipMetric(String id, ToDoubleFunction<MembershipCounts> value) {
    this.id = id;
    this.value = value;
  }

  /** The stable snake_case name. */
  public String id() {
    return id;
  }

  /** The metric's value on {@code counts}; NaN without members or non-members. */
  public double of(MembershipCounts counts) {
    return value.applyAsDouble(counts);
  }
}
