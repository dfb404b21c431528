package dev.assay.metrics.drift;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable state of one column on both sides: rows, nulls, and the count of every distinct
 * non-null value (sorted ascending) on each side. A numeric column has {@code values}, a
 * categorical one {@code categories}. Its size grows with the distinct values, never with rows;
 * when a numeric column has more than {@code drift.max_distinct} distinct values, its values are
 * put into {@code max_distinct} equal-width cells over [min, max] of both sides and counted at the
 * cell midpoints: {@code exact} is false and {@code cellWidth} the width (0 when exact). A
 * categorical column with more than {@code max_distinct} categories is not exact either: its only
 * category is "" (every non-null value), so only its null rates mean anything.
 */
public record ColumnCounts(
    DriftColumn column,
    long rowsReference,
    long rowsCurrent,
    long nullsReference,
    long nullsCurrent,
    boolean exact,
    double cellWidth,
    double[] values,
    String[] categories,
    long[] reference,
    long[] current) {

  /** The state of no rows of {@code column} (the identity of {@link #merge}). */
  public static ColumnCounts empty(DriftColumn column, boolean exact, double cellWidth) {
    boolean numeric = column.kind() == DriftColumn.Kind.NUMERIC;
    return new ColumnCounts(
        column,
        0,
        0,
        0,
        0,
        exact,
        cellWidth,
        numeric ? new double[0] : null,
        numeric ? null : new String[0],
        new long[0],
        new long[0]);
  }

  /**
   * Collects one column's cells (a value, or null for missing, with its {@link SideCounts}) in any
   * order, then builds the state with its values sorted: linear in the cells after the sort, where
   * merging one-value states one by one would be quadratic.
   */
  static final class Builder {

    private final Map<Object, long[]> values = new TreeMap<>();
    private SideCounts rows = SideCounts.EMPTY;
    private SideCounts nulls = SideCounts.EMPTY;

    /** Adds the rows of one value ({@code Double} or {@code String}; null for missing). */
    Builder add(Object value, SideCounts counts) {
      rows = rows.merge(counts);
      if (value == null) {
        nulls = nulls.merge(counts);
      } else {
        long[] both = values.computeIfAbsent(value, v -> new long[2]);
        both[0] += counts.reference();
        both[1] += counts.current();
      }
      return this;
    }

    ColumnCounts build(DriftColumn column, boolean exact, double cellWidth) {
      boolean numeric = column.kind() == DriftColumn.Kind.NUMERIC;
      int d = values.size();
      double[] numbers = numeric ? new double[d] : null;
      String[] categories = numeric ? null : new String[d];
      long[] ref = new long[d];
      long[] cur = new long[d];
      int i = 0;
      for (Map.Entry<Object, long[]> e : values.entrySet()) {
        if (numeric) {
          numbers[i] = (Double) e.getKey();
        } else {
          categories[i] = (String) e.getKey();
        }
        ref[i] = e.getValue()[0];
        cur[i] = e.getValue()[1];
        i++;
      }
      return new ColumnCounts(
          column,
          rows.reference(),
          rows.current(),
          nulls.reference(),
          nulls.current(),
          exact,
          cellWidth,
          numbers,
          categories,
          ref,
          cur);
    }
  }

  /**
   * The reference side of this state alone (the current side's rows, nulls and counts zero, values
   * only the current data holds dropped): merged with a time chunk's current-only state it compares
   * that chunk with the whole reference.
   */
  public ColumnCounts referenceOnly() {
    boolean numeric = values != null;
    int n = reference.length;
    int kept = 0;
    for (long r : reference) {
      kept += r > 0 ? 1 : 0;
    }
    double[] v = numeric ? new double[kept] : null;
    String[] k = numeric ? null : new String[kept];
    long[] ref = new long[kept];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (reference[i] > 0) {
        if (numeric) {
          v[size] = values[i];
        } else {
          k[size] = categories[i];
        }
        ref[size++] = reference[i];
      }
    }
    return new ColumnCounts(
        column, rowsReference, 0, nullsReference, 0, exact, cellWidth, v, k, ref, new long[kept]);
  }

  /** Non-null values in the reference. */
  public long nonNullReference() {
    return rowsReference - nullsReference;
  }

  /** Non-null values in the current data. */
  public long nonNullCurrent() {
    return rowsCurrent - nullsCurrent;
  }

  /**
   * The state of both parts together: rows, nulls and the counts of equal values added, values kept
   * sorted. Associative and commutative, with a state of no rows as identity, so the metrics of a
   * column do not depend on how its rows were split into partitions or in which order the parts
   * were combined (what Spark's grouped count relies on).
   *
   * @throws IllegalArgumentException when the parts are of different columns or groupings
   */
  public ColumnCounts merge(ColumnCounts other) {
    if (!column.equals(other.column)
        || exact != other.exact
        || Double.compare(cellWidth, other.cellWidth) != 0) {
      throw new IllegalArgumentException(
          "cannot merge the drift state of "
              + column
              + " with "
              + other.column
              + ": different column or grouping");
    }
    boolean numeric = values != null;
    int n = numeric ? values.length : categories.length;
    int m = numeric ? other.values.length : other.categories.length;
    double[] v = numeric ? new double[n + m] : null;
    String[] k = numeric ? null : new String[n + m];
    long[] ref = new long[n + m];
    long[] cur = new long[n + m];
    int i = 0;
    int j = 0;
    int size = 0;
    while (i < n || j < m) {
      int cmp =
          i == n
              ? 1
              : j == m
                  ? -1
                  : numeric
                      ? Double.compare(values[i], other.values[j])
                      : categories[i].compareTo(other.categories[j]);
      if (numeric) {
        v[size] = cmp <= 0 ? values[i] : other.values[j];
      } else {
        k[size] = cmp <= 0 ? categories[i] : other.categories[j];
      }
      if (cmp <= 0) {
        ref[size] += reference[i];
        cur[size] += current[i];
        i++;
      }
      if (cmp >= 0) {
        ref[size] += other.reference[j];
        cur[size] += other.current[j];
        j++;
      }
      size++;
    }
    return new ColumnCounts(
        column,
        rowsReference + other.rowsReference,
        rowsCurrent + other.rowsCurrent,
        nullsReference + other.nullsReference,
        nullsCurrent + other.nullsCurrent,
        exact,
        cellWidth,
        numeric ? Arrays.copyOf(v, size) : null,
        numeric ? null : Arrays.copyOf(k, size),
        Arrays.copyOf(ref, size),
        Arrays.copyOf(cur, size));
  }
}
