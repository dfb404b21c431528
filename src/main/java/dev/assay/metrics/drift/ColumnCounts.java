package dev.assay.metrics.drift;

/**
 * The mergeable state of one column on both sides: rows, nulls, and the count of every distinct
 * non-null value (sorted ascending) on each side. A numeric column has {@code values}, a
 * categorical one {@code categories}. Its size grows with the distinct values, never with rows;
 * when a numeric column has more than {@code drift.max_distinct} distinct values its values are
 * rounded to {@value #ROUNDED_DIGITS} significant digits ({@code exact} is false).
 */
public record ColumnCounts(DriftColumn column, long rowsReference, long rowsCurrent,
                           long nullsReference, long nullsCurrent, boolean exact,
                           double[] values, String[] categories, long[] reference, long[] current) {

  /** Significant digits kept when a numeric column has too many distinct values. */
  public static final int ROUNDED_DIGITS = 5;

  /** The largest relative change rounding makes to a value: half a unit in the 5th digit. */
  public static final double ROUNDING_RELATIVE_ERROR = 5e-5;

  /** Non-null values in the reference. */
  public long nonNullReference() {
    return rowsReference - nullsReference;
  }

  /** Non-null values in the current data. */
  public long nonNullCurrent() {
    return rowsCurrent - nullsCurrent;
  }
}
