package dev.assay.metrics.fairness;

import dev.assay.spark.BinaryColumn;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the fairness family runs on, with every column already checked against the schema.
 *
 * @param label the label, or null when the audit has none (outcome metrics are then skipped)
 * @param prediction the prediction column, or null when it is derived from score and threshold
 * @param score the score column, or null
 * @param threshold prediction := score >= threshold when {@code prediction} is null; may be null
 * @param favourableIsPositive whether the favourable prediction is the positive one
 * @param minGroupSize groups smaller than this are flagged and left out of differences and ratios
 */
public record FairnessInput(Dataset<Row> data, BinaryColumn label, BinaryColumn prediction,
                            String score, Double threshold, List<Slice> slices,
                            boolean favourableIsPositive, int minGroupSize) {

  public FairnessInput {
    slices = List.copyOf(slices);
  }

  public boolean hasPrediction() {
    return prediction != null || (score != null && threshold != null);
  }
}
