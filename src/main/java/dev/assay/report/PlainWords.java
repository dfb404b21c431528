package dev.assay.report;

import dev.assay.core.Family;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricResult;
import dev.assay.core.Observation;
import dev.assay.core.Scope;
import dev.assay.core.Wording;
import dev.assay.metrics.MetricCatalog;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What a metric's value means, in one clause for a reader who is not an engineer ("k-anonymity is
 * 1: at least one person is unique on age, sex and race and could be re-identified"): the {@link
 * Wording} of the metric's descriptor, with numbers written as the report writes them. {@link
 * Findings} adds what the rule asks for. Shares are written as percentages rounded away from the
 * rule's threshold side that would hide a breach: when the rule caps the value ({@code <=}, {@code
 * <}) the percentage rounds up, otherwise down, so 10.04 % under "at most 10 %" never reads as "10
 * %".
 */
final class PlainWords {

  /** Numbers as the report writes them, for the descriptors' wordings. */
  static final Observation.NumberStyle STYLE =
      new Observation.NumberStyle() {
        @Override
        public String number(double value) {
          return NumberText.of(value);
        }

        @Override
        public String percent(double share, boolean roundUp) {
          return PlainWords.percent(share, roundUp);
        }
      };

  private PlainWords() {}

  /**
   * The clause for {@code name} of {@code family} observed at {@code value} on {@code scope}, or
   * null when the metric has no clause of its own (the caller uses the general sentence).
   *
   * @param metric the computed metric, for its note (k, the sensitive attribute); may be null
   * @param capped whether the rule sets an upper bound (rounding direction of percentages)
   */
  static String of(
      Family family, String name, Scope scope, double value, MetricResult metric, boolean capped) {
    return MetricCatalog.find(family, name)
        .map(d -> clause(d, scope, value, metric, capped))
        .orElse(null);
  }

  /** The clause of a descriptor's wording, or null for the general sentence. */
  static String clause(
      MetricDescriptor d, Scope scope, double value, MetricResult metric, boolean capped) {
    return d.wording()
        .clause(
            new Observation(value, scope, metric == null ? null : metric.note(), capped, STYLE));
  }

  /** Whether a rule's threshold on a metric with its own clause reads best as a percentage. */
  static boolean isShare(Family family, String name) {
    return MetricCatalog.find(family, name)
        .map(d -> d.wording().hasClause() && d.wording().percentThreshold())
        .orElse(false);
  }

  /**
   * A share as a percentage with at most three significant digits, rounded up when {@code up} (the
   * rule caps the value) and down otherwise.
   */
  static String percent(double share, boolean up) {
    if (!up) {
      return Findings.percent(share);
    }
    BigDecimal p =
        new BigDecimal(share * 100)
            .round(new MathContext(9, RoundingMode.HALF_UP))
            .round(new MathContext(3, RoundingMode.UP));
    if (p.abs().compareTo(BigDecimal.valueOf(100)) >= 0) {
      p = p.setScale(0, RoundingMode.UP);
    }
    return p.stripTrailingZeros().toPlainString() + Findings.PERCENT;
  }
}
