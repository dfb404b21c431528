package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import dev.assay.spark.MergeableAggregate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Builds the {@link DriftProfile} of the tagged union of both data sets with built-in aggregates:
 * the rows of the reference ({@code count_if}) and of both (the current's are the difference),
 * {@code approx_count_distinct} (relative standard deviation 5 %) per compared column and segment
 * attribute, {@code min} and {@code max} per numeric column (of the elements of an embedding
 * column), {@code count} of non-null values per column, the summed word count of each string column
 * that may be text ({@link TextDescriptors#words}), and the smallest and largest vector length of
 * each embedding column.
 *
 * @param side the side tag (0 reference, 1 current)
 * @param values the compared columns' values, in the order of {@code columns}
 * @param columns the compared columns
 * @param segments the segment attributes' values as strings
 */
public record DriftProfileAggregate(
    Column side, List<Column> values, List<DriftColumn> columns, List<Column> segments)
    implements MergeableAggregate<DriftProfile> {

  /** The relative standard deviation of the distinct-value estimates. */
  static final double DISTINCT_RSD = 0.05;

  public DriftProfileAggregate {
    values = List.copyOf(values);
    columns = List.copyOf(columns);
    segments = List.copyOf(segments);
  }

  @Override
  public List<Column> aggregates() {
    List<Column> out = new ArrayList<>();
    out.add(count_if(side.equalTo(0)));
    // every row has a side: the current rows are all rows less the reference's, and count(1) is
    // the runner's row count already, so Spark computes it once
    out.add(count(lit(1)));
    for (int i = 0; i < values.size(); i++) {
      out.add(embedding(i) ? lit(0L) : approx_count_distinct(values.get(i), DISTINCT_RSD));
    }
    for (int i = 0; i < values.size(); i++) {
      Column v = values.get(i);
      boolean numeric = columns.get(i).kind() == DriftColumn.Kind.NUMERIC;
      out.add(numeric ? min(v) : embedding(i) ? min(array_min(v)) : lit(null).cast("double"));
      out.add(numeric ? max(v) : embedding(i) ? max(array_max(v)) : lit(null).cast("double"));
    }
    segments.forEach(s -> out.add(approx_count_distinct(s, DISTINCT_RSD)));
    for (int i = 0; i < values.size(); i++) {
      Column v = values.get(i);
      DriftColumn c = columns.get(i);
      boolean text = c.textCandidate() || c.kind() == DriftColumn.Kind.TEXT;
      out.add(count(v));
      out.add(text ? sum(TextDescriptors.words(v)) : lit(0L));
      out.add(embedding(i) ? min(size(v)) : lit(null).cast("int"));
      out.add(embedding(i) ? max(size(v)) : lit(null).cast("int"));
    }
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
    List<Long> nonNull = new ArrayList<>(n);
    List<Long> words = new ArrayList<>(n);
    List<Long> minSize = new ArrayList<>(n);
    List<Long> maxSize = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = offset + 2 + 3 * n + segments.size() + 4 * i;
      nonNull.add(row.getLong(at));
      words.add(row.isNullAt(at + 1) ? 0L : row.getLong(at + 1));
      minSize.add(row.isNullAt(at + 2) ? Long.MAX_VALUE : row.getInt(at + 2));
      maxSize.add(row.isNullAt(at + 3) ? 0L : row.getInt(at + 3));
    }
    return new DriftProfile(
        row.getLong(offset),
        row.getLong(offset + 1) - row.getLong(offset),
        distinct,
        low,
        high,
        groups,
        nonNull,
        words,
        minSize,
        maxSize);
  }

  private boolean embedding(int i) {
    return columns.get(i).kind() == DriftColumn.Kind.EMBEDDING;
  }
}
