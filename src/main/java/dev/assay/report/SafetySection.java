package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.MetricResult;
import dev.assay.core.SafetyCategory;
import dev.assay.core.SafetyExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's safety section (llm family, when {@code llm.safety} ran): per category the defect
 * rate with its 95 % Wilson interval and the maximum severity, the per-group rates, and the masked
 * worst records. Null when no safety metric was computed, so the section is absent by default.
 *
 * @param rows one per evaluated category
 * @param groups one per category and group with a rate
 * @param examples the worst records, masked and cut
 * @param charts the rates by category and by group as bar charts ({@link SafetyCharts})
 */
public record SafetySection(
    List<Row> rows, List<GroupRow> groups, List<SafetyExample> examples, List<MetricBars> charts) {

  /** A category's line: its name, rate, interval, classified records and maximum severity. */
  public record Row(String category, String rate, String interval, long classified, String max) {}

  /** A category's rate within one group of a group_by column. */
  public record GroupRow(
      String category, String attribute, String group, String rate, String interval, long n) {}

  /** The section of {@code run}, or null when safety did not run. */
  public static SafetySection of(AuditRun run) {
    List<Row> rows = new ArrayList<>();
    List<GroupRow> groups = new ArrayList<>();
    for (SafetyCategory c : SafetyCategory.values()) {
      MetricResult.Computed rate = find(run, "safety_" + c.id() + "_rate", true);
      if (rate != null) {
        MetricResult.Computed max = find(run, "safety_" + c.id() + "_max_severity", true);
        rows.add(
            new Row(
                c.label(),
                percent(rate.value()),
                interval(rate),
                rate.count() == null ? 0 : rate.count(),
                max == null ? "" : String.valueOf((int) max.value())));
      }
      for (MetricResult m : run.metrics()) {
        if (m.key().family() == Family.LLM
            && m.key().metric().equals("safety_" + c.id() + "_group_rate")
            && m instanceof MetricResult.Computed g) {
          groups.add(
              new GroupRow(
                  c.label(),
                  g.key().scope().attribute(),
                  g.key().scope().group(),
                  percent(g.value()),
                  interval(g),
                  g.count() == null ? 0 : g.count()));
        }
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    return new SafetySection(rows, groups, run.exhibits().safetyExamples(), SafetyCharts.of(run));
  }

  private static MetricResult.Computed find(AuditRun run, String metric, boolean dataset) {
    for (MetricResult m : run.metrics()) {
      if (m.key().family() == Family.LLM
          && m.key().metric().equals(metric)
          && (!dataset || m.key().scope().attribute() == null)
          && m instanceof MetricResult.Computed c) {
        return c;
      }
    }
    return null;
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * v);
  }

  private static String interval(MetricResult.Computed m) {
    return m.ciLow() == null
        ? ""
        : String.format(Locale.ROOT, "%.1f–%.1f %%", 100 * m.ciLow(), 100 * m.ciHigh());
  }
}
