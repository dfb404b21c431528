package dev.assay.metrics.drift;

import dev.assay.core.Histogram;
import dev.assay.core.MetricResult;
import java.util.List;

/**
 * The drift family's metrics, notes for the reader, the rows read on each side, and each compared
 * column's reference and current counts over its bins (for the report's histograms).
 */
public record DriftOutcome(
    List<MetricResult> metrics,
    List<String> notes,
    long referenceRows,
    long currentRows,
    List<Histogram> histograms) {

  public DriftOutcome {
    metrics = List.copyOf(metrics);
    notes = List.copyOf(notes);
    histograms = List.copyOf(histograms);
  }
}
