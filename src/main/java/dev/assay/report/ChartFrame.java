package dev.assay.report;

import java.util.Collection;
import java.util.Locale;

/**
 * What every chart of the report has around its plot: the SVG's size, its accessible title and
 * description, the label column on the left and the axis title below the plot. The chart records
 * ({@link BarChart}, {@link ForestPlot}, {@link MetricBars}, {@link PiiChart}, {@link TrendChart},
 * {@link HistogramChart}) hold one and add only what their rows, lines or bins draw. Coordinates
 * are pre-formatted strings ({@link #px}), the same on every locale.
 *
 * @param id unique id in the page, for {@code aria-labelledby}
 * @param title the chart's accessible title
 * @param description one sentence an assistive reader hears instead of the picture
 * @param labelX the right edge of the label column (labels are drawn right-aligned)
 * @param plotLeft the plot's left edge, where bars start
 */
public record ChartFrame(
    String id,
    String title,
    String description,
    String width,
    String height,
    String labelX,
    String plotLeft,
    String axisTitle,
    String axisTitleX,
    String axisTitleY) {

  /** The narrowest label column, in px. */
  static final double MIN_LABEL_WIDTH = 60;

  /** The rows of a bar chart: the first row's top, a row's height and a bar's height, in px. */
  static final double TOP = 8;

  static final double ROW_HEIGHT = 24;
  static final double BAR_HEIGHT = 18;

  /**
   * A frame whose label column is {@code labelWidth} wide and whose axis title is at ({@code
   * axisTitleX}, {@code axisTitleY}).
   */
  static ChartFrame of(
      String id,
      String title,
      String description,
      double width,
      double height,
      double labelWidth,
      String axisTitle,
      double axisTitleX,
      double axisTitleY) {
    return new ChartFrame(
        id,
        title,
        description,
        px(width),
        px(height),
        px(labelWidth - 8),
        px(labelWidth),
        axisTitle,
        px(axisTitleX),
        px(axisTitleY));
  }

  /** The label column's width: room for the longest label as drawn, at least the minimum. */
  static double labelWidth(Collection<String> labels) {
    double width = MIN_LABEL_WIDTH;
    for (String label : labels) {
      width = Math.max(width, ChartText.width(ChartText.label(label)) + 16);
    }
    return width;
  }

  /** The top of row {@code i}'s bar in a bar chart. */
  static double barTop(int i) {
    return TOP + i * ROW_HEIGHT + 3;
  }

  /** The baseline of row {@code i}'s texts in a bar chart. */
  static double textBaseline(int i) {
    return TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2 + 4;
  }

  /** The bottom of a bar chart's plot with {@code rows} rows. */
  static double plotBottom(int rows) {
    return TOP + rows * ROW_HEIGHT;
  }

  /** A coordinate as the SVG gets it: one decimal, whatever the locale. */
  static String px(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
