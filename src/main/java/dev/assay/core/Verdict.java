package dev.assay.core;

import java.util.Comparator;
import java.util.function.UnaryOperator;

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

  /** This verdict with another message (the baseline's change appended, ...). */
  public Verdict withMessage(String value) {
    return copy(UnaryOperator.identity(), status, value, waiver);
  }

  /** This verdict {@link Status#WAIVED} by {@code value}. */
  public Verdict waivedBy(Waiver value) {
    return copy(UnaryOperator.identity(), Status.WAIVED, message, value);
  }

  /**
   * This verdict with {@code edit} applied to each free text a rule or waiver author wrote (the
   * rule's title, expectation, message, rationale and reference; the waiver's reason and approver).
   * Identifiers, the scope, the values and the waiver's expiry are kept.
   */
  public Verdict withTexts(UnaryOperator<String> edit) {
    Waiver w =
        waiver == null
            ? null
            : new Waiver(
                edit.apply(waiver.reason()), edit.apply(waiver.approvedBy()), waiver.expires());
    return copy(edit, status, edit.apply(message), w);
  }

  private Verdict copy(UnaryOperator<String> edit, Status newStatus, String newMessage, Waiver w) {
    return new Verdict(
        ruleId,
        edit.apply(ruleTitle),
        pack,
        severity,
        newStatus,
        metric,
        scope,
        observed,
        edit.apply(expected),
        newMessage,
        edit.apply(rationale),
        edit.apply(reference),
        w);
  }

  @Override
  public int compareTo(Verdict other) {
    return ORDER.compare(this, other);
  }

  /** True when this verdict closes the gate. */
  public boolean blocksRelease() {
    return status == Status.FAIL || (status == Status.ERROR && severity == Severity.BLOCKING);
  }
}
