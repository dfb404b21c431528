package dev.assay.metrics.privacy;

import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.core.PiiExample;
import java.util.List;

/**
 * The privacy family's outcome line, metrics, notes for the reader and the PII scan's masked
 * examples (for the report only).
 */
public record PrivacyOutcome(
    FamilyOutcome family,
    List<MetricResult> metrics,
    List<String> notes,
    List<PiiExample> piiExamples) {

  public PrivacyOutcome {
    metrics = List.copyOf(metrics);
    notes = List.copyOf(notes);
    piiExamples = List.copyOf(piiExamples);
  }
}
