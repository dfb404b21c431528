package dev.assay.report;

import static dev.assay.report.ChartFrame.px;

import dev.assay.core.AuditRun;
import dev.assay.core.MetricTrend;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of one small trend line for the HTML report ({@code --history}): a gated metric's
 * values over the last runs, oldest on the left and this run last (a filled dot), with each rule
 * threshold as a dashed horizontal line. The vertical scale spans the values and the thresholds.
 * Coordinates are pre-formatted strings, the same on every locale; every text is escaped by the
 * template.
 *
 * @param frame the SVG's size, title and description, and the plot's left edge (no axis title)
 * @param points the polyline's {@code points} attribute
 */
public record TrendChart(
    ChartFrame frame,
    String plotRight,
    String plotTop,
    String plotBottom,
    String topLabel,
    String bottomLabel,
    String points,
    List<Dot> dots,
    List<Threshold> thresholds) {

  static final double WIDTH = 360;
  static final double HEIGHT = 110;
  static final double LEFT = 56;
  static final double RIGHT = 300;
  static final double TOP = 10;
  static final double BOTTOM = 90;

  /** What the horizontal axis counts: the runs of {@code --history}, or this run's time chunks. */
  enum Axis {
    /** The last runs, this run's value filled. */
    RUNS,
    /** The time chunks of this run ({@code chunk:}), the chunk a rule judged filled. */
    CHUNKS
  }

  /** One run's value: its position, and its text (run time and value) for the tooltip. */
  public record Dot(String x, String y, String text, boolean current) {}

  /** A threshold line: its height and its label. */
  public record Threshold(String y, String labelY, String label) {}

  /** The charts of the run's trends, in order (empty without {@code --history}). */
  public static List<TrendChart> of(AuditRun run) {
    List<TrendChart> out = new ArrayList<>();
    List<MetricTrend> trends = run.exhibits().trends();
    for (int i = 0; i < trends.size(); i++) {
      out.add(of("trend-" + i, trends.get(i), Axis.RUNS));
    }
    return out;
  }

  /**
   * The chart of {@code trend}; with {@link Axis#CHUNKS} its points are time chunks (each point's
   * {@code runTime} the chunk's first day, {@code current} the chunk a rule judged).
   */
  static TrendChart of(String id, MetricTrend trend, Axis axis) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (MetricTrend.Point p : trend.points()) {
      low = Math.min(low, p.value());
      high = Math.max(high, p.value());
    }
    for (double t : trend.thresholds()) {
      low = Math.min(low, t);
      high = Math.max(high, t);
    }
    if (high - low < 1e-9) {
      double pad = Math.max(Math.abs(high) * 0.1, 0.05);
      low -= pad;
      high += pad;
    }
    Scale scale = new Scale(low, high, trend.points().size());
    StringBuilder polyline = new StringBuilder();
    List<Dot> dots = new ArrayList<>();
    for (int i = 0; i < trend.points().size(); i++) {
      MetricTrend.Point p = trend.points().get(i);
      String x = px(scale.x(i));
      String y = px(scale.y(p.value()));
      polyline.append(i == 0 ? "" : " ").append(x).append(',').append(y);
      dots.add(
          new Dot(
              x,
              y,
              (axis == Axis.CHUNKS
                      ? (p.current() ? "judged chunk " : "chunk ")
                      : (p.current() ? "this run " : ""))
                  + p.runTime()
                  + ": "
                  + NumberText.of(p.value()),
              p.current()));
    }
    List<Threshold> lines = new ArrayList<>();
    for (double t : trend.thresholds()) {
      double y = scale.y(t);
      lines.add(new Threshold(px(y), px(y + 4), "rule " + NumberText.of(t)));
    }
    String title = trend.metric() + " for " + trend.scope().label();
    return new TrendChart(
        ChartFrame.of(id, title, description(title, trend, axis), WIDTH, HEIGHT, LEFT, null, 0, 0),
        px(RIGHT),
        px(TOP),
        px(BOTTOM),
        NumberText.of(high),
        NumberText.of(low),
        polyline.toString(),
        dots,
        lines);
  }

  private static String description(String title, MetricTrend trend, Axis axis) {
    List<MetricTrend.Point> points = trend.points();
    String first = NumberText.of(points.get(0).value());
    String last = NumberText.of(points.get(points.size() - 1).value());
    String span =
        axis == Axis.CHUNKS
            ? " over "
                + points.size()
                + " time chunks: from "
                + first
                + " in the first to "
                + last
                + " in the last"
                + points.stream()
                    .filter(MetricTrend.Point::current)
                    .map(
                        p ->
                            "; the rule judged the chunk of "
                                + p.runTime()
                                + " ("
                                + NumberText.of(p.value())
                                + ")")
                    .findFirst()
                    .orElse("")
            : " over the last "
                + points.size()
                + " runs: from "
                + first
                + " to "
                + last
                + " in this run";
    return title
        + span
        + (trend.expected().isEmpty() ? "" : "; expected " + trend.expected())
        + ".";
  }

  /** Maps run index and value to the plot. */
  private record Scale(double low, double high, int count) {

    double x(int index) {
      return count == 1 ? RIGHT : LEFT + (RIGHT - LEFT) * index / (count - 1);
    }

    double y(double value) {
      return BOTTOM - (BOTTOM - TOP) * (value - low) / (high - low);
    }
  }
}
