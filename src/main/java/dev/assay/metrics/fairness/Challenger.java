package dev.assay.metrics.fairness;

import dev.assay.spark.BinaryColumn;

/**
 * A challenger model of a champion/challenger audit: its columns, checked against the schema
 * ({@link FairnessPlan#challengers}). The label, the slices and every option are the champion's.
 *
 * @param name its name in the spec's {@code models:}
 * @param prediction its prediction column, or null when derived as score >= threshold
 * @param score its score column, or null
 * @param threshold the threshold when {@code prediction} is null, else null
 */
public record Challenger(String name, BinaryColumn prediction, String score, Double threshold) {

  /** The fairness input of this model: {@code champion}'s with this model's columns. */
  FairnessInput input(FairnessInput champion) {
    FairnessInput.Outcomes c = champion.outcomes();
    return new FairnessInput(
        champion.data(),
        new FairnessInput.Outcomes(
            c.label(), prediction, score, threshold, c.favourableIsPositive(), null),
        champion.slices(),
        champion.groups(),
        champion.inference().withBootstrap(FairnessInput.Bootstrap.NONE),
        new FairnessInput.Extras(
            champion.extras().topK(),
            champion.extras().topKBy(),
            null,
            champion.extras().scoreMetrics(),
            champion.extras().scoreKey()));
  }
}
