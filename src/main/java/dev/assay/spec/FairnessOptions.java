package dev.assay.spec;

/**
 * Fairness options: groups smaller than {@code minGroupSize} are flagged as insufficient data;
 * {@code confidence} is the level of intervals; {@code bootstrap} replicates (0 = none).
 */
public record FairnessOptions(int minGroupSize, int bootstrap, double confidence) {

  public static final FairnessOptions DEFAULTS = new FairnessOptions(30, 0, 0.95);
}
