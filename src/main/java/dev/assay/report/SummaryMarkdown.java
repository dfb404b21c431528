package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.SafeText;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes summary.md, the short GitHub-flavoured Markdown a CI job posts as a pull-request comment:
 * the verdict and audit name, the counts, a table of the failed, errored and warned rule checks,
 * the waived ones with their approvers, and the families that did not apply. Text from the data is
 * escaped so a group name cannot break the table or inject markup; long tables are cut (a PR
 * comment has a size limit) with a pointer to report.html.
 */
public final class SummaryMarkdown {

  /** The file's name in a report bundle. */
  public static final String FILE_NAME = "summary.md";

  /** Most rows of the problem table; the rest are counted and left to report.html. */
  public static final int MAX_ROWS = 50;

  private static final List<Status> PROBLEMS = List.of(Status.FAIL, Status.ERROR, Status.WARN);

  /** Renders the run as UTF-8 Markdown. */
  public byte[] render(AuditRun run) {
    GateSummary gate = GateSummary.of(run);
    StringBuilder md = new StringBuilder();
    md.append("## ")
        .append(run.passed() ? "✅ PASS" : "❌ FAIL")
        .append(" — Assay audit `")
        .append(code(run.name()))
        .append("`\n\n");
    if (run.model() != null && run.model().name() != null) {
      md.append("Model: ").append(cell(run.model().name()));
      if (run.model().version() != null) {
        md.append(" version ").append(cell(run.model().version()));
      }
      md.append("\n\n");
    }
    md.append("**")
        .append(GateSummary.plural(gate.blockingFailures(), "blocking failure"))
        .append("** · ")
        .append(GateSummary.plural(gate.warnings(), "warning"))
        .append(" · ")
        .append(gate.waived())
        .append(" waived")
        .append(" · ")
        .append(GateSummary.plural(gate.errors(), "error"))
        .append(" · ")
        .append(gate.notApplicable())
        .append(" not applicable")
        .append(" · ")
        .append(gate.passed())
        .append(" passed")
        .append(" (")
        .append(GateSummary.plural(gate.total(), "rule check"))
        .append(")\n\n");
    md.append(cell(gate.sentence())).append("\n\n");

    List<Verdict> problems =
        run.verdicts().stream()
            .filter(v -> PROBLEMS.contains(v.status()))
            .sorted(
                (a, b) -> {
                  int byStatus =
                      Integer.compare(PROBLEMS.indexOf(a.status()), PROBLEMS.indexOf(b.status()));
                  return byStatus != 0 ? byStatus : a.compareTo(b);
                })
            .toList();
    if (!problems.isEmpty()) {
      md.append("| Status | Rule | Scope | Observed | Expected | Severity |\n");
      md.append("| --- | --- | --- | ---: | --- | --- |\n");
      for (Verdict v : problems.subList(0, Math.min(problems.size(), MAX_ROWS))) {
        md.append("| ")
            .append(statusLabel(v))
            .append(" | ")
            .append(cell(v.ruleId()))
            .append(" | ")
            .append(cell(v.scope().label()))
            .append(" | ")
            .append(cell(NumberText.of(v.observed())))
            .append(" | ")
            .append(cell(Objects.requireNonNullElse(v.expected(), "")))
            .append(" | ")
            .append(v.severity().id())
            .append(" |\n");
      }
      if (problems.size() > MAX_ROWS) {
        md.append("\n…and ")
            .append(problems.size() - MAX_ROWS)
            .append(" more; see report.html for every rule check.\n");
      }
      md.append('\n');
    }

    List<Verdict> waived =
        run.verdicts().stream().filter(v -> v.status() == Status.WAIVED).toList();
    if (!waived.isEmpty()) {
      md.append("**Waived** (accepted failures):\n\n");
      for (Verdict v : waived.subList(0, Math.min(waived.size(), MAX_ROWS))) {
        md.append("- ").append(cell(v.ruleId())).append(" on ").append(cell(v.scope().label()));
        if (v.observed() != null) {
          md.append(" (observed ").append(cell(NumberText.of(v.observed()))).append(")");
        }
        Verdict.Waiver w = v.waiver();
        if (w != null) {
          md.append(" — approved by ")
              .append(cell(Objects.requireNonNullElse(w.approvedBy(), "(no approver given)")));
          if (w.expires() != null) {
            md.append(", expires ").append(cell(w.expires()));
          }
          if (w.reason() != null) {
            md.append(": ").append(cell(w.reason()));
          }
        }
        md.append('\n');
      }
      if (waived.size() > MAX_ROWS) {
        md.append("\n…and ")
            .append(waived.size() - MAX_ROWS)
            .append(" more; see report.html for every waiver.\n");
      }
      md.append('\n');
    }

    List<FamilyOutcome> skipped = run.families().stream().filter(f -> !f.applicable()).toList();
    if (!skipped.isEmpty()) {
      md.append("**Not applicable:**\n\n");
      for (FamilyOutcome f : skipped) {
        md.append("- ")
            .append(f.family().title())
            .append(": ")
            .append(cell(Objects.requireNonNullElse(f.reason(), "no reason given")))
            .append('\n');
      }
      md.append('\n');
    }
    md.append("<sub>Full report: report.html · machine-readable: results.json</sub>\n");
    return md.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String statusLabel(Verdict v) {
    if (v.status() == Status.FAIL) {
      return "❌ FAIL";
    }
    if (v.status() == Status.ERROR) {
      return "⛔ ERROR";
    }
    return "⚠️ WARN";
  }

  /**
   * Text safe in a Markdown table cell or list item: one line (control and bidi characters shown as
   * escapes, {@link SafeText}), Markdown punctuation escaped with a backslash ({@code |} as {@code
   * \|}), {@code <} and {@code >} as entities so no HTML tag can form.
   */
  static String cell(String value) {
    String text = SafeText.line(value);
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '|', '\\', '`', '*', '_', '[', ']', '#', '~' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Text safe inside an inline code span (no backticks, one line, controls escaped). */
  private static String code(String text) {
    return SafeText.line(text).replace('`', '\'');
  }
}
