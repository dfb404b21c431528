package dev.assay.core;

/**
 * The outcome of one rule on one scope. FAIL is a failed blocking rule (or any rule failed under
 * {@code --fail-on warning}); WARN a failed warning or info rule; NOT_APPLICABLE and ERROR carry
 * the reason the rule could not be judged — neither is ever a silent PASS.
 */
public enum Status {
  PASS,
  FAIL,
  WARN,
  WAIVED,
  NOT_APPLICABLE,
  ERROR
}
