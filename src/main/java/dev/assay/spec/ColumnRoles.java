package dev.assay.spec;

import java.util.List;

/**
 * The checked column roles of an audit. {@code prediction} may be null when it is derived as {@code
 * score >= threshold}; {@code positive} and {@code favourable} are the label/prediction values (as
 * text) that count as positive and as favourable to the person.
 */
public record ColumnRoles(
    String label,
    String prediction,
    String score,
    Double threshold,
    String positive,
    String favourable,
    List<String> sensitive,
    List<List<String>> intersections,
    List<String> features) {

  public ColumnRoles {
    sensitive = List.copyOf(sensitive);
    intersections = intersections.stream().map(List::copyOf).toList();
    features = List.copyOf(features);
  }

  /** True when the favourable prediction is the positive one (the default). */
  public boolean favourableIsPositive() {
    return favourable.equals(positive);
  }

  /** True when a prediction exists, given or derived from the score. */
  public boolean hasPrediction() {
    return prediction != null || (score != null && threshold != null);
  }
}
