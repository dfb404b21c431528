package dev.assay.metrics.fairness;

/**
 * Holm's step-down adjustment of m p-values for the family-wise error rate (Holm, "A simple
 * sequentially rejective multiple test procedure", Scandinavian Journal of Statistics 6:65–70,
 * 1979), as statsmodels' {@code multipletests(method="holm")}: with the p-values sorted ascending,
 * p'(i) = max over j ≤ i of min(1, (m − j + 1) · p(j)). Rejecting where p' ≤ α controls the chance
 * of any false finding among the m comparisons at α.
 */
public final class HolmCorrection {

  private HolmCorrection() {}

  /** The adjusted p-values, in the order of {@code p}. */
  public static double[] adjust(double[] p) {
    int m = p.length;
    Integer[] order = PAdjust.ascending(p);
    double[] out = new double[m];
    double running = 0.0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
      out[i] = running;
    }
    return out;
  }
}
