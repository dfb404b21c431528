package dev.assay.report;

import dev.assay.core.Family;
import dev.assay.core.MetricResult;
import dev.assay.core.PiiMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The PII-by-type chart of one family for the HTML report: one horizontal bar per scanned column
 * and kind of personal data with at least one match, its length the number of records ({@code
 * pii_<type>_count}), its text the count and the share of records ({@code pii_<type>_rate}). Every
 * bar is labelled with its column and type in words and carries a {@code <title>}, so the chart
 * never relies on colour. Columns keep the order of the metrics, types within a column are ordered
 * by count, largest first; at most {@link #MAX_BARS} bars are drawn and the rest are counted.
 *
 * @param frame the chart's size, title, description, label column and axis title
 * @param bars the drawn bars, empty when nothing was found
 * @param hidden bars left out because of the cap
 * @param columns the number of scanned columns
 */
public record PiiChart(ChartFrame frame, List<ChartBar> bars, int hidden, int columns) {

  /** The most bars drawn. */
  public static final int MAX_BARS = 40;

  static final double PLOT_WIDTH = 300;
  static final double VALUE_WIDTH = 190;

  private static final String COUNT_SUFFIX = "_count";
  private static final String RATE_SUFFIX = "_rate";

  /** A type's name in words ("credit card number"); an unknown id with spaces for underscores. */
  static String typeWords(String id) {
    return PiiMetrics.typeWords(id);
  }

  /**
   * The chart of the {@code pii_<type>_count} metrics of {@code family} in {@code metrics}, or null
   * when the family has none (the scan did not run).
   */
  static PiiChart of(String id, Family family, List<MetricResult> metrics) {
    record Found(String column, String type, long count, Double rate) {}
    Map<String, Double> rates = new LinkedHashMap<>();
    for (MetricResult m : metrics) {
      String name = m.key().metric();
      if (m.key().family() == family
          && name.startsWith(PiiMetrics.PREFIX)
          && name.endsWith(RATE_SUFFIX)
          && m.number().isPresent()) {
        rates.put(
            column(m) + "\u0000" + name.substring(0, name.length() - RATE_SUFFIX.length()),
            m.number().getAsDouble());
      }
    }
    Set<String> columns = new LinkedHashSet<>();
    List<Found> found = new ArrayList<>();
    for (MetricResult m : metrics) {
      String name = m.key().metric();
      if (m.key().family() != family
          || !name.startsWith(PiiMetrics.PREFIX)
          || !name.endsWith(COUNT_SUFFIX)) {
        continue;
      }
      String column = column(m);
      columns.add(column);
      if (m.number().isPresent() && m.number().getAsDouble() > 0) {
        String stem = name.substring(0, name.length() - COUNT_SUFFIX.length());
        found.add(
            new Found(
                column,
                stem.substring(PiiMetrics.PREFIX.length()),
                (long) m.number().getAsDouble(),
                rates.get(column + "\u0000" + stem)));
      }
    }
    if (columns.isEmpty()) {
      return null;
    }
    List<String> order = new ArrayList<>(columns);
    found.sort(
        Comparator.comparingInt((Found f) -> order.indexOf(f.column()))
            .thenComparing(Comparator.comparingLong(Found::count).reversed())
            .thenComparing(Found::type));
    List<Found> drawn = found.subList(0, Math.min(found.size(), MAX_BARS));
    long max = drawn.stream().mapToLong(Found::count).max().orElse(0);
    double labelWidth =
        ChartFrame.labelWidth(
            drawn.stream().map(f -> f.column() + ": " + typeWords(f.type())).toList());
    List<ChartBar> bars = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i++) {
      Found f = drawn.get(i);
      double w = (double) f.count() / max * PLOT_WIDTH;
      String full = f.column() + ": " + typeWords(f.type());
      String value =
          plural(f.count(), "record")
              + (f.rate() == null ? "" : " (" + Findings.percent(f.rate()) + ")");
      bars.add(ChartBar.at(i, full, labelWidth, w, w, value, false, null, ""));
    }
    String scanned = plural(columns.size(), "scanned column");
    String description =
        found.isEmpty()
            ? "No personal data of any recognised type was found in the " + scanned + "."
            : "Records with personal data, by column and type, in the "
                + scanned
                + ": "
                + String.join(
                    "; ",
                    drawn.stream()
                        .map(f -> f.column() + ", " + typeWords(f.type()) + " " + f.count())
                        .toList())
                + (found.size() > drawn.size()
                    ? "; and " + (found.size() - drawn.size()) + " more."
                    : ".");
    double plotBottom = ChartFrame.plotBottom(drawn.size());
    return new PiiChart(
        ChartFrame.of(
            id,
            "Personal data found, by column and type",
            description,
            labelWidth + PLOT_WIDTH + VALUE_WIDTH,
            plotBottom + 30,
            labelWidth,
            "Records with a match (bar length)",
            labelWidth + PLOT_WIDTH / 2,
            plotBottom + 22),
        bars,
        found.size() - drawn.size(),
        columns.size());
  }

  private static String column(MetricResult m) {
    String column = m.key().scope().column();
    return column == null ? m.key().scope().label() : column;
  }

  private static String plural(long n, String noun) {
    return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
  }
}
