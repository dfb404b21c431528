package dev.assay;

import dev.assay.core.Exhibits;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.metrics.llm.LlmInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the families of one audit have found so far, gathered in run order: each family's outcome
 * line, the metrics, the notes, the row counts per data set and the exhibits the report shows.
 */
final class FamilyResults {

  final List<FamilyOutcome> families = new ArrayList<>();
  final List<MetricResult> metrics = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final Map<String, Long> rowCounts = new LinkedHashMap<>();
  Exhibits exhibits = Exhibits.NONE;

  /**
   * The llm family's input (with the embeddings {@code llm.embeddings} filled), for the records
   * written after every family; null when the llm family does not apply.
   */
  LlmInput llmInput;

  /** Adds a family's metrics and notes. */
  void add(List<MetricResult> found, List<String> foundNotes) {
    metrics.addAll(found);
    notes.addAll(foundNotes);
  }
}
