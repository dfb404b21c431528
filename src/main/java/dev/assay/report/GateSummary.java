package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import java.util.List;

/**
 * The headline of an audit in plain words: how many rule checks passed, failed, warned, were
 * waived, could not be judged, and one sentence saying whether the release gate is open and why.
 * The HTML report and the Markdown summary both print it, so they never disagree.
 *
 * @param blockingFailures verdicts that close the gate (FAIL, or ERROR of a blocking rule)
 * @param errors verdicts with status ERROR (blocking or not)
 */
public record GateSummary(
    String verdict,
    int total,
    int passed,
    int blockingFailures,
    int warnings,
    int waived,
    int errors,
    int notApplicable,
    String sentence) {

  /** Counts the run's verdicts and words the gate sentence. */
  public static GateSummary of(AuditRun run) {
    List<Verdict> verdicts = run.verdicts();
    List<Verdict> blocking = verdicts.stream().filter(Verdict::blocksRelease).toList();
    int failed = (int) verdicts.stream().filter(v -> v.status() == Status.FAIL).count();
    int blockingErrors =
        (int)
            verdicts.stream()
                .filter(v -> v.status() == Status.ERROR && v.severity() == Severity.BLOCKING)
                .count();
    return new GateSummary(
        run.verdict(),
        verdicts.size(),
        count(verdicts, Status.PASS),
        blocking.size(),
        count(verdicts, Status.WARN),
        count(verdicts, Status.WAIVED),
        count(verdicts, Status.ERROR),
        count(verdicts, Status.NOT_APPLICABLE),
        sentence(blocking, failed, blockingErrors, verdicts.size()));
  }

  private static int count(List<Verdict> verdicts, Status status) {
    return (int) verdicts.stream().filter(v -> v.status() == status).count();
  }

  private static String sentence(
      List<Verdict> blocking, int failed, int blockingErrors, int total) {
    if (blocking.isEmpty()) {
      return total == 0
          ? "The release gate is open, but no rule was checked: add a rule pack to the audit spec."
          : "The release gate is open: every blocking rule holds.";
    }
    StringBuilder because = new StringBuilder("The release gate is closed because ");
    if (failed > 0) {
      because
          .append(plural(failed, "blocking rule check"))
          .append(failed == 1 ? " fails" : " fail");
    }
    if (failed > 0 && blockingErrors > 0) {
      because.append(" and ");
    }
    if (blockingErrors > 0) {
      because
          .append(plural(blockingErrors, "blocking rule check"))
          .append(" could not be evaluated");
    }
    because.append(": ");
    int shown = Math.min(blocking.size(), 3);
    for (int i = 0; i < shown; i++) {
      Verdict v = blocking.get(i);
      if (i > 0) {
        because.append("; ");
      }
      because.append(v.ruleId()).append(" on ").append(v.scope().label());
      if (v.observed() != null) {
        because.append(" (observed ").append(NumberText.of(v.observed()));
        if (v.expected() != null) {
          because.append(", expected ").append(v.expected());
        }
        because.append(')');
      }
    }
    if (blocking.size() > shown) {
      because.append("; and ").append(blocking.size() - shown).append(" more");
    }
    return because.append('.').toString();
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
