package dev.assay.metrics.fairness;

/**
 * The paired counts of a champion (model A) and a challenger (model B) over the same rows of one
 * group: among the rows both models predict, how often their predictions disagree each way, overall
 * and among the rows labelled positive and negative. Each pair of discordant counts is the
 * off-diagonal of a paired 2×2 table, which is all McNemar's test needs ({@link McNemarTest}).
 * Merging is adding, whatever the partitioning.
 *
 * @param pairs rows where both predictions are present
 * @param onlyA rows A predicts positive and B negative
 * @param onlyB rows B predicts positive and A negative
 * @param positives paired rows whose label is positive
 * @param positivesOnlyA positives A predicts positive and B negative (A right, B wrong)
 * @param positivesOnlyB positives B predicts positive and A negative (B right, A wrong)
 * @param negatives paired rows whose label is negative
 * @param negativesOnlyA negatives A predicts positive and B negative (B right, A wrong)
 * @param negativesOnlyB negatives B predicts positive and A negative (A right, B wrong)
 */
public record PairedState(
    long pairs,
    long onlyA,
    long onlyB,
    long positives,
    long positivesOnlyA,
    long positivesOnlyB,
    long negatives,
    long negativesOnlyA,
    long negativesOnlyB) {

  public static final PairedState EMPTY = new PairedState(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** The state of the union of the two row sets. */
  public PairedState merge(PairedState o) {
    return new PairedState(
        pairs + o.pairs,
        onlyA + o.onlyA,
        onlyB + o.onlyB,
        positives + o.positives,
        positivesOnlyA + o.positivesOnlyA,
        positivesOnlyB + o.positivesOnlyB,
        negatives + o.negatives,
        negativesOnlyA + o.negativesOnlyA,
        negativesOnlyB + o.negativesOnlyB);
  }

  /** Labelled rows A classifies correctly and B wrongly. */
  public long onlyACorrect() {
    return positivesOnlyA + negativesOnlyB;
  }

  /** Labelled rows B classifies correctly and A wrongly. */
  public long onlyBCorrect() {
    return positivesOnlyB + negativesOnlyA;
  }

  /** Labelled paired rows. */
  public long labelled() {
    return positives + negatives;
  }
}
