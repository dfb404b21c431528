package dev.assay.core;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one audit produced, in the order the reports show it: metrics and verdicts sorted, the
 * outcome of each family, the data volumes and the provenance. Reports are pure functions of this
 * value.
 *
 * @param rowCounts rows read per data role ({@code current}, {@code reference})
 * @param notes run-level notes for the reader (groups excluded, values normalised, ...)
 * @param baseline the {@code --baseline} run's computed values by metric key; empty without one
 * @param exhibits figures and masked examples for the report (not metrics); null for {@link
 *     Exhibits#NONE}
 */
public record AuditRun(
    String name,
    ModelInfo model,
    List<FamilyOutcome> families,
    List<MetricResult> metrics,
    List<Verdict> verdicts,
    Map<String, Long> rowCounts,
    List<String> notes,
    Provenance provenance,
    Map<MetricKey, Double> baseline,
    Exhibits exhibits) {

  public AuditRun {
    families = List.copyOf(families);
    metrics = metrics.stream().sorted().toList();
    verdicts = verdicts.stream().sorted().toList();
    rowCounts = Collections.unmodifiableMap(new TreeMap<>(rowCounts));
    notes = List.copyOf(notes);
    baseline = Map.copyOf(baseline);
    exhibits = exhibits == null ? Exhibits.NONE : exhibits;
  }

  /** PASS when no verdict closes the gate, else FAIL. */
  public String verdict() {
    return passed() ? "PASS" : "FAIL";
  }

  public boolean passed() {
    return verdicts.stream().noneMatch(Verdict::blocksRelease);
  }

  /** The contract's exit code for this run: 0 when the gate is open, 1 when it is closed. */
  public int exitCode() {
    return passed() ? 0 : 1;
  }

  /**
   * This run without the metrics of time chunks ({@link Scope#chunk}): what the report's tables
   * show (the chunks have their own charts). Verdicts are kept.
   */
  public AuditRun withoutChunks() {
    return new AuditRun(
        name,
        model,
        families,
        metrics.stream().filter(m -> m.key().scope().chunk() == null).toList(),
        verdicts,
        rowCounts,
        notes,
        provenance,
        baseline,
        exhibits);
  }

  public AuditRun withProvenance(Provenance value) {
    return new AuditRun(
        name, model, families, metrics, verdicts, rowCounts, notes, value, baseline, exhibits);
  }

  public AuditRun withExhibits(Exhibits value) {
    return new AuditRun(
        name, model, families, metrics, verdicts, rowCounts, notes, provenance, baseline, value);
  }
}
