package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.AnalysisContext.fmt;
import static dev.assay.metrics.fairness.AnalysisContext.join;
import static dev.assay.metrics.fairness.AnalysisContext.key;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * With {@code fairness.task: regression} and {@code fairness.reference_group}, every other group
 * against the reference group, in the binary path's naming ({@link ReferenceComparison}), for each
 * metric of {@link RegressionAnalysis#DIFFERENCES}:
 *
 * <ul>
 *   <li>{@code <metric>_diff_vs_ref} = metric(group) − metric(reference) (AIF360's unprivileged −
 *       privileged convention); 0 is parity. For the means ({@code mean_prediction}, {@code
 *       mean_error}, {@code mae}) with Welch's t interval of the difference of two means ({@link
 *       MeanInterval#difference}); {@code rmse_diff_vs_ref} has no interval;
 *   <li>{@code mae_ratio_vs_ref}, {@code rmse_ratio_vs_ref} = metric(group) ÷ metric(reference),
 *       for the two error metrics, which are never negative (a ratio of signed means would be
 *       meaningless); 1 is parity, above 1 means the model errs more for the group. Undefined when
 *       the reference's value is 0. No interval.
 * </ul>
 *
 * <p>The scope is the group; groups under {@code min_group_size} are compared with an "insufficient
 * data" note (as in the binary path). An unknown reference group makes every metric undefined at
 * the attribute's scope, naming the groups found. No p-values (the regression path has no p-value
 * adjustment).
 */
final class RegressionReference {

  /** The metrics that get a {@code _ratio_vs_ref}: the non-negative error metrics. */
  static final List<RegressionMetric> RATIOS = List.of(RegressionMetric.MAE, RegressionMetric.RMSE);

  private RegressionReference() {}

  static List<MetricResult> of(
      RegressionInput in, String attribute, String ref, Map<String, RegressionState> groups) {
    List<MetricResult> out = new ArrayList<>();
    RegressionState r = groups.get(ref);
    for (RegressionMetric m : RegressionAnalysis.DIFFERENCES) {
      List<String> names = new ArrayList<>(List.of(m.id() + "_diff_vs_ref"));
      if (RATIOS.contains(m)) {
        names.add(m.id() + "_ratio_vs_ref");
      }
      if (r == null) {
        for (String name : names) {
          out.add(
              new MetricResult.Undefined(
                  key(name, Scope.attribute(attribute)),
                  null,
                  name
                      + " is undefined: reference group '"
                      + ref
                      + "' (fairness.reference_group) is not a group of "
                      + attribute
                      + "; its groups are "
                      + groups.keySet()));
        }
        continue;
      }
      double vr = m.value(r);
      for (Map.Entry<String, RegressionState> e :
          ReferenceComparison.others(groups, ref).entrySet()) {
        RegressionState s = e.getValue();
        Scope scope = Scope.group(attribute, e.getKey());
        String small = in.groups().smallNote(s.n());
        String base = "vs " + ref + " (" + m.id() + " " + fmt(vr) + ")";
        double v = m.value(s);
        Interval ci =
            m.isMean()
                ? MeanInterval.difference(
                    s.n(),
                    m.sum(s),
                    m.squareSum(s),
                    r.n(),
                    m.sum(r),
                    m.squareSum(r),
                    in.confidence())
                : null;
        String how =
            !m.isMean()
                ? "no interval (rmse is not a mean)"
                : ci == null
                    ? "no interval: a side has one row"
                    : level(in.confidence()) + " Welch t interval";
        out.add(
            new MetricResult.Computed(
                key(names.get(0), scope),
                v - vr,
                s.n(),
                ci == null ? null : ci.low(),
                ci == null ? null : ci.high(),
                null,
                join(base + "; " + how, small),
                null,
                null));
        if (names.size() > 1) {
          MetricKey k = key(names.get(1), scope);
          out.add(
              vr == 0.0
                  ? new MetricResult.Undefined(
                      k,
                      s.n(),
                      join(
                          names.get(1)
                              + " is undefined: the reference"
                              + " group's "
                              + m.id()
                              + " is 0",
                          small))
                  : MetricResult.Computed.of(k, v / vr, s.n(), join(base, small)));
        }
      }
    }
    return out;
  }

  private static String level(double confidence) {
    return new BigDecimal(confidence * 100)
            .round(new MathContext(4))
            .stripTrailingZeros()
            .toPlainString()
        + " %";
  }
}
