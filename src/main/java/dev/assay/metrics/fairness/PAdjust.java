package dev.assay.metrics.fairness;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * How the p-values of one family of comparisons (the groups of one attribute against the most
 * favoured group, or against the reference group, for one rate) are adjusted for multiplicity,
 * chosen with {@code fairness.p_adjust}: {@link #HOLM} (the default: family-wise error rate),
 * {@link #BH} (Benjamini–Hochberg: false discovery rate) or {@link #NONE} (raw p-values).
 */
public enum PAdjust {
  /** Holm's step-down adjustment ({@link HolmCorrection}); R {@code p.adjust(method = "holm")}. */
  HOLM("Holm-adjusted"),
  /** Benjamini–Hochberg step-up ({@link BenjaminiHochberg}); R {@code p.adjust(method = "BH")}. */
  BH("Benjamini-Hochberg-adjusted"),
  /** No adjustment: the raw p-values. */
  NONE("unadjusted");

  private final String description;

  PAdjust(String description) {
    this.description = description;
  }

  /** The adjustment named {@code id} ({@code holm}, {@code bh}, {@code none}). */
  public static PAdjust of(String id) {
    for (PAdjust p : values()) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown p_adjust " + id);
  }

  /**
   * The spec's name: the constant's name in lower case ({@code holm}, {@code bh}, {@code none}).
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "Holm-adjusted", "Benjamini-Hochberg-adjusted" or "unadjusted", for notes. */
  public String description() {
    return description;
  }

  /** The adjusted p-values, in the order of {@code p}. */
  public double[] adjust(double[] p) {
    return switch (this) {
      case HOLM -> HolmCorrection.adjust(p);
      case BH -> BenjaminiHochberg.adjust(p);
      case NONE -> p.clone();
    };
  }

  /** The indices of {@code p} from the smallest p-value to the largest (stable for ties). */
  static Integer[] ascending(double[] p) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    return order;
  }
}
