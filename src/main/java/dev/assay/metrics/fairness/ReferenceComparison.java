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
 * Every group against a reference group named in {@code fairness.reference_group} (for example
 * {@code {race: Caucasian}}), for the selection rate, the true positive rate and the false positive
 * rate ({@link AttributeResults#REFERENCE_RATES}), per group other than the reference:
 *
 * <ul>
 *   <li>{@code <rate>_diff_vs_ref} = rate(group) − rate(reference), range [−1, 1], 0 is parity,
 *       with Newcombe's hybrid score interval ({@link NewcombeInterval}) and, in {@code p_value},
 *       the p-value of {@link TwoProportionTest#pValue}, adjusted with the attribute's other
 *       p-values (across groups and metrics) by {@code fairness.p_adjust} (AIF360's {@code
 *       ClassificationMetric.difference(...)} convention: unprivileged − privileged);
 *   <li>{@code <rate>_ratio_vs_ref} = rate(group) ÷ rate(reference), range [0, ∞), 1 is parity,
 *       with the Katz log interval ({@link KatzInterval}; undefined when either count is 0).
 *       AIF360's {@code ratio(...)}; for the selection rate, its {@code disparate_impact}.
 *       Undefined when the reference's rate is 0.
 * </ul>
 *
 * <p>A group whose rate is undefined (zero denominator) gets undefined metrics with the reason; an
 * unknown reference group makes every metric undefined, naming the groups found.
 */
final class ReferenceComparison {

  private ReferenceComparison() {}

  /**
   * The metric name of a rate compared to the reference, e.g. {@code selection_rate_diff_vs_ref}.
   */
  static String name(Disparity.Rate rate, boolean difference) {
    return rate.base().id() + (difference ? "_diff_vs_ref" : "_ratio_vs_ref");
  }

  static List<MetricResult> of(
      AnalysisContext c, String attribute, String ref, Map<String, ConfusionState> groups) {
    List<MetricResult> out = new ArrayList<>();
    ConfusionState refState = groups.get(ref);
    for (Disparity.Rate rate : AttributeResults.REFERENCE_RATES) {
      if (!rate.base().computable(c.hasLabel(), c.in().hasPrediction())) {
        continue;
      }
      if (refState == null) {
        String why =
            "undefined: reference group '"
                + ref
                + "' (fairness.reference_group) is not a"
                + " group of "
                + attribute
                + "; its groups are "
                + groups.keySet();
        for (boolean diff : new boolean[] {true, false}) {
          out.add(
              new MetricResult.Undefined(
                  key(name(rate, diff), Scope.attribute(attribute)),
                  null,
                  name(rate, diff) + " is " + why));
        }
        continue;
      }
      out.addAll(compare(c, attribute, ref, refState, rate, groups));
    }
    return out;
  }

  private static List<MetricResult> compare(
      AnalysisContext c,
      String attribute,
      String ref,
      ConfusionState refState,
      Disparity.Rate rate,
      Map<String, ConfusionState> groups) {
    String diffName = name(rate, true);
    String ratioName = name(rate, false);
    long xRef = rate.base().numerator(refState);
    long nRef = rate.base().denominator(refState);
    List<String> compared = new ArrayList<>();
    for (Map.Entry<String, ConfusionState> e : groups.entrySet()) {
      if (!e.getKey().equals(ref) && rate.base().denominator(e.getValue()) > 0 && nRef > 0) {
        compared.add(e.getKey());
      }
    }
    double[] raw = new double[compared.size()];
    for (int i = 0; i < raw.length; i++) {
      ConfusionState s = groups.get(compared.get(i));
      raw[i] =
          TwoProportionTest.pValue(
              rate.base().numerator(s), rate.base().denominator(s), xRef, nRef);
    }
    List<MetricResult> out = new ArrayList<>();
    for (Map.Entry<String, ConfusionState> e : others(groups, ref).entrySet()) {
      String g = e.getKey();
      ConfusionState s = e.getValue();
      Scope scope = Scope.group(attribute, g);
      MetricKey diffKey = key(diffName, scope);
      MetricKey ratioKey = key(ratioName, scope);
      int i = compared.indexOf(g);
      if (i < 0) {
        String why =
            " is undefined: "
                + rate.base().id()
                + " is undefined for "
                + (nRef == 0 ? "the reference group " + ref : "this group")
                + " (zero denominator)";
        out.add(new MetricResult.Undefined(diffKey, s.n(), diffName + why));
        out.add(new MetricResult.Undefined(ratioKey, s.n(), ratioName + why));
        continue;
      }
      long x = rate.base().numerator(s);
      long n = rate.base().denominator(s);
      double p = (double) x / n;
      double pRef = (double) xRef / nRef;
      String small = c.in().groups().smallNote(s.n());
      String base = "vs " + ref + " (" + rate.base().id() + " " + fmt(pRef) + ")";
      Interval d = NewcombeInterval.of(x, n, xRef, nRef, c.z());
      out.add(
          new MetricResult.Computed(
              diffKey,
              p - pRef,
              s.n(),
              d.low(),
              d.high(),
              raw[i],
              join(
                  base
                      + "; "
                      + c.level()
                      + " Newcombe interval; p_value: "
                      + TwoProportionTest.testName(x, n, xRef, nRef)
                      + ", raw p "
                      + AttributeResults.pText(raw[i]),
                  small),
              null,
              null));
      if (xRef == 0) {
        out.add(
            new MetricResult.Undefined(
                ratioKey,
                s.n(),
                join(
                    ratioName
                        + " is undefined: the"
                        + " reference group's "
                        + rate.base().id()
                        + " is 0",
                    small)));
      } else {
        Interval r = KatzInterval.of(x, n, xRef, nRef, c.z());
        out.add(
            new MetricResult.Computed(
                ratioKey,
                p / pRef,
                s.n(),
                r == null ? null : r.low(),
                r == null ? null : r.high(),
                null,
                join(
                    base
                        + "; "
                        + c.level()
                        + " Katz interval"
                        + (r == null ? " undefined: the group's count is 0" : ""),
                    small),
                null,
                null));
      }
    }
    return out;
  }

  /** {@code groups} without the reference group {@code ref}, in their order. */
  static <S> Map<String, S> others(Map<String, S> groups, String ref) {
    Map<String, S> out = new java.util.LinkedHashMap<>(groups);
    out.remove(ref);
    return out;
  }
}
