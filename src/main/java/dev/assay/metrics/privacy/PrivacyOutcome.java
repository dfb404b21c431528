package dev.assay.metrics.privacy;

import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import java.util.List;

/** The privacy family's outcome line, metrics and notes for the reader. */
public record PrivacyOutcome(FamilyOutcome family, List<MetricResult> metrics, List<String> notes) {

  public PrivacyOutcome {
    metrics = List.copyOf(metrics);
    notes = List.copyOf(notes);
  }
}
