package dev.assay.spark;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The one rule for numbers read from the data: NaN, +Infinity and -Infinity count as missing,
 * exactly like null, in every family (fairness score, label and prediction, regression targets,
 * drift columns, the privacy membership score, the llm usage columns). Left in, one such value
 * turns a sum or mean into NaN (an internal error) or silently moves a percentile; as missing, each
 * family applies its own rule for empty values (left out of the metric, or exit 2 where a value is
 * required), and the run notes say how many there were ({@link #note}).
 *
 * <p>The test is {@code x − x = 0}, true only for a finite x (NaN − NaN and ∞ − ∞ are NaN), so it
 * is one built-in expression that Spark evaluates in the same pass as the metrics.
 */
public final class FiniteNumbers {

  private FiniteNumbers() {}

  /** {@code raw} as a double; null where it is null, NaN or ±Infinity. */
  public static Column of(Column raw) {
    Column d = raw.cast("double");
    return functions.when(d.minus(d).equalTo(0), d);
  }

  /** True where {@code raw} is NaN or ±Infinity, false elsewhere (also for null). */
  public static Column isNonFinite(Column raw) {
    Column d = raw.cast("double");
    return functions.coalesce(d.minus(d).notEqual(0), functions.lit(false));
  }

  /** The count of NaN and ±Infinity values of {@code raw}, as an aggregate expression. */
  public static Column countNonFinite(Column raw) {
    return functions.count_if(isNonFinite(raw));
  }

  /**
   * The run note for {@code count} non-finite values (null when there are none): which column, how
   * many, and that they counted as missing.
   *
   * @param family the family's id, as notes start ({@code fairness}, {@code llm} ...)
   * @param role what the column is for ({@code score}, {@code latency_ms} ...)
   */
  public static String note(String family, String role, String column, long count) {
    if (count == 0) {
      return null;
    }
    return family
        + ": "
        + role
        + " column '"
        + column
        + "' holds NaN or ±Infinity on "
        + count
        + (count == 1 ? " row" : " rows")
        + "; they count as missing values (like null).";
  }

  /** Counts the non-finite values of one column inside a {@link SinglePassRunner} pass. */
  public record Count(Column raw) implements AggregateState<Long> {

    @Override
    public List<Column> aggregates() {
      return List.of(countNonFinite(raw));
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
}
