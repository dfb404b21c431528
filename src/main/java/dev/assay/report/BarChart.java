package dev.assay.report;

import static dev.assay.report.ChartFrame.px;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of one horizontal bar chart for the HTML report: one bar per group, with its
 * confidence interval as a whisker when it has one, scaled so the highest value (or interval end)
 * fills the plot, and a dashed line at 80 % of the highest group's value (the four-fifths rule of
 * thumb). Coordinates are pre-formatted strings so the SVG is the same on every locale. Bars under
 * the line say so in their text, not only by colour. The label column is as wide as the longest
 * group name needs ({@link ChartText}), the value axis has a title, and the description states the
 * chart's finding: the highest and lowest group and which groups fall below the line.
 *
 * @param frame the chart's size, title, description, label column and axis title
 */
public record BarChart(
    ChartFrame frame,
    String thresholdX,
    String lineTop,
    String lineBottom,
    String thresholdLabel,
    String thresholdLabelY,
    List<ChartBar> bars) {

  /** Share of the highest value below which a bar is flagged. */
  public static final double FOUR_FIFTHS = 0.8;

  static final double PLOT_WIDTH = 340;
  static final double VALUE_WIDTH = 200;

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
    double labelWidth = ChartFrame.labelWidth(points.stream().map(Point::group).toList());
    boolean anyInterval = false;
    Point highest = points.get(0);
    Point lowest = points.get(0);
    List<ChartBar> bars = new ArrayList<>();
    List<String> below = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      highest = p.value() > highest.value() ? p : highest;
      lowest = p.value() < lowest.value() ? p : lowest;
      double w = x(p.value(), scale);
      double textX = w;
      ChartBar.Whisker whisker = null;
      String ci = "";
      if (p.hasInterval()) {
        anyInterval = true;
        double x1 = x(p.low(), scale);
        double x2 = x(p.high(), scale);
        whisker = ChartBar.Whisker.across(labelWidth + x1, labelWidth + x2, i);
        textX = Math.max(w, x2);
        ci = NumberText.of(p.low()) + " – " + NumberText.of(p.high());
      }
      boolean under = p.value() < threshold;
      if (under) {
        below.add(p.group());
      }
      bars.add(
          ChartBar.at(
              i,
              p.group(),
              labelWidth,
              w,
              textX,
              NumberText.of(p.value()) + (under ? " (below the 80 % line)" : ""),
              under,
              whisker,
              ci));
    }
    double plotBottom = ChartFrame.plotBottom(points.size());
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
            + ChartText.below(below, "the line")
            + (anyInterval ? " Whiskers show each group's confidence interval." : "");
    return new BarChart(
        ChartFrame.of(
            id,
            metricLabel + " by " + attribute,
            description,
            labelWidth + PLOT_WIDTH + VALUE_WIDTH,
            plotBottom + 42,
            labelWidth,
            metricLabel + " (bar length; 0 at the left edge)",
            labelWidth + PLOT_WIDTH / 2,
            plotBottom + 36),
        px(labelWidth + x(threshold, scale)),
        px(ChartFrame.TOP),
        px(plotBottom),
        "80 % of highest (" + NumberText.of(threshold) + ")",
        px(plotBottom + 16),
        bars);
  }

  /** The length in the plot of a value, when {@code scale} fills it; negatives are drawn as 0. */
  private static double x(double value, double scale) {
    return Math.max(0, value) / scale * PLOT_WIDTH;
  }
}
