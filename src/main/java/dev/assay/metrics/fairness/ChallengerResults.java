package dev.assay.metrics.fairness;

import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A challenger against the champion, per group of every slice and for the whole data set, on the
 * same rows: the paired differences of accuracy, selection rate, true and false positive rate with
 * McNemar's test ({@link McNemarTest}) from the {@link PairedState}s, and the AUC difference with
 * DeLong's test ({@link DeLong}) from the joint score cells. Every scope names the challenger
 * ({@code model}); differences are challenger minus champion. The p-values are per group and not
 * adjusted for multiple comparisons.
 */
final class ChallengerResults {

  private ChallengerResults() {}

  /**
   * The comparison metrics of challenger {@code name}.
   *
   * @param paired per slice ("" the whole data set), per group: the paired counts
   * @param joint per slice, per group: the joint score cells (empty without them)
   * @param noAucWhy why there is no AUC comparison at all, or null when {@code joint} holds it
   * @param labelled whether the audit has a label (accuracy, rates on positives and negatives)
   */
  static List<MetricResult> of(
      String name,
      Map<String, Map<String, PairedState>> paired,
      Map<String, Map<String, List<DeLong.Cell>>> joint,
      String noAucWhy,
      boolean labelled) {
    List<MetricResult> out = new ArrayList<>();
    paired.forEach(
        (slice, groups) ->
            groups.forEach(
                (group, state) -> {
                  Scope scope =
                      (slice.isEmpty() ? Scope.DATASET : Scope.group(slice, group)).withModel(name);
                  out.addAll(rates(scope, state, labelled));
                  MetricResult auc =
                      noAucWhy != null
                          ? undefined(FairnessMetrics.CHALLENGER_AUC_DIFFERENCE, scope, noAucWhy)
                          : auc(scope, joint.getOrDefault(slice, Map.of()).get(group));
                  out.add(auc);
                  out.add(pValueOf(FairnessMetrics.DELONG_P_VALUE, scope, auc));
                }));
    return out;
  }

  private static List<MetricResult> rates(Scope scope, PairedState s, boolean labelled) {
    List<MetricResult> out = new ArrayList<>();
    out.add(
        paired(
            FairnessMetrics.CHALLENGER_SELECTION_RATE_DIFFERENCE,
            scope,
            s.pairs(),
            s.onlyA(),
            s.onlyB()));
    if (!labelled) {
      return out;
    }
    MetricResult accuracy =
        paired(
            FairnessMetrics.CHALLENGER_ACCURACY_DIFFERENCE,
            scope,
            s.labelled(),
            s.onlyACorrect(),
            s.onlyBCorrect());
    out.add(accuracy);
    out.add(pValueOf(FairnessMetrics.MCNEMAR_P_VALUE, scope, accuracy));
    out.add(
        paired(
            FairnessMetrics.CHALLENGER_TRUE_POSITIVE_RATE_DIFFERENCE,
            scope,
            s.positives(),
            s.positivesOnlyA(),
            s.positivesOnlyB()));
    out.add(
        paired(
            FairnessMetrics.CHALLENGER_FALSE_POSITIVE_RATE_DIFFERENCE,
            scope,
            s.negatives(),
            s.negativesOnlyA(),
            s.negativesOnlyB()));
    return out;
  }

  /**
   * A paired difference (c − b) ÷ n with McNemar's p-value, where b counts the rows only the
   * champion has (correct, or predicted positive) and c those only the challenger has.
   */
  static MetricResult paired(MetricDescriptor metric, Scope scope, long n, long b, long c) {
    MetricKey key = new MetricKey(metric, scope);
    if (n == 0) {
      return new MetricResult.Undefined(
          key, 0L, "no rows that both models predict (and, where needed, with that label)");
    }
    return new MetricResult.Computed(
        key,
        (double) (c - b) / n,
        n,
        null,
        null,
        McNemarTest.pValue(b, c),
        McNemarTest.method(b, c)
            + " on "
            + (b + c)
            + " discordant rows ("
            + b
            + " champion only, "
            + c
            + " challenger only)");
  }

  private static MetricResult auc(Scope scope, List<DeLong.Cell> cells) {
    if (cells == null) {
      return undefined(
          FairnessMetrics.CHALLENGER_AUC_DIFFERENCE, scope, "no rows that both models score");
    }
    long rows = cells.stream().mapToLong(c -> c.positives() + c.negatives()).sum();
    DeLong.Result r = DeLong.test(cells);
    MetricKey key = new MetricKey(FairnessMetrics.CHALLENGER_AUC_DIFFERENCE, scope);
    if (r == null) {
      return new MetricResult.Undefined(
          key,
          rows,
          "DeLong's test needs two positives and two negatives scored by both models, and"
              + " placements that vary");
    }
    return new MetricResult.Computed(
        key,
        r.difference(),
        rows,
        null,
        null,
        r.pValue(),
        "DeLong's test, z = " + r.z() + " (AUC " + r.aucA() + " → " + r.aucB() + ")");
  }

  /** The p-value of {@code tested} as a metric of its own (undefined with it). */
  private static MetricResult pValueOf(MetricDescriptor metric, Scope scope, MetricResult tested) {
    MetricKey key = new MetricKey(metric, scope);
    if (tested instanceof MetricResult.Computed c && c.pValue() != null) {
      return new MetricResult.Computed(key, c.pValue(), c.count(), null, null, null, c.note());
    }
    return new MetricResult.Undefined(key, tested.count(), tested.note());
  }

  private static MetricResult undefined(MetricDescriptor metric, Scope scope, String why) {
    return new MetricResult.Undefined(new MetricKey(metric, scope), null, why);
  }

  /** {@code m} about the model {@code model}. */
  static MetricResult withModel(MetricResult m, String model) {
    return m.withScope(m.key().scope().withModel(model));
  }
}
