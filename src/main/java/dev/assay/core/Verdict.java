package dev.assay.core;

import java.util.Comparator;

/**
 * One rule's judgement on one scope, with everything an auditor needs to see why: the metric and
 * value observed, the condition expected, and, when waived, the waiver's reason and approver.
 *
 * @param observed the metric value, or null when it was undefined or missing
 * @param waiver the waiver that applied, or null
 */
public record Verdict(
    String ruleId,
    String ruleTitle,
    String pack,
    Severity severity,
    Status status,
    String metric,
    Scope scope,
    Double observed,
    String expected,
    String message,
    String rationale,
    String reference,
    Waiver waiver)
    implements Comparable<Verdict> {

  private static final Comparator<Verdict> ORDER =
      Comparator.comparing(Verdict::ruleId).thenComparing(Verdict::scope);

  /** The waiver that turned a failure into {@link Status#WAIVED}. */
  public record Waiver(String reason, String approvedBy, String expires) {}

  @Override
  public int compareTo(Verdict other) {
    return ORDER.compare(this, other);
  }

  /** True when this verdict closes the gate. */
  public boolean blocksRelease() {
    return status == Status.FAIL || (status == Status.ERROR && severity == Severity.BLOCKING);
  }
}
