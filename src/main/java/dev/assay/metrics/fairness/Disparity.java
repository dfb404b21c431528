package dev.assay.metrics.fairness;

import dev.assay.core.MetricDescriptor;
import java.util.List;

/**
 * The between-group metrics of one attribute, with Fairlearn's definitions ({@code
 * fairlearn.metrics.demographic_parity_difference}, {@code equalized_odds_ratio}, ...): a
 * difference is max − min of a per-group rate over the groups (range [0, 1], 0 is parity), a ratio
 * is min ÷ max (range [0, 1], 1 is parity). Equalized odds combine two rates: the larger of the TPR
 * and FPR differences, the smaller of their ratios.
 *
 * <p>One deliberate choice: {@link #DEMOGRAPHIC_PARITY_RATIO} is taken over the rate of the
 * <em>favourable</em> prediction ({@code columns.favourable}), as the four-fifths rule (29 CFR
 * 1607.4(D)) and NYC Local Law 144's impact ratio require. With the default (favourable = positive)
 * it equals Fairlearn's. Differences are the same either way.
 */
public enum Disparity {
  /** max − min of selection_rate. */
  DEMOGRAPHIC_PARITY_DIFFERENCE(
      FairnessMetrics.DEMOGRAPHIC_PARITY_DIFFERENCE, Kind.DIFFERENCE, List.of(Rate.SELECTION)),
  /** min ÷ max of the favourable prediction's rate. */
  DEMOGRAPHIC_PARITY_RATIO(
      FairnessMetrics.DEMOGRAPHIC_PARITY_RATIO, Kind.RATIO, List.of(Rate.FAVOURABLE)),
  /** max(TPR difference, FPR difference). */
  EQUALIZED_ODDS_DIFFERENCE(
      FairnessMetrics.EQUALIZED_ODDS_DIFFERENCE, Kind.DIFFERENCE, List.of(Rate.TPR, Rate.FPR)),
  /** min(TPR ratio, FPR ratio). */
  EQUALIZED_ODDS_RATIO(
      FairnessMetrics.EQUALIZED_ODDS_RATIO, Kind.RATIO, List.of(Rate.TPR, Rate.FPR)),
  /** max − min of true_positive_rate. */
  EQUAL_OPPORTUNITY_DIFFERENCE(
      FairnessMetrics.EQUAL_OPPORTUNITY_DIFFERENCE, Kind.DIFFERENCE, List.of(Rate.TPR)),
  /** min ÷ max of true_positive_rate. */
  EQUAL_OPPORTUNITY_RATIO(FairnessMetrics.EQUAL_OPPORTUNITY_RATIO, Kind.RATIO, List.of(Rate.TPR)),
  /** max − min of false_positive_rate. */
  FALSE_POSITIVE_RATE_DIFFERENCE(
      FairnessMetrics.FALSE_POSITIVE_RATE_DIFFERENCE, Kind.DIFFERENCE, List.of(Rate.FPR)),
  /** max − min of positive_predictive_value. */
  PREDICTIVE_PARITY_DIFFERENCE(
      FairnessMetrics.PREDICTIVE_PARITY_DIFFERENCE, Kind.DIFFERENCE, List.of(Rate.PPV)),
  /** max − min of accuracy. */
  ACCURACY_DIFFERENCE(FairnessMetrics.ACCURACY_DIFFERENCE, Kind.DIFFERENCE, List.of(Rate.ACCURACY)),
  /** max − min of false_discovery_rate. */
  FALSE_DISCOVERY_RATE_DIFFERENCE(
      FairnessMetrics.FALSE_DISCOVERY_RATE_DIFFERENCE, Kind.DIFFERENCE, List.of(Rate.FDR)),
  /** min ÷ max of false_discovery_rate. */
  FALSE_DISCOVERY_RATE_RATIO(
      FairnessMetrics.FALSE_DISCOVERY_RATE_RATIO, Kind.RATIO, List.of(Rate.FDR)),
  /** max − min of false_omission_rate. */
  FALSE_OMISSION_RATE_DIFFERENCE(
      FairnessMetrics.FALSE_OMISSION_RATE_DIFFERENCE, Kind.DIFFERENCE, List.of(Rate.FOR)),
  /** min ÷ max of false_omission_rate. */
  FALSE_OMISSION_RATE_RATIO(
      FairnessMetrics.FALSE_OMISSION_RATE_RATIO, Kind.RATIO, List.of(Rate.FOR));

