package dev.assay.report;

import static dev.assay.report.ChartFrame.px;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a forest plot of one attribute's impact ratios: per group a point at its ratio
 * and its confidence interval as a line, on an axis from 0 to at least 1, with a solid line at 1
 * (parity) and a dashed line at 0.8 (the four-fifths rule of thumb). A group whose ratio is under
 * 0.8 says so in its text, not only by colour; the label column is as wide as the longest group
 * name needs ({@link ChartText}), so no label is cut, and the description states the finding.
 *
 * @param frame the plot's size, title, description, label column and axis title
 */
public record ForestPlot(
    ChartFrame frame,
    String oneX,
    String fourFifthsX,
    String lineTop,
    String lineBottom,
    String axisY,
    String zeroX,
    String axisMax,
    String axisMaxX,
    List<Row> rows) {

  static final double PLOT_WIDTH = 340;
  static final double VALUE_WIDTH = 230;
  static final double ROW_HEIGHT = 22;
  static final double TOP = 18;

  /** One group: its label, the point's centre, its interval line (null without), its text. */
  public record Row(
      String label,
      String fullLabel,
      String y,
      String textY,
      String x,
      String lowX,
      String highX,
      String valueX,
      String value,
      String ci,
      boolean below) {}

  /** The plot of the points (a group, its impact ratio and interval), or null without points. */
  public static ForestPlot of(String id, String attribute, List<BarChart.Point> points) {
    if (points.isEmpty()) {
      return null;
    }
    double scale = 1;
    for (BarChart.Point p : points) {
      scale = Math.max(scale, p.hasInterval() ? Math.max(p.value(), p.high()) : p.value());
    }
    scale = Math.min(scale, 10);
    double labelWidth = ChartFrame.labelWidth(points.stream().map(BarChart.Point::group).toList());
    List<Row> rows = new ArrayList<>();
    List<String> below = new ArrayList<>();
    BarChart.Point lowest = points.get(0);
    for (int i = 0; i < points.size(); i++) {
      BarChart.Point p = points.get(i);
      lowest = p.value() < lowest.value() ? p : lowest;
      double mid = TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
      boolean under = p.value() < BarChart.FOUR_FIFTHS;
      if (under) {
        below.add(p.group());
      }
      double right = x(p.value(), scale);
      String ci = "";
      String lowX = "";
      String highX = "";
      if (p.hasInterval()) {
        lowX = px(labelWidth + x(p.low(), scale));
        highX = px(labelWidth + x(p.high(), scale));
        right = Math.max(right, x(p.high(), scale));
        ci = NumberText.of(p.low()) + " – " + NumberText.of(p.high());
      }
      rows.add(
          new Row(
              ChartText.label(p.group()),
              p.group(),
              px(mid),
              px(mid + 4),
              px(labelWidth + x(p.value(), scale)),
              lowX,
              highX,
              px(labelWidth + Math.max(right, x(1, scale)) + 8),
              NumberText.of(p.value()) + (under ? " (below 0.8)" : ""),
              ci,
              under));
    }
    double bottom = TOP + points.size() * ROW_HEIGHT;
    String description =
        "Impact ratio by "
            + attribute
            + " (each group's favourable rate ÷ the highest group's, with its confidence"
            + " interval): lowest "
            + lowest.group()
            + " ("
            + NumberText.of(lowest.value())
            + "); "
            + ChartText.below(below, "the four-fifths line (0.8)");
    return new ForestPlot(
        ChartFrame.of(
            id,
            "Impact ratio by " + attribute,
            description,
            labelWidth + PLOT_WIDTH + VALUE_WIDTH,
            bottom + 46,
            labelWidth,
            "Impact ratio (solid line: parity 1; dashed: four-fifths 0.8)",
            labelWidth + PLOT_WIDTH / 2,
            bottom + 38),
        px(labelWidth + x(1, scale)),
        px(labelWidth + x(BarChart.FOUR_FIFTHS, scale)),
        px(TOP - 6),
        px(bottom),
        px(bottom + 14),
        px(labelWidth),
        NumberText.of(scale),
        px(labelWidth + PLOT_WIDTH),
        rows);
  }

  private static double x(double value, double scale) {
    return Math.max(0, Math.min(value, scale)) / scale * PLOT_WIDTH;
  }
}
