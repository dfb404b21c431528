package dev.assay.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a horizontal bar chart of several metrics (or one metric for several groups) on
 * one fixed scale, for the HTML report: each bar's length is its value on the scale {@code 0 …
 * max}, its confidence interval a whisker when it has one, and its text the value, the interval and
 * the rule that judged it ("rule ≤ 0.05: FAIL"). Bars whose rule failed are drawn in the warning
 * colour and say so in words. The value axis has ticks and a title, the label column and the text
 * column are as wide as their longest text needs ({@link ChartText}), so nothing is cut off, and
 * the description states the main finding. Coordinates are pre-formatted strings, the same on every
 * locale.
 *
 * @param id unique id in the page, for {@code aria-labelledby}
 * @param title the chart's accessible title, also its heading
 * @param description one sentence an assistive reader hears instead of the picture
 */
public record MetricBars(
    String id,
    String title,
    String description,
    String width,
    String height,
    String labelX,
    String plotLeft,
    String plotRight,
    String plotBottom,
    String tickLabelY,
    String axisTitle,
    String axisTitleX,
    String axisTitleY,
    List<Tick> ticks,
    List<Bar> bars) {

  static final double PLOT_WIDTH = 300;
  static final double ROW_HEIGHT = 24;
  static final double TOP = 8;
  static final double BAR_HEIGHT = 18;
  static final double MIN_LABEL_WIDTH = 60;

  /** The ticks of the value axis: 0, a quarter, half, three quarters and all of the scale. */
  static final int TICKS = 4;

  /**
   * One input bar: its label, value and interval (null ends when none), and the rule that judged it
   * ("" when none) and whether that rule failed.
   */
  public record Item(
      String label, double value, Double low, Double high, String rule, boolean failed) {

    boolean hasInterval() {
      return low != null && high != null;
    }
  }

  /** One drawn bar, with its whisker (null without an interval) and its text. */
  public record Bar(
      String label,
      String fullLabel,
      String y,
      String textY,
      String width,
      String valueX,
      String text,
      boolean failed,
      BarChart.Whisker whisker) {}

  /** A tick of the value axis: its x and its label. */
  public record Tick(String x, String label) {}

  /**
   * The chart of {@code items} on the scale 0 to {@code max}, or null when there is no item. Values
   * and interval ends outside the scale are drawn at its edge (the text gives the value).
   */
  public static MetricBars of(
      String id, String title, String axisTitle, double max, List<Item> items, String finding) {
    if (items.isEmpty() || !(max > 0)) {
      return null;
    }
    double labelWidth = MIN_LABEL_WIDTH;
    double textWidth = ChartText.width(NumberText.of(max));
    List<String> texts = new ArrayList<>();
    for (Item item : items) {
      labelWidth = Math.max(labelWidth, ChartText.width(ChartText.label(item.label())) + 16);
      String text = text(item);
      texts.add(text);
      textWidth = Math.max(textWidth, ChartText.width(text));
    }
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      double y = TOP + i * ROW_HEIGHT;
      double w = x(item.value(), max);
      double end = w;
      BarChart.Whisker whisker = null;
      if (item.hasInterval()) {
        double x1 = x(item.low(), max);
        double x2 = x(item.high(), max);
        double mid = y + 3 + BAR_HEIGHT / 2;
        whisker =
            new BarChart.Whisker(
                fmt(labelWidth + x1), fmt(labelWidth + x2), fmt(mid), fmt(mid - 5), fmt(mid + 5));
        end = Math.max(w, x2);
      }
      bars.add(
          new Bar(
              ChartText.label(item.label()),
              item.label(),
              fmt(y + 3),
              fmt(y + ROW_HEIGHT / 2 + 4),
              fmt(w),
              fmt(labelWidth + end + 6),
              texts.get(i),
              item.failed(),
              whisker));
    }
    double plotBottom = TOP + items.size() * ROW_HEIGHT;
    List<Tick> ticks = new ArrayList<>();
    for (int t = 0; t <= TICKS; t++) {
      double value = max * t / TICKS;
      ticks.add(new Tick(fmt(labelWidth + x(value, max)), tick(value)));
    }
    // the axis title is centred under the plot unless it is wider: then it starts at the left edge
    double titleWidth = ChartText.width(axisTitle);
    double titleX = Math.max(labelWidth + PLOT_WIDTH / 2, titleWidth / 2 + 4);
    double width = Math.max(labelWidth + PLOT_WIDTH + textWidth + 16, titleX + titleWidth / 2 + 8);
    return new MetricBars(
        id,
        title,
        finding,
        fmt(width),
        fmt(plotBottom + 46),
        fmt(labelWidth - 8),
        fmt(labelWidth),
        fmt(labelWidth + PLOT_WIDTH),
        fmt(plotBottom),
        fmt(plotBottom + 14),
        axisTitle,
        fmt(titleX),
        fmt(plotBottom + 40),
        ticks,
        bars);
  }

  /** "0.0650, interval 0.04 – 0.09; rule ≤ 0.05: FAIL". */
  static String text(Item item) {
    StringBuilder text = new StringBuilder(NumberText.of(item.value()));
    if (item.hasInterval()) {
      text.append(" (")
          .append(NumberText.of(item.low()))
          .append(" – ")
          .append(NumberText.of(item.high()))
          .append(')');
    }
    if (!item.rule().isEmpty()) {
      text.append("; ").append(item.rule());
    }
    return text.toString();
  }

  /** A tick's label: the value without trailing zeros ("0.25", "50"). */
  static String tick(double value) {
    return new java.math.BigDecimal(NumberText.of(value)).stripTrailingZeros().toPlainString();
  }

  /** The length in the plot of a value on the scale 0 to {@code max}, clamped to the plot. */
  private static double x(double value, double max) {
    return Math.min(1, Math.max(0, value / max)) * PLOT_WIDTH;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
