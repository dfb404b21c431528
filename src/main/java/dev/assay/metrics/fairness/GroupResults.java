package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.AnalysisContext.fmt;
import static dev.assay.metrics.fairness.AnalysisContext.join;
import static dev.assay.metrics.fairness.AnalysisContext.key;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-group results of one group (or of the whole data set): {@code count}, every {@link
 * GroupMetric} rate with its {@link WilsonInterval} in {@code ci_low}/{@code ci_high}, {@code
 * mean_score}, {@code generalized_entropy_index} ({@link GeneralizedEntropy}) with a label and a
 * prediction, and with a score and a label {@code auc} ({@link MannWhitneyAuc}) and, for
 * probability scores, {@code brier_score} and {@code expected_calibration_error} ({@link
 * Calibration}).
 */
final class GroupResults {

  private GroupResults() {}

  static List<MetricResult> of(
      AnalysisContext c, Scope scope, ConfusionState s, ScoreHistogram h, String note) {
    FairnessInput in = c.in();
    List<MetricResult> out = new ArrayList<>();
    out.add(MetricResult.Computed.of(key("count", scope), s.n(), s.n(), note));
    for (GroupMetric m : GroupMetric.values()) {
      if (!m.computable(c.hasLabel(), in.hasPrediction())) {
        continue;
      }
      double v = m.value(s);
      if (Double.isNaN(v)) {
        out.add(
            new MetricResult.Undefined(
                new MetricKey(m.descriptor(), scope), s.n(), join(m.undefinedReason(s), note)));
      } else {
        Interval ci = WilsonInterval.of(m.numerator(s), m.denominator(s), c.z());
        out.add(
            new MetricResult.Computed(
                new MetricKey(m.descriptor(), scope),
                v,
                s.n(),
                ci.low(),
                ci.high(),
                null,
                note,
                null,
                null));
      }
    }
    if (c.hasLabel() && in.hasPrediction()) {
      MetricKey k = key("generalized_entropy_index", scope);
      double ge = GeneralizedEntropy.index(s, in.outcomes().favourableIsPositive());
      out.add(
          Double.isNaN(ge)
              ? new MetricResult.Undefined(
                  k,
                  s.n(),
                  join(
                      "generalized_entropy_index is undefined: the mean"
                          + " benefit is 0 (every row is a missed favourable outcome) or there is no row",
                      note))
              : MetricResult.Computed.of(
                  k,
                  ge,
                  s.n(),
                  join(
                      "alpha 2, benefit" + " b = prediction - label + 1 (favourable read as 1)",
                      note)));
    }
    if (in.score() != null) {
      MetricKey k = key("mean_score", scope);
      out.add(
          s.scoreCount() == 0
              ? new MetricResult.Undefined(
                  k, s.n(), join("mean_score is undefined: no score in this group", note))
              : MetricResult.Computed.of(k, s.scoreSum() / s.scoreCount(), s.n(), note));
      if (in.histograms()) {
        out.add(scoringRate(c, scope, s, h, note));
      }
    }
    if (c.hasScoreAndLabel()) {
      if (in.histograms()) {
        out.add(auc(scope, s, h, note));
      }
      if (c.probabilityScores()) {
        out.addAll(calibration(scope, s, in.histograms() ? h : null, note));
      }
    }
    return out;
  }

  /**
   * scoring_rate ({@link ScoringRate}): rows scoring strictly above the sample median ÷ scored
   * rows, with its {@link WilsonInterval}; the note gives the median and the resolution bound.
   */
  private static MetricResult scoringRate(
      AnalysisContext c, Scope scope, ConfusionState s, ScoreHistogram h, String note) {
    MetricKey k = key("scoring_rate", scope);
    ScoringRate.Median m = c.scoreMedian();
    if (m == null || h.rows() == 0) {
      return new MetricResult.Undefined(
          k,
          s.n(),
          join(
              "scoring_rate is undefined: no scored row in"
                  + (m == null ? " the data set" : " this group"),
              note));
    }
    long above = ScoringRate.above(h, m);
    Interval ci = WilsonInterval.of(above, h.rows(), c.z());
    double bound = ScoringRate.bound(h, m);
    String method =
        above
            + " of "
            + h.rows()
            + " scored rows above the sample median "
            + ScoringRate.medianText(m)
            + " (of "
            + m.rows()
            + " scored rows; a score equal to the median"
            + " is not above it)"
            + (m.isExact()
                ? ""
                : "; exact if scores have at most 3 decimals, else up to "
                    + fmt(bound)
                    + " higher (rows sharing the median's 1e-3 key count as not above)");
    return new MetricResult.Computed(
        k,
        (double) above / h.rows(),
        h.rows(),
        ci.low(),
        ci.high(),
        null,
        join(method, note),
        null,
        null);
  }

  private static MetricResult auc(Scope scope, ConfusionState s, ScoreHistogram h, String note) {
    MetricKey k = key("auc", scope);
    double auc = MannWhitneyAuc.auc(h);
    if (Double.isNaN(auc)) {
      return new MetricResult.Undefined(
          k,
          s.n(),
          join(
              "auc is undefined: the group needs scored rows"
                  + " with both a positive and a negative label (positives "
                  + h.positives()
                  + ", negatives "
                  + h.negatives()
                  + ")",
              note));
    }
    double bound = MannWhitneyAuc.tieBound(h);
    String method =
        "Mann-Whitney over "
            + h.positives()
            + " positives and "
            + h.negatives()
            + " negatives"
            + (h.aucIsExact()
                ? " (exact; equal scores count as ties)"
                : "; exact if scores have at most 3 decimals, else within "
                    + fmt(bound)
                    + " (score pairs sharing a 1e-3 key count as ties)");
    return MetricResult.Computed.of(k, auc, s.n(), join(method, note));
  }

  private static List<MetricResult> calibration(
      Scope scope, ConfusionState s, ScoreHistogram h, String note) {
    MetricKey brierKey = key("brier_score", scope);
    MetricKey eceKey = key("expected_calibration_error", scope);
    double brier = Calibration.brier(s);
    if (Double.isNaN(brier)) {
      String why = "undefined: no score in this group";
      if (h == null) {
        return List.of(
            new MetricResult.Undefined(brierKey, s.n(), join("brier_score is " + why, note)));
      }
      return List.of(
          new MetricResult.Undefined(brierKey, s.n(), join("brier_score is " + why, note)),
          new MetricResult.Undefined(
              eceKey, s.n(), join("expected_calibration_error is " + why, note)));
    }
    MetricResult brierScore = MetricResult.Computed.of(brierKey, brier, s.scoreCount(), note);
    if (h == null) {
      return List.of(brierScore); // no histograms (fairness.score_metrics: false): Brier needs none
    }
    return List.of(
        brierScore,
        MetricResult.Computed.of(
            eceKey,
            Calibration.expectedCalibrationError(h),
            s.scoreCount(),
            join(Calibration.BINS + " equal-width bins", note)));
  }
}
