package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.ChunkUnit;
import dev.assay.core.MetricResult;
import dev.assay.core.MetricTrend;
import dev.assay.core.Scope;
import dev.assay.core.Verdict;
import dev.assay.policy.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's charts over time chunks ({@code chunk:} in the spec): for every gated metric (a
 * metric and scope that a rule judged, its chunk aside) computed per chunk, its value per chunk in
 * time order, with the rule thresholds as dashed lines and the chunk a {@code chunks: worst} rule
 * judged as the filled dot. Drawn by {@link TrendChart} along {@link TrendChart.Axis#CHUNKS}.
 */
final class ChunkCharts {

  /** The most charts in one report. */
  static final int MAX_CHARTS = 24;

  private ChunkCharts() {}

  /** The charts of {@code run}, in verdict order (empty without time chunks). */
  static List<TrendChart> of(AuditRun run) {
    Map<String, Map<Scope, List<MetricResult>>> perChunk = new LinkedHashMap<>();
    for (MetricResult m : run.metrics()) {
      Scope scope = m.key().scope();
      if (scope.chunk() != null && m.number().isPresent()) {
        perChunk
            .computeIfAbsent(m.key().qualifiedName(), k -> new LinkedHashMap<>())
            .computeIfAbsent(scope.withChunk(null), k -> new ArrayList<>())
            .add(m);
      }
    }
    Map<List<Object>, List<Verdict>> gated = new LinkedHashMap<>();
    for (Verdict v : run.verdicts()) {
      List<MetricResult> values =
          perChunk.getOrDefault(v.metric(), Map.of()).get(v.scope().withChunk(null));
      if (values != null && values.size() > 1) {
        gated
            .computeIfAbsent(List.of(v.metric(), v.scope().withChunk(null)), k -> new ArrayList<>())
            .add(v);
      }
    }
    List<TrendChart> out = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Verdict>> e : gated.entrySet()) {
      if (out.size() == MAX_CHARTS) {
        break;
      }
      String metric = (String) e.getKey().get(0);
      Scope scope = (Scope) e.getKey().get(1);
      out.add(
          TrendChart.of(
              "chunks-" + out.size(),
              trend(metric, scope, perChunk.get(metric).get(scope), e.getValue()),
              TrendChart.Axis.CHUNKS));
    }
    return out;
  }

  private static MetricTrend trend(
      String metric, Scope scope, List<MetricResult> values, List<Verdict> verdicts) {
    Set<String> judged = new LinkedHashSet<>();
    Set<Double> thresholds = new LinkedHashSet<>();
    Set<String> expected = new LinkedHashSet<>();
    for (Verdict v : verdicts) {
      if (v.scope().chunk() != null) {
        judged.add(v.scope().chunk());
      }
      expected.add(v.expected());
      try {
        thresholds.addAll(Condition.parse(v.expected()).thresholds());
      } catch (IllegalArgumentException e) {
        // an anomaly-only rule: nothing to draw
      }
    }
    List<MetricTrend.Point> points = new ArrayList<>();
    values.stream()
        .sorted()
        .forEach(
            m ->
                points.add(
                    new MetricTrend.Point(
                        ChunkUnit.start(m.key().scope().chunk()),
                        m.number().getAsDouble(),
                        judged.contains(m.key().scope().chunk()))));
    return new MetricTrend(
        metric, scope, points, List.copyOf(thresholds), String.join("; ", expected));
  }
}
