package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

class SinglePassRunnerTest {

  /** Sum of x per group: the simplest mergeable state. */
  record SumOfX() implements AggregateState<Long> {
    @Override
    public List<Column> aggregates() {
      return List.of(functions.sum(functions.col("x")));
    }

    @Override
    public Long read(Row row, int offset) {
      return row.getLong(offset);
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** ids 0..99: a = id % 2 as text, b = id % 5 as text, x = id. */
  static Dataset<Row> data() {
    return SharedSpark.get()
        .range(100)
        .selectExpr("cast(id % 2 as string) as a", "cast(id % 5 as string) as b", "id as x");
  }

  static Map<String, Long> sums(List<GroupedStates> out, String grouping) {
    Map<String, Long> m = new TreeMap<>();
    out.stream()
        .filter(g -> g.grouping().name().equals(grouping))
        .forEach(g -> m.put(String.join("|", g.key()), g.state(0)));
    return m;
  }

  @Test
  void eachGroupingIsRolledUpFromTheCellsExactly() {
    List<GroupedStates> out =
        SinglePassRunner.run(
            data(),
            List.of(
                new Grouping("a", List.of("a")),
                new Grouping("b", List.of("b")),
                new Grouping("a&b", List.of("a", "b")),
                Grouping.whole("all")),
            List.of(new SumOfX()),
            100);
    // Even ids 0..98 sum to 2450, odd 1..99 to 2500; all to 4950.
    assertEquals(Map.of("0", 2450L, "1", 2500L), sums(out, "a"));
    // b = 0: 0+5+...+95 = 950; each next residue adds 20.
    assertEquals(Map.of("0", 950L, "1", 970L, "2", 990L, "3", 1010L, "4", 1030L), sums(out, "b"));
    assertEquals(10, sums(out, "a&b").size());
    // a=0 and b=0: ids 0, 10, ..., 90 -> 450.
    assertEquals(450L, sums(out, "a&b").get("0|0"));
    assertEquals(Map.of("", 4950L), sums(out, "all"));
  }

  @Test
  void tooManyCellsIsABadInputNamingTheColumns() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                SinglePassRunner.run(
                    data(),
                    List.of(new Grouping("a&b", List.of("a", "b"))),
                    List.of(new SumOfX()),
                    9));
    assertTrue(e.getMessage().contains("[a, b]") && e.getMessage().contains("10"), e.getMessage());
  }

  @Test
  void emptyDataGivesNoGroupsAtAll() {
    Dataset<Row> empty = data().where("x < 0");
    assertEquals(
        List.of(),
        SinglePassRunner.run(
            empty,
            List.of(new Grouping("a", List.of("a")), Grouping.whole("all")),
            List.of(new SumOfX()),
            10));
    assertEquals(
        List.of(),
        SinglePassRunner.run(empty, List.of(Grouping.whole("all")), List.of(new SumOfX()), 10));
  }

  @Test
  void aNumericKeyColumnComesBackAsItsDecimalText() {
    // k = id % 3 as a long: k = 0 holds 0+3+...+99 = 1683, k = 1 holds 1+4+...+97 = 1617, k = 2
    // 1650.
    Dataset<Row> data = data().withColumn("k", functions.col("x").mod(3));
    List<GroupedStates> out =
        SinglePassRunner.run(
            data,
            List.of(new Grouping("a&k", List.of("a", "k")), new Grouping("k", List.of("k"))),
            List.of(new SumOfX()),
            100);
    assertEquals(Map.of("0", 1683L, "1", 1617L, "2", 1650L), sums(out, "k"));
    // a = 0 and k = 0: ids 0, 6, ..., 96 -> 6 · (0 + 1 + ... + 16) = 816.
    assertEquals(816L, sums(out, "a&k").get("0|0"));
  }
}
