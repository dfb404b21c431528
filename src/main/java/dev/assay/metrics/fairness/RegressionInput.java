package dev.assay.metrics.fairness;

import java.util.List;
import java.util.Map;
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
 * @param confidence the level of the t intervals, in (0, 1)
 * @param referenceGroups per attribute (or intersection name), the group that {@code *_vs_ref}
 *     metrics compare against
 * @param maxGroups the most groups an attribute or intersection may have ({@code fairness.max_groups})
 */
public record RegressionInput(Dataset<Row> data, String label, String prediction, List<Slice> slices,
                              int minGroupSize, String source, double confidence,
                              Map<String, String> referenceGroups, int maxGroups) {

  public RegressionInput {
    slices = List.copyOf(slices);
    referenceGroups = Map.copyOf(referenceGroups);
  }

  /** An input with the default {@code fairness.max_groups}. */
  public RegressionInput(Dataset<Row> data, String label, String prediction, List<Slice> slices,
                         int minGroupSize, String source, double confidence,
                         Map<String, String> referenceGroups) {
    this(data, label, prediction, slices, minGroupSize, source, confidence, referenceGroups,
        dev.assay.spec.FairnessOptions.DEFAULT_MAX_GROUPS);
  }

  /** An input with 95 % intervals and no reference groups. */
  public RegressionInput(Dataset<Row> data, String label, String prediction, List<Slice> slices,
                         int minGroupSize, String source) {
    this(data, label, prediction, slices, minGroupSize, source, 0.95, Map.of());
  }
}
