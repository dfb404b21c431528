package dev.assay.metrics.llm;

import dev.assay.core.MetricResult;
import java.util.List;

/**
 * The llm family's metrics (data-set level) and notes for the report, with the state behind them.
 */
public record LlmOutcome(List<MetricResult> metrics, List<String> notes, LlmState statistics) {

  public LlmOutcome {
    metrics = List.copyOf(metrics);
    notes = List.copyOf(notes);
  }
}
