package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * How one column is counted, decided from the {@link DriftProfile}: exactly (every distinct value),
 * or, above {@code drift.max_distinct} ({@code cells}) estimated distinct values, a numeric column
 * on a grid of {@code cells} equal-width cells from {@code low} (counted at the cells' midpoints)
 * and a categorical one only as null or not null.
 */
record ColumnPlan(DriftColumn column, boolean exact, double low, double width, long cells) {

  /** The plan of column {@code i}: exact at or below {@code cells} distinct values. */
  static ColumnPlan of(DriftColumn column, int i, DriftProfile profile, long cells) {
    boolean numeric = column.kind() == DriftColumn.Kind.NUMERIC;
    if (column.kind() == DriftColumn.Kind.TEXT || column.kind() == DriftColumn.Kind.EMBEDDING) {
      // counted only as null or not: text and embeddings are compared by other means
      return new ColumnPlan(column, false, 0, 0, cells);
    }
    boolean exact = profile.distinct().get(i) <= cells || numeric && !profile.hasRange(i);
    if (exact || !numeric) {
      return new ColumnPlan(column, exact, 0, 0, cells);
    }
    double low = profile.min().get(i);
    return new ColumnPlan(column, false, low, (profile.max().get(i) - low) / cells, cells);
  }

  boolean numeric() {
    return column.kind() == DriftColumn.Kind.NUMERIC;
  }

  /** The value a numeric column is counted at: itself, or its cell's midpoint; null if missing. */
  Column number(Column v) {
    return !numeric() ? lit(null).cast("double") : exact ? v : cellMidpoint(v, low, width, cells);
  }

  /** The category counted: itself, or "" for any value above max_distinct; null if missing. */
  Column category(Column v) {
    return numeric() ? lit(null).cast("string") : exact ? v : when(v.isNotNull(), lit(""));
  }

  /** The note of a column that was not counted exactly, or null. */
  String note(long distinct) {
    if (exact
        || column.kind() == DriftColumn.Kind.TEXT
        || column.kind() == DriftColumn.Kind.EMBEDDING) {
      return null;
    }
    return numeric()
        ? "drift: '"
            + column.name()
            + "' has more than drift.max_distinct ("
            + cells
            + ") distinct values; it was compared on "
            + cells
            + " equal-width cells of width "
            + ColumnDrift.fmt(width)
            + " (error bounds in the metrics' notes)."
        : "drift: categorical column '"
            + column.name()
            + "' has about "
            + distinct
            + " distinct values, more than drift.max_distinct ("
            + cells
            + "), so only its null"
            + " rates were compared (is it an identifier? leave it out of columns.features, or"
            + " raise drift.max_distinct to compare its categories).";
  }

  /**
   * The midpoint of x's cell in a grid of {@code cells} cells of width {@code width} from {@code
   * low}: low + (min(⌊(x − low) / width⌋, cells − 1) + ½) · width. Each value moves by at most
   * width / 2.
   */
  static Column cellMidpoint(Column x, double low, double width, long cells) {
    return cellMidpoint(x, lit(low), lit(width), cells);
  }

  /**
   * As {@link #cellMidpoint(Column, double, double, long)} with the grid's start and width as
   * columns (the same arithmetic, so the same doubles), for values whose grid travels with the row.
   */
  static Column cellMidpoint(Column x, Column low, Column width, long cells) {
    // least() skips nulls, so a missing value must stay missing explicitly
    Column index = least(floor(x.minus(low).divide(width)), lit(cells - 1));
    return when(x.isNotNull(), low.plus(index.plus(lit(0.5)).multiply(width)));
  }
}
