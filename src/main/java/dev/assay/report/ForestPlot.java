package dev.assay.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a forest plot of one attribute's impact ratios: per group a point at its ratio
 * and its confidence interval as a line, on an axis from 0 to at least 1, with a solid line at 1
 * (parity) and a dashed line at 0.8 (the four-fifths rule of thumb). A group whose ratio is under
 * 0.8 says so in its text, not only by colour; the label column is as wide as the longest group
 * name needs ({@link ChartText}), so no label is cut, and the description states the finding.
 *
 * @param id unique id in the page, for {@code aria-labelledby}
 */
public record ForestPlot(
    String id,
    String title,
    String description,
    String width,
    String height,
    String labelX,
    String plotLeft,
    String oneX,
    String fourFifthsX,
    String lineTop,
    String lineBottom,
    String axisY,
    String zeroX,
    String axisMax,
    String axisMaxX,
    String axisTitle,
    String axisTitleX,
    String axisTitleY,
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
    double labelWidth = BarChart.MIN_labelWidth;
    for (BarChart.Point p : points) {
      labelWidth = Math.max(labelWidth, ChartText.width(ChartText.label(p.group())) + 16);
    }
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
        lowX = fmt(labelWidth + x(p.low(), scale));
        highX = fmt(labelWidth + x(p.high(), scale));
        right = Math.max(right, x(p.high(), scale));
        ci = NumberText.of(p.low()) + " – " + NumberText.of(p.high());
      }
      rows.add(
          new Row(
              ChartText.label(p.group()),
              p.group(),
              fmt(mid),
              fmt(mid + 4),
              fmt(labelWidth + x(p.value(), scale)),
              lowX,
              highX,
              fmt(labelWidth + Math.max(right, x(1, scale)) + 8),
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
            + (below.isEmpty()
                ? "no group is below the four-fifths line (0.8)."
                : GateSummary.plural(below.size(), "group")
                    + " below the four-fifths line (0.8): "
                    + String.join(", ", below)
                    + ".");
    return new ForestPlot(
        id,
        "Impact ratio by " + attribute,
        description,
        fmt(labelWidth + PLOT_WIDTH + VALUE_WIDTH),
        fmt(bottom + 46),
        fmt(labelWidth - 8),
        fmt(labelWidth),
        fmt(labelWidth + x(1, scale)),
        fmt(labelWidth + x(BarChart.FOUR_FIFTHS, scale)),
        fmt(TOP - 6),
        fmt(bottom),
        fmt(bottom + 14),
        fmt(labelWidth),
        NumberText.of(scale),
        fmt(labelWidth + PLOT_WIDTH),
        "Impact ratio (solid line: parity 1; dashed: four-fifths 0.8)",
        fmt(labelWidth + PLOT_WIDTH / 2),
        fmt(bottom + 38),
        rows);
  }

  private static double x(double value, double scale) {
    return Math.max(0, Math.min(value, scale)) / scale * PLOT_WIDTH;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
