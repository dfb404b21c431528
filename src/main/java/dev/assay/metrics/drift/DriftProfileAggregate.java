package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import dev.assay.spark.AggregateState;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Builds the {@link DriftProfile} of the tagged union of both data sets with built-in aggregates:
 * {@code count_if} per side, {@code approx_count_distinct} (relative standard deviation 5 %) per
 * compared column and segment attribute, {@code min} and {@code max} per numeric column.
 *
 * @param side the side tag (0 reference, 1 current)
 * @param values the compared columns' values, in the order of {@code kinds}
 * @param kinds each compared column's kind
 * @param segments the segment attributes' values as strings
 */
public record DriftProfileAggregate(
    Column side, List<Column> values, List<DriftColumn.Kind> kinds, List<Column> segments)
    implements AggregateState<DriftProfile> {

  /** The relative standard deviation of the distinct-value estimates. */
  static final double DISTINCT_RSD = 0.05;

  public DriftProfileAggregate {
    values = List.copyOf(values);
    kinds = List.copyOf(kinds);
    segments = List.copyOf(segments);
  }

  @Override
  public List<Column> aggregates() {
    List<Column> out = new ArrayList<>();
    out.add(count_if(side.equalTo(0)));
    out.add(count_if(side.equalTo(1)));
    values.forEach(v -> out.add(approx_count_distinct(v, DISTINCT_RSD)));
    for (int i = 0; i < values.size(); i++) {
      boolean numeric = kinds.get(i) == DriftColumn.Kind.NUMERIC;
      out.add(numeric ? min(values.get(i)) : lit(null).cast("double"));
      out.add(numeric ? max(values.get(i)) : lit(null).cast("double"));
    }
    segments.forEach(s -> out.add(approx_count_distinct(s, DISTINCT_RSD)));
    return out;
  }

  @Override
  public DriftProfile read(Row row, int offset) {
    int n = values.size();
    List<Long> distinct = new ArrayList<>(n);
    List<Double> low = new ArrayList<>(n);
    List<Double> high = new ArrayList<>(n);
    List<Long> groups = new ArrayList<>(segments.size());
    for (int i = 0; i < n; i++) {
      distinct.add(row.getLong(offset + 2 + i));
      int at = offset + 2 + n + 2 * i;
      low.add(row.isNullAt(at) ? Double.POSITIVE_INFINITY : row.getDouble(at));
      high.add(row.isNullAt(at + 1) ? Double.NEGATIVE_INFINITY : row.getDouble(at + 1));
    }
    for (int j = 0; j < segments.size(); j++) {
      groups.add(row.getLong(offset + 2 + 3 * n + j));
    }
    return new DriftProfile(
        row.getLong(offset), row.getLong(offset + 1), distinct, low, high, groups);
  }

  @Override
  public DriftProfile merge(DriftProfile a, DriftProfile b) {
    return a.merge(b);
  }
}
