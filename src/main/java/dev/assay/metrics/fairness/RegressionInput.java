package dev.assay.metrics.fairness;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the regression fairness analysis ({@code fairness.task: regression}) runs on, with both
 * columns already checked to be numeric.
 *
 * @param label the numeric label column
 * @param prediction the numeric prediction column
 * @param slices the sensitive attributes and intersections
 * @param minGroupSize groups smaller than this are flagged and left out of the differences
 * @param source the data's location, for messages
 */
public record RegressionInput(Dataset<Row> data, String label, String prediction, List<Slice> slices,
                              int minGroupSize, String source) {

  public RegressionInput {
    slices = List.copyOf(slices);
  }
}
