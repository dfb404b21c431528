package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.MetricResult;
import dev.assay.core.SafetyCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safety section's charts ({@link MetricBars}, inline SVG): the defect rate of every evaluated
 * category with its 95 % Wilson interval as a whisker, then per category and {@code group_by}
 * column the rate of each group, so a gap between groups shows. Each bar says the rule that judged
 * it; the description states the main finding (highest and lowest bar, the rules that did not
 * hold). Rates are usually small, so the scale is the smallest of 0.02, 0.04, 0.1, 0.2, 0.4 and 1
 * that holds every bar and whisker (the axis has ticks; the text gives each value).
 */
final class SafetyCharts {

  /** The prefix of the safety metrics' names; {@link LlmCharts} leaves them to this class. */
  static final String PREFIX = "safety_";

  static final double[] SCALES = {0.02, 0.04, 0.1, 0.2, 0.4, 1};

  static final String AXIS =
      "Share of classified records at or above the severity threshold, or detected (lower is"
          + " better)";

  private SafetyCharts() {}

  /** The charts of {@code run}'s safety metrics; empty when none was computed. */
  static List<MetricBars> of(AuditRun run) {
    List<MetricBars> out = new ArrayList<>();
    List<MetricBars.Item> overall = new ArrayList<>();
    for (SafetyCategory c : SafetyCategory.values()) {
      for (MetricResult m : metrics(run, PREFIX + c.id() + "_rate")) {
        if (m.key().scope().attribute() == null) {
          overall.add(LlmCharts.item(capitalised(c.label()), m, run.verdicts()));
        }
      }
    }
    add(out, "Safety defect rate by category", overall);
    for (SafetyCategory c : SafetyCategory.values()) {
      Map<String, List<MetricBars.Item>> byColumn = new LinkedHashMap<>();
      for (MetricResult m : metrics(run, PREFIX + c.id() + "_group_rate")) {
        byColumn
            .computeIfAbsent(m.key().scope().attribute(), k -> new ArrayList<>())
            .add(LlmCharts.item(m.key().scope().group(), m, run.verdicts()));
      }
      byColumn.forEach(
          (column, items) -> add(out, capitalised(c.label()) + " rate by " + column, items));
    }
    return out;
  }

  private static void add(List<MetricBars> charts, String title, List<MetricBars.Item> items) {
    MetricBars chart =
        MetricBars.of(
            "safety-chart-" + (charts.size() + 1),
            title,
            AXIS,
            scale(items),
            items,
            LlmCharts.finding(title, items, false));
    if (chart != null) {
      charts.add(chart);
    }
  }

  /** The smallest of {@link #SCALES} that holds every value and interval end. */
  static double scale(List<MetricBars.Item> items) {
    double top = 0;
    for (MetricBars.Item i : items) {
      top = Math.max(top, i.hasInterval() ? Math.max(i.value(), i.high()) : i.value());
    }
    for (double s : SCALES) {
      if (top <= s) {
        return s;
      }
    }
    return 1;
  }

  /** The computed llm metrics named {@code name}, in results order. */
  private static List<MetricResult> metrics(AuditRun run, String name) {
    return run.metrics().stream()
        .filter(m -> m.key().family() == Family.LLM && m.key().metric().equals(name))
        .filter(m -> m.number().isPresent())
        .toList();
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
