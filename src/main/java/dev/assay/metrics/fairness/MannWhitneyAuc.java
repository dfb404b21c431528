package dev.assay.metrics.fairness;

import java.util.Map;

/**
 * The ROC AUC of a group from its {@link ScoreHistogram}: the Mann–Whitney U statistic with average
 * ranks for ties, divided by P · N (Mann and Whitney 1947; Hanley and McNeil, Radiology 143:29–36,
 * 1982), i.e. the chance that a random positive scores above a random negative, ties counting one
 * half — scikit-learn's {@code roc_auc_score} for a binary label:
 *
 * <pre>
 *   AUC = Σ_k pos_k · (neg_{&lt;k} + neg_k / 2) / (P · N)
 * </pre>
 *
 * <p>Range [0, 1]; 0.5 is chance, 1 a perfect ranking, direction: higher is better. Undefined
 * (null) when the group has no positive or no negative label.
 *
 * <p><b>Error.</b> With the exact {@link ScoreKey} (the default) a key is one distinct score and
 * the result is exact (up to the rounding of the double sums, far below 1e-9). With the binned key,
 * floor(score · 10³) is a monotone map, so a positive–negative pair in different keys is ordered
 * exactly as by the raw scores; only pairs sharing a key are counted as ties. The result is then
 * exact when every score has at most three decimals (deciles, probabilities rounded to 1e-3), and
 * otherwise off by at most {@link #tieBound} = ½ · Σ_k pos_k · neg_k / (P · N) (the share of
 * key-tied pairs, each of which is credited ½ instead of 0 or 1), which the note reports. A
 * histogram that carries an {@link Exact} AUC (computed on the executors by {@link ExactAuc} when
 * the family fell back to binned keys) gives that one, and no bound.
 */
public final class MannWhitneyAuc {

  private MannWhitneyAuc() {}

  /**
   * A group's AUC computed from its raw scores elsewhere (on the executors, {@link ExactAuc}).
   *
   * @param positives scored rows with a positive label
   * @param negatives scored rows with a negative label
   * @param twiceU 2·U = Σ_s pos_s · (2 · neg_{&lt;s} + neg_s) over the group's distinct scores s
   */
  public record Exact(long positives, long negatives, double twiceU) {

    /** U ÷ (P · N), or NaN when there is no positive or no negative. */
    public double auc() {
      return positives == 0 || negatives == 0 ? Double.NaN : twiceU / (2.0 * positives * negatives);
    }
  }

  /** The AUC, or NaN when there is no positive or no negative. */
  public static double auc(ScoreHistogram h) {
    if (h.exactAuc() != null) {
      return h.exactAuc().auc();
    }
    long p = h.positives();
    long n = h.negatives();
    if (p == 0 || n == 0) {
      return Double.NaN;
    }
    double u = 0.0;
    long below = 0;
    for (Map.Entry<Long, ConfusionState> e : h.keys().entrySet()) {
      long pos = e.getValue().labelPositive();
      long neg = e.getValue().labelNegative();
      u += pos * (below + neg / 2.0);
      below += neg;
    }
    return u / ((double) p * n);
  }

  /**
   * The largest possible error of {@link #auc} against the AUC of the unrounded scores: half the
   * share of positive–negative pairs that share a key (0 when no pair does, and always 0 for exact
   * keys, whose ties are real ties). NaN when undefined.
   */
  public static double tieBound(ScoreHistogram h) {
    long p = h.positives();
    long n = h.negatives();
    if (p == 0 || n == 0) {
      return Double.NaN;
    }
    if (h.aucIsExact()) {
      return 0.0;
    }
    double tied = 0.0;
    for (ConfusionState s : h.keys().values()) {
      tied += (double) s.labelPositive() * s.labelNegative();
    }
    return tied / 2 / ((double) p * n);
  }
}
