package dev.assay.metrics.drift;

import dev.assay.core.Histogram;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spec.DriftOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain Java from one column's {@link ColumnCounts} to its drift metrics: the tests and distances
 * of its kind, the null rates, and {@code drift_detected}.
 *
 * <p>{@code null_rate_reference} / {@code null_rate_current}: missing values (null, and NaN or ±∞
 * in a numeric column) ÷ rows, 0 to 1. Missing values are left out of every distribution metric; a
 * change in missingness shows only in these two rates.
 *
 * <p>{@code unseen_share_current} (categorical): the share of the current non-null values whose
 * category never occurs in the reference, 0 to 1.
 *
 * <p>{@code drift_detected}: 1 when the column's test says it drifted, else 0. The default test is
 * Evidently's (DataDriftPreset, {@code get_stattest}): with at most {@value #SMALL_REFERENCE}
 * reference rows, KS (numeric) or chi-squared (categorical) with p &lt; 0.05; with more, {@code
 * wasserstein_normed} ≥ 0.1 (numeric) or {@code jensen_shannon} ≥ 0.1 (categorical). {@code
 * drift.tests} in the spec overrides it per column.
 */
public final class ColumnDrift {

  /** Evidently's boundary between the small-sample tests and the distances. */
  public static final long SMALL_REFERENCE = 1000;

  /**
   * A text or embedding classifier's AUC counts as drift only when its one-sided p-value under no
   * difference (the mean fold AUC against the Mann-Whitney null variance) is below this, too.
   */
  public static final double CHANCE_LEVEL = 0.05;

  public static final String NULL_RATE_REFERENCE = "null_rate_reference";
  public static final String NULL_RATE_CURRENT = "null_rate_current";
  public static final String UNSEEN_SHARE_CURRENT = "unseen_share_current";
  public static final String DRIFT_DETECTED = "drift_detected";

  /** The most categories a histogram shows by name; the rest are one "other" bin. */
  public static final int HISTOGRAM_CATEGORIES = 12;

  private ColumnDrift() {}

  /**
   * The metrics of one column.
   *
   * @param override the spec's test for this column, or null for the default
   */
  public static List<MetricResult> metrics(ColumnCounts c, int bins, DriftOptions.Test override) {
    return metrics(c, bins, override, Scope.column(c.column().name()), c.rowsReference());
  }

  /**
   * The metrics of one column in {@code scope} (a column, or a column within a segment's group).
   *
   * @param override the spec's test for this column, or null for the default
   * @param testRows the reference rows that choose the default test (the whole reference's, so
   *     every segment of a column is judged by the same test)
   */
  public static List<MetricResult> metrics(
      ColumnCounts c, int bins, DriftOptions.Test override, Scope scope, long testRows) {
    return evaluate(c, bins, override, scope, testRows).metrics();
  }

  /** One column's metrics and, apart, its verdict (drift_detected, also the last metric). */
  public record Verdict(List<MetricResult> metrics, MetricResult detected) {

    public Verdict {
      metrics = List.copyOf(metrics);
    }

    /** Whether drift_detected has a value. */
    public boolean defined() {
      return detected.number().isPresent();
    }

    /** Whether the column drifted (false when undefined). */
    public boolean drifted() {
      return defined() && detected.number().getAsDouble() == 1;
    }
  }

  /**
   * Like {@link #metrics(ColumnCounts, int, DriftOptions.Test, Scope, long)}, with the verdict
   * apart.
   */
  public static Verdict evaluate(
      ColumnCounts c, int bins, DriftOptions.Test override, Scope scope, long testRows) {
    return evaluate(c, bins, override, scope, testRows, List.of());
  }

