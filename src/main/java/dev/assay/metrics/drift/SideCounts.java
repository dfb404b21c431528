package dev.assay.metrics.drift;

import dev.assay.core.Mergeable;

/**
 * The mergeable state of one cell of the drift count (a column, a segment group and one value, or
 * the column's missing values there): its rows in the reference and in the current data. Merging is
 * adding, whatever the partitioning.
 *
 * @param reference rows of the reference
 * @param current rows of the current data
 */
public record SideCounts(long reference, long current) implements Mergeable<SideCounts> {

  public static final SideCounts EMPTY = new SideCounts(0, 0);

  /** The state of the union of the two row sets. */
  public SideCounts merge(SideCounts o) {
    return new SideCounts(reference + o.reference, current + o.current);
  }
}
