package dev.assay.core;

/**
 * What kind of number a metric is. The unit says how to read a value; its {@link #range()} is the
 * widest range of that kind, which a descriptor narrows where its definition allows.
 */
public enum MetricUnit {
  /** A number of rows, records, classes or cells. */
  COUNT(ValueRange.NON_NEGATIVE),
  /** A part of a whole, 0 to 1 (a rate of records, responses, words or queries). */
  SHARE(ValueRange.UNIT),
  /** One rate divided by another; 1 is parity. */
  RATIO(ValueRange.NON_NEGATIVE),
  /** One value minus another; 0 is parity. */
  DIFFERENCE(ValueRange.REAL),
  /** A distance or divergence between two distributions; 0 is identical. */
  DISTANCE(ValueRange.NON_NEGATIVE),
  /** A quality or agreement score on a fixed scale (AUC, ROUGE, BLEU, a judge's rating). */
  SCORE(ValueRange.UNIT),
  /** A test statistic or an index without a fixed scale. */
  STATISTIC(ValueRange.NON_NEGATIVE),
  /** The p-value of a statistical test. */
  P_VALUE(ValueRange.UNIT),
  /** 1 when something was detected, else 0. */
  FLAG(ValueRange.UNIT),
  /** A place in an ordering, 1 first. */
  RANK(ValueRange.of(1, Double.POSITIVE_INFINITY)),
  /** In the units of the data's own column (a mean prediction, an error, a transport distance). */
  DATA_UNITS(ValueRange.REAL),
  /** Milliseconds. */
  MILLISECONDS(ValueRange.NON_NEGATIVE),
  /** Language-model tokens. */
  TOKENS(ValueRange.NON_NEGATIVE),
  /** Money, in the currency of the spec's price table. */
  MONEY(ValueRange.NON_NEGATIVE),
  /** Characters of text. */
  CHARACTERS(ValueRange.NON_NEGATIVE);

  private final ValueRange range;

  MetricUnit(ValueRange range) {
    this.range = range;
  }

  /** The widest range a value of this unit can take. */
  public ValueRange range() {
    return range;
  }
}
