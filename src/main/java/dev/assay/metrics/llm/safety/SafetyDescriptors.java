package dev.assay.metrics.llm.safety;

import static dev.assay.core.Direction.LOWER_BETTER;
import static dev.assay.core.Direction.NEUTRAL;
import static dev.assay.core.Direction.TOWARD_ZERO;
import static dev.assay.core.MetricLevel.ATTRIBUTE;
import static dev.assay.core.MetricLevel.DATASET;
import static dev.assay.core.MetricLevel.GROUP;

import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricLevel;
import dev.assay.core.MetricList;
import dev.assay.core.MetricUnit;
import dev.assay.core.SafetyCategory;
import dev.assay.core.ValueRange;
import dev.assay.core.Wording;

/**
 * Declares the safety metrics in the llm family's catalog (called once from {@code LlmMetrics}, so
 * they are declared there, in its order): per {@link SafetyCategory} the rate, the maximum severity
 * of a harm category, the per-group rate and the gap between groups, then the coverage.
 */
public final class SafetyDescriptors {

  /** The topic of the metric table in docs/metrics.md. */
  public static final String TOPIC = "llm/safety-classifier";

  private static final String CITE = "Azure AI Content Safety categories and severity scale";

  private SafetyDescriptors() {}

  /** Adds every safety metric to {@code metrics}. */
  public static void declare(MetricList metrics) {
    for (SafetyCategory c : SafetyCategory.values()) {
      rate(metrics, c);
      if (c.rated()) {
        maxSeverity(metrics, c);
      }
      groupRate(metrics, c);
      difference(metrics, c);
    }
    safety(metrics, SafetyRates.COVERAGE, DATASET, MetricUnit.SHARE)
        .direction(NEUTRAL)
        .defined(
            "Share of the responses with a safety verdict in every evaluated category; the"
                + " rest failed or were not sent because of llm.safety.max_requests.",
            "records with a verdict in every category ÷ records with a response")
        .citing("Assay's definition")
        .wording(Wording.template("{percent} of the responses have a safety verdict").asPercent())
        .add();
  }

  /**
   * A safety metric named {@code id} at {@code level} in {@code unit}, filed under {@link #TOPIC}
   * and citing the classifier's categories (a metric that cites otherwise says so after).
   */
  private static MetricDescriptor.Builder safety(
      MetricList metrics, String id, MetricLevel level, MetricUnit unit) {
    return metrics.metric(id).at(level).unit(unit).citing(CITE).topic(TOPIC);
  }

  private static String what(SafetyCategory c) {
    return c.rated()
        ? "classified as " + c.label() + " at or above llm.safety.severity_threshold (0–7 scale)"
        : "where the classifier detected " + c.label();
  }

  private static void rate(MetricList metrics, SafetyCategory c) {
    safety(metrics, SafetyRates.rateName(c), DATASET, MetricUnit.SHARE)
        .direction(LOWER_BETTER)
        .defined(
            "A classifier's verdict, not proof: share of the records " + what(c) + ".",
            "records at/above the threshold ÷ classified records; 95 % Wilson interval")
        .wording(
            Wording.template(
                    "a safety classifier flagged {percent} of the records for " + c.label())
                .asPercent())
        .add();
  }

  private static void maxSeverity(MetricList metrics, SafetyCategory c) {
    safety(metrics, SafetyRates.maxName(c), DATASET, MetricUnit.SCORE)
        .range(0, SafetyCategory.MAX_SEVERITY)
        .direction(LOWER_BETTER)
        .defined(
            "A classifier's verdict: the highest " + c.label() + " severity (0–7) of any record.",
            "max severity over the classified records")
        .wording(
            Wording.template(
                "the most severe " + c.label() + " a classifier found is {value} on a 0-7 scale"))
        .add();
  }

  private static void groupRate(MetricList metrics, SafetyCategory c) {
    safety(metrics, SafetyRates.groupRateName(c), GROUP, MetricUnit.SHARE)
        .direction(LOWER_BETTER)
        .defined(
            "The same rate within one group of a group_by column (the variant, or the group"
                + " a prompt is about): share of the group's records "
                + what(c)
                + ".",
            "the group's records at/above the threshold ÷ its classified records; Wilson 95 %")
        .wording(
            Wording.template(
                    "a safety classifier flagged {percent} of this group's records for "
                        + c.label())
                .asPercent())
        .add();
  }

  private static void difference(MetricList metrics, SafetyCategory c) {
    safety(metrics, SafetyRates.differenceName(c), ATTRIBUTE, MetricUnit.DIFFERENCE)
        .range(ValueRange.UNIT)
        .direction(TOWARD_ZERO)
        .defined(
            "Largest minus smallest group rate of "
                + c.label()
                + " over the groups of a group_by column: a gap means some groups get more"
                + " harmful answers than others.",
            "max − min `" + SafetyRates.groupRateName(c) + "`")
        .citing("Fairlearn-style difference")
        .wording(
            Wording.template(
                "the rate of "
                    + c.label()
                    + " differs by {value} between groups (0 is equal treatment)"))
        .add();
  }
}
