package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.AnalysisContext.fmt;
import static dev.assay.metrics.fairness.AnalysisContext.join;
import static dev.assay.metrics.fairness.AnalysisContext.key;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * standardized_mean_difference: the score's mean difference between a group g and the reference
 * group r in units of their pooled standard deviation — Cohen's d (Cohen, <i>Statistical Power
 * Analysis for the Behavioral Sciences</i>, 2nd ed., 1988, §2.2, eq. 2.3.2), the effect size
 * fair-lending reviews apply to continuous outcomes such as scores, prices or credit lines (e.g.
 * Hall, Cox, Dickerson et al., "A United States fair lending perspective on machine learning",
 * Frontiers in Artificial Intelligence 4:695301, 2021; FairPlay's SMD):
 *
 * <pre>
 *   SMD(g) = (mean_g − mean_r) / s_p,
 *   s_p    = sqrt(((n_g − 1)·s_g² + (n_r − 1)·s_r²) / (n_g + n_r − 2)),
 *   s²     = (Σx² − (Σx)²/n) / (n − 1)   (sample variance from the score sum and sum of squares)
 * </pre>
 *
 * over each group's non-null scores, from the {@link ConfusionState} score sum and sum of squares
 * of the same one-pass aggregation. Range (−∞, ∞); 0 is parity; the sign says which side is higher,
 * so whether negative is adverse depends on the score (for a higher-is-better score a negative SMD
 * is adverse). Cohen's conventions: |d| 0.2 small, 0.5 medium, 0.8 large.
 *
 * <p>The reference r is {@code fairness.reference_group} of the attribute when named, otherwise the
 * group with the highest mean score among the groups with at least {@code min_group_size} rows (the
 * most favoured, if a higher score is better; name the reference group when it is not). Undefined
 * when a group has no score, when the two groups together have fewer than 3 scores, or when the
 * pooled SD is 0. Precision: the variance comes from Σx² − (Σx)²/n in doubles, which loses about
 * log10(mean²/variance) of the 16 significant digits — negligible for scores, whose spread is not
 * tiny against their mean.
 */
final class StandardizedMeanDifference {

  static final String NAME = "standardized_mean_difference";

  private StandardizedMeanDifference() {}

  /** The sample variance of a group's scores, NaN with fewer than 2 scores. */
  static double variance(ConfusionState s) {
    long n = s.scoreCount();
    if (n < 2) {
      return Double.NaN;
    }
    return Math.max(0.0, (s.scoreSquareSum() - s.scoreSum() * s.scoreSum() / n) / (n - 1));
  }

  static double mean(ConfusionState s) {
    return s.scoreCount() == 0 ? Double.NaN : s.scoreSum() / s.scoreCount();
  }

  /** SMD of g against r, or NaN when undefined. */
  static double of(ConfusionState g, ConfusionState r) {
    long ng = g.scoreCount();
    long nr = r.scoreCount();
    if (ng == 0 || nr == 0 || ng + nr < 3) {
      return Double.NaN;
    }
    double sumSquares =
        (ng > 1 ? (ng - 1) * variance(g) : 0.0) + (nr > 1 ? (nr - 1) * variance(r) : 0.0);
    double pooled = Math.sqrt(sumSquares / (ng + nr - 2));
    return pooled == 0.0 ? Double.NaN : (mean(g) - mean(r)) / pooled;
  }

  static List<MetricResult> of(
      AnalysisContext c,
      String attribute,
      Map<String, ConfusionState> groups,
      Collection<String> eligible) {
    String named = c.in().groups().referenceGroups().get(attribute);
    String ref = null;
    if (named != null) {
      ref = groups.containsKey(named) ? named : null;
    } else {
      double best = Double.NEGATIVE_INFINITY;
      for (String g : eligible) {
        double m = mean(groups.get(g));
        if (!Double.isNaN(m) && m > best) {
          best = m;
          ref = g;
        }
      }
    }
    List<MetricResult> out = new ArrayList<>();
    for (Map.Entry<String, ConfusionState> e : groups.entrySet()) {
      ConfusionState s = e.getValue();
      MetricKey k = key(NAME, Scope.group(attribute, e.getKey()));
      if (ref == null) {
        out.add(
            new MetricResult.Undefined(
                k,
                s.n(),
                NAME
                    + " is undefined: "
                    + (named != null
                        ? "the reference group '" + named + "' has no rows"
                        : "no group has at least min_group_size rows and a score")));
        continue;
      }
      ConfusionState r = groups.get(ref);
      String small =
          eligible.contains(e.getKey())
              ? null
              : "insufficient data: fewer than min_group_size rows";
      if (e.getKey().equals(ref)) {
        out.add(
            MetricResult.Computed.of(
                k,
                0.0,
                s.scoreCount(),
                join(
                    "the reference group"
                        + (named != null ? " (fairness.reference_group)" : " (highest mean score)"),
                    small)));
        continue;
      }
      double v = of(s, r);
      String sides =
          "mean "
              + fmt(mean(s))
              + " vs "
              + ref
              + " "
              + fmt(mean(r))
              + " (n "
              + s.scoreCount()
              + " vs "
              + r.scoreCount()
              + "), pooled SD (Cohen's d)";
      if (Double.isNaN(v)) {
        out.add(
            new MetricResult.Undefined(
                k,
                s.n(),
                join(
                    NAME
                        + " is undefined: "
                        + (s.scoreCount() == 0
                            ? "no score in this group"
                            : "the pooled standard deviation is 0 or rests on fewer than 3 scores")
                        + " ("
                        + sides
                        + ")",
                    small)));
      } else {
        out.add(MetricResult.Computed.of(k, v, s.scoreCount(), join(sides, small)));
      }
    }
    return out;
  }
}
