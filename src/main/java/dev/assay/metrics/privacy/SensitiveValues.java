package dev.assay.metrics.privacy;

import dev.assay.core.Mergeable;
import dev.assay.spark.AggregateState;
import dev.assay.spark.Columns;
import dev.assay.spark.MergeableAggregate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The sensitive attribute's value counts over the whole data set — the distribution q that
 * t-closeness compares each class with — or only the number of records when there are more than
 * {@code limit} distinct values (then t-closeness is undefined). Merging adds the counts of equal
 * values and overflows once the union has more than {@code limit} values; overflow is monotone, so
 * merging is associative and commutative with {@link #empty} as identity.
 *
 * @param records the records counted
 * @param counts value → records, in value order; null once over the limit
 * @param limit the most distinct values kept
 */
public record SensitiveValues(long records, SortedMap<String, Long> counts, int limit)
    implements Mergeable<SensitiveValues> {

  public SensitiveValues {
    counts = counts == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(counts));
  }

  /** No records. */
  public static SensitiveValues empty(int limit) {
    return new SensitiveValues(0, new TreeMap<>(), limit);
  }

  /** Whether the distribution is known (at most {@code limit} values, and at least one). */
  public boolean known() {
    return counts != null && !counts.isEmpty();
  }

  /** The union of the records behind both states. */
  public SensitiveValues merge(SensitiveValues o) {
    if (counts == null || o.counts == null) {
      return new SensitiveValues(records + o.records, null, limit);
    }
    TreeMap<String, Long> union = new TreeMap<>(counts);
    o.counts.forEach((value, n) -> union.merge(value, n, Long::sum));
    return new SensitiveValues(records + o.records, union.size() > limit ? null : union, limit);
  }

  /** The values, in value order (only when {@link #known}). */
  public String[] values() {
    return counts.keySet().toArray(new String[0]);
  }

  /** Each value's share of the records, in the order of {@link #values}. */
  public double[] shares() {
    return counts.values().stream().mapToDouble(n -> (double) n / records).toArray();
  }

  /**
   * The aggregate over the data grouped by the sensitive value (one row per value, its count in
   * {@code count}): the number of values, the records, and the first {@code limit} (value, count)
   * pairs — a bounded {@code slice(collect_list(...))} over values, never over rows.
   */
  static AggregateState<SensitiveValues> over(String value, String count, int limit) {
    return new Aggregate(value, count, limit);
  }

  private record Aggregate(String value, String count, int limit)
      implements MergeableAggregate<SensitiveValues> {

    @Override
    public List<Column> aggregates() {
      return List.of(
          functions.count(functions.lit(1)),
          functions.sum(count),
          functions.slice(
              functions.collect_list(functions.struct(Columns.named(value), Columns.named(count))),
              1,
              limit));
    }

    @Override
    public SensitiveValues read(Row row, int offset) {
      if (row.getLong(offset) > limit) {
        return new SensitiveValues(row.getLong(offset + 1), null, limit);
      }
      TreeMap<String, Long> counts = new TreeMap<>();
      for (Row pair : row.<Row>getList(offset + 2)) {
        counts.put(pair.getString(0), pair.getLong(1));
      }
      return new SensitiveValues(
          row.isNullAt(offset + 1) ? 0 : row.getLong(offset + 1), counts, limit);
    }
  }
}
