package dev.assay.metrics.fairness;

import dev.assay.core.MetricResult;
import java.util.List;

/** The fairness family's metrics and the notes a reader needs (groups excluded and why). */
public record FairnessOutcome(List<MetricResult> metrics, List<String> notes) {

  public FairnessOutcome {
    metrics = List.copyOf(metrics);
    notes = List.copyOf(notes);
  }
}
