package dev.assay.history;

import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricTrend;
import dev.assay.core.Scope;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import dev.assay.policy.Condition;
import dev.assay.policy.RunHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The earlier runs of one audit (by audit name) in a history, oldest first: what the rules compare
 * with ({@link #runHistory()}) and what the report draws ({@link #trends}).
 */
public final class AuditHistory {

  /** The most earlier runs a trend line shows. */
  public static final int TREND_RUNS = 10;

  /** The most trend lines a report shows. */
  public static final int MAX_TRENDS = 24;

  private final List<Run> runs;

  /** One earlier run: its time, whether it passed, and its computed values by metric key. */
  private record Run(String runTime, boolean passed, Map<MetricKey, Double> values) {}

  private AuditHistory(List<Run> runs) {
    this.runs = runs;
  }

  /**
   * The runs of {@code audit} among {@code rows} (ordered by run time, as {@link HistoryStore#read}
   * returns them). Metrics the catalog no longer knows are left out.
   */
  public static AuditHistory of(List<HistoryRow> rows, String audit) {
    Map<String, Run> byId = new LinkedHashMap<>();
    for (HistoryRow row : rows) {
      if (!row.audit().equals(audit)) {
        continue;
      }
      Run run =
          byId.computeIfAbsent(
              row.runId(), id -> new Run(row.runTime(), row.passed(), new HashMap<>()));
      if (row.isMetric() && row.value() != null) {
        MetricDescriptor d = MetricCatalog.find(row.metric()).orElse(null);
        if (d != null) {
          run.values().put(new MetricKey(d, row.scope()), row.value());
        }
      }
    }
    return new AuditHistory(List.copyOf(byId.values()));
  }

  public int size() {
    return runs.size();
  }

  /** The runs as the policy sees them. */
  public RunHistory runHistory() {
    return new RunHistory(
        runs.stream()
            .map(r -> new RunHistory.PastRun(r.runTime(), r.passed(), r.values()))
            .toList());
  }

  /**
   * For every metric and scope that a rule judged in this run and that earlier runs also computed:
   * its last values (at most {@link #TREND_RUNS} earlier ones, then this run's) and the thresholds
   * of the rules on it. At most {@link #MAX_TRENDS}, in verdict order.
   *
   * @param runTime this run's start, ISO-8601
   */
  public List<MetricTrend> trends(List<Verdict> verdicts, String runTime) {
    Map<MetricKey, List<Verdict>> judged = new LinkedHashMap<>();
    for (Verdict v : verdicts) {
      MetricDescriptor d = MetricCatalog.find(v.metric()).orElse(null);
      if (v.observed() != null && d != null) {
        judged.computeIfAbsent(new MetricKey(d, v.scope()), k -> new ArrayList<>()).add(v);
      }
    }
    List<MetricTrend> out = new ArrayList<>();
    for (Map.Entry<MetricKey, List<Verdict>> e : judged.entrySet()) {
      List<MetricTrend.Point> points = earlier(e.getKey());
      if (points.isEmpty() || out.size() == MAX_TRENDS) {
        continue;
      }
      points.add(new MetricTrend.Point(runTime, e.getValue().get(0).observed(), true));
      out.add(trend(e.getKey().qualifiedName(), e.getKey().scope(), points, e.getValue()));
    }
    return out;
  }

  private List<MetricTrend.Point> earlier(MetricKey key) {
    List<MetricTrend.Point> points = new ArrayList<>();
    for (Run run : runs) {
      Double value = run.values().get(key);
      if (value != null && Double.isFinite(value)) {
        points.add(new MetricTrend.Point(run.runTime(), value, false));
      }
    }
    return new ArrayList<>(points.subList(Math.max(0, points.size() - TREND_RUNS), points.size()));
  }

  private static MetricTrend trend(
      String metric, Scope scope, List<MetricTrend.Point> points, List<Verdict> verdicts) {
    Set<Double> thresholds = new LinkedHashSet<>();
    Set<String> expected = new LinkedHashSet<>();
    for (Verdict v : verdicts) {
      expected.add(v.expected());
      try {
        thresholds.addAll(Condition.parse(v.expected()).thresholds());
      } catch (IllegalArgumentException e) {
        // an anomaly-only rule: its "expected" describes the check; nothing to draw
      }
    }
    return new MetricTrend(
        metric, scope, points, List.copyOf(thresholds), String.join("; ", expected));
  }
}
