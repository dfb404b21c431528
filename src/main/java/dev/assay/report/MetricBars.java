package dev.assay.report;

import static dev.assay.report.ChartFrame.px;

import java.util.ArrayList;
import java.util.List;

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
 * @param frame the chart's size, title (also its heading), description, label column and axis title
 */
public record MetricBars(
    ChartFrame frame,
    String plotRight,
    String plotBottom,
    String tickLabelY,
    List<Tick> ticks,
    List<ChartBar> bars) {

  static final double PLOT_WIDTH = 300;

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
    double labelWidth = ChartFrame.labelWidth(items.stream().map(Item::label).toList());
    double textWidth = ChartText.width(NumberText.of(max));
    List<String> texts = new ArrayList<>();
    for (Item item : items) {
      String text = text(item);
      texts.add(text);
      textWidth = Math.max(textWidth, ChartText.width(text));
    }
    List<ChartBar> bars = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      double w = x(item.value(), max);
      double end = w;
      ChartBar.Whisker whisker = null;
      if (item.hasInterval()) {
        double x1 = x(item.low(), max);
        double x2 = x(item.high(), max);
        whisker = ChartBar.Whisker.across(labelWidth + x1, labelWidth + x2, i);
        end = Math.max(w, x2);
      }
      bars.add(
          ChartBar.at(
              i, item.label(), labelWidth, w, end, texts.get(i), item.failed(), whisker, ""));
    }
    double plotBottom = ChartFrame.plotBottom(items.size());
    List<Tick> ticks = new ArrayList<>();
    for (int t = 0; t <= TICKS; t++) {
      double value = max * t / TICKS;
      ticks.add(new Tick(px(labelWidth + x(value, max)), tick(value)));
    }
    // the axis title is centred under the plot unless it is wider: then it starts at the left edge
    double titleWidth = ChartText.width(axisTitle);
    double titleX = Math.max(labelWidth + PLOT_WIDTH / 2, titleWidth / 2 + 4);
    double width = Math.max(labelWidth + PLOT_WIDTH + textWidth + 16, titleX + titleWidth / 2 + 8);
    return new MetricBars(
        ChartFrame.of(
            id,
            title,
            finding,
            width,
            plotBottom + 46,
            labelWidth,
            axisTitle,
            titleX,
            plotBottom + 40),
        px(labelWidth + PLOT_WIDTH),
        px(plotBottom),
        px(plotBottom + 14),
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
}
