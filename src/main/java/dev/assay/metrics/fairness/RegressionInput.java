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
 * @param source the data's location, for messages
 * @param groups which groups are compared (too small ones are left out of the differences) and
 *     against which ({@code *_vs_ref})
 * @param confidence the level of the t intervals, in (0, 1)
 */
public record RegressionInput(
    Dataset<Row> data,
    String label,
    String prediction,
    List<Slice> slices,
    String source,
    GroupOptions groups,
    double confidence) {

  public RegressionInput {
    slices = List.copyOf(slices);
  }

  /** An input with 95 % intervals, no reference groups and the default group limit. */
  public static RegressionInput of(
      Dataset<Row> data,
      String label,
      String prediction,
      List<Slice> slices,
      int minGroupSize,
      String source) {
    return new RegressionInput(
        data, label, prediction, slices, source, GroupOptions.minSize(minGroupSize), 0.95);
  }
}
