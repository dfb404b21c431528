package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.AnalysisContext.fmt;
import static dev.assay.metrics.fairness.AnalysisContext.join;
import static dev.assay.metrics.fairness.AnalysisContext.key;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every group of an attribute against the overall rate of the attribute's rows (all groups
 * together, small ones included), for the selection rate, the true positive rate and the false
 * positive rate ({@link AttributeResults#REFERENCE_RATES}) — the "vs overall" reference mode of
 * Fairlearn's {@code MetricFrame.difference(method="to_overall")} and {@code
 * ratio(method="to_overall")}, but signed and per group:
 *
 * <ul>
 *   <li>{@code <rate>_diff_vs_overall} = rate(group) − rate(all), range [−1, 1], 0 is parity;
 *   <li>{@code <rate>_ratio_vs_overall} = rate(group) ÷ rate(all), range [0, 1/w] with w the
 *       group's share of the rate's denominator, 1 is parity; undefined when the overall rate is 0.
 * </ul>
 *
 * <p><b>Intervals.</b> The group is part of the overall, so the two rates are not independent and
 * the two-sample intervals do not apply directly. With w = n_g / n (denominators of the rate) and
 * p_r the rate of the rest, p_g − p = (1 − w)(p_g − p_r) and p_g / p = ρ / (wρ + 1 − w) with ρ =
 * p_g / p_r, both increasing functions of the independent-sample comparison. So the interval of the
 * difference is Newcombe's interval of p_g − p_r scaled by (1 − w), and that of the ratio is Katz's
 * interval of ρ mapped through ρ ↦ ρ / (wρ + 1 − w) — exact transformations of the group-vs-rest
 * intervals. No p-value: the test of p_g = p is the test of p_g = p_r, already reported as the
 * group-vs-rest comparisons of {@code clarify_*}. A group that is the whole attribute (no rest)
 * gets 0 and 1 without an interval; a group whose rate is undefined gets undefined metrics with the
 * reason.
 */
final class OverallComparison {

  private OverallComparison() {}

  static String name(Disparity.Rate rate, boolean difference) {
    return rate.base().id() + (difference ? "_diff_vs_overall" : "_ratio_vs_overall");
  }

  static List<MetricResult> of(
      AnalysisContext c, String attribute, Map<String, ConfusionState> groups) {
    ConfusionState all = ConfusionState.EMPTY;
    for (ConfusionState s : groups.values()) {
      all = all.merge(s);
    }
    List<MetricResult> out = new ArrayList<>();
    for (Disparity.Rate rate : AttributeResults.REFERENCE_RATES) {
      GroupMetric m = rate.base();
      if (!m.computable(c.hasLabel(), c.in().hasPrediction())) {
        continue;
      }
      long x = m.numerator(all);
      long n = m.denominator(all);
      for (Map.Entry<String, ConfusionState> e : groups.entrySet()) {
        out.addAll(compare(c, Scope.group(attribute, e.getKey()), e.getValue(), rate, x, n));
      }
    }
    return out;
  }

  private static List<MetricResult> compare(
      AnalysisContext c, Scope scope, ConfusionState s, Disparity.Rate rate, long xAll, long nAll) {
    GroupMetric m = rate.base();
    String diffName = name(rate, true);
    String ratioName = name(rate, false);
    MetricKey diffKey = key(diffName, scope);
    MetricKey ratioKey = key(ratioName, scope);
    long xg = m.numerator(s);
    long ng = m.denominator(s);
    if (ng == 0) {
      String why = " is undefined: " + m.id() + " is undefined for this group (zero denominator)";
      return List.of(
          new MetricResult.Undefined(diffKey, s.n(), diffName + why),
          new MetricResult.Undefined(ratioKey, s.n(), ratioName + why));
    }
    String small = c.in().groups().smallNote(s.n());
    double pg = (double) xg / ng;
    double p = (double) xAll / nAll;
    long xr = xAll - xg;
    long nr = nAll - ng;
    double w = (double) ng / nAll;
    String base = "vs overall " + m.id() + " " + fmt(p) + " (" + xAll + " of " + nAll + ")";
    List<MetricResult> out = new ArrayList<>();
    if (nr == 0) {
      out.add(
          MetricResult.Computed.of(
              diffKey,
              pg - p,
              s.n(),
              join(base + "; the group is the whole attribute, no interval", small)));
    } else {
      Interval d = NewcombeInterval.of(xg, ng, xr, nr, c.z());
      out.add(
          new MetricResult.Computed(
              diffKey,
              pg - p,
              s.n(),
              (1 - w) * d.low(),
              (1 - w) * d.high(),
              null,
              join(
                  base
                      + "; "
                      + c.level()
                      + " interval: Newcombe's interval of the group vs the rest,"
                      + " times the rest's share "
                      + fmt(1 - w),
                  small),
              null,
              null));
    }
    if (xAll == 0) {
      out.add(
          new MetricResult.Undefined(
              ratioKey,
              s.n(),
              join(ratioName + " is undefined: the overall " + m.id() + " is 0", small)));
      return out;
    }
    Interval r = nr == 0 ? null : KatzInterval.of(xg, ng, xr, nr, c.z());
    String how =
        nr == 0
            ? "the group is the whole attribute, no interval"
            : r == null
                ? c.level() + " interval undefined: a count of the group or of the rest is 0"
                : c.level()
                    + " interval: Katz's interval of the group vs the rest, mapped through"
                    + " ρ ↦ ρ / (wρ + 1 − w), w = "
                    + fmt(w);
    out.add(
        new MetricResult.Computed(
            ratioKey,
            pg / p,
            s.n(),
            r == null ? null : toOverall(r.low(), w),
            r == null ? null : toOverall(r.high(), w),
            null,
            join(base + "; " + how, small),
            null,
            null));
    return out;
  }

  private static double toOverall(double rho, double w) {
    return rho / (w * rho + 1 - w);
  }
}
