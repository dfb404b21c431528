package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spec.DriftOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleFunction;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/**
 * Drift of an embedding column (fixed-length vectors), by the methods Evidently, NannyML and Alibi
 * Detect users know:
 *
 * <ul>
 *   <li>{@code embedding_drifted_components_share}: the share of the vector's components that
 *       drifted, each tested like a numeric column by the default test ({@link
 *       ColumnDrift#defaultTest}) in the same counting pass as every other column (Evidently's
 *       {@code ratio} method; drift when the share ≥ 0.2);
 *   <li>{@code embedding_mean_euclidean} and {@code embedding_mean_cosine}: the Euclidean and
 *       cosine distance (1 − cosine similarity) between the mean vectors of the two sides' samples,
 *       with a bootstrap threshold as Evidently's {@code distance} method computes it: {@value
 *       #BOOTSTRAP} times, two samples drawn with replacement from the reference (of sizes n²/(n+m)
 *       and nm/(n+m)), their distance; the threshold is the 95th percentile, and the metric's
 *       p-value the share of bootstrap distances at or above the observed one;
 *   <li>{@code embedding_mmd}: the unbiased squared maximum mean discrepancy (Gretton et al., JMLR
 *       2012) with the RBF kernel k(a, b) = exp(−‖a − b‖² / σ²), σ the median Euclidean distance
 *       between reference and current vectors (the median heuristic, as Evidently's {@code mmd} and
 *       Alibi Detect's {@code MMDDrift}), on at most {@value #MMD_SAMPLE} seeded vectors per side;
 *       {@code embedding_mmd_p_value} its permutation p-value, (1 + #{permuted ≥ observed}) ÷ (1 +
 *       {@value #PERMUTATIONS}) over {@value #PERMUTATIONS} seeded permutations of the pooled
 *       vectors (Alibi Detect's test; drift when p &lt; 0.05, the default verdict);
 *   <li>{@code embedding_mmd_linear} and its p-value: the linear-time MMD over all the vectors
 *       ({@link LinearMmd}, one more Spark job per embedding column) with the same σ;
 *   <li>{@code embedding_classifier_auc}: the {@link DomainClassifier} on the vector's components
 *       alone (Evidently's default {@code model} method; drift when the AUC ≥ 0.55).
 * </ul>
 *
 * Everything but the component share and the linear MMD runs on the family's bounded sample ({@code
 * drift.classifier_sample} rows per side), so it is undefined when that option is 0 (the linear MMD
 * too, since its bandwidth comes from the sample).
 */
final class EmbeddingDrift {

  static final int MMD_SAMPLE = 500;
  static final int PERMUTATIONS = 100;
  static final int BOOTSTRAP = 100;
  static final double QUANTILE = 0.95;

  private EmbeddingDrift() {}

  /**
   * An embedding column's value as {@code array<double>}; a vector with a missing or non-finite
   * element counts as missing.
   */
  static Column vector(Column c, DataType type) {
    Column v =
        type instanceof VectorUDT
            ? org.apache.spark.ml.functions.vector_to_array(c, "float64")
            : c.cast("array<double>");
    return when(exists(v, x -> x.isNull().or(x.minus(x).notEqual(0))), lit(null)).otherwise(v);
  }

  /** The metrics of embedding column {@code i} (its components' verdicts and the sample). */
  static List<MetricResult> metrics(
      DriftColumn column,
      int i,
      List<ColumnDrift.Verdict> components,
      List<Row> sample,
      DoubleFunction<LinearMmd> linear,
      DriftOptions options) {
    Scope scope = Scope.column(column.name());
    List<MetricResult> out = new ArrayList<>();
    out.add(componentShare(scope, components));
    if (sample == null) {
      String why = "is undefined: drift.classifier_sample is 0, so there is no sample";
      for (String id :
          List.of(
              "embedding_mean_euclidean",
              "embedding_mean_cosine",
              "embedding_mmd",
              "embedding_mmd_p_value",
              "embedding_mmd_linear",
              "embedding_mmd_linear_p_value",
              "embedding_classifier_auc")) {
        out.add(
            new MetricResult.Undefined(
                new MetricKey(DriftMetrics.require(id), scope), null, id + " " + why));
      }
      return out;
    }
    List<double[]> ref = SampleRows.vectors(sample, i, 0);
    List<double[]> cur = SampleRows.vectors(sample, i, 1);
    out.addAll(meanDistances(scope, ref, cur));
    out.addAll(mmd(scope, ref, cur, linear));
    out.add(
        DomainClassifier.fit(
            SampleRows.components(column, components.size()),
            SampleRows.embeddingOnly(sample, i, components.size()),
            options.classifierSample(),
            new MetricKey(DriftMetrics.EMBEDDING_CLASSIFIER_AUC, scope)));
    return out;
  }

