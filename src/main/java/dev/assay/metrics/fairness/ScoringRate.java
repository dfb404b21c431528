package dev.assay.metrics.fairness;

import java.util.Map;

/**
 * NYC Local Law 144's scoring rate (6 RCNY §5-300, "scoring rate"; §5-301(b)): the share of a
 * category's scored rows whose score is <em>strictly above</em> the median score of the whole
 * sample, read from {@link ScoreHistogram}s — the whole data set's histogram gives the median, each
 * group's histogram the rows above it. No extra pass over the data.
 *
 * <pre>
 *   median m   = the middle key of all scored rows (n odd), or the mean of the two middle keys (n even)
 *   scoring_rate(g) = #{rows of g with key &gt; m} / #{scored rows of g}
 * </pre>
 *
 * <p>Range [0, 1], higher is more favourable; undefined when the group (or the data set) has no
 * scored row. A row tied with the median is not above it, so on integer or coarse scores a group's
 * rate can be well under one half even without any disparity (every category is treated alike).
 *
 * <p><b>Resolution.</b> With the exact {@link ScoreKey} (the default) a key is one distinct score
 * and the rate is exact. With the binned key floor(score · 10³): when the two middle rows fall in
 * different keys, a row is above the raw median exactly when its key is above the keyed one, so the
 * rate is exact. When both fall in the same key k (always, for an odd count), the rows of key k are
 * counted as not above: exact when scores have at most three decimals (every row of key k then
 * equals the median); otherwise the true rate can be higher by at most {@link #bound} = (rows of
 * the group in key k) / (scored rows of the group), never lower. When the family has binned keys
 * only because the exact cells were too many, {@link ExactMedian} refines them: the median's two
 * middle scores and each group's rows above come exact, and the bound is 0.
 */
public final class ScoringRate {

  private ScoringRate() {}

  /**
   * The sample median in keys, kept as the two middle keys so the comparison stays in integers.
   *
   * @param low the key of the lower middle row (the middle row when the count is odd)
   * @param high the key of the upper middle row (equal to {@code low} when the count is odd)
   * @param rows scored rows in the sample
   * @param key what the keys are
   * @param exact the two middle rows' scores when binned keys were refined by {@link ExactMedian}
   *     (then each group's rows above come with its histogram, {@link ScoreHistogram#exactAbove}),
   *     or null
   */
  public record Median(long low, long high, long rows, ScoreKey key, MiddleScores exact) {

    public Median(long low, long high, long rows, ScoreKey key) {
      this(low, high, rows, key, null);
    }

    /** Binned keys. */
    public Median(long low, long high, long rows) {
      this(low, high, rows, ScoreKey.BINNED);
    }

    /** This median with the exact scores of its two middle rows ({@link ExactMedian}). */
    Median withExactScores(double lowScore, double highScore) {
      return new Median(low, high, rows, key, new MiddleScores(lowScore, highScore));
    }

    /**
     * Whether a key of the sample lies strictly above the median: key &gt; (low + high) / 2 for
     * binned keys. For exact keys that is key &gt; low: the two middle rows are neighbours in rank,
     * so no score of the sample lies strictly between them (and exact keys, IEEE 754 bits, cannot
     * be averaged as integers).
     */
    public boolean isAbove(long k) {
      return key.exact() ? k > low : 2 * k > low + high;
    }

    /** The median as a score. */
    public double score() {
      if (exact != null) {
        return (exact.low() + exact.high()) / 2;
      }
      return key.exact()
          ? (key.score(low) + key.score(high)) / 2
          : (low + high) / 2.0 / ScoreHistogram.RESOLUTION;
    }

    /** Whether the median is the exact one (exact keys, or binned keys refined by the scores). */
    public boolean isExact() {
      return key.exact() || exact != null;
    }

    /**
     * Whether both middle rows share one binned key, the case in which rows of that key are
     * ambiguous (never for exact keys: rows of the median's key equal it, so they are not above;
     * nor once {@link ExactMedian} gave the exact scores).
     */
    boolean oneKey() {
      return !isExact() && low == high;
    }
  }

  /**
   * The scores of the sample's two middle rows (equal for an odd count).
   *
   * @param low the lower middle row's score
   * @param high the upper middle row's score
   */
  public record MiddleScores(double low, double high) {}

  /** The median for a note, e.g. {@code 4} or {@code 0.5125}. */
  static String medianText(Median m) {
    if (m.isExact()) {
      return new java.math.BigDecimal(Double.toString(m.score()))
          .stripTrailingZeros()
          .toPlainString();
    }
    return new java.math.BigDecimal(m.low() + m.high())
        .divide(java.math.BigDecimal.valueOf(2 * ScoreHistogram.RESOLUTION))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The median of a histogram's rows, or null when it has none. */
  public static Median median(ScoreHistogram whole) {
    long n = whole.rows();
    if (n == 0) {
      return null;
    }
    long lowRank = (n + 1) / 2; // 1-based rank of the lower middle row
    long highRank = n / 2 + 1; // of the upper one (the same row when n is odd)
    Long low = null;
    Long high = null;
    long seen = 0;
    for (Map.Entry<Long, ConfusionState> e : whole.keys().entrySet()) {
      seen += e.getValue().n();
      if (low == null && seen >= lowRank) {
        low = e.getKey();
      }
      if (seen >= highRank) {
        high = e.getKey();
        break;
      }
    }
    return new Median(low, high, n, whole.key());
  }

  /**
   * Rows of the group whose key is above the median; the exact count when {@link ExactMedian} gave
   * one ({@link ScoreHistogram#exactAbove}).
   */
  public static long above(ScoreHistogram group, Median m) {
    if (group.exactAbove() != null) {
      return group.exactAbove();
    }
    long above = 0;
    for (Map.Entry<Long, ConfusionState> e : group.keys().entrySet()) {
      if (m.isAbove(e.getKey())) {
        above += e.getValue().n();
      }
    }
    return above;
  }

  /**
   * The most the true rate of unrounded scores can exceed the reported one: the group's share of
   * rows in the median's key when both middle rows share it (0 otherwise, and 0 for scores with at
   * most three decimals). NaN when the group has no scored row.
   */
  public static double bound(ScoreHistogram group, Median m) {
    long n = group.rows();
    if (n == 0) {
      return Double.NaN;
    }
    if (!m.oneKey()) {
      return 0.0;
    }
    ConfusionState at = group.keys().get(m.low());
    return at == null ? 0.0 : (double) at.n() / n;
  }
}
