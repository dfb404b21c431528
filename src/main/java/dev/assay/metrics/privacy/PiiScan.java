package dev.assay.metrics.privacy;

import dev.assay.core.Family;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The PII scan: for every scanned column and every {@link PiiType}, the number of records whose
 * value holds at least one valid match, in ONE global aggregation ({@code count_if} of built-in
 * expressions, checksums included): one Spark job, one row to the driver, whatever the size of the
 * data. No matched value ever leaves the executors, so nothing found can reach a report or a log;
 * the report shows counts and rates only (no masked examples in this version).
 *
 * <p>{@code pii_<type>_count} = records with a match in the column (0..N, lower is safer);
 * {@code pii_<type>_rate} = that count ÷ N, the records of the data set (0..1; undefined on empty
 * data).
 */
public final class PiiScan {

  private PiiScan() {
  }

  /** The counts per column and type, read from one aggregated row. */
  public record Counts(long records, List<String> columns, long[][] found) {

    /** Records of {@code column} (by index) with a match of {@code type}. */
    public long count(int column, PiiType type) {
      return found[column][type.ordinal()];
    }
  }

  /** Counts the matches of every type in every column of {@code columns} in one job. */
  public static Counts count(Dataset<Row> data, List<String> columns) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(functions.count(functions.lit(1)));
    for (String c : columns) {
      for (PiiType t : PiiType.values()) {
        aggs.add(functions.count_if(t.found(functions.col(c).cast("string"))));
      }
    }
    Row r = data.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
        .collectAsList().get(0);
    long[][] found = new long[columns.size()][PiiType.values().length];
    int i = 1;
    for (int c = 0; c < columns.size(); c++) {
      for (PiiType t : PiiType.values()) {
        found[c][t.ordinal()] = r.getLong(i++);
      }
    }
    return new Counts(r.getLong(0), columns, found);
  }

  /** Runs the scan: a count and a rate per column and type. */
  public static List<MetricResult> run(Dataset<Row> data, List<String> columns) {
    Counts counts = count(data, columns);
    List<MetricResult> out = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      Scope scope = Scope.column(columns.get(c));
      for (PiiType t : PiiType.values()) {
        long n = counts.count(c, t);
        out.add(new MetricResult.Computed(new MetricKey(Family.PRIVACY, t.countMetric(), scope), n,
            counts.records(), null, null, null, null));
        MetricKey rate = new MetricKey(Family.PRIVACY, t.rateMetric(), scope);
        out.add(counts.records() == 0
            ? new MetricResult.Undefined(rate, 0L, t.rateMetric() + " is undefined: the data set has no rows")
            : new MetricResult.Computed(rate, (double) n / counts.records(), counts.records(), null,
                null, null, null));
      }
    }
    return out;
  }
}
