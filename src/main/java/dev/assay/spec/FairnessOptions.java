package dev.assay.spec;

import java.util.Map;

/**
 * Fairness options: groups smaller than {@code minGroupSize} are flagged as insufficient data;
 * {@code confidence} is the level of intervals; {@code bootstrap} replicates (0 = none; not yet
 * used); groups under {@code excludeBelowShare} of the rows are left out of impact ratios (null =
 * keep them; NYC LL 144 allows 0.02); {@code referenceGroup} names, per attribute or intersection,
 * the group that {@code *_vs_ref} metrics compare against.
 */
public record FairnessOptions(int minGroupSize, int bootstrap, double confidence,
                              Double excludeBelowShare, Map<String, String> referenceGroup) {

  public static final FairnessOptions DEFAULTS = new FairnessOptions(30, 0, 0.95, null, Map.of());

  public FairnessOptions {
    referenceGroup = Map.copyOf(referenceGroup);
  }

  public FairnessOptions(int minGroupSize, int bootstrap, double confidence) {
    this(minGroupSize, bootstrap, confidence, null, Map.of());
  }
}
