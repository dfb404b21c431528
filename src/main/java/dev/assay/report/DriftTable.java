package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.Histogram;
import dev.assay.core.MetricResult;
import dev.assay.core.MetricUnit;
import dev.assay.metrics.MetricCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drift summary: one row per compared column, sorted by how much it drifted. Drifted columns
 * come first, then stable ones, then those whose drift could not be decided; within each, by the
 * deciding statistic's distance from its threshold (a distance ÷ its threshold, or a threshold ÷
 * the p-value, larger first), then by name. The test and its threshold are read from the {@code
 * drift_detected} note ({@code "test: wasserstein_normed = 0.465 >= 0.1 (...)"}), which holds only
 * metric names and numbers, never data.
 *
 * @param rows the first {@link #MAX_COLUMNS} columns in that order
 * @param hidden the columns left out (all are in results.json)
 * @param driftedCount drifted columns in all, shown or not
 * @param histograms overlaid reference vs current histograms of the first {@link #MAX_HISTOGRAMS}
 *     columns in the same order (those with counts in the run's exhibits)
 * @param hiddenHistograms columns with counts whose histogram is left out
 */
public record DriftTable(
    List<Row> rows,
    int hidden,
    int driftedCount,
    List<HistogramChart> histograms,
    int hiddenHistograms) {

  /** The most columns a report lists. */
  public static final int MAX_COLUMNS = 200;

  /** The most histograms a report draws: the columns that drifted most. */
  public static final int MAX_HISTOGRAMS = 20;

  static final DriftTable EMPTY = new DriftTable(List.of(), 0, 0, List.of(), 0);

  private static final Pattern TEST =
      Pattern.compile("test: ([a-z_0-9]+) = (\\S+) (<|>=) (\\S+) .*", Pattern.DOTALL);

  /**
   * One column's summary.
   *
   * @param drifted true when drift_detected is 1
   * @param result "drifted", "stable" or "undecided", as text
   * @param test the deciding test in words ("wasserstein_normed ≥ 0.1"), or "" when unknown
   * @param psi and the other values: null when not computed for the column
   */
  public record Row(
      String column,
      boolean drifted,
      String result,
      String test,
      String testText,
      String decidingMetric,
      String decidingValue,
      boolean numeric,
      Double psi,
      Double wassersteinNormed,
      Double jensenShannon,
      Double pValue,
      String nullRates,
      double strength) {

    public String psiText() {
      return NumberText.of(psi);
    }

    public String wassersteinText() {
      return NumberText.of(wassersteinNormed);
    }

    public String jensenShannonText() {
      return NumberText.of(jensenShannon);
    }

    public String pValueText() {
      return NumberText.of(pValue);
    }
  }

  /** The table of the run's drift columns, or {@link #EMPTY} without any. */
  public static DriftTable of(AuditRun run) {
    Map<String, Map<String, MetricResult>> byColumn = new LinkedHashMap<>();
    for (MetricResult m : run.metrics()) {
      if (m.key().family() == Family.DRIFT
          && m.key().scope().column() != null
          && m.key().scope().attribute() == null) {
        byColumn
            .computeIfAbsent(m.key().scope().column(), c -> new LinkedHashMap<>())
            .put(m.key().metric(), m);
      }
    }
    List<Row> rows = new ArrayList<>();
    byColumn.forEach((column, metrics) -> rows.add(row(column, metrics)));
    rows.sort(
        Comparator.comparingInt(DriftTable::rank)
            .thenComparing(Comparator.comparingDouble(Row::strength).reversed())
            .thenComparing(Row::column));
    int drifted = (int) rows.stream().filter(Row::drifted).count();
    int shown = Math.min(rows.size(), MAX_COLUMNS);
    Map<String, Histogram> counts = new LinkedHashMap<>();
    run.exhibits().histograms().forEach(h -> counts.put(h.column(), h));
    List<HistogramChart> charts = new ArrayList<>();
    int hiddenCharts = 0;
    for (Row row : rows) {
      Histogram h = counts.get(row.column());
      HistogramChart chart =
          h == null ? null : HistogramChart.of("drift-hist-" + (charts.size() + 1), h);
      if (chart != null) {
        if (charts.size() < MAX_HISTOGRAMS) {
          charts.add(chart);
        } else {
          hiddenCharts++;
        }
      }
    }
    return new DriftTable(
        List.copyOf(rows.subList(0, shown)), rows.size() - shown, drifted, charts, hiddenCharts);
  }

  private static int rank(Row r) {
    return r.drifted() ? 0 : r.result().equals("stable") ? 1 : 2;
  }

  static Row row(String column, Map<String, MetricResult> m) {
    MetricResult detected = m.get("drift_detected");
    boolean decided = detected != null && detected.number().isPresent();
    boolean drifted = decided && detected.number().getAsDouble() == 1;
    String test = "";
    String testText = "";
    String decidingMetric = "";
    String deciding = "";
    double strength = 0;
    if (detected != null && detected.note() != null) {
      Matcher t = TEST.matcher(detected.note());
      if (t.matches()) {
        String metric = t.group(1);
        boolean pValue =
            MetricCatalog.find(Family.DRIFT, metric)
                .map(d -> d.unit() == MetricUnit.P_VALUE)
                .orElse(false);
        double value = Double.parseDouble(t.group(2));
        double threshold = Double.parseDouble(t.group(4));
        String thresholdText =
            new BigDecimal(NumberText.of(threshold)).stripTrailingZeros().toPlainString();
        test = metric + (pValue ? " < " : " ≥ ") + thresholdText;
        testText =
            "the "
                + Findings.driftWords(metric)
                + (pValue
                    ? " is below " + thresholdText
                    : " is "
                        + thresholdText
                        + (metric.equals("wasserstein_normed") ? " standard deviations" : "")
                        + " or more");
        decidingMetric = metric;
        deciding = NumberText.of(value);
        strength =
            pValue
                ? (value > 0 ? threshold / value : Double.MAX_VALUE)
                : (threshold > 0 ? value / threshold : value);
      }
    }
    boolean numeric = m.containsKey("ks_statistic") || m.containsKey("wasserstein_normed");
    String nulls = "";
    Double nullRef = number(m.get("null_rate_reference"));
    Double nullCur = number(m.get("null_rate_current"));
    if (nullRef != null || nullCur != null) {
      nulls = NumberText.of(nullRef) + " → " + NumberText.of(nullCur);
    }
    return new Row(
        column,
        drifted,
        drifted ? "drifted" : decided ? "stable" : "undecided",
        test,
        testText,
        decidingMetric,
        deciding,
        numeric,
        number(m.get("psi")),
        number(m.get("wasserstein_normed")),
        number(m.get("jensen_shannon")),
        number(m.get(numeric ? "ks_p_value" : "chi2_p_value")),
        nulls,
        strength);
  }

  private static Double number(MetricResult m) {
    return m == null || m.number().isEmpty() ? null : m.number().getAsDouble();
  }
}
