package dev.assay.history;

import dev.assay.core.Scope;

/**
 * One row of the metric history ({@code --history}): one metric on one scope, or one rule verdict
 * on one scope, of one run, with the keys that say which run it was: the audit, the model and its
 * model card lineage, the data snapshot and the run time. Rows of kind {@code metric} carry the
 * value and count; rows of kind {@code verdict} the rule, its status, severity and condition, and
 * the observed value.
 *
 * @param runId a random id, unique per run, shared by all the run's rows
 * @param runTime the run's start, ISO-8601 UTC
 * @param runVerdict PASS or FAIL: whether the run's gate was open
 * @param dataSnapshot the SHA-256 of the data inputs' hashes (see {@link HistoryRows})
 * @param kind {@code metric} or {@code verdict}
 * @param metric the qualified metric name
 * @param value the metric's value (the observed value of a verdict); null when undefined
 */
public record HistoryRow(
    String runId,
    String audit,
    String runTime,
    String runVerdict,
    String modelName,
    String modelVersion,
    String intendedUse,
    String limitations,
    String riskClass,
    String registryUri,
    String dataSnapshot,
    String kind,
    String metric,
    Scope scope,
    Double value,
    Long count,
    String rule,
    String status,
    String severity,
    String expected) {

  public static final String METRIC = "metric";
  public static final String VERDICT = "verdict";

  public HistoryRow {
    scope = scope == null ? Scope.DATASET : scope;
  }

  public boolean isMetric() {
    return METRIC.equals(kind);
  }

  public boolean passed() {
    return "PASS".equals(runVerdict);
  }
}
