package dev.assay.report;

import static dev.assay.report.ChartFrame.px;

/**
 * One drawn bar of a horizontal bar chart ({@link BarChart}, {@link MetricBars}, {@link PiiChart}):
 * its label (shortened for the drawing, in full for the {@code <title>}), its box, the text after
 * it, whether it is flagged (drawn in the warning colour and said in the text), and its interval as
 * a whisker (null without one; {@code ci} is the interval as text, "" without one).
 */
public record ChartBar(
    String label,
    String fullLabel,
    String y,
    String textY,
    String width,
    String valueX,
    String text,
    boolean flagged,
    Whisker whisker,
    String ci) {

  /**
   * The bar of row {@code row}: {@code length} px long from the plot's left edge at {@code
   * labelWidth}, its text starting 6 px after {@code textEnd} (the bar's or its whisker's end).
   */
  static ChartBar at(
      int row,
      String fullLabel,
      double labelWidth,
      double length,
      double textEnd,
      String text,
      boolean flagged,
      Whisker whisker,
      String ci) {
    return new ChartBar(
        ChartText.label(fullLabel),
        fullLabel,
        px(ChartFrame.barTop(row)),
        px(ChartFrame.textBaseline(row)),
        px(length),
        px(labelWidth + textEnd + 6),
        text,
        flagged,
        whisker,
        ci);
  }

  /**
   * An interval drawn as a horizontal line from x1 to x2 at y, with end caps from capTop to
   * capBottom.
   */
  public record Whisker(String x1, String x2, String y, String capTop, String capBottom) {

    /** The whisker from x1 to x2 (absolute) across the middle of row {@code row}'s bar. */
    static Whisker across(double x1, double x2, int row) {
      double mid = ChartFrame.barTop(row) + ChartFrame.BAR_HEIGHT / 2;
      return new Whisker(px(x1), px(x2), px(mid), px(mid - 5), px(mid + 5));
    }
  }
}
