package dev.assay.spark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs every aggregate state of one dataset over several groupings in a single Spark job, with
 * {@code GROUP BY GROUPING SETS}: each output row is tagged with {@code grouping_id()}, so it is
 * known which grouping (attribute, intersection or whole data set) it belongs to. Only the
 * aggregated rows (one per group) come back to the driver, never data rows.
 *
 * <p>Grouping columns must be strings without nulls (callers map null to an explicit
 * "missing" group), so a null in an output key always means "not part of this grouping".
 */
public final class SinglePassRunner {

  private static final String GROUPING_ID = "__assay_grouping_id";

  private SinglePassRunner() {
  }

  /**
   * Aggregates {@code states} over each of {@code groupings} in one job.
   *
   * @param data the dataset, with every grouping column present as a non-null string
   * @param maxRows a bound on the number of output rows (groups); more is an error, since the
   *     state must stay small on the driver
   */
  public static List<GroupedStates> run(Dataset<Row> data, List<Grouping> groupings,
                                        List<? extends AggregateState<?>> states, long maxRows) {
    List<String> allColumns = new ArrayList<>(groupings.stream()
        .flatMap(g -> g.columns().stream())
        .collect(Collectors.toCollection(LinkedHashSet::new)));
    List<Column> aggregates = new ArrayList<>();
    int[] widths = new int[states.size()];
    for (int i = 0; i < states.size(); i++) {
      List<Column> own = states.get(i).aggregates();
      widths[i] = own.size();
      aggregates.addAll(own);
    }
    aggregates.add(functions.grouping_id().alias(GROUPING_ID));

    List<scala.collection.immutable.Seq<Column>> sets = new ArrayList<>();
    for (Grouping g : groupings) {
      sets.add(seq(g.columns().stream().map(functions::col).toList()));
    }
    List<Column> groupColumns = allColumns.stream().map(functions::col).toList();
    Dataset<Row> result = data.groupingSets(seq(sets), seq(groupColumns))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));

    // Aggregated rows only: one per group. (No limit(): CollectLimit may run several jobs.)
    List<Row> rows = result.collectAsList();
    if (rows.size() > maxRows) {
      throw new dev.assay.core.BadInputException("the groupings " + groupings.stream()
          .map(Grouping::name).toList() + " give more than " + maxRows + " groups; a sensitive"
          + " attribute with that many values is probably an identifier. Remove it from"
          + " columns.sensitive, or bucket it first.");
    }
    Map<Long, Grouping> byId = groupings.stream().collect(Collectors.toMap(
        g -> groupingId(g, allColumns), Function.identity(), (a, b) -> a));
    List<GroupedStates> out = new ArrayList<>();
    int idIndex = allColumns.size() + aggregates.size() - 1;
    for (Row row : rows) {
      long id = row.getLong(idIndex);
      Grouping grouping = byId.get(id);
      List<String> key = new ArrayList<>();
      for (String c : grouping.columns()) {
        key.add(row.getString(allColumns.indexOf(c)));
      }
      List<Object> read = new ArrayList<>();
      int offset = allColumns.size();
      // Widths computed once: building Columns per output row is slow (each captures a stack
      // trace), and the fairness score grouping sets return up to hundreds of thousands of rows.
      for (int i = 0; i < states.size(); i++) {
        read.add(states.get(i).read(row, offset));
        offset += widths[i];
      }
      out.add(new GroupedStates(grouping, key, read));
    }
    return out;
  }

  /** Spark's grouping_id: bit (n-1-i) is set when column i is NOT in the grouping set. */
  private static long groupingId(Grouping g, List<String> allColumns) {
    Set<String> in = Set.copyOf(g.columns());
    long id = 0;
    int n = allColumns.size();
    for (int i = 0; i < n; i++) {
      if (!in.contains(allColumns.get(i))) {
        id |= 1L << (n - 1 - i);
      }
    }
    return id;
  }

  private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return CollectionConverters.asScala(list).toList();
  }
}