  /**
   * Like {@link #evaluate(ColumnCounts, int, DriftOptions.Test, Scope, long)}; a text or embedding
   * column gets its null rates from {@code c} and its other metrics ({@code extra}, computed
   * apart), and its verdict from them.
   */
  public static Verdict evaluate(
      ColumnCounts c,
      int bins,
      DriftOptions.Test override,
      Scope scope,
      long testRows,
      List<MetricResult> extra) {
    Map<String, MetricResult> out = new LinkedHashMap<>();
    DriftColumn.Kind kind = c.column().kind();
    long count = c.nonNullCurrent();
    String approx =
        c.exact() || c.column().kind() != DriftColumn.Kind.NUMERIC ? null : roundingNote(c);
    String empty =
        c.nonNullReference() == 0
            ? "the reference has no non-null value in this column"
            : c.nonNullCurrent() == 0
                ? "the current data has no non-null value in this column"
                : null;
    put(
        out,
        scope,
        NULL_RATE_REFERENCE,
        (double) c.nullsReference() / c.rowsReference(),
        c.rowsReference(),
        "the reference has no rows here",
        null);
    put(
        out,
        scope,
        NULL_RATE_CURRENT,
        (double) c.nullsCurrent() / c.rowsCurrent(),
        c.rowsCurrent(),
        "the current data has no rows here",
        null);
    if (kind == DriftColumn.Kind.TEXT || kind == DriftColumn.Kind.EMBEDDING) {
      extra.forEach(m -> out.put(m.key().metric(), m));
    } else if (kind == DriftColumn.Kind.NUMERIC) {
      double d = KolmogorovSmirnov.statistic(c.reference(), c.current());
      double p =
          Double.isNaN(d)
              ? Double.NaN
              : KolmogorovSmirnov.pValue(d, c.nonNullReference(), c.nonNullCurrent());
      put(out, scope, KolmogorovSmirnov.STATISTIC, d, count, empty, approx);
      put(out, scope, KolmogorovSmirnov.P_VALUE, p, count, empty, approx);
      double w = Wasserstein.distance(c.values(), c.reference(), c.current());
      double std = Wasserstein.populationStd(c.values(), c.reference());
      put(out, scope, Wasserstein.DISTANCE, w, count, empty, approx);
      put(
          out,
          scope,
          Wasserstein.NORMED,
          Double.isNaN(w) ? w : Wasserstein.normed(w, std),
          count,
          empty,
          join(
              approx,
              "reference population std "
                  + fmt(std)
                  + (std < Wasserstein.MIN_STD ? ", floored at 0.001" : "")));
      double[] edges = QuantileBins.edges(c.values(), c.reference(), bins);
      long[] ref = QuantileBins.binCounts(c.values(), c.reference(), edges);
      long[] cur = QuantileBins.binCounts(c.values(), c.current(), edges);
      String binNote =
          join(approx, ref.length + " reference-quantile bins, edges " + edgesText(edges));
      distances(out, scope, ref, cur, count, empty, binNote);
    } else if (!c.exact()) {
      String why =
          "the column has more distinct categories than drift.max_distinct, so only its"
              + " null rates were compared (raise drift.max_distinct to compare its categories)";
      for (String metric :
          List.of(
              ChiSquare.STATISTIC,
              ChiSquare.P_VALUE,
              UNSEEN_SHARE_CURRENT,
              BinnedDistance.PSI.id(),
              BinnedDistance.JENSEN_SHANNON.id(),
              BinnedDistance.HELLINGER.id(),
              BinnedDistance.TOTAL_VARIATION.id())) {
        put(out, scope, metric, Double.NaN, count, why, null);
      }
    } else {
      double chi2 = ChiSquare.statistic(c.reference(), c.current());
      int df = c.reference().length - 1;
      put(out, scope, ChiSquare.STATISTIC, chi2, count, empty, df + " degrees of freedom");
      put(
          out,
          scope,
          ChiSquare.P_VALUE,
          Double.isNaN(chi2) ? chi2 : ChiSquare.pValue(chi2, df),
          count,
          empty,
          df + " degrees of freedom");
      long unseen = 0;
      List<String> unseenNames = new ArrayList<>();
      for (int i = 0; i < c.categories().length; i++) {
        if (c.reference()[i] == 0 && c.current()[i] > 0) {
          unseen += c.current()[i];
          unseenNames.add(c.categories()[i]);
        }
      }
      put(
          out,
          scope,
          UNSEEN_SHARE_CURRENT,
          c.nonNullCurrent() == 0 ? Double.NaN : (double) unseen / c.nonNullCurrent(),
          count,
          c.nonNullCurrent() == 0 ? "the current data has no non-null value in this column" : null,
          unseenNames.isEmpty()
              ? null
              : "categories not in the reference: " + firstFew(unseenNames));
      distances(
          out,
          scope,
          c.reference(),
          c.current(),
          count,
          empty,
          c.categories().length + " categories");
    }
    MetricResult detected = detected(c, scope, override, out, testRows);
    out.put(DRIFT_DETECTED, detected);
    return new Verdict(new ArrayList<>(out.values()), detected);
  }

