package dev.assay.metrics.fairness;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the multi-class fairness analysis ({@code fairness.task: multiclass}) runs on, with the
 * columns already checked against the schema.
 *
 * @param label the label column: one class per row
 * @param prediction the prediction column: the predicted class
 * @param slices the sensitive attributes and intersections
 * @param at where the spec names the label and the prediction, for messages
 * @param groups which groups are compared (too small ones are left out of differences and ratios)
 * @param confidence the level of the Wilson, Newcombe and Katz intervals
 */
public record MulticlassInput(
    Dataset<Row> data,
    String label,
    String prediction,
    List<Slice> slices,
    SpecPlaces at,
    GroupOptions groups,
    double confidence) {

  public MulticlassInput {
    slices = List.copyOf(slices);
  }

  /**
   * Where the data and the spec's column keys are, for messages.
   *
   * @param source the data's location
   * @param label the spec's {@code file:line} of {@code columns.label}
   * @param prediction the spec's {@code file:line} of {@code columns.prediction}
   */
  public record SpecPlaces(String source, String label, String prediction) {}
}
