package dev.assay.spark;

import dev.assay.core.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * fairness's score key) avoids formatting a string per row. With AQE on, Spark runs the scan and
 * the final aggregation as two jobs; the data is read once either way.
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
    // Each cell's key as text, built once: the group check below and the roll-up both read it (the
    // check used to format every numeric key value again, per counted grouping).
    List<Row> kept = new ArrayList<>(rows.size());
    List<List<String>> cellKeys = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (row.getLong(rowsIndex) == 0) {
        continue; // a global aggregate over no rows
      }
      String[] key = new String[allColumns.size()];
      for (int i = 0; i < key.length; i++) {
        Object value = row.get(i);
        key[i] = value instanceof String s ? s : String.valueOf(value);
      }
      kept.add(row);
      cellKeys.add(List.of(key));
    }
    checkGroups(cellKeys, allColumns, limits);
    if (rows.size() > maxCells) {
      if (bounded) {
        throw new CellsOverBound();
      }
      throw tooManyCells(limits, allColumns, rows.size() + "");
    }
    List<Object[]> cellStates = new ArrayList<>(kept.size());
    for (Row row : kept) {
      Object[] read = new Object[states.size()];
      int offset = allColumns.size();
      // Widths computed once: building Columns per cell is slow (each captures a stack trace),
      // and a score key multiplies the fairness cells by up to 10,001.
      for (int s = 0; s < states.size(); s++) {
        read[s] = states.get(s).read(row, offset);
        offset += widths[s];
      }
      cellStates.add(read);
    }

    // Roll cells up in key order, not in the order they arrive: floating-point sums then merge in
    // the same order on any cluster layout, so results are byte-identical across runs.
    // One string per cell to sort by (a single compareTo per comparison instead of one per key
    // column: the sort was a tenth of the driver's time with 40,000 cells); equal joins (a value
    // holding the separator) fall back to comparing the parts, so the order stays total.
    String[] sortKeys = new String[cellKeys.size()];
    Integer[] order = new Integer[cellKeys.size()];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
      sortKeys[c] = String.join("\u0000", cellKeys.get(c));
    }
    java.util.Arrays.sort(
        order,
        (x, y) -> {
          int byJoin = sortKeys[x].compareTo(sortKeys[y]);
          return byJoin != 0 ? byJoin : compareKeys(cellKeys.get(x), cellKeys.get(y));
        });
    // Copied in sorted order once, so each grouping below walks memory in sequence.
    String[][] sortedKeys = new String[order.length][];
    Object[][] sortedStates = new Object[order.length][];
    for (int i = 0; i < order.length; i++) {
      sortedKeys[i] = cellKeys.get(order[i]).toArray(new String[0]);
      sortedStates[i] = cellStates.get(order[i]);
    }
    List<GroupedStates> out = new ArrayList<>();
    for (Grouping grouping : groupings) {
      int[] positions = grouping.columns().stream().mapToInt(allColumns::indexOf).toArray();
      if (java.util.Arrays.equals(
          positions, java.util.stream.IntStream.range(0, allColumns.size()).toArray())) {
        // The finest grouping: every cell is its own group, nothing to merge.
        for (int i = 0; i < sortedKeys.length; i++) {
          out.add(new GroupedStates(grouping, List.of(sortedKeys[i]), List.of(sortedStates[i])));
        }
        continue;
      }
      Map<List<String>, Object[]> merged = new LinkedHashMap<>();
      for (int i = 0; i < sortedKeys.length; i++) {
        String[] cellKey = sortedKeys[i];
        String[] key = new String[positions.length];
        for (int p = 0; p < positions.length; p++) {
          key[p] = cellKey[positions[p]];
        }
        // States are immutable and mergeAll returns a new array, so a cell's array can be shared.
        merged.merge(List.of(key), sortedStates[i], (a, b) -> mergeAll(states, a, b));
      }
      merged.forEach((key, merges) -> out.add(new GroupedStates(grouping, key, List.of(merges))));
    }
    return out;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * Counts the distinct keys of each counted grouping over the cells (exactly: the cells are on the
   * driver already) and fails on the first grouping over the bound.
   */
  private static void checkGroups(
      List<List<String>> cellKeys, List<String> allColumns, CellLimits limits) {
    for (Grouping grouping : limits.counted()) {
      int[] positions = grouping.columns().stream().mapToInt(allColumns::indexOf).toArray();
      java.util.Set<List<String>> keys = new java.util.HashSet<>();
      for (List<String> cellKey : cellKeys) {
        String[] key = new String[positions.length];
        for (int p = 0; p < positions.length; p++) {
          key[p] = cellKey.get(positions[p]);
        }
        keys.add(List.of(key));
      }
      if (keys.size() > limits.maxGroups()) {
        throw limits.tooManyGroups().apply(grouping, (long) keys.size());
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
