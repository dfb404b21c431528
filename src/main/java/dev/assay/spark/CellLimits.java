package dev.assay.spark;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The bounds of one single-pass aggregation ({@link SinglePassRunner}), checked on the driver as
 * soon as the cells arrive and before any roll-up, metric or report is built from them.
 *
 * @param maxCells the most distinct combinations of all grouping columns
 * @param columnNames the user's name of each internal cell column, for messages (a column not
 *     listed is shown as it is)
 * @param maxGroups the most groups each of {@code counted} may have
 * @param counted groupings (projections of the cells) whose distinct keys are counted against
 *     {@code maxGroups}; they need not be among the groupings aggregated
 * @param tooManyGroups the error for a counted grouping with more groups than {@code maxGroups}
 *     (given the grouping and its exact number of groups)
 */
public record CellLimits(
    long maxCells,
    Map<String, String> columnNames,
    long maxGroups,
    List<Grouping> counted,
    BiFunction<Grouping, Long, ? extends RuntimeException> tooManyGroups) {

  public CellLimits {
    columnNames = Map.copyOf(columnNames);
    counted = List.copyOf(counted);
  }

  /** Only a bound on cells, with the columns named as they are. */
  public static CellLimits cells(long maxCells) {
    return new CellLimits(maxCells, Map.of(), Long.MAX_VALUE, List.of(), (g, n) -> null);
  }

  /** A copy with another bound on cells. */
  public CellLimits withMaxCells(long value) {
    return new CellLimits(value, columnNames, maxGroups, counted, tooManyGroups);
  }

  /** The user's name of an internal cell column. */
  public String nameOf(String column) {
    return columnNames.getOrDefault(column, column);
  }
}
