package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link CellCodes} against the text keys it replaced in {@link SinglePassRunner}: cells sorted by
 * their key texts joined with {@code \u0000}, and each grouping's groups found with a {@code
 * LinkedHashMap} of {@code List<String>} keys, in the order of their first cell.
 */
class CellCodesTest {

  /** Distinct random cells: two text columns, a double (the score key) and a long. */
  private static List<Row> cells(long seed, int n) {
    Random random = new Random(seed);
    String[] a = {"Female", "Male", "missing", "F", "Fe"};
    String[] b = {"Black", "White", "Asian", "", "Other race", "B"};
    Set<List<Object>> seen = new LinkedHashSet<>();
    while (seen.size() < n) {
      double score =
          random.nextInt(10) == 0 ? random.nextInt(5) / 4.0 : random.nextDouble() * 2 - 0.5;
      seen.add(
          List.of(
              a[random.nextInt(a.length)],
              b[random.nextInt(b.length)],
              random.nextInt(50) == 0 ? Double.NaN : score,
              (long) random.nextInt(40) - 20));
    }
    return seen.stream().map(v -> RowFactory.create(v.toArray())).toList();
  }

  private static List<String> text(Row row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      out.add(String.valueOf(row.get(i)));
    }
    return out;
  }

  @Test
  void sortsAndGroupsAsTheJoinedTextKeysDid() {
    for (long seed = 1; seed <= 5; seed++) {
      List<Row> rows = cells(seed, 3_000);
      CellCodes codes = CellCodes.of(rows, 4);
      int[] order = codes.sortedOrder();

      Integer[] expected = new Integer[rows.size()];
      Arrays.setAll(expected, i -> i);
      Arrays.sort(expected, Comparator.comparing(i -> String.join("\u0000", text(rows.get(i)))));
      assertEquals(List.of(expected), Arrays.stream(order).boxed().toList(), "seed " + seed);

      for (int mask = 0; mask < 16; mask++) {
        int[] positions = new int[Integer.bitCount(mask)];
        for (int c = 0, p = 0; c < 4; c++) {
          if ((mask & 1 << c) != 0) {
            positions[p++] = c;
          }
        }
        Map<List<String>, List<Integer>> reference = new LinkedHashMap<>();
        for (int i = 0; i < order.length; i++) {
          List<String> all = text(rows.get(order[i]));
          List<String> key = Arrays.stream(positions).mapToObj(all::get).toList();
          reference.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        CellCodes.Groups groups = codes.groups(positions, order);
        assertEquals(reference.size(), groups.count(), "seed " + seed + ", columns " + mask);
        int g = 0;
        for (Map.Entry<List<String>, List<Integer>> e : reference.entrySet()) {
          assertEquals(e.getKey(), codes.key(order[groups.firstCell(g)], positions));
          for (int i : e.getValue()) {
            assertEquals(g, groups.of(i));
          }
          g++;
        }
        assertEquals(
            reference.size(), codes.groups(positions, codes.identity()).count(), "unsorted");
      }
    }
  }

  @Test
  void valuesOfEqualTextShareACode() {
    List<Row> rows =
        List.of(
            RowFactory.create("1", 1.0),
            RowFactory.create(1, 2.0),
            RowFactory.create(1L, 1.0),
            RowFactory.create("2", 1.0));
    CellCodes codes = CellCodes.of(rows, 2);
    CellCodes.Groups byFirst = codes.groups(new int[] {0}, codes.sortedOrder());
    assertEquals(2, byFirst.count());
    assertEquals(List.of("1", "1.0"), codes.key(0, new int[] {0, 1}));
  }
}
