package dev.assay.metrics.fairness;

import dev.assay.spark.MergeableAggregate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Builds a {@link RegressionState} per group with built-in aggregates only ({@code count}, {@code
 * count_if}, {@code sum}; no UDF). Sums run over the rows whose label and prediction are both
 * present and not NaN; the others are counted so the analysis can reject them.
 *
 * @param label the label as a double
 * @param prediction the prediction as a double
 */
public record RegressionAggregate(Column label, Column prediction)
    implements MergeableAggregate<RegressionState> {

  @Override
  public List<Column> aggregates() {
    Column usable =
        label
            .isNotNull()
            .and(prediction.isNotNull())
            .and(functions.not(functions.isnan(label)))
            .and(functions.not(functions.isnan(prediction)));
    Column error = prediction.minus(label);
    return List.of(
        functions.count(functions.lit(1)),
        functions.count_if(functions.not(usable)),
        sum(functions.when(usable, prediction)),
        sum(functions.when(usable, label)),
        sum(functions.when(usable, functions.abs(error))),
        sum(functions.when(usable, error.multiply(error))),
        sum(functions.when(usable, prediction.multiply(prediction))),
        sum(functions.when(usable, label.multiply(label))));
  }

  private static Column sum(Column c) {
    return functions.coalesce(functions.sum(c), functions.lit(0.0));
  }

  @Override
  public RegressionState read(Row row, int offset) {
    return new RegressionState(
        row.getLong(offset),
        row.getLong(offset + 1),
        row.getDouble(offset + 2),
        row.getDouble(offset + 3),
        row.getDouble(offset + 4),
        row.getDouble(offset + 5),
        row.getDouble(offset + 6),
        row.getDouble(offset + 7));
  }
}
