package dev.assay.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of one horizontal bar chart for the HTML report: one bar per group, with its
 * confidence interval as a whisker when it has one, scaled so the highest value (or interval end)
 * fills the plot, and a dashed line at 80 % of the highest group's value (the four-fifths rule of
 * thumb). Coordinates are pre-formatted strings so the SVG is the same on every locale. Bars under
 * the line say so in their text, not only by colour. The label column is as wide as the longest
 * group name needs ({@link ChartText}), the value axis has a title, and the description states the
 * chart's finding: the highest and lowest group and which groups fall below the line.
 *
 * @param id unique id in the page, for {@code aria-labelledby}
 * @param title the chart's accessible title
 * @param description one sentence an assistive reader hears instead of the picture
 */
public record BarChart(
    String id,
    String title,
    String description,
    String width,
    String height,
    String labelX,
    String plotLeft,
    String thresholdX,
    String lineTop,
    String lineBottom,
    String thresholdLabel,
    String thresholdLabelY,
    String axisTitle,
    String axisTitleX,
    String axisTitleY,
    List<Bar> bars) {

  /** Share of the highest value below which a bar is flagged. */
  public static final double FOUR_FIFTHS = 0.8;

  static final double MIN_labelWidth = 60;
  static final double PLOT_WIDTH = 340;
  static final double VALUE_WIDTH = 200;
  static final double ROW_HEIGHT = 24;
  static final double TOP = 8;
  static final double BAR_HEIGHT = 18;

  /**
   * One group's bar; {@code whisker} is null when the group has no interval. {@code ci} is the
   * interval as text ("" without one).
   */
  public record Bar(
      String label,
      String fullLabel,
      String y,
      String textY,
      String width,
      String valueX,
      String value,
      boolean belowThreshold,
      Whisker whisker,
      String ci) {}

  /**
   * An interval drawn as a horizontal line from x1 to x2 at y, with end caps from capTop to
   * capBottom.
   */
  public record Whisker(String x1, String x2, String y, String capTop, String capBottom) {}

  /** One input value: a group, its (defined) value, and its interval (both null when none). */
  public record Point(String group, double value, Double low, Double high) {

    public Point(String group, double value) {
      this(group, value, null, null);
    }

    boolean hasInterval() {
      return low != null && high != null;
    }
  }

  /** A chart of the points, or null when there is nothing to draw (no points, all zero). */
  public static BarChart of(String id, String metricLabel, String attribute, List<Point> points) {
    double max = points.stream().mapToDouble(Point::value).max().orElse(0);
    if (points.isEmpty() || !(max > 0)) {
      return null;
    }
    double scale =
        Math.max(
            max,
            points.stream().filter(Point::hasInterval).mapToDouble(Point::high).max().orElse(0));
    double threshold = FOUR_FIFTHS * max;
    double labelWidth = MIN_labelWidth;
    for (Point p : points) {
      labelWidth = Math.max(labelWidth, ChartText.width(ChartText.label(p.group())) + 16);
    }
    boolean anyInterval = false;
    Point highest = points.get(0);
    Point lowest = points.get(0);
    List<Bar> bars = new ArrayList<>();
    List<String> below = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      highest = p.value() > highest.value() ? p : highest;
      lowest = p.value() < lowest.value() ? p : lowest;
      double y = TOP + i * ROW_HEIGHT;
      double w = x(p.value(), scale);
      double textX = w;
      Whisker whisker = null;
      String ci = "";
      if (p.hasInterval()) {
        anyInterval = true;
        double x1 = x(p.low(), scale);
        double x2 = x(p.high(), scale);
        double mid = y + 3 + BAR_HEIGHT / 2;
        whisker =
            new Whisker(
                fmt(labelWidth + x1), fmt(labelWidth + x2), fmt(mid), fmt(mid - 5), fmt(mid + 5));
        textX = Math.max(w, x2);
        ci = NumberText.of(p.low()) + " – " + NumberText.of(p.high());
      }
      boolean under = p.value() < threshold;
      if (under) {
        below.add(p.group());
      }
      String label = ChartText.label(p.group());
      bars.add(
          new Bar(
              label,
              p.group(),
              fmt(y + 3),
              fmt(y + ROW_HEIGHT / 2 + 4),
              fmt(w),
              fmt(labelWidth + textX + 6),
              NumberText.of(p.value()) + (under ? " (below the 80 % line)" : ""),
              under,
              whisker,
              ci));
    }
    double plotBottom = TOP + points.size() * ROW_HEIGHT;
    String description =
        metricLabel
            + " by "
            + attribute
            + ": highest "
            + highest.group()
            + " ("
            + NumberText.of(max)
            + "), lowest "
            + lowest.group()
            + " ("
            + NumberText.of(lowest.value())
            + "), 80 % line at "
            + NumberText.of(threshold)
            + "; "
            + (below.isEmpty()
                ? "no group is below the line."
                : GateSummary.plural(below.size(), "group")
                    + " below the line: "
                    + String.join(", ", below)
                    + ".")
            + (anyInterval ? " Whiskers show each group's confidence interval." : "");
    return new BarChart(
        id,
        metricLabel + " by " + attribute,
        description,
        fmt(labelWidth + PLOT_WIDTH + VALUE_WIDTH),
        fmt(plotBottom + 42),
        fmt(labelWidth - 8),
        fmt(labelWidth),
        fmt(labelWidth + x(threshold, scale)),
        fmt(TOP),
        fmt(plotBottom),
        "80 % of highest (" + NumberText.of(threshold) + ")",
        fmt(plotBottom + 16),
        metricLabel + " (bar length; 0 at the left edge)",
        fmt(labelWidth + PLOT_WIDTH / 2),
        fmt(plotBottom + 36),
        bars);
  }

  /** The length in the plot of a value, when {@code scale} fills it; negatives are drawn as 0. */
  private static double x(double value, double scale) {
    return Math.max(0, value) / scale * PLOT_WIDTH;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