  /**
   * The column's reference and current counts over the bins its distances use, for the report's
   * overlaid histogram: the reference-quantile bins of a numeric column ({@code ≤ e₁}, {@code (e₁,
   * e₂]}, …, {@code > e_last}; one bin "all values" when the reference is empty), or the {@value
   * #HISTOGRAM_CATEGORIES} most frequent categories (both sides together, ties by name) of a
   * categorical one and one bin "other (K categories)" for the rest.
   */
  public static Histogram histogram(ColumnCounts c, int bins) {
    List<String> labels = new ArrayList<>();
    List<Long> ref = new ArrayList<>();
    List<Long> cur = new ArrayList<>();
    if (c.column().kind() == DriftColumn.Kind.NUMERIC) {
      double[] edges = QuantileBins.edges(c.values(), c.reference(), bins);
      long[] r = QuantileBins.binCounts(c.values(), c.reference(), edges);
      long[] q = QuantileBins.binCounts(c.values(), c.current(), edges);
      for (int i = 0; i < r.length; i++) {
        labels.add(
            edges.length == 0
                ? "all values"
                : i == 0
                    ? "≤ " + label(edges[0])
                    : i == edges.length
                        ? "> " + label(edges[i - 1])
                        : "(" + label(edges[i - 1]) + ", " + label(edges[i]) + "]");
        ref.add(r[i]);
        cur.add(q[i]);
      }
    } else {
      Integer[] order = new Integer[c.categories().length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order,
          Comparator.comparingLong((Integer i) -> -(c.reference()[i] + c.current()[i]))
              .thenComparing(i -> c.categories()[i]));
      long otherRef = 0;
      long otherCur = 0;
      for (int k = 0; k < order.length; k++) {
        int i = order[k];
        if (k < HISTOGRAM_CATEGORIES) {
          labels.add(c.categories()[i]);
          ref.add(c.reference()[i]);
          cur.add(c.current()[i]);
        } else {
          otherRef += c.reference()[i];
          otherCur += c.current()[i];
        }
      }
      if (order.length > HISTOGRAM_CATEGORIES) {
        labels.add("other (" + (order.length - HISTOGRAM_CATEGORIES) + " categories)");
        ref.add(otherRef);
        cur.add(otherCur);
      }
    }
    return new Histogram(c.column().name(), labels, ref, cur);
  }

