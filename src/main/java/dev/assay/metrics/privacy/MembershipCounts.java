package dev.assay.metrics.privacy;

import java.util.Map;
import java.util.TreeMap;

/**
 * Per attack-signal value, the number of members and non-members: the whole state of the threshold
 * attack. Its size is bounded by the distinct (rounded) signal values, never by rows; two states
 * merge by adding counts.
 *
 * @param bySignal signal value → {members, non-members}
 */
public record MembershipCounts(TreeMap<Double, long[]> bySignal) {

  /** An empty state. */
  public static MembershipCounts empty() {
    return new MembershipCounts(new TreeMap<>());
  }

  /** Adds {@code members} and {@code nonMembers} at {@code signal}. */
  public MembershipCounts add(double signal, long members, long nonMembers) {
    long[] c = bySignal.computeIfAbsent(signal, s -> new long[2]);
    c[0] += members;
    c[1] += nonMembers;
    return this;
  }

  /** The sum of two states. */
  public MembershipCounts merge(MembershipCounts o) {
    MembershipCounts out = empty();
    bySignal.forEach((s, c) -> out.add(s, c[0], c[1]));
    o.bySignal.forEach((s, c) -> out.add(s, c[0], c[1]));
    return out;
  }

  public long members() {
    return bySignal.values().stream().mapToLong(c -> c[0]).sum();
  }

  public long nonMembers() {
    return bySignal.values().stream().mapToLong(c -> c[1]).sum();
  }

  /** {@link MembershipMetric#MEMBERSHIP_AUC}; NaN without members or non-members. */
  public double auc() {
    long m = members();
    long n = nonMembers();
    if (m == 0 || n == 0) {
      return Double.NaN;
    }
    double wins = 0;
    long nonBelow = 0;
    for (long[] c : bySignal.values()) {
      wins += c[0] * (nonBelow + 0.5 * c[1]);
      nonBelow += c[1];
    }
    return wins / ((double) m * n);
  }

  /** {@link MembershipMetric#MEMBERSHIP_ADVANTAGE}; NaN without members or non-members. */
  public double advantage() {
    long m = members();
    long n = nonMembers();
    if (m == 0 || n == 0) {
      return Double.NaN;
    }
    double best = 0;
    long membersAbove = 0;
    long nonAbove = 0;
    for (Map.Entry<Double, long[]> e : bySignal.descendingMap().entrySet()) {
      membersAbove += e.getValue()[0];
      nonAbove += e.getValue()[1];
      best = Math.max(best, (double) membersAbove / m - (double) nonAbove / n);
    }
    return best;
  }

  /**
   * {@link MembershipMetric#MEMBERSHIP_TPR_AT_0_1_FPR} and its 1 % sibling: the largest TPR(t) over
   * thresholds t (the distinct signals, and +∞ where TPR = FPR = 0) whose FPR(t) ≤ {@code fpr}; NaN
   * without members or non-members.
   */
  public double tprAtFpr(double fpr) {
    long m = members();
    long n = nonMembers();
    if (m == 0 || n == 0) {
      return Double.NaN;
    }
    double best = 0;
    long membersAbove = 0;
    long nonAbove = 0;
    for (Map.Entry<Double, long[]> e : bySignal.descendingMap().entrySet()) {
      membersAbove += e.getValue()[0];
      nonAbove += e.getValue()[1];
      if ((double) nonAbove / n <= fpr) {
        best = Math.max(best, (double) membersAbove / m);
      }
    }
    return best;
  }

  /** The value of a threshold-attack metric. */
  public double value(MembershipMetric metric) {
    if (metric == MembershipMetric.MEMBERSHIP_AUC) {
      return auc();
    }
    if (metric == MembershipMetric.MEMBERSHIP_ADVANTAGE) {
      return advantage();
    }
    return tprAtFpr(metric == MembershipMetric.MEMBERSHIP_TPR_AT_0_1_FPR ? 0.001 : 0.01);
  }
}
