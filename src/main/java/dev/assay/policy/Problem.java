package dev.assay.policy;

/**
 * One thing wrong in a rule pack or waivers file, found by validation: where it is, which rule it
 * concerns (or null) and what to change.
 *
 * @param file the file (or directory) as given
 * @param line the 1-based line, or 0 when the problem concerns the whole file
 * @param ruleId the id of the rule (or of the waiver's rule) concerned, or null
 */
public record Problem(String file, int line, String ruleId, String message) {

  /** {@code file:line}, or just the file when there is no line. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }

  /** {@code rules/x.yaml:12: rule eeoc-four-fifths: must: ...}, on one line. */
  @Override
  public String toString() {
    return location() + ": " + (ruleId == null ? "" : "rule " + ruleId + ": ") + message;
  }
}
