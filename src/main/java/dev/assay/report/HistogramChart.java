package dev.assay.report;

import static dev.assay.report.ChartFrame.px;

import dev.assay.core.Histogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of one overlaid histogram for the drift section: for each bin a pair of vertical
 * bars, the reference's share of its non-null values (solid) beside the current data's (hatched and
 * outlined), so the two sides differ by pattern and position, never only by colour. Heights are
 * shares, not counts, because the two data sets differ in size; the highest share of either side
 * fills the plot. Every bar carries a {@code <title>} with its bin, count and share, and the chart
 * a description an assistive reader hears instead of the picture, leading with the bin that changed
 * most. The legend, the axis titles and the bin labels are measured ({@link ChartText}): the chart
 * is as wide as its legend and as tall as its longest (rotated) bin label needs. Coordinates are
 * pre-formatted strings so the SVG is the same on every locale.
 *
 * @param frame the SVG's size, its id (also the hatch pattern's), title and description (one
 *     sentence: the bins, the sides' sizes and the bin that changed most), the plot's left edge and
 *     the x axis' title below the bin labels
 * @param column the column, as text
 */
public record HistogramChart(
    ChartFrame frame,
    String column,
    String plotRight,
    String plotTop,
    String plotBottom,
    String topLabel,
    String labelY,
    String legendCurrentX,
    String legendCurrentTextX,
    String yAxisTitle,
    String yAxisTitleY,
    List<Bin> bins) {

  static final double LEFT = 46;
  static final double TOP = 34;
  static final double PLOT_HEIGHT = 120;
  static final double BAR_WIDTH = 14;
  static final double GAP = 10;
  static final double RIGHT = 12;

  /** sin 35°: the bin labels are rotated by 35 degrees. */
  static final double LABEL_SLOPE = 0.574;

  static final String LEGEND_REFERENCE = "reference (solid)";
  static final String LEGEND_CURRENT = "current (hatched)";

  /**
   * One bin: its label (shortened for the axis, in full in the titles), the reference bar and the
   * current bar.
   */
  public record Bin(String label, String fullLabel, String labelX, Bar reference, Bar current) {}

  /** One bar: its box and the text of its {@code <title>}. */
  public record Bar(String x, String y, String width, String height, String text) {}

  /** The chart of {@code h}, or null when neither side has a value to draw. */
  public static HistogramChart of(String id, Histogram h) {
    long n = h.referenceCounts().stream().mapToLong(Long::longValue).sum();
    long m = h.currentCounts().stream().mapToLong(Long::longValue).sum();
    int size = h.binLabels().size();
    double max = 0;
    for (int i = 0; i < size; i++) {
      max = Math.max(max, share(h.referenceCounts().get(i), n));
      max = Math.max(max, share(h.currentCounts().get(i), m));
    }
    if (size == 0 || !(max > 0)) {
      return null;
    }
    double step = 2 * BAR_WIDTH + GAP;
    double bottom = TOP + PLOT_HEIGHT;
    List<Bin> bins = new ArrayList<>();
    int changed = -1;
    double change = -1;
    for (int i = 0; i < size; i++) {
      String full = h.binLabels().get(i);
      double x = LEFT + GAP / 2 + i * step;
      long r = h.referenceCounts().get(i);
      long c = h.currentCounts().get(i);
      double d = Math.abs(share(r, n) - share(c, m));
      if (d > change) {
        change = d;
        changed = i;
      }
      bins.add(
          new Bin(
              ChartText.label(full),
              full,
              px(x + BAR_WIDTH),
              bar(
                  x,
                  share(r, n),
                  max,
                  bottom,
                  full + ": reference " + r + " of " + n + " (" + percent(share(r, n)) + ")"),
              bar(
                  x + BAR_WIDTH,
                  share(c, m),
                  max,
                  bottom,
                  full + ": current " + c + " of " + m + " (" + percent(share(c, m)) + ")")));
    }
    double width = LEFT + size * step + RIGHT;
    String label = h.binLabels().get(changed);
    String description =
        "The largest change in "
            + h.column()
            + " is in bin "
            + label
            + ": "
            + percent(share(h.referenceCounts().get(changed), n))
            + " of the reference's values, "
            + percent(share(h.currentCounts().get(changed), m))
            + " of the current's. Share of non-null"
            + " values per bin, reference ("
            + n
            + " values, solid bars) beside current ("
            + m
            + " values, hatched bars), "
            + GateSummary.plural(size, "bin")
            + ".";
    double longestLabel =
        bins.stream().mapToDouble(b -> ChartText.width(b.label())).max().orElse(0);
    double labelDrop = longestLabel * LABEL_SLOPE + ChartText.FONT_PX + 8;
    double legendCurrentX = LEFT + 20 + ChartText.width(LEGEND_REFERENCE) + 16;
    double legendRight = legendCurrentX + 20 + ChartText.width(LEGEND_CURRENT) + RIGHT;
    String xTitle = h.column() + " (bins)";
    double chartWidth =
        Math.max(Math.max(width, legendRight), LEFT + ChartText.width(xTitle) + RIGHT);
    double xTitleY = bottom + labelDrop + ChartText.FONT_PX + 4;
    return new HistogramChart(
        ChartFrame.of(
            id,
            "Reference vs current: " + h.column(),
            description,
            chartWidth,
            xTitleY + 8,
            LEFT,
            xTitle,
            LEFT,
            xTitleY),
        h.column(),
        px(width - RIGHT),
        px(TOP),
        px(bottom),
        percent(max),
        px(bottom + 12),
        px(legendCurrentX),
        px(legendCurrentX + 20),
        "share of values",
        px(TOP - 8),
        bins);
  }

  private static Bar bar(double x, double share, double max, double bottom, String text) {
    double height = share / max * PLOT_HEIGHT;
    return new Bar(px(x), px(bottom - height), px(BAR_WIDTH), px(height), text);
  }

  private static double share(long count, long total) {
    return total == 0 ? 0 : (double) count / total;
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share).replace(" %", "\u00a0%");
  }
}
