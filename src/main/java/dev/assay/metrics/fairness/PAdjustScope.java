package dev.assay.metrics.fairness;

/**
 * Which p-values form one family for {@code fairness.p_adjust} (spec key {@code
 * fairness.p_adjust_scope}): {@link #ATTRIBUTE} (the default) adjusts each sensitive attribute's or
 * intersection's p-values together (its groups × metrics); {@link #AUDIT} adjusts every p-value of
 * the fairness family together, across all attributes and intersections — the stricter choice when
 * one audit's conclusion rests on all of them (Holm controls the family-wise error over the whole
 * audit; Benjamini–Hochberg its false discovery rate).
 */
public enum PAdjustScope {
  /** One family per attribute or intersection. */
  ATTRIBUTE("attribute"),
  /** One family for the whole audit. */
  AUDIT("audit");

  private final String id;

  PAdjustScope(String id) {
    this.id = id;
  }

  /** The spec value. */
  public String id() {
    return id;
  }

  /** The scope named {@code id} ({@code attribute} or {@code audit}). */
  public static PAdjustScope of(String id) {
    for (PAdjustScope s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown p_adjust_scope " + id);
  }
}
