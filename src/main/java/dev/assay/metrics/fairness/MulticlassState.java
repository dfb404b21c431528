package dev.assay.metrics.fairness;

import dev.assay.core.Mergeable;

/**
 * The mergeable state of one cell of the multi-class analysis (a sensitive group × a label class ×
 * a predicted class): its rows, and how many of them lack a label or a prediction (the analysis
 * rejects any). Merging is adding; the size does not grow with rows.
 *
 * @param n rows in the cell
 * @param missingLabel rows whose label is null
 * @param missingPrediction rows whose prediction is null
 */
public record MulticlassState(long n, long missingLabel, long missingPrediction)
    implements Mergeable<MulticlassState> {

  public static final MulticlassState EMPTY = new MulticlassState(0, 0, 0);

  /** The state of the union of the two row sets. */
  public MulticlassState merge(MulticlassState o) {
    return new MulticlassState(
        n + o.n, missingLabel + o.missingLabel, missingPrediction + o.missingPrediction);
  }
}