  /** A bin edge for a label: four significant digits, no trailing zeros. */
  static String label(double v) {
    return new BigDecimal(String.format(Locale.ROOT, "%.4g", v))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The test that decides drift_detected for a column by default (Evidently's choice). */
  public static DriftOptions.Test defaultTest(DriftColumn.Kind kind, long referenceRows) {
    DriftOptions.Method m;
    if (kind == DriftColumn.Kind.EMBEDDING) {
      m = DriftOptions.Method.MMD;
    } else if (kind == DriftColumn.Kind.TEXT) {
      m = DriftOptions.Method.TEXT_CLASSIFIER;
    } else if (referenceRows <= SMALL_REFERENCE) {
      m = kind == DriftColumn.Kind.NUMERIC ? DriftOptions.Method.KS : DriftOptions.Method.CHI2;
    } else {
      m =
          kind == DriftColumn.Kind.NUMERIC
              ? DriftOptions.Method.WASSERSTEIN
              : DriftOptions.Method.JENSEN_SHANNON;
    }
    return new DriftOptions.Test(m, m.defaultThreshold());
  }

  private static MetricResult detected(
      ColumnCounts c,
      Scope scope,
      DriftOptions.Test override,
      Map<String, MetricResult> metrics,
      long testRows) {
    DriftOptions.Test test = override != null ? override : defaultTest(c.column().kind(), testRows);
    DriftOptions.Method m = test.method();
    MetricKey key = new MetricKey(DriftMetrics.DRIFT_DETECTED, scope);
    MetricResult basis = metrics.get(m.metric());
    String why =
        override != null
            ? "set in drift.tests"
            : c.column().kind() == DriftColumn.Kind.EMBEDDING
                ? "Alibi Detect's MMDDrift default for an embedding column"
                : c.column().kind() == DriftColumn.Kind.TEXT
                    ? "Evidently's text_content_drift default for a text column"
                    : "Evidently's default for a "
                        + c.column().kind().name().toLowerCase(Locale.ROOT)
                        + " column with "
                        + (testRows <= SMALL_REFERENCE ? "at most " : "more than ")
                        + SMALL_REFERENCE
                        + " reference rows";
    if (basis == null || basis.number().isEmpty()) {
      return new MetricResult.Undefined(
          key,
          c.nonNullCurrent(),
          "drift_detected is undefined: "
              + m.metric()
              + " has no value"
              + (basis == null ? "" : " (" + basis.note() + ")"));
    }
    double v = basis.number().getAsDouble();
    boolean drift = m.pValue() ? v < test.threshold() : v >= test.threshold();
    // a classifier's AUC must also be above chance: with few rows 0.55 is within noise
    Double chance =
        basis instanceof MetricResult.Computed computed && !m.pValue() ? computed.pValue() : null;
    boolean aboveChance = chance == null || chance < CHANCE_LEVEL;
    if (drift && !aboveChance) {
      drift = false;
      why += "; not above chance: one-sided p = " + fmt(chance) + " >= " + CHANCE_LEVEL;
    }
    String note =
        "test: "
            + m.metric()
            + " = "
            + fmt(v)
            + (m.pValue() ? (drift ? " < " : " >= ") : (drift ? " >= " : " < "))
            + fmt(test.threshold())
            + " ("
            + why
            + ")";
    return new MetricResult.Computed(
        key,
        drift ? 1 : 0,
        c.nonNullCurrent(),
        null,
        null,
        m.pValue() ? v : null,
        note,
        null,
        null);
  }

  private static void distances(
      Map<String, MetricResult> out,
      Scope scope,
      long[] ref,
      long[] cur,
      long count,
      String empty,
      String note) {
    double[] p = BinnedDistance.shares(ref);
    double[] q = BinnedDistance.shares(cur);
    for (BinnedDistance d : BinnedDistance.values()) {
      put(out, scope, d.id(), empty != null ? Double.NaN : d.value(p, q), count, empty, note);
    }
  }

  private static void put(
      Map<String, MetricResult> out,
      Scope scope,
      String metric,
      double value,
      long count,
      String undefinedReason,
      String note) {
    MetricKey key = new MetricKey(DriftMetrics.require(metric), scope);
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.put(
          metric,
          new MetricResult.Undefined(
              key,
              count,
              metric
                  + " is undefined: "
                  + (undefinedReason == null ? "no finite value" : undefinedReason)));
    } else {
      out.put(metric, MetricResult.Computed.of(key, value, count, note));
    }
  }

  private static String roundingNote(ColumnCounts c) {
    double cell = 0;
    long n = c.nonNullReference();
    long m = c.nonNullCurrent();
    for (int i = 0; i < c.values().length; i++) {
      if (n > 0) {
        cell = Math.max(cell, (double) c.reference()[i] / n);
      }
      if (m > 0) {
        cell = Math.max(cell, (double) c.current()[i] / m);
      }
    }
    return "approximate: more than drift.max_distinct distinct values, so values were counted in "
        + "equal-width cells of width "
        + fmt(c.cellWidth())
        + " at the cells' midpoints;"
        + " ks_statistic within +-"
        + fmt(cell)
        + ", wasserstein within +-"
        + fmt(c.cellWidth())
        + ", quantile edges within +-"
        + fmt(c.cellWidth() / 2);
  }

  private static String edgesText(double[] edges) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < edges.length; i++) {
      b.append(i == 0 ? "" : ", ").append(fmt(edges[i]));
    }
    return b.append(']').toString();
  }

  private static String firstFew(List<String> names) {
    return names.size() <= 5
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + "; " + b;
  }
}
