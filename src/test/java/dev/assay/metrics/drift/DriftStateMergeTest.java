package dev.assay.metrics.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.assay.core.MetricResult;
import dev.assay.spec.DriftOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/**
 * The merge law of the drift state: however the rows are split into parts and in whatever order or
 * tree the parts' states are merged, the state, and so every metric, is the same; and the Spark run
 * gives identical metrics for repartitioned and reordered input.
 */
class DriftStateMergeTest {

  private static final DriftColumn X = new DriftColumn("x", "feature", DriftColumn.Kind.NUMERIC);
  private static final DriftColumn K =
      new DriftColumn("k", "feature", DriftColumn.Kind.CATEGORICAL);

  /** One row: side (0 reference, 1 current) and value (null when missing). */
  record Cell(int side, Object value) {}

  /** The state of some rows, built value by value (no merge involved). */
  static ColumnCounts state(DriftColumn column, List<Cell> rows) {
    ColumnCounts.Builder b = new ColumnCounts.Builder();
    for (Cell c : rows) {
      b.add(c.value(), c.side() == 0 ? new SideCounts(1, 0) : new SideCounts(0, 1));
    }
    return b.build(column, true, 0);
  }

  static List<Cell> rows(DriftColumn column, long seed) {
    Random r = new Random(seed);
    List<Cell> out = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      int side = i < 1600 ? 0 : 1;
      Object v;
      if (r.nextDouble() < 0.04) {
        v = null;
      } else if (column.kind() == DriftColumn.Kind.NUMERIC) {
        v = Math.round((r.nextGaussian() + side * 0.4) * 20) / 20.0 + 0.0; // ties; no -0.0
      } else {
        v = "c" + r.nextInt(side == 0 ? 6 : 8);
      }
      out.add(new Cell(side, v));
    }
    return out;
  }

  static void assertSameState(ColumnCounts a, ColumnCounts b) {
    assertEquals(a.rowsReference(), b.rowsReference());
    assertEquals(a.rowsCurrent(), b.rowsCurrent());
    assertEquals(a.nullsReference(), b.nullsReference());
    assertEquals(a.nullsCurrent(), b.nullsCurrent());
    assertArrayEquals(a.values(), b.values());
    assertArrayEquals(a.categories(), b.categories());
    assertArrayEquals(a.reference(), b.reference());
    assertArrayEquals(a.current(), b.current());
  }

  @Test
  void anySplitMergedInAnyOrderOrTreeGivesTheSameStateAndMetrics() {
    for (DriftColumn column : List.of(X, K)) {
      List<Cell> all = rows(column, 5);
      ColumnCounts whole = state(column, all);
      List<MetricResult> expected = ColumnDrift.metrics(whole, 10, null);
      Random r = new Random(9);
      for (int parts : new int[] {1, 2, 3, 7, 16}) {
        // a random split, some parts possibly empty
        List<List<Cell>> split = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
          split.add(new ArrayList<>());
        }
        for (Cell c : all) {
          split.get(r.nextInt(parts)).add(c);
        }
        List<ColumnCounts> states = new ArrayList<>();
        split.forEach(s -> states.add(state(column, s)));
        // left fold in a shuffled order
        Collections.shuffle(states, r);
        ColumnCounts left = state(column, List.of()); // identity
        for (ColumnCounts s : states) {
          left = left.merge(s);
        }
        // right fold and a balanced tree
        ColumnCounts right = state(column, List.of());
        for (int i = states.size() - 1; i >= 0; i--) {
          right = states.get(i).merge(right);
        }
        ColumnCounts tree = tree(states, 0, states.size(), column);
        for (ColumnCounts merged : List.of(left, right, tree)) {
          assertSameState(whole, merged);
          assertEquals(expected, ColumnDrift.metrics(merged, 10, null), column + " in " + parts);
          assertEquals(ColumnDrift.histogram(whole, 10), ColumnDrift.histogram(merged, 10));
        }
      }
    }
  }

  private static ColumnCounts tree(List<ColumnCounts> s, int from, int to, DriftColumn column) {
    if (to - from == 0) {
      return state(column, List.of());
    }
    if (to - from == 1) {
      return s.get(from);
    }
    int mid = (from + to) / 2;
    return tree(s, from, mid, column).merge(tree(s, mid, to, column));
  }

  @Test
  void statesOfDifferentColumnsDoNotMerge() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            state(X, List.of())
                .merge(
                    state(new DriftColumn("y", "feature", DriftColumn.Kind.NUMERIC), List.of())));
  }

  /** The same data in 1, 4 and 9 partitions, and shuffled: identical metrics, bit for bit. */
  @Test
  void repartitionedAndReorderedInputGivesIdenticalMetrics() {
    Object[][] ref = DriftAnalysisTest.synthetic(21, 1500, false);
    Object[][] cur = DriftAnalysisTest.synthetic(22, 1200, true);
    Dataset<Row> r = DriftAnalysisTest.frame(ref, DriftAnalysisTest.SYNTH);
    Dataset<Row> c = DriftAnalysisTest.frame(cur, DriftAnalysisTest.SYNTH);
    List<DriftColumn> columns =
        List.of(
            X,
            new DriftColumn("raw", "feature", DriftColumn.Kind.NUMERIC),
            new DriftColumn("cat", "feature", DriftColumn.Kind.CATEGORICAL));
    // max_distinct 500 puts raw on the grid, so the grid path is covered too
    DriftOptions options = new DriftOptions(10, 500, Map.of());
    List<MetricResult> base =
        DriftAnalysis.run(new DriftInput(r.coalesce(1), c.coalesce(1), columns, options, List.of()))
            .metrics();
    for (int n : new int[] {4, 9}) {
      List<MetricResult> other =
          DriftAnalysis.run(
                  new DriftInput(
                      r.repartition(n).orderBy(functions.rand(n)),
                      c.repartition(n + 1),
                      columns,
                      options,
                      List.of()))
              .metrics();
      assertEquals(base, other, n + " partitions");
    }
  }
}
