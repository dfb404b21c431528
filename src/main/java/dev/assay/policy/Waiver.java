package dev.assay.policy;

import dev.assay.core.Scope;
import dev.assay.core.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed-off exception to a rule: the failure of {@code rule} on the scopes it names is accepted,
 * for a stated reason, by a named approver, until a date. Scope keys match exactly; an absent key
 * matches any value. {@code classLabel} is the waiver's {@code class} key (multi-class fairness).
 *
 * @param expires the last day the waiver applies (inclusive)
 * @param file the waivers file
 * @param line the line where the waiver starts
 */
public record Waiver(
    String rule,
    String attribute,
    String group,
    String column,
    String classLabel,
    String reason,
    String approvedBy,
    LocalDate expires,
    String file,
    int line) {

  /** A waiver without a class key. */
  public Waiver(
      String rule,
      String attribute,
      String group,
      String column,
      String reason,
      String approvedBy,
      LocalDate expires,
      String file,
      int line) {
    this(rule, attribute, group, column, null, reason, approvedBy, expires, file, line);
  }

  /** {@code file:line} of the waiver, for messages. */
  public String location() {
    return file + ":" + line;
  }

  /**
   * True when this waiver names the verdict's rule and every scope key it gives equals the
   * verdict's.
   */
  public boolean covers(Verdict verdict) {
    Scope scope = verdict.scope();
    return rule.equals(verdict.ruleId())
        && (attribute == null || attribute.equals(scope.attribute()))
        && (group == null || group.equals(scope.group()))
        && (column == null || column.equals(scope.column()))
        && (classLabel == null || classLabel.equals(scope.classLabel()));
  }

  /** True on every day up to and including {@link #expires()}. */
  public boolean isValidOn(LocalDate day) {
    return !day.isAfter(expires);
  }

  /** What a report shows on the waived verdict. */
  public Verdict.Waiver asVerdictWaiver() {
    return new Verdict.Waiver(reason, approvedBy, expires.toString());
  }

  /**
   * The scope keys it names, for messages: {@code attribute race, group Other}, or {@code every
   * scope}.
   */
  public String scopeLabel() {
    List<String> parts = new ArrayList<>();
    if (attribute != null) {
      parts.add("attribute " + attribute);
    }
    if (group != null) {
      parts.add("group " + group);
    }
    if (column != null) {
      parts.add("column " + column);
    }
    if (classLabel != null) {
      parts.add("class " + classLabel);
    }
    return parts.isEmpty() ? "every scope" : String.join(", ", parts);
  }
}
