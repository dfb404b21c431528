package dev.assay.metrics.fairness;

import dev.assay.spark.MergeableAggregate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Builds a {@link MulticlassState} per cell with built-in aggregates only ({@code count}, {@code
 * count_if}; no UDF). The label and prediction classes are grouping keys of the cell, so a cell's
 * row count is one entry of its group's confusion matrix.
 *
 * @param label the raw label column (null rows are counted)
 * @param prediction the raw prediction column (null rows are counted)
 */
public record MulticlassAggregate(Column label, Column prediction)
    implements MergeableAggregate<MulticlassState> {

  @Override
  public List<Column> aggregates() {
    return List.of(
        functions.count(functions.lit(1)),
        functions.count_if(label.isNull()),
        functions.count_if(prediction.isNull()));
  }

  @Override
  public MulticlassState read(Row row, int offset) {
    return new MulticlassState(
        row.getLong(offset), row.getLong(offset + 1), row.getLong(offset + 2));
  }
}
