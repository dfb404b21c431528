package dev.assay.metrics.fairness;

import dev.assay.spark.MergeableAggregate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Builds a {@link ConfusionState} per group with built-in aggregates only ({@code count}, {@code
 * count_if}, {@code sum}, {@code min}, {@code max}): no UDF, so the same plan runs on CPU or GPU
 * executors.
 *
 * @param label the label as 1/0 (or a null literal when the audit has no label)
 * @param prediction the prediction as 1/0 (or a null literal when there is none)
 * @param score the score as a double (or a null literal when there is none)
 */
public record ConfusionAggregate(Column label, Column prediction, Column score)
    implements MergeableAggregate<ConfusionState> {

  @Override
  public List<Column> aggregates() {
    return List.of(
        functions.count(functions.lit(1)),
        functions.count_if(prediction.equalTo(1)),
        functions.count_if(label.equalTo(1)),
        functions.count_if(label.equalTo(1).and(prediction.equalTo(1))),
        functions.coalesce(functions.sum(score), functions.lit(0.0)),
        functions.count(score),
        functions.coalesce(functions.sum(score.multiply(score)), functions.lit(0.0)),
        functions.coalesce(
            functions.sum(functions.when(label.equalTo(1), score)), functions.lit(0.0)),
        functions.min(score),
        functions.max(score));
  }

  @Override
  public ConfusionState read(Row row, int offset) {
    return new ConfusionState(
        row.getLong(offset),
        row.getLong(offset + 1),
        row.getLong(offset + 2),
        row.getLong(offset + 3),
        row.getDouble(offset + 4),
        row.getLong(offset + 5),
        row.getDouble(offset + 6),
        row.getDouble(offset + 7),
        row.isNullAt(offset + 8) ? Double.POSITIVE_INFINITY : row.getDouble(offset + 8),
        row.isNullAt(offset + 9) ? Double.NEGATIVE_INFINITY : row.getDouble(offset + 9));
  }
}
