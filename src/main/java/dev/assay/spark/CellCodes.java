package dev.assay.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;

/**
 * The key columns of a {@link SinglePassRunner} aggregation's cells as integer codes: per column,
 * each distinct value's text is built once and the value's code is that text's rank among the
 * column's texts (equal texts share a rank). The roll-up sorts the cells and groups them by these
 * codes instead of by text keys.
 *
 * <p>Why: fairness's exact score keys return one cell per distinct (groups, score), 118,063 cells
 * for the 200k-row demo, rolled up into about ten groupings. Text keys cost a {@code
 * String.valueOf(double)} per cell, a sort by joined strings, and per cell and grouping a new
 * {@code List} key hashed into a {@code LinkedHashMap} (docs/performance.md, "CI gate, sixth
 * pass"). With codes a grouping's key is numbered column by column through a map of {@code long}
 * pairs, and its states are merged in an array.
 *
 * <p>The order is the text keys' order: cells sort by their columns' texts, column by column
 * ({@link String#compareTo}), which is the order of the texts joined by {@code \u0000} whenever no
 * value holds that character.
 */
final class CellCodes {

  /** Per column, per cell: the rank of the cell's value's text. */
  private final int[][] codes;

  /** Per column, per rank: the text. */
  private final String[][] texts;

  private final int cells;

  private CellCodes(int[][] codes, String[][] texts, int cells) {
    this.codes = codes;
    this.texts = texts;
    this.cells = cells;
  }

  /** The codes of the first {@code width} columns of {@code rows}. */
  static CellCodes of(List<Row> rows, int width) {
    int n = rows.size();
    int[][] codes = new int[width][n];
    String[][] texts = new String[width][];
    for (int col = 0; col < width; col++) {
      Map<Object, Integer> seen = new HashMap<>();
      List<String> distinct = new ArrayList<>();
      int[] column = codes[col];
      for (int c = 0; c < n; c++) {
        Object value = rows.get(c).get(col);
        Integer code = seen.get(value);
        if (code == null) {
          code = distinct.size();
          seen.put(value, code);
          distinct.add(value instanceof String s ? s : String.valueOf(value));
        }
        column[c] = code;
      }
      Integer[] byText = new Integer[distinct.size()];
      for (int i = 0; i < byText.length; i++) {
        byText[i] = i;
      }
      Arrays.sort(byText, (x, y) -> distinct.get(x).compareTo(distinct.get(y)));
      int[] rank = new int[byText.length];
      List<String> ranked = new ArrayList<>(byText.length);
      for (Integer i : byText) {
        String text = distinct.get(i);
        if (ranked.isEmpty() || !ranked.get(ranked.size() - 1).equals(text)) {
          ranked.add(text);
        }
        rank[i] = ranked.size() - 1;
      }
      for (int c = 0; c < n; c++) {
        column[c] = rank[column[c]];
      }
      texts[col] = ranked.toArray(new String[0]);
    }
    return new CellCodes(codes, texts, n);
  }

  /** The cells in key order (a stable sort: cells with equal keys keep their arrival order). */
  int[] sortedOrder() {
    Integer[] order = new Integer[cells];
    for (int c = 0; c < cells; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          for (int[] column : codes) {
            int by = Integer.compare(column[x], column[y]);
            if (by != 0) {
              return by;
            }
          }
          return 0;
        });
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /** The cells in arrival order. */
  int[] identity() {
    int[] out = new int[cells];
    Arrays.setAll(out, i -> i);
    return out;
  }

  /** The key texts of cell {@code cell} at the columns {@code positions}, in that order. */
  List<String> key(int cell, int[] positions) {
    String[] key = new String[positions.length];
    for (int p = 0; p < positions.length; p++) {
      key[p] = texts[positions[p]][codes[positions[p]][cell]];
    }
    return List.of(key);
  }

  /**
   * The groups of the cells taken in {@code order} by their codes at {@code positions}: groups are
   * numbered in the order of their first cell. The finest grouping (every column, in column order)
   * makes each cell its own group, as the cells are distinct.
   */
  Groups groups(int[] positions, int[] order) {
    int n = order.length;
    int[] group = new int[n];
    if (positions.length == codes.length
        && Arrays.equals(positions, IntStream.range(0, codes.length).toArray())) {
      int[] first = new int[n];
      for (int i = 0; i < n; i++) {
        group[i] = i;
        first[i] = i;
      }
      return new Groups(group, first);
    }
    if (positions.length == 0) {
      return new Groups(group, n == 0 ? new int[0] : new int[] {0});
    }
    // A prefix's id: the first column's rank, then each (id, next rank) pair numbered as seen.
    int[] id = new int[n];
    int[] firstColumn = codes[positions[0]];
    for (int i = 0; i < n; i++) {
      id[i] = firstColumn[order[i]];
    }
    int bound = texts[positions[0]].length;
    for (int k = 1; k < positions.length; k++) {
      int[] column = codes[positions[k]];
      PairIds pairs = new PairIds(n);
      for (int i = 0; i < n; i++) {
        id[i] = pairs.idOf(((long) id[i] << 32) | column[order[i]]);
      }
      bound = pairs.size();
    }
    int[] dense = new int[bound];
    Arrays.fill(dense, -1);
    int[] first = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      int d = dense[id[i]];
      if (d < 0) {
        d = count++;
        dense[id[i]] = d;
        first[d] = i;
      }
      group[i] = d;
    }
    return new Groups(group, Arrays.copyOf(first, count));
  }

  /**
   * The groups of a grouping over cells in a given order: {@code group[i]} is the group of the i-th
   * cell, {@code first[g]} the index (in that order) of group g's first cell.
   */
  record Groups(int[] group, int[] first) {

    int count() {
      return first.length;
    }

    int of(int i) {
      return group[i];
    }

    int firstCell(int g) {
      return first[g];
    }
  }

  /** Numbers distinct {@code long} pairs 0, 1, 2, … as seen (open addressing, no boxing). */
  private static final class PairIds {
    private final long[] keys;
    private final int[] ids;
    private final int mask;
    private final int shift;
    private int size;

    PairIds(int expected) {
      int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
      keys = new long[capacity];
      ids = new int[capacity];
      Arrays.fill(ids, -1);
      mask = capacity - 1;
      shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    int idOf(long key) {
      // Fibonacci hashing: the product's top bits depend on every bit of the key.
      int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
      while (ids[slot] >= 0) {
        if (keys[slot] == key) {
          return ids[slot];
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      ids[slot] = size;
      return size++;
    }

    int size() {
      return size;
    }
  }
}
