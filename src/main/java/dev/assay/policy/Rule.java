package dev.assay.policy;

import dev.assay.core.Severity;

/**
 * One check of a rule pack: a metric ({@code family.metric}), the scopes it applies to, the
 * condition its value must meet and how much a failure matters. Rules are data, so a report can
 * print exactly what was checked and an auditor can read a pack without reading Java.
 *
 * @param metric the qualified metric name, such as {@code fairness.demographic_parity_ratio}
 * @param must the condition as written in the pack, shown as "expected" in reports
 * @param minCount the fewest rows a metric row must carry ({@code count}) to be judged, or null
 * @param reference the rule's own reference, else the pack's; null when neither has one
 * @param location {@code file:line} where the rule starts, for messages
 * @param significance when set (an alpha such as 0.05), a failed condition is a finding only when
 *     the metric's p-value is below it: practical and statistical significance together
 * @param mustNotWorsenBy when set, the rule also fails when the value is worse than the {@code
 *     --baseline} run's by more than this (the direction comes from {@code must}), or, with {@code
 *     --history} and no baseline, than the last passing run's (the direction from the catalog)
 * @param anomaly when set, the rule also fails on an anomaly against the metric's own history
 * @param condition null for a rule with only an {@code anomaly} check ({@code must} then describes
 *     the check)
 * @param chunks which scopes the rule judges: those over the whole data ({@link Chunks#WHOLE}, the
 *     default), or per scope the worst time chunk ({@link Chunks#WORST}, {@code chunks: worst})
 */
public record Rule(
    String id,
    String title,
    String metric,
    Where where,
    String must,
    Condition condition,
    Severity severity,
    String rationale,
    String reference,
    Long minCount,
    String location,
    Double significance,
    Double mustNotWorsenBy,
    Anomaly anomaly,
    Chunks chunks) {

  /** What a rule judges of a metric computed per time chunk too ({@code chunk:} in the spec). */
  public enum Chunks {
    /** The metric over the whole data; the per-chunk values are not judged. */
    WHOLE,
    /**
     * The per-chunk values only: per scope, the chunk whose value is furthest from meeting the
     * condition ({@link Condition#shortfall}); chunks with fewer rows than {@code min_count} are
     * passed over while a larger one exists.
     */
    WORST;

    /** Whether a metric in {@code scope} is among the ones this choice judges. */
    public boolean covers(dev.assay.core.Scope scope) {
      return (scope.chunk() != null) == (this == WORST);
    }
  }

  public Rule {
    where = where == null ? Where.ANY : where;
    chunks = chunks == null ? Chunks.WHOLE : chunks;
  }
}
