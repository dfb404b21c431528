package dev.assay.metrics.fairness;

/**
 * The Benjamini–Hochberg step-up adjustment of m p-values for the false discovery rate (Benjamini
 * and Hochberg, "Controlling the false discovery rate", JRSS B 57:289–300, 1995), as R's {@code
 * p.adjust(p, method = "BH")} and statsmodels' {@code multipletests(method="fdr_bh")}: with the
 * p-values sorted ascending, p'(i) = min over j ≥ i of min(1, m · p(j) / j). Rejecting where p' ≤ q
 * keeps the expected share of false findings among the rejections at most q (for independent or
 * positively dependent tests). Range [0, 1]; never below the raw p-value; m = 0 gives an empty
 * array.
 */
public final class BenjaminiHochberg {

  private BenjaminiHochberg() {}

  /** The adjusted p-values, in the order of {@code p}. */
  public static double[] adjust(double[] p) {
    int m = p.length;
    Integer[] order = PAdjust.ascending(p);
    double[] out = new double[m];
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, Math.min(1.0, (double) m * p[i] / rank));
      out[i] = running;
    }
    return out;
  }
}
