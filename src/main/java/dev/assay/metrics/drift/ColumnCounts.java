package dev.assay.metrics.drift;

/**
 * The mergeable state of one column on both sides: rows, nulls, and the count of every distinct
 * non-null value (sorted ascending) on each side. A numeric column has {@code values}, a
 * categorical one {@code categories}. Its size grows with the distinct values, never with rows;
 * when a numeric column has more than {@code drift.max_distinct} distinct values, its values are
 * put into {@code max_distinct} equal-width cells over [min, max] of both sides and counted at
 * the cell midpoints: {@code exact} is false and {@code cellWidth} the width (0 when exact).
 * A categorical column with more than {@code max_distinct} categories is not exact either: its
 * only category is "" (every non-null value), so only its null rates mean anything.
 */
public record ColumnCounts(DriftColumn column, long rowsReference, long rowsCurrent,
                           long nullsReference, long nullsCurrent, boolean exact, double cellWidth,
                           double[] values, String[] categories, long[] reference, long[] current) {

  /** Non-null values in the reference. */
  public long nonNullReference() {
    return rowsReference - nullsReference;
  }

  /** Non-null values in the current data. */
  public long nonNullCurrent() {
    return rowsCurrent - nullsCurrent;
  }
}
