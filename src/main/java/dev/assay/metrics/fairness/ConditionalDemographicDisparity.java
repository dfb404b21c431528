package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.AnalysisContext.join;
import static dev.assay.metrics.fairness.AnalysisContext.key;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.Columns;
import dev.assay.spark.Grouping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * SageMaker Clarify's conditional demographic disparity of a group (facet d) given the strata of
 * the {@code fairness.strata} column, in the labels ({@code clarify_cddl}, Clarify "Conditional
 * Demographic Disparity (CDD)",
 * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-data-bias-metric-cddl.html) and in the
 * predictions ({@code clarify_cddpl}, Clarify "Conditional demographic disparity in predicted
 * labels (CDDPL)",
 * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-cddpl.html):
 *
 * <pre>
 *   DD_i  = n_d,i(0) / n_i(0) − n_d,i(1) / n_i(1)      within stratum i
 *         = d's share of the stratum's rejected rows − d's share of its accepted rows
 *   CDD   = Σ_i n_i · DD_i / Σ_i n_i                     n_i = rows of stratum i
 * </pre>
 *
 * <p>Accepted (1) is the favourable value of {@code columns.favourable}, as for every {@link
 * ClarifyMetric}; rows of every group of the attribute (small ones included) make up the stratum's
 * totals. Range [−1, 1]; 0 is parity, positive means d takes a larger share of the rejections than
 * of the acceptances once the strata are held fixed (the disparity that survives Simpson's paradox,
 * as in the Berkeley admissions case the Clarify page cites).
 *
 * <p><b>Empty sides.</b> As in smclarify's {@code common.CDD}: a stratum with no accepted (or no
 * rejected) row counts its share of acceptances (rejections) as 0 — the value then matches
 * Clarify's, and the note counts such strata; the metric is undefined (with the reason) when the
 * whole attribute has no accepted or no rejected row (smclarify raises), when the attribute has one
 * group (no rest, as for the other Clarify metrics). Computed from the (group, stratum) cells of
 * the one fairness job: the stratum column is one more cell column.
 */
final class ConditionalDemographicDisparity {

  /** The cell column holding the stratum (the strata column as a string, missing as its group). */
  static final String COLUMN = "__assay_stratum";

  private static final String GROUPING = "\u0000strata";

  /** The metric names, labels first. */
  static final String CDDL = "clarify_cddl";

  static final String CDDPL = "clarify_cddpl";

  /** Per slice, per group, per stratum: the cell states. */
  private final Map<String, Map<String, Map<String, ConfusionState>>> cells = new HashMap<>();

  private final String column;

  ConditionalDemographicDisparity(String column) {
    this.column = column;
  }

  /**
   * {@code data} with {@link #COLUMN} = the strata column as a string, null as {@code (missing)}.
   */
  static Dataset<Row> withStratum(Dataset<Row> data, String strata) {
    return data.withColumn(
        COLUMN,
        functions.coalesce(
            Columns.named(strata).cast("string"), functions.lit(FairnessAnalysis.MISSING)));
  }

  /** The grouping of {@code slice}'s groups by stratum: its group columns plus the stratum. */
  static Grouping grouping(Slice slice, SliceColumns cells) {
    return new Grouping(slice.name() + GROUPING, cells.cellColumns(slice, COLUMN));
  }

  /** Keeps the state of a (group, stratum) {@code key} of {@code slice}'s {@link #grouping}. */
  void add(String slice, List<String> key, ConfusionState state) {
    String group = SliceColumns.group(key.subList(0, key.size() - 1));
    cells
        .computeIfAbsent(slice, k -> new TreeMap<>())
        .computeIfAbsent(group, k -> new TreeMap<>())
        .put(key.get(key.size() - 1), state);
  }

