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
 * @param minGroupSize groups smaller than this are flagged and left out of differences and ratios
 * @param confidence the level of the Wilson, Newcombe and Katz intervals
 * @param source the data's location, for messages
 * @param labelAt the spec's {@code file:line} of {@code columns.label}, for messages
 * @param predictionAt the spec's {@code file:line} of {@code columns.prediction}, for messages
 * @param maxGroups the most groups an attribute or intersection may have ({@code fairness.max_groups})
 */
public record MulticlassInput(Dataset<Row> data, String label, String prediction, List<Slice> slices,
                              int minGroupSize, double confidence, String source, String labelAt,
                              String predictionAt, int maxGroups) {

  public MulticlassInput {
    slices = List.copyOf(slices);
  }

  /** An input with the default {@code fairness.max_groups}. */
  public MulticlassInput(Dataset<Row> data, String label, String prediction, List<Slice> slices,
                         int minGroupSize, double confidence, String source, String labelAt,
                         String predictionAt) {
    this(data, label, prediction, slices, minGroupSize, confidence, source, labelAt, predictionAt,
        dev.assay.spec.FairnessOptions.DEFAULT_MAX_GROUPS);
  }
}
