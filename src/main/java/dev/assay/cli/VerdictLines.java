package dev.assay.cli;

import dev.assay.core.AuditRun;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What {@code audit} tells a CI log about the verdict: one summary line; then the blocking
 * failures, the warnings, the non-blocking errors and the waived rules, each at most {@link #MOST}
 * lines and then a count of the rest; then where the report is. With {@code --quiet}, only the
 * summary line. Lines are plain text; {@link Console} escapes them when it prints.
 */
final class VerdictLines {

  /** At most this many verdicts of one kind are listed; the report has them all. */
  static final int MOST = 10;

  private VerdictLines() {}

  static List<String> of(AuditRun run, Path report, boolean quiet) {
    List<String> lines = new ArrayList<>();
    lines.add(summary(run));
    if (quiet) {
      return lines;
    }
    section(lines, run, "Blocking failures", Verdict::blocksRelease);
    section(lines, run, "Warnings", v -> v.status() == Status.WARN);
    section(
        lines, run, "Errors (not blocking)", v -> v.status() == Status.ERROR && !v.blocksRelease());
    section(lines, run, "Waived", v -> v.status() == Status.WAIVED);
    lines.add("Report: " + report);
    return lines;
  }

  /** {@code Assay audit 'NAME': FAIL (12 rule verdicts, 2 blocking, 3 warnings, 1 waived)}. */
  static String summary(AuditRun run) {
    return "Assay audit '"
        + run.name()
        + "': "
        + run.verdict()
        + " ("
        + run.verdicts().size()
        + " rule verdicts, "
        + count(run, Verdict::blocksRelease)
        + " blocking, "
        + count(run, v -> v.status() == Status.WARN)
        + " warnings, "
        + count(run, v -> v.status() == Status.WAIVED)
        + " waived)";
  }

  private static void section(
      List<String> lines, AuditRun run, String title, Predicate<Verdict> kind) {
    List<Verdict> matching = run.verdicts().stream().filter(kind).toList();
    if (matching.isEmpty()) {
      return;
    }
    lines.add(title + ":");
    for (Verdict v : matching.subList(0, Math.min(MOST, matching.size()))) {
      lines.add("  " + line(v));
    }
    if (matching.size() > MOST) {
      lines.add("  ... and " + (matching.size() - MOST) + " more in the report");
    }
  }

  private static String line(Verdict v) {
    String text = v.status() + " " + v.ruleId() + " [" + v.scope().label() + "]: " + v.message();
    if (v.status() == Status.WAIVED && v.waiver() != null) {
      text += " (approved by " + v.waiver().approvedBy() + " until " + v.waiver().expires() + ")";
    }
    return text;
  }

  private static long count(AuditRun run, Predicate<Verdict> kind) {
    return run.verdicts().stream().filter(kind).count();
  }
}
