package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One computed metric that the {@code --baseline} run also has: its earlier and current value and
 * whether the change is for the worse or the better by the metric's {@link
 * dev.assay.core.Direction}. The executive summary and the findings read the same list, so they
 * never disagree.
 */
record BaselineChange(MetricKey key, double before, double now) {

  /** The run's metrics that the baseline has, in the run's order; empty without a baseline. */
  static List<BaselineChange> of(AuditRun run) {
    List<BaselineChange> out = new ArrayList<>();
    for (MetricResult m : run.metrics()) {
      Double before = run.baseline().get(m.key());
      if (before != null && m instanceof MetricResult.Computed c) {
        out.add(new BaselineChange(m.key(), before, c.value()));
      }
    }
    return out;
  }

  /** The changes for the worse, largest first (ties in metric order), at most {@code limit}. */
  static List<BaselineChange> largestRegressions(List<BaselineChange> changes, int limit) {
    return changes.stream()
        .filter(BaselineChange::worse)
        .sorted(
            Comparator.comparingDouble((BaselineChange c) -> -Math.abs(c.now() - c.before()))
                .thenComparing(BaselineChange::key))
        .limit(limit)
        .toList();
  }

  boolean worse() {
    return key.descriptor().direction().worse(before, now);
  }

  boolean better() {
    return key.descriptor().direction().better(before, now);
  }

  /** {@code fairness.impact_ratio (race = Black)}: the metric and where it applies. */
  String label() {
    return key.family().id() + "." + key.metric() + " (" + key.scope().label() + ")";
  }
}
