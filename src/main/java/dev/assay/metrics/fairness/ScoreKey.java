package dev.assay.metrics.fairness;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The score key: the cell column that orders a group's scored rows in its {@link ScoreHistogram}.
 *
 * <ul>
 *   <li>{@link #EXACT} ({@code fairness.auc: exact}, the default): the score itself, so each key is
 *       one distinct score and {@code auc}, the scoring-rate median and the calibration bins equal
 *       their definitions on the raw scores (scikit-learn's {@code roc_auc_score}, ties at equal
 *       scores counting one half). On the driver a key is the score's IEEE 754 bits mapped to a
 *       {@code long} of the same order ({@link #exactKey}).
 *   <li>{@link #BINNED} ({@code fairness.auc: binned}): floor(score · 10³ + 10⁻⁹), at most 1,001
 *       keys for a probability, so the cells stay small however many distinct scores there are;
 *       only pairs of scores sharing a key can be misordered, a bound printed in each note. A score
 *       within about 10⁻⁹ under a calibration edge (0.1, …, 0.9, 1) keeps the key under the edge,
 *       so each key lies inside one bin floor(10 · score) of the expected calibration error.
 * </ul>
 */
public enum ScoreKey {
  EXACT,
  BINNED;

  /** Keys per unit of score of the binned key. */
  public static final long RESOLUTION = 1_000;

  /** The key of rows without a score (no exact or binned key of a finite score reaches it). */
  public static final long NO_SCORE = Long.MIN_VALUE;

  /**
   * The cell column of a finite score (null for a missing one): a double for the exact key (NaN for
   * a missing score, never a finite value), a long for the binned one.
   */
  Column column(Column score) {
    if (this == EXACT) {
      return functions.coalesce(score, functions.lit(Double.NaN));
    }
    // + 1e-9: 0.123 * 1000 is 122.99999999999999 in binary floating point; without the nudge a
    // score with three decimals could share a key with its neighbour and AUC would not be exact.
    // A long, not a string: a string key made the (sensitive values × score key) cells about
    // 15 % dearer to aggregate at 10M rows (docs/fairness.md, "The 1.5× target").
    Column key = functions.floor(score.multiply(RESOLUTION).plus(1e-9));
    // The nudge (and the rounding of 1000 · s) lifts a score within about 1e-9 under a calibration
    // edge b / 10 into key 100 · b, whose bin is b, while floor(10 · s) is b − 1: such a score
    // takes key 100 · b − 1 instead, so every key lies in one calibration bin and the binned
    // expected calibration error equals the exact one. Still monotone in the score.
    Column bin = functions.floor(score.multiply(Calibration.BINS));
    Column nested =
        functions
            .when(functions.floor(key.divide(RESOLUTION / Calibration.BINS)).gt(bin), key.minus(1))
            .otherwise(key);
    return functions.coalesce(nested, functions.lit(NO_SCORE));
  }

  /**
   * The key of a cell column's value as Spark returns it, {@link #NO_SCORE} for a missing score.
   */
  long parse(String value) {
    if (this == BINNED) {
      return Long.parseLong(value);
    }
    double score = Double.parseDouble(value);
    return Double.isNaN(score) ? NO_SCORE : exactKey(score);
  }

  /** Whether a key is one distinct score (so ties are real ties and no bound applies). */
  public boolean exact() {
    return this == EXACT;
  }

  /** The score of a key: the score itself, or the lower edge of the binned key's interval. */
  public double score(long key) {
    return this == EXACT ? exactScore(key) : (double) key / RESOLUTION;
  }

  /**
   * The expected-calibration-error bin of a key among {@code bins} equal-width bins of [0, 1]:
   * floor( bins · score) for the exact key, floor(key / (10³ / bins)) for the binned one (the same
   * for {@value Calibration#BINS} bins: the binned key of a score just under an edge is kept under
   * it, see {@link #column}), clamped to the bins (a score of 1 is in the last).
   */
  int bin(long key, int bins) {
    long raw =
        this == EXACT ? (long) Math.floor(exactScore(key) * bins) : key / (RESOLUTION / bins);
    return (int) Math.min(bins - 1, Math.max(0, raw));
  }

  /**
   * A finite double as a long of the same order: the IEEE 754 bits, with the negative numbers'
   * magnitude bits flipped so that they sort below the positives ({@code -0.0} as {@code 0.0}).
   */
  public static long exactKey(double score) {
    long bits = Double.doubleToLongBits(score == 0.0 ? 0.0 : score);
    return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
  }

  /** The inverse of {@link #exactKey}. */
  public static double exactScore(long key) {
    return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
  }
}