  private static MetricResult componentShare(Scope scope, List<ColumnDrift.Verdict> components) {
    MetricKey key = new MetricKey(DriftMetrics.EMBEDDING_DRIFTED_COMPONENTS_SHARE, scope);
    DriftedShare found = DriftedShare.of(components);
    if (found.defined() == 0) {
      return new MetricResult.Undefined(
          key, null, "embedding_drifted_components_share is undefined: no component has a test");
    }
    List<Integer> drifted = found.drifted();
    String test = components.get(0).detected().note();
    return found.metric(
        key,
        "components",
        (drifted.isEmpty()
                ? ""
                : " (first: " + drifted.subList(0, Math.min(10, drifted.size())) + ")")
            + "; each by its default test, e.g. component 0: "
            + test);
  }

  private static List<MetricResult> meanDistances(
      Scope scope, List<double[]> ref, List<double[]> cur) {
    List<MetricResult> out = new ArrayList<>();
    String[] ids = {"embedding_mean_euclidean", "embedding_mean_cosine"};
    for (int which = 0; which < 2; which++) {
      MetricKey key = new MetricKey(DriftMetrics.require(ids[which]), scope);
      if (ref.size() < 2 || cur.isEmpty()) {
        out.add(
            new MetricResult.Undefined(
                key,
                (long) cur.size(),
                ids[which] + " is undefined: the sample has too few vectors on a side"));
        continue;
      }
      boolean cosine = which == 1;
      double observed = distance(mean(ref, null), mean(cur, null), cosine);
      double[] boot = bootstrap(ref, cur.size(), cosine);
      double threshold = percentile(boot, QUANTILE);
      long above = Arrays.stream(boot).filter(b -> b >= observed).count();
      out.add(
          new MetricResult.Computed(
              key,
              observed,
              (long) cur.size(),
              null,
              null,
              (double) above / boot.length,
              "mean vectors of "
                  + ref.size()
                  + " reference and "
                  + cur.size()
                  + " current sampled vectors; bootstrap threshold (95th percentile of "
                  + BOOTSTRAP
                  + " distances between reference resamples) "
                  + ColumnDrift.fmt(threshold)
                  + (observed > threshold ? ", exceeded" : ", not exceeded")));
    }
    return out;
  }

  /** Evidently's bootstrap of the mean distance, drawn from the reference only. */
  static double[] bootstrap(List<double[]> ref, int m, boolean cosine) {
    int n = ref.size();
    int a = Math.max(1, (int) ((long) n * n / (n + m)));
    int b = Math.max(1, (int) ((long) m * n / (n + m)));
    double[] out = new double[BOOTSTRAP];
    Random random = new Random(DomainClassifier.SEED);
    for (int r = 0; r < BOOTSTRAP; r++) {
      int[] x = new int[a];
      int[] y = new int[b];
      for (int k = 0; k < a; k++) {
        x[k] = random.nextInt(n);
      }
      for (int k = 0; k < b; k++) {
        y[k] = random.nextInt(n);
      }
      out[r] = distance(mean(ref, x), mean(ref, y), cosine);
    }
    return out;
  }

  /** The mean of the vectors (of those at {@code index}, when given). */
  static double[] mean(List<double[]> vectors, int[] index) {
    int count = index == null ? vectors.size() : index.length;
    double[] out = new double[vectors.get(0).length];
    for (int k = 0; k < count; k++) {
      double[] v = vectors.get(index == null ? k : index[k]);
      for (int d = 0; d < out.length; d++) {
        out[d] += v[d];
      }
    }
    for (int d = 0; d < out.length; d++) {
      out[d] /= count;
    }
    return out;
  }

  /** Euclidean distance, or cosine distance 1 − a·b ÷ (‖a‖‖b‖) (NaN for a zero vector). */
  static double distance(double[] a, double[] b, boolean cosine) {
    double dot = 0;
    double aa = 0;
    double bb = 0;
    double diff = 0;
    for (int d = 0; d < a.length; d++) {
      dot += a[d] * b[d];
      aa += a[d] * a[d];
      bb += b[d] * b[d];
      diff += (a[d] - b[d]) * (a[d] - b[d]);
    }
    return cosine ? 1 - dot / Math.sqrt(aa * bb) : Math.sqrt(diff);
  }

