package dev.assay.metrics.fairness;

import dev.assay.core.Mergeable;

/**
 * The Poisson-bootstrap replicate counts of one cell or group: for each replicate r, the weighted
 * rows, predicted positives, label positives and true positives (weights from {@link
 * BootstrapWeights}), stored as {@code counts[4r .. 4r + 3]}. Merging adds them, so the state of a
 * group is the sum of its cells' states whatever the partitioning. Size: 4 longs per replicate,
 * independent of rows.
 *
 * @param counts the replicate counts, 4 per replicate
 */
public record BootstrapState(long[] counts) implements Mergeable<BootstrapState> {

  /** The number of replicates. */
  public int replicates() {
    return counts.length / 4;
  }

  /** The union of the two row sets. */
  public BootstrapState merge(BootstrapState o) {
    long[] sum = counts.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += o.counts[i];
    }
    return new BootstrapState(sum);
  }

  /** Replicate r as a (weighted) confusion state, without scores. */
  public ConfusionState replicate(int r) {
    return new ConfusionState(
        counts[4 * r], counts[4 * r + 1], counts[4 * r + 2], counts[4 * r + 3], 0.0, 0);
  }
}
