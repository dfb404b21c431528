package dev.assay.core;

/**
 * Whether a metric family ran. A family that could not run (its columns are absent) is reported
 * with the reason, never silently dropped.
 */
public record FamilyOutcome(Family family, boolean applicable, String reason) {

  public static FamilyOutcome ran(Family family, String summary) {
    return new FamilyOutcome(family, true, summary);
  }

  public static FamilyOutcome notApplicable(Family family, String reason) {
    return new FamilyOutcome(family, false, reason);
  }
}
