package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The first page's scorecard: for each metric family that ran, how many rule checks judged it and
 * how they came out (passed, failed, warned, waived, not applicable, could not be checked), how
 * many metrics it computed, and one line on why, naming the rules behind a failure ("2 blocking
 * rule checks failed: eeoc-four-fifths on race; …"). A verdict belongs to the family its metric
 * names ({@code fairness.selection_rate}); a verdict whose metric names no family is counted in
 * {@link #unassigned}. Families that did not run are one line, {@link #notRun}, with their reasons.
 *
 * @param rows one per family that ran, in report order
 * @param notRun "Privacy leakage (reason); …", or "" when every family ran
 * @param unassigned verdicts that name no family's metric (not in any row)
 * @param unshown metric rows of families that did not apply (such a family has no section, so they
 *     are listed here, collapsed, rather than left out of the page)
 */
public record Scorecard(List<Row> rows, String notRun, int unassigned, List<Unshown> unshown) {

  /** A metric row of a family that did not apply: its family, scope, name, value and note. */
  public record Unshown(String family, String scope, String metric, String value, String note) {}

  /** The most rule checks one line names; the rest are counted. */
  static final int NAMED = 3;

  /**
   * One family's counts and its line on why; {@code statusClass} is the worst outcome ("fail",
   * "error", "warn", "pass", or "na" without rule checks), for the row's colour and its word.
   */
  public record Row(
      String id,
      String title,
      int checked,
      int passed,
      int failed,
      int warned,
      int waived,
      int notApplicable,
      int errors,
      int metrics,
      String outcome,
      String statusClass,
      String why) {}

  /** The scorecard of the run. */
  public static Scorecard of(AuditRun run) {
    List<Row> rows = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    List<Unshown> unshown = new ArrayList<>();
    for (FamilyOutcome outcome : run.families()) {
      Family family = outcome.family();
      if (!outcome.applicable()) {
        notRun.add(
            family.title() + " (" + Objects.toString(outcome.reason(), "no reason given") + ")");
        run.metrics().stream()
            .filter(m -> m.key().family() == family)
            .forEach(m -> unshown.add(unshown(m)));
        continue;
      }
      List<Verdict> verdicts = run.verdicts().stream().filter(v -> family(v) == family).toList();
      int metrics = (int) run.metrics().stream().filter(m -> m.key().family() == family).count();
      rows.add(row(family, verdicts, metrics));
    }
    int unassigned = (int) run.verdicts().stream().filter(v -> family(v) == null).count();
    return new Scorecard(rows, String.join("; ", notRun), unassigned, unshown);
  }

  private static Unshown unshown(MetricResult m) {
    return new Unshown(
        m.key().family().title(),
        m.key().scope().label(),
        m.key().metric(),
        m.number().isPresent() ? NumberText.of(m.number().getAsDouble()) : NumberText.MISSING,
        Objects.toString(m.note(), ""));
  }

  /** The family a verdict's metric ({@code family.metric}) belongs to, or null. */
  static Family family(Verdict v) {
    if (v.metric() == null || !v.metric().contains(".")) {
      return null;
    }
    return Family.byId(v.metric().substring(0, v.metric().indexOf('.')));
  }

  private static Row row(Family family, List<Verdict> verdicts, int metrics) {
    int failed = count(verdicts, Status.FAIL);
    int errors = count(verdicts, Status.ERROR);
    int warned = count(verdicts, Status.WARN);
    String statusClass =
        verdicts.isEmpty()
            ? "na"
            : failed > 0 ? "fail" : errors > 0 ? "error" : warned > 0 ? "warn" : "pass";
    String outcome =
        verdicts.isEmpty()
            ? "NO RULES"
            : failed > 0 ? "FAIL" : errors > 0 ? "ERROR" : warned > 0 ? "WARN" : "PASS";
    return new Row(
        family.id(),
        family.title(),
        verdicts.size(),
        count(verdicts, Status.PASS),
        failed,
        warned,
        count(verdicts, Status.WAIVED),
        count(verdicts, Status.NOT_APPLICABLE),
        errors,
        metrics,
        outcome,
        statusClass,
        why(verdicts, metrics));
  }

  /**
   * The line on why: the failures, errors and warnings by rule and scope, then the rest counted.
   */
  static String why(List<Verdict> verdicts, int metrics) {
    if (verdicts.isEmpty()) {
      return "No rule checks this family; its "
          + GateSummary.plural(metrics, "metric")
          + " are reported for information.";
    }
    List<String> parts = new ArrayList<>();
    List<Verdict> failed = of(verdicts, Status.FAIL);
    if (!failed.isEmpty()) {
      boolean allBlocking = failed.stream().allMatch(v -> v.severity() == Severity.BLOCKING);
      parts.add(
          named(
              failed,
              GateSummary.plural(failed.size(), allBlocking ? "blocking rule check" : "rule check")
                  + " failed"));
    }
    List<Verdict> errors = of(verdicts, Status.ERROR);
    if (!errors.isEmpty()) {
      parts.add(
          named(
              errors, GateSummary.plural(errors.size(), "rule check") + " could not be evaluated"));
    }
    List<Verdict> warned = of(verdicts, Status.WARN);
    if (!warned.isEmpty()) {
      parts.add(
          named(warned, GateSummary.plural(warned.size(), "non-blocking rule check") + " failed"));
    }
    List<Verdict> waived = of(verdicts, Status.WAIVED);
    if (!waived.isEmpty()) {
      parts.add(named(waived, waived.size() + " waived"));
    }
    int notApplicable = count(verdicts, Status.NOT_APPLICABLE);
    if (notApplicable > 0) {
      parts.add(notApplicable + " not applicable to this data");
    }
    int passed = count(verdicts, Status.PASS);
    if (parts.isEmpty()) {
      return (passed == 1 ? "The rule check passed" : "All " + passed + " rule checks passed")
          + ".";
    }
    if (passed > 0) {
      parts.add(passed + " passed");
    }
    return String.join("; ", parts) + ".";
  }

  /** "N … : rule on scope, rule on scope and 2 more". */
  private static String named(List<Verdict> verdicts, String head) {
    StringBuilder line = new StringBuilder(head).append(": ");
    int shown = Math.min(NAMED, verdicts.size());
    for (int i = 0; i < shown; i++) {
      Verdict v = verdicts.get(i);
      line.append(i == 0 ? "" : ", ").append(v.ruleId());
      if (v.scope().attribute() != null || v.scope().column() != null) {
        line.append(" on ").append(v.scope().label());
      }
    }
    if (verdicts.size() > shown) {
      line.append(" and ").append(verdicts.size() - shown).append(" more");
    }
    return line.toString();
  }

  private static List<Verdict> of(List<Verdict> verdicts, Status status) {
    return verdicts.stream().filter(v -> v.status() == status).sorted().toList();
  }

  private static int count(List<Verdict> verdicts, Status status) {
    return (int) verdicts.stream().filter(v -> v.status() == status).count();
  }
}
