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
 * @param keys the states by key, ascending
 * @param key what a key is
 */
public record ScoreHistogram(NavigableMap<Long, ConfusionState> keys, ScoreKey key) {

  /** Keys per unit of score of the binned key. */
  public static final long RESOLUTION = ScoreKey.RESOLUTION;

  public ScoreHistogram {
    keys = new TreeMap<>(keys);
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
