package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.AnalysisContext.join;

import dev.assay.core.MetricResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bootstrap percentile intervals ({@link BootstrapInterval}) of per-group values, with {@code
 * fairness.bootstrap: B}: each group's {@code auc} and its SageMaker Clarify values ({@link
 * ClarifyMetric}, facet d = the group against the rest a of its attribute). Nothing new is
 * aggregated: the B Poisson replicates' counts per group and per score key already come from the
 * one fairness job ({@link BootstrapAggregate}), so for replicate r
 *
 * <ul>
 *   <li>auc_r = {@link MannWhitneyAuc#auc} of the group's replicate score histogram (positives and
 *       negatives per key weighted by replicate r's Poisson weights);
 *   <li>clarify_r = the Clarify formula on d_r = the group's replicate counts (n, favourable
 *       labels, favourable predictions, both) and a_r = the sum of every other group's replicate
 *       counts (small groups included, as for the point value).
 * </ul>
 *
 * <p>The interval is the type-7 α/2 and 1 − α/2 quantiles of the defined replicate values (Efron
 * and Tibshirani 1993, §13.3); replicates where the value is undefined (a replicate group without a
 * positive or a negative label for AUC, a zero denominator for Clarify) are left out and counted in
 * the note; fewer than two defined replicates give no interval. The point value is unchanged; rows
 * that are undefined stay undefined. A plain-Java bootstrap drawing the same weights gives the same
 * bounds to 1e-12 ({@code GroupBootstrapTest}).
 */
final class GroupBootstrap {

  private GroupBootstrap() {}

  /**
   * {@code out} with the per-group {@code auc} and {@code clarify_*} rows of {@code attribute}
   * given bootstrap intervals from {@code boot}; every other row as it is.
   */
  static List<MetricResult> apply(
      AnalysisContext c,
      String attribute,
      Map<String, ConfusionState> groups,
      BootstrapInterval boot,
      List<MetricResult> out) {
    Map<String, ClarifyMetric> clarify = new HashMap<>();
    for (ClarifyMetric m : ClarifyMetric.values()) {
      clarify.put(m.id(), m);
    }
    ReplicateSides sides = null;
    List<MetricResult> result = new ArrayList<>(out.size());
    for (MetricResult m : out) {
      String group = m.key().scope().group();
      if (!(m instanceof MetricResult.Computed p)
          || group == null
          || !attribute.equals(m.key().scope().attribute())) {
        result.add(m);
        continue;
      }
      double[] values;
      if (m.key().metric().equals("auc")) {
        values = boot.values(r -> MannWhitneyAuc.auc(boot.histogram(r, group)));
      } else if (clarify.containsKey(m.key().metric())) {
        if (sides == null) {
          sides = new ReplicateSides(boot, groups, c.in().outcomes().favourableIsPositive());
        }
        ClarifyMetric metric = clarify.get(m.key().metric());
        ReplicateSides s = sides;
        values =
            boot.values(
                r -> {
                  ClarifyMetric.Side d = s.of(r, group);
                  ClarifyMetric.Value v = metric.of(d, s.total(r).minus(d));
                  return v.defined() ? v.value() : Double.NaN;
                });
      } else {
        result.add(m);
        continue;
      }
      Interval ci = BootstrapInterval.percentile(values, c.in().inference().confidence());
      String how = BootstrapInterval.describe(c.level(), values, boot.seed());
      result.add(
          p.with(
              ci == null ? null : ci.low(),
              ci == null ? null : ci.high(),
              p.pValue(),
              join(
                  p.note(),
                  "interval: "
                      + how
                      + (ci == null ? " undefined: fewer than two defined replicates" : ""))));
    }
    return result;
  }

  /** Every group's Clarify side in every replicate, and their sums, computed once per attribute. */
  private static final class ReplicateSides {
    private final List<Map<String, ClarifyMetric.Side>> byReplicate = new ArrayList<>();
    private final List<ClarifyMetric.Side> totals = new ArrayList<>();

    ReplicateSides(BootstrapInterval boot, Map<String, ConfusionState> groups, boolean fav) {
      for (int r = 0; r < boot.size(); r++) {
        Map<String, ClarifyMetric.Side> sides = new HashMap<>();
        ClarifyMetric.Side total = new ClarifyMetric.Side(0, 0, 0, 0);
        for (Map.Entry<String, ConfusionState> e : boot.states(r, groups.keySet()).entrySet()) {
          ClarifyMetric.Side side = ClarifyMetric.Side.of(e.getValue(), fav);
          sides.put(e.getKey(), side);
          total = total.plus(side);
        }
        byReplicate.add(sides);
        totals.add(total);
      }
    }

    ClarifyMetric.Side of(int r, String group) {
      return byReplicate.get(r).getOrDefault(group, new ClarifyMetric.Side(0, 0, 0, 0));
    }

    ClarifyMetric.Side total(int r) {
      return totals.get(r);
    }
  }
}