  /**
   * {@code clarify_cddl} (with a label) and {@code clarify_cddpl} (with a prediction) of every
   * group of {@code attribute}.
   */
  List<MetricResult> results(AnalysisContext c, String attribute) {
    boolean fav = c.in().outcomes().favourableIsPositive();
    Map<String, Map<String, ClarifyMetric.Side>> sides = new TreeMap<>();
    Map<String, ClarifyMetric.Side> strata = new TreeMap<>();
    cells
        .getOrDefault(attribute, Map.of())
        .forEach(
            (group, byStratum) ->
                byStratum.forEach(
                    (stratum, s) -> {
                      ClarifyMetric.Side side = ClarifyMetric.Side.of(s, fav);
                      sides.computeIfAbsent(group, k -> new TreeMap<>()).put(stratum, side);
                      strata.merge(stratum, side, ClarifyMetric.Side::plus);
                    }));
    List<MetricResult> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, ClarifyMetric.Side>> e : sides.entrySet()) {
      long n = e.getValue().values().stream().mapToLong(ClarifyMetric.Side::n).sum();
      String small =
          n < c.in().groups().minGroupSize()
              ? "insufficient data: "
                  + n
                  + " rows < min_group_size "
                  + c.in().groups().minGroupSize()
              : null;
      Scope scope = Scope.group(attribute, e.getKey());
      if (c.hasLabel()) {
        out.add(
            metric(
                key(CDDL, scope),
                n,
                sides.size(),
                e.getValue(),
                strata,
                ClarifyMetric.Side::labelPositive,
                "labels",
                small));
      }
      if (c.in().hasPrediction()) {
        out.add(
            metric(
                key(CDDPL, scope),
                n,
                sides.size(),
                e.getValue(),
                strata,
                ClarifyMetric.Side::predictedPositive,
                "predictions",
                small));
      }
    }
    return out;
  }

  private MetricResult metric(
      MetricKey k,
      long n,
      int groups,
      Map<String, ClarifyMetric.Side> facet,
      Map<String, ClarifyMetric.Side> strata,
      ToLongFunction<ClarifyMetric.Side> accepted,
      String what,
      String small) {
    if (groups < 2) {
      return new MetricResult.Undefined(
          k,
          n,
          join(
              k.metric()
                  + " is undefined: the rest (a) has no rows:"
                  + " the attribute has one group",
              small));
    }
    long allAccepted = 0;
    long allRows = 0;
    for (ClarifyMetric.Side s : strata.values()) {
      allAccepted += accepted.applyAsLong(s);
      allRows += s.n();
    }
    if (allAccepted == 0 || allAccepted == allRows) {
      return new MetricResult.Undefined(
          k,
          n,
          join(
              k.metric()
                  + " is undefined: no "
                  + (allAccepted == 0 ? "favourable" : "unfavourable")
                  + " "
                  + what
                  + " in the attribute's rows",
              small));
    }
    double sum = 0.0;
    int noAccepted = 0;
    int noRejected = 0;
    for (Map.Entry<String, ClarifyMetric.Side> e : strata.entrySet()) {
      ClarifyMetric.Side all = e.getValue();
      ClarifyMetric.Side d = facet.getOrDefault(e.getKey(), new ClarifyMetric.Side(0, 0, 0, 0));
      long acc = accepted.applyAsLong(all);
      long rej = all.n() - acc;
      long accD = accepted.applyAsLong(d);
      long rejD = d.n() - accD;
      double shareAccepted = acc == 0 ? 0.0 : (double) accD / acc;
      double shareRejected = rej == 0 ? 0.0 : (double) rejD / rej;
      noAccepted += acc == 0 ? 1 : 0;
      noRejected += rej == 0 ? 1 : 0;
      sum += all.n() * (shareRejected - shareAccepted);
    }
    String note = "conditioned on " + column + " (" + strata.size() + " strata) in the " + what;
    if (noAccepted + noRejected > 0) {
      note +=
          "; "
              + (noAccepted > 0 ? noAccepted + " stratum(s) without a favourable row" : "")
              + (noAccepted > 0 && noRejected > 0 ? " and " : "")
              + (noRejected > 0 ? noRejected + " without an unfavourable row" : "")
              + " count that share as 0, as SageMaker Clarify does";
    }
    return MetricResult.Computed.of(k, sum / allRows, n, join(note, small));
  }
}
