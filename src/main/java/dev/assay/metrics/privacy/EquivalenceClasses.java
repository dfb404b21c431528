package dev.assay.metrics.privacy;

import dev.assay.core.Mergeable;

/**
 * The aggregated state of the equivalence classes of a data set: a handful of numbers whatever the
 * number of rows or classes. It merges across disjoint sets of classes (sums add, minima and maxima
 * combine), which is the second-level aggregation Spark runs over the classes.
 *
 * @param records N, the records
 * @param classes C, the equivalence classes
 * @param smallest the smallest class size (0 when there are no classes)
 * @param uniques records in classes of size 1
 * @param atRisk records in classes smaller than k
 * @param minDistinct the fewest distinct sensitive values in a class, or null without a sensitive
 *     attribute
 * @param minEntropyL the smallest exp(entropy) of a class's sensitive values, or null
 * @param maxTotalVariation the largest total-variation distance to the overall sensitive
 *     distribution, or null (also when t-closeness was not computed)
 */
public record EquivalenceClasses(
    long records,
    long classes,
    long smallest,
    long uniques,
    long atRisk,
    Long minDistinct,
    Double minEntropyL,
    Double maxTotalVariation)
    implements Mergeable<EquivalenceClasses> {

  /** No classes: the identity of {@link #merge}. */
  public static final EquivalenceClasses EMPTY =
      new EquivalenceClasses(0, 0, 0, 0, 0, null, null, null);

  /** The state of two disjoint sets of classes of the same data set. */
  public EquivalenceClasses merge(EquivalenceClasses o) {
    if (classes == 0) {
      return o;
    }
    if (o.classes == 0) {
      return this;
    }
    return new EquivalenceClasses(
        records + o.records,
        classes + o.classes,
        Math.min(smallest, o.smallest),
        uniques + o.uniques,
        atRisk + o.atRisk,
        minDistinct == null
            ? o.minDistinct
            : o.minDistinct == null
                ? minDistinct
                : Long.valueOf(Math.min(minDistinct, o.minDistinct)),
        minEntropyL == null
            ? o.minEntropyL
            : o.minEntropyL == null
                ? minEntropyL
                : Double.valueOf(Math.min(minEntropyL, o.minEntropyL)),
        maxTotalVariation == null
            ? o.maxTotalVariation
            : o.maxTotalVariation == null
                ? maxTotalVariation
                : Double.valueOf(Math.max(maxTotalVariation, o.maxTotalVariation)));
  }

  /** This state without t-closeness (when the overall sensitive distribution was not known). */
  public EquivalenceClasses withoutTCloseness() {
    return new EquivalenceClasses(
        records, classes, smallest, uniques, atRisk, minDistinct, minEntropyL, null);
  }

  /**
   * The value of {@code m}, or NaN when it is undefined (no records, or no sensitive attribute).
   */
  public double value(ReidentificationMetric m) {
    return m.of(this);
  }
}