  /** numpy's default percentile: linear interpolation between the closest ranks. */
  static double percentile(double[] values, double q) {
    double[] s = values.clone();
    Arrays.sort(s);
    double at = q * (s.length - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (at - lo) * (s[hi] - s[lo]);
  }

  private static List<MetricResult> mmd(
      Scope scope, List<double[]> ref, List<double[]> cur, DoubleFunction<LinearMmd> linear) {
    MetricKey key = new MetricKey(DriftMetrics.EMBEDDING_MMD, scope);
    MetricKey pKey = new MetricKey(DriftMetrics.EMBEDDING_MMD_P_VALUE, scope);
    if (ref.size() < 2 || cur.size() < 2) {
      String why = "the sample has fewer than 2 vectors on a side";
      List<MetricResult> out = new ArrayList<>();
      for (String id :
          List.of(
              "embedding_mmd",
              "embedding_mmd_p_value",
              "embedding_mmd_linear",
              "embedding_mmd_linear_p_value")) {
        out.add(
            new MetricResult.Undefined(
                new MetricKey(DriftMetrics.require(id), scope),
                (long) cur.size(),
                id + " is undefined: " + why));
      }
      return out;
    }
    double[][] x = subsample(ref, 0);
    double[][] y = subsample(cur, 1);
    Mmd result = Mmd.test(x, y, PERMUTATIONS, DomainClassifier.SEED);
    String note =
        "unbiased MMD² with the RBF kernel exp(-|a-b|²/σ²), σ = "
            + ColumnDrift.fmt(Math.sqrt(result.sigma2()))
            + " (median distance between reference and current vectors), on "
            + x.length
            + " reference and "
            + y.length
            + " current sampled vectors";
    List<MetricResult> out = new ArrayList<>();
    out.add(
        new MetricResult.Computed(
            key, result.mmd2(), (long) y.length, null, null, result.pValue(), note));
    out.add(
        new MetricResult.Computed(
            pKey,
            result.pValue(),
            (long) y.length,
            null,
            null,
            result.pValue(),
            "permutation test of embedding_mmd, " + PERMUTATIONS + " seeded permutations"));
    out.addAll(linearMetrics(scope, linear.apply(result.sigma2()), result.sigma2()));
    return out;
  }

  /** {@code embedding_mmd_linear} and its p-value, or why they are undefined. */
  static List<MetricResult> linearMetrics(Scope scope, LinearMmd l, double sigma2) {
    MetricKey key = new MetricKey(DriftMetrics.EMBEDDING_MMD_LINEAR, scope);
    MetricKey pKey = new MetricKey(DriftMetrics.EMBEDDING_MMD_LINEAR_P_VALUE, scope);
    if (l.pairs() < 2) {
      String why = " is undefined: fewer than 2 pairs of pairs of vectors (" + l.pairs() + ")";
      return List.of(
          new MetricResult.Undefined(key, l.pairs(), "embedding_mmd_linear" + why),
          new MetricResult.Undefined(pKey, l.pairs(), "embedding_mmd_linear_p_value" + why));
    }
    String note =
        "linear-time MMD² over "
            + l.pairs()
            + " pairs of reference and current vector pairs (all the data), RBF kernel σ = "
            + ColumnDrift.fmt(Math.sqrt(sigma2))
            + ", sd(h) "
            + ColumnDrift.fmt(l.sd());
    MetricResult p =
        Double.isNaN(l.pValue())
            ? new MetricResult.Undefined(
                pKey,
                l.pairs(),
                "embedding_mmd_linear_p_value is undefined: every pair gives the same h")
            : new MetricResult.Computed(
                pKey,
                l.pValue(),
                l.pairs(),
                null,
                null,
                l.pValue(),
                "normal approximation of embedding_mmd_linear over " + l.pairs() + " pairs");
    return List.of(
        new MetricResult.Computed(
            key,
            l.mmd2(),
            l.pairs(),
            null,
            null,
            Double.isNaN(l.pValue()) ? null : l.pValue(),
            note),
        p);
  }

  /** At most {@value #MMD_SAMPLE} of the vectors, chosen by a seeded shuffle. */
  private static double[][] subsample(List<double[]> vectors, int side) {
    List<double[]> shuffled = new ArrayList<>(vectors);
    Collections.shuffle(shuffled, new Random(DomainClassifier.SEED + side));
    return shuffled.subList(0, Math.min(MMD_SAMPLE, shuffled.size())).toArray(new double[0][]);
  }
}
