package dev.assay.metrics.privacy;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per attack-signal value, the number of members and non-members: the whole state of the threshold
 * attack. Its size is bounded by the distinct (rounded) signal values, never by rows. Immutable:
 * signals ascending and distinct, with their counts in parallel arrays; two states merge by adding
 * the counts of equal signals (a merge of two sorted lists), so merging is associative and
 * commutative with {@link #empty()} as identity.
 */
public final class MembershipCounts {

  private static final MembershipCounts EMPTY =
      new MembershipCounts(new double[0], new long[0], new long[0]);

  private final double[] signals;
  private final long[] members;
  private final long[] nonMembers;

  private MembershipCounts(double[] signals, long[] members, long[] nonMembers) {
    this.signals = signals;
    this.members = members;
    this.nonMembers = nonMembers;
  }

  /** An empty state. */
  public static MembershipCounts empty() {
    return EMPTY;
  }

  /** The state of {@code members} and {@code nonMembers} at one signal value. */
  public static MembershipCounts at(double signal, long members, long nonMembers) {
    return new MembershipCounts(
        new double[] {signal}, new long[] {members}, new long[] {nonMembers});
  }

  /** The sum of many states at once (one sort, not a merge per state). */
  public static MembershipCounts sum(Iterable<MembershipCounts> states) {
    TreeMap<Double, long[]> bySignal = new TreeMap<>();
    for (MembershipCounts s : states) {
      for (int i = 0; i < s.signals.length; i++) {
        long[] c = bySignal.computeIfAbsent(s.signals[i], x -> new long[2]);
        c[0] += s.members[i];
        c[1] += s.nonMembers[i];
      }
    }
    double[] signals = new double[bySignal.size()];
    long[] members = new long[signals.length];
    long[] nonMembers = new long[signals.length];
    int i = 0;
    for (Map.Entry<Double, long[]> e : bySignal.entrySet()) {
      signals[i] = e.getKey();
      members[i] = e.getValue()[0];
      nonMembers[i++] = e.getValue()[1];
    }
    return new MembershipCounts(signals, members, nonMembers);
  }

  /** This state with {@code members} and {@code nonMembers} more at {@code signal}. */
  public MembershipCounts add(double signal, long members, long nonMembers) {
    return merge(at(signal, members, nonMembers));
  }

  /** The sum of two states. */
  public MembershipCounts merge(MembershipCounts o) {
    return sum(java.util.List.of(this, o));
  }

  public long members() {
    return Arrays.stream(members).sum();
  }

  public long nonMembers() {
    return Arrays.stream(nonMembers).sum();
  }

  /** {@link MembershipMetric#MEMBERSHIP_AUC}; NaN without members or non-members. */
  public double auc() {
    if (members() == 0 || nonMembers() == 0) {
      return Double.NaN;
    }
    double wins = 0;
    long nonBelow = 0;
    for (int i = 0; i < signals.length; i++) {
      wins += members[i] * (nonBelow + 0.5 * nonMembers[i]);
      nonBelow += nonMembers[i];
    }
    return wins / ((double) members() * nonMembers());
  }

  /** {@link MembershipMetric#MEMBERSHIP_ADVANTAGE}; NaN without members or non-members. */
  public double advantage() {
    return bestTpr(1.0, true);
  }

  /**
   * {@link MembershipMetric#MEMBERSHIP_TPR_AT_0_1_FPR} and its 1 % sibling: the largest TPR(t) over
   * thresholds t (the distinct signals, and +∞ where TPR = FPR = 0) whose FPR(t) ≤ {@code fpr}; NaN
   * without members or non-members.
   */
  public double tprAtFpr(double fpr) {
    return bestTpr(fpr, false);
  }

  /**
   * Walks the thresholds from the highest signal down and returns the best TPR(t) − FPR(t) ({@code
   * minusFpr}) or TPR(t) among those with FPR(t) ≤ {@code maxFpr}; 0 at t = +∞.
   */
  private double bestTpr(double maxFpr, boolean minusFpr) {
    long m = members();
    long n = nonMembers();
    if (m == 0 || n == 0) {
      return Double.NaN;
    }
    double best = 0;
    long membersAbove = 0;
    long nonAbove = 0;
    for (int i = signals.length - 1; i >= 0; i--) {
      membersAbove += members[i];
      nonAbove += nonMembers[i];
      double tpr = (double) membersAbove / m;
      double fpr = (double) nonAbove / n;
      if (fpr <= maxFpr) {
        best = Math.max(best, minusFpr ? tpr - fpr : tpr);
      }
    }
    return best;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MembershipCounts c
        && Arrays.equals(signals, c.signals)
        && Arrays.equals(members, c.members)
        && Arrays.equals(nonMembers, c.nonMembers);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(signals) + Arrays.hashCode(members))
        + Arrays.hashCode(nonMembers);
  }

  @Override
  public String toString() {
    return "MembershipCounts"
        + Arrays.toString(signals)
        + Arrays.toString(members)
        + Arrays.toString(nonMembers);
  }
}