  /** How the per-group values combine. */
  public enum Kind {
    DIFFERENCE,
    RATIO
  }

  /** The per-group rates the disparities are taken over. */
  public enum Rate {
    SELECTION(GroupMetric.SELECTION_RATE),
    /** selection_rate, or 1 − selection_rate when the favourable prediction is the negative one. */
    FAVOURABLE(GroupMetric.SELECTION_RATE),
    TPR(GroupMetric.TRUE_POSITIVE_RATE),
    FPR(GroupMetric.FALSE_POSITIVE_RATE),
    PPV(GroupMetric.POSITIVE_PREDICTIVE_VALUE),
    ACCURACY(GroupMetric.ACCURACY),
    FDR(GroupMetric.FALSE_DISCOVERY_RATE),
    FOR(GroupMetric.FALSE_OMISSION_RATE);

    private final GroupMetric base;

    Rate(GroupMetric base) {
      this.base = base;
    }

    public GroupMetric base() {
      return base;
    }

    /** The rate of a group (NaN when undefined). */
    public double value(ConfusionState s, boolean favourableIsPositive) {
      double v = base.value(s);
      return this == FAVOURABLE && !favourableIsPositive ? 1.0 - v : v;
    }

    /**
     * The rate's numerator: favourable predictions for {@link #FAVOURABLE}, else the base metric's.
     */
    public long numerator(ConfusionState s, boolean favourableIsPositive) {
      return this == FAVOURABLE && !favourableIsPositive
          ? s.predictedNegative()
          : base.numerator(s);
    }

    public long denominator(ConfusionState s) {
      return base.denominator(s);
    }

    public String label(boolean favourableIsPositive) {
      if (this == FAVOURABLE) {
        return favourableIsPositive ? "selection_rate" : "favourable rate (1 - selection_rate)";
      }
      return base.id();
    }
  }

  private final MetricDescriptor descriptor;
  private final Kind kind;
  private final List<Rate> rates;

  Disparity(MetricDescriptor descriptor, Kind kind, List<Rate> rates) {
    this.descriptor = descriptor;
    this.kind = kind;
    this.rates = rates;
  }

  public String id() {
    return descriptor.id();
  }

  /** The catalog entry of this metric. */
  public MetricDescriptor descriptor() {
    return descriptor;
  }

  public Kind kind() {
    return kind;
  }

  public List<Rate> rates() {
    return rates;
  }

  /**
   * The value over {@code groups} (already restricted to the groups that count): per rate, max −
   * min or min ÷ max over the groups where the rate is defined, combined by the largest difference
   * or the smallest ratio. NaN when a rate is defined in fewer than two groups, or a ratio's max is
   * 0 — the same rules as the reported point estimate; used for bootstrap replicates.
   */
  public double value(java.util.Map<String, ConfusionState> groups, boolean favourableIsPositive) {
    double out = Double.NaN;
    for (Rate rate : rates) {
      double hi = Double.NEGATIVE_INFINITY;
      double lo = Double.POSITIVE_INFINITY;
      int defined = 0;
      for (ConfusionState s : groups.values()) {
        double v = rate.value(s, favourableIsPositive);
        if (!Double.isNaN(v)) {
          defined++;
          hi = Math.max(hi, v);
          lo = Math.min(lo, v);
        }
      }
      if (defined < 2 || (kind == Kind.RATIO && hi == 0.0)) {
        return Double.NaN;
      }
      double v = kind == Kind.DIFFERENCE ? hi - lo : lo / hi;
      out = Double.isNaN(out) ? v : kind == Kind.DIFFERENCE ? Math.max(out, v) : Math.min(out, v);
    }
    return out;
  }

  /** Whether the data has the columns the rates need. */
  public boolean computable(boolean hasLabel, boolean hasPrediction) {
    return rates.stream().allMatch(r -> r.base().computable(hasLabel, hasPrediction));
  }
}
