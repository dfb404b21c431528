package dev.assay.spark;

import dev.assay.core.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Runs every aggregate state of one dataset over several groupings with a single scan: one {@code
 * GROUP BY} over the finest cells (every grouping column at once), then, on the driver, each
 * grouping's states are merged from the cells it covers (states merge associatively, Deequ's law).
 * Only one row per cell comes back, never data rows.
 *
 * <p>Why not {@code GROUPING SETS}: its Expand operator copies every row once per grouping, which
 * measured 3–5× slower than one grouping over the cells; rolling the small cell states up in Java
 * gives identical numbers. The price is that the cell count is the number of distinct combinations
 * of all grouping columns, bounded by {@code maxCells}.
 *
 * <p>Grouping columns must hold no nulls (callers map null to an explicit "missing" group); their
 * values come back as strings ({@code toString()} of a number), so a numeric key column (such as
 * fairness's score key) avoids formatting a string per row. On the driver the cells are sorted and
 * grouped by integer codes of their key texts ({@link CellCodes}), in the text keys' order. With
 * AQE on, Spark runs the scan and the final aggregation as two jobs; the data is read once either
 * way.
 */
public final class SinglePassRunner {

  private SinglePassRunner() {}

  /**
   * Aggregates {@code states} over each of {@code groupings} in one pass over {@code data}.
   *
   * @param maxCells a bound on the distinct combinations of all grouping columns; more is an error,
   *     since the states must stay small on the driver
   * @return one entry per group of each grouping, groupings in the order given; an empty dataset
   *     gives no entry at all, not even for the whole data set
   */
  public static List<GroupedStates> run(
      Dataset<Row> data,
      List<Grouping> groupings,
      List<? extends AggregateState<?>> states,
      long maxCells) {
    return run(data, groupings, states, CellLimits.cells(maxCells));
  }

  /**
   * Aggregates {@code states} over each of {@code groupings} in one pass over {@code data}, failing
   * (before any roll-up) when a counted grouping has more groups than {@code limits} allows or the
   * cells exceed their bound; messages name the user's columns.
   */
  public static List<GroupedStates> run(
      Dataset<Row> data,
      List<Grouping> groupings,
      List<? extends AggregateState<?>> states,
      CellLimits limits) {
    return run(data, groupings, states, limits, false);
  }

  /**
   * As {@link #run(Dataset, List, List, CellLimits)}, but at most {@code limits.maxCells() + 1}
   * cells ever reach the driver: the cells pass through a global limit (one more shuffle of the
   * cells into one partition, still one pass over the data), for aggregations whose cell count is
   * not bounded by the data's shape (fairness's exact score keys: up to one cell per row).
   *
   * @return the groups, or empty when the cells exceed the bound (the caller falls back to a
   *     coarser aggregation); a counted grouping over its bound still throws
   */
  public static Optional<List<GroupedStates>> runBounded(
      Dataset<Row> data,
      List<Grouping> groupings,
      List<? extends AggregateState<?>> states,
      CellLimits limits) {
    try {
      return Optional.of(run(data, groupings, states, limits, true));
    } catch (CellsOverBound e) {
      return Optional.empty();
    }
  }

  /** The bounded cells did not fit: {@link #runBounded}'s signal to return empty. */
  private static final class CellsOverBound extends RuntimeException {
    CellsOverBound() {
      super(null, null, false, false);
    }
  }

  private static List<GroupedStates> run(
      Dataset<Row> data,
      List<Grouping> groupings,
      List<? extends AggregateState<?>> states,
      CellLimits limits,
      boolean bounded) {
    long maxCells = limits.maxCells();
    List<String> allColumns =
        new ArrayList<>(
            groupings.stream()
                .flatMap(g -> g.columns().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    List<Column> aggregates = new ArrayList<>();
    int[] widths = new int[states.size()];
    for (int i = 0; i < states.size(); i++) {
      List<Column> own = states.get(i).aggregates();
      widths[i] = own.size();
      aggregates.addAll(own);
    }
    aggregates.add(functions.count(functions.lit(1)).alias("__assay_rows"));
    Column first = aggregates.get(0);
    Column[] rest = aggregates.subList(1, aggregates.size()).toArray(new Column[0]);
    Dataset<Row> cells =
        allColumns.isEmpty()
            ? data.agg(first, rest)
            : data.groupBy(allColumns.stream().map(Columns::named).toArray(Column[]::new))
                .agg(first, rest);

    if (bounded) {
      // A limit below the root (not collect's own incremental take, which runs one job per batch
      // of partitions): one job, the cells gathered into one partition and cut at the bound.
      cells = cells.limit((int) Math.min(Integer.MAX_VALUE - 1, maxCells) + 1).coalesce(1);
    }
    List<Row> rows;
    try {
      rows = cells.collectAsList();
    } catch (RuntimeException e) {
      // Spark aborts the job, before the driver runs out of memory, when the cells' serialized
      // size passes spark.driver.maxResultSize: that is the same input problem as too many cells.
      if (String.valueOf(e.getMessage()).contains("maxResultSize")) {
        if (bounded) {
          throw new CellsOverBound();
        }
        throw tooManyCells(limits, allColumns, "more than spark.driver.maxResultSize holds");
      }
      throw e;
    }
    int rowsIndex = allColumns.size() + aggregates.size() - 1;
    List<Row> kept = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (row.getLong(rowsIndex) != 0) {
        kept.add(row); // a global aggregate over no rows has none
      }
    }
    CellCodes codes = CellCodes.of(kept, allColumns.size());
    checkGroups(codes, allColumns, limits);
    if (rows.size() > maxCells) {
      if (bounded) {
        throw new CellsOverBound();
      }
      throw tooManyCells(limits, allColumns, rows.size() + "");
    }
    // Roll cells up in key order, not in the order they arrive: floating-point sums then merge in
    // the same order on any cluster layout, so results are byte-identical across runs.
    int[] order = codes.sortedOrder();
    Object[][] sortedStates = new Object[order.length][];
    for (int i = 0; i < order.length; i++) {
      Row row = kept.get(order[i]);
      Object[] read = new Object[states.size()];
      int offset = allColumns.size();
      // Widths computed once: building Columns per cell is slow (each captures a stack trace),
      // and a score key multiplies the fairness cells by up to 10,001.
      for (int s = 0; s < states.size(); s++) {
        read[s] = states.get(s).read(row, offset);
        offset += widths[s];
      }
      sortedStates[i] = read;
    }
    List<GroupedStates> out = new ArrayList<>();
    for (Grouping grouping : groupings) {
      int[] positions = positions(grouping, allColumns);
      CellCodes.Groups groups = codes.groups(positions, order);
      // Each group's states merged in sorted cell order (the first cell's array as it is: states
      // are immutable and mergeAll returns a new array); groups in the order of their first cell.
      Object[][] merged = new Object[groups.count()][];
      for (int i = 0; i < order.length; i++) {
        int g = groups.of(i);
        merged[g] =
            merged[g] == null ? sortedStates[i] : mergeAll(states, merged[g], sortedStates[i]);
      }
      for (int g = 0; g < merged.length; g++) {
        out.add(
            new GroupedStates(
                grouping, codes.key(order[groups.firstCell(g)], positions), List.of(merged[g])));
      }
    }
    return out;
  }

  private static int[] positions(Grouping grouping, List<String> allColumns) {
    return grouping.columns().stream().mapToInt(allColumns::indexOf).toArray();
  }

  /**
   * Counts the distinct keys of each counted grouping over the cells (exactly: the cells are on the
   * driver already) and fails on the first grouping over the bound.
   */
  private static void checkGroups(CellCodes codes, List<String> allColumns, CellLimits limits) {
    for (Grouping grouping : limits.counted()) {
      int count = codes.groups(positions(grouping, allColumns), codes.identity()).count();
      if (count > limits.maxGroups()) {
        throw limits.tooManyGroups().apply(grouping, (long) count);
      }
    }
  }

  private static BadInputException tooManyCells(
      CellLimits limits, List<String> columns, String found) {
    return new BadInputException(
        "the columns "
            + columns.stream().map(limits::nameOf).toList()
            + " together take "
            + found
            + " distinct combinations (the limit is "
            + limits.maxCells()
            + "); an attribute with that many values is probably an identifier. Remove it from"
            + " columns.sensitive or intersections, or bucket it.");
  }

  private static Object[] mergeAll(
      List<? extends AggregateState<?>> states, Object[] a, Object[] b) {
    Object[] out = new Object[a.length];
    for (int s = 0; s < a.length; s++) {
      out[s] = merge(states.get(s), a[s], b[s]);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <S> Object merge(AggregateState<S> state, Object a, Object b) {
    return state.merge((S) a, (S) b);
  }
}
