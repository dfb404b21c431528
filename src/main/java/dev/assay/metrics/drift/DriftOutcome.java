package dev.assay.metrics.drift;

import dev.assay.core.MetricResult;
import java.util.List;

/** The drift family's metrics, notes for the reader, and the rows read on each side. */
public record DriftOutcome(List<MetricResult> metrics, List<String> notes, long referenceRows,
                           long currentRows) {

  public DriftOutcome {
    metrics = List.copyOf(metrics);
    notes = List.copyOf(notes);
  }
}
