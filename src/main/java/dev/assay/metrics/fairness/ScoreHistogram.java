package dev.assay.metrics.fairness;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One group's rows counted by {@link ScoreKey}: with the exact key each key is one distinct score;
 * with the binned key k = floor(score · {@value #RESOLUTION}) covers scores in [k / 10³, (k + 1) /
 * 10³). Each key holds the {@link ConfusionState} of its rows (rows, label positives, the exact
 * score sum), so label-negatives are {@code n − labelPositive}. The keys come from the same
 * one-pass aggregation as every other fairness state (the key is one more cell column, and each
 * slice gets a grouping with the key added), so the state grows with the distinct keys in a group
 * (at most 1,001 for a binned probability), never with rows.
 *
 * <p>When the family fell back to binned keys over the exact attempt's cell bound, the group's
 * exact AUC comes from a job of its own ({@link ExactAuc}, on the executors) and rides along as
 * {@code exactAuc}: {@link MannWhitneyAuc} then returns it instead of the keys' approximation.
 *
 * @param keys the states by key, ascending
 * @param key what a key is
 * @param exactAuc the group's exact AUC computed on the executors, or null (then the AUC is the
 *     keys')
 * @param exactAbove the group's rows strictly above the exact sample median ({@link ExactMedian}),
 *     or null (then {@link ScoringRate#above} counts them from the keys)
 */
public record ScoreHistogram(
    NavigableMap<Long, ConfusionState> keys,
    ScoreKey key,
    MannWhitneyAuc.Exact exactAuc,
    Long exactAbove) {

  /** Keys per unit of score of the binned key. */
  public static final long RESOLUTION = ScoreKey.RESOLUTION;

  public ScoreHistogram {
    keys = new TreeMap<>(keys);
  }

  public ScoreHistogram(NavigableMap<Long, ConfusionState> keys, ScoreKey key) {
    this(keys, key, null, null);
  }

  /** This histogram with the group's exact AUC from {@link ExactAuc} (null for none). */
  public ScoreHistogram withExactAuc(MannWhitneyAuc.Exact exact) {
    return new ScoreHistogram(keys, key, exact, exactAbove);
  }

  /**
   * This histogram with the group's rows above the exact sample median from {@link ExactMedian}
   * (null for none).
   */
  public ScoreHistogram withExactAbove(Long above) {
    return new ScoreHistogram(keys, key, exactAuc, above);
  }

  /**
   * Whether {@link MannWhitneyAuc#auc} of this histogram is exact: exact keys, or an exact AUC
   * computed on the executors.
   */
  public boolean aucIsExact() {
    return key.exact() || exactAuc != null;
  }

  /** A histogram of binned keys. */
  public static ScoreHistogram of(Map<Long, ConfusionState> keys) {
    return of(keys, ScoreKey.BINNED);
  }

  public static ScoreHistogram of(Map<Long, ConfusionState> keys, ScoreKey key) {
    return new ScoreHistogram(new TreeMap<>(keys), key);
  }

  public long positives() {
    return keys.values().stream().mapToLong(ConfusionState::labelPositive).sum();
  }

  public long negatives() {
    return keys.values().stream().mapToLong(ConfusionState::labelNegative).sum();
  }

  public long rows() {
    return keys.values().stream().mapToLong(ConfusionState::n).sum();
  }
}
