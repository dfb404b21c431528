package dev.assay.core;

import java.util.List;

/**
 * A gated metric's values over the last runs of the same audit ({@code --history}), oldest first
 * and ending with this run, and the thresholds of the rules that judge it, for the report's trend
 * line.
 *
 * @param metric the qualified metric name
 * @param thresholds the numbers of the rules' conditions ({@code >= 0.8} gives 0.8); may be empty
 * @param expected the rules' conditions as written, joined with "; "
 */
public record MetricTrend(
    String metric, Scope scope, List<Point> points, List<Double> thresholds, String expected) {

  public MetricTrend {
    points = List.copyOf(points);
    thresholds = List.copyOf(thresholds);
  }

  /**
   * One run's value.
   *
   * @param runTime the run's start, ISO-8601
   * @param current true for this run
   */
  public record Point(String runTime, double value, boolean current) {}
}
