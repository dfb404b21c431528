package dev.assay.metrics.drift;

import static dev.assay.core.Direction.LOWER_BETTER;
import static dev.assay.core.Direction.NEUTRAL;
import static dev.assay.core.MetricLevel.COLUMN;
import static dev.assay.core.MetricLevel.DATASET;

import dev.assay.core.Family;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricList;
import dev.assay.core.MetricUnit;
import dev.assay.core.ValueRange;
import java.util.List;

/**
 * The drift family's metrics, declared beside the code that computes them ({@link ColumnDrift},
 * {@link DriftAnalysis}, {@link DomainClassifier}), in report order.
 */
public final class DriftMetrics {

  private static final MetricList METRICS = new MetricList(Family.DRIFT);

  public static final MetricDescriptor KS_STATISTIC =
      METRICS
          .metric("ks_statistic")
          .at(COLUMN)
          .unit(MetricUnit.DISTANCE)
          .range(ValueRange.UNIT)
          .direction(LOWER_BETTER)
          .defined(
              "Two-sample Kolmogorov–Smirnov statistic: the largest gap between the "
                  + "reference and current cumulative distributions (0 = identical, 1 = disjoint).",
              "D = max_x |F_ref(x) − F_cur(x)| (numeric)")
          .citing("scipy `ks_2samp`")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor KS_P_VALUE =
      METRICS
          .metric("ks_p_value")
          .at(COLUMN)
          .unit(MetricUnit.P_VALUE)
          .direction(NEUTRAL)
          .defined(
              "p-value of the Kolmogorov–Smirnov test; small values (below 0.05) mean "
                  + "the two distributions very likely differ.",
              "asymptotic p-value of D, Q_KS(√(nm/(n+m))·D)")
          .citing("scipy `kstwobign.sf`; Smirnov (1948)")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor WASSERSTEIN =
      METRICS
          .metric("wasserstein")
          .at(COLUMN)
          .unit(MetricUnit.DATA_UNITS)
          .range(ValueRange.NON_NEGATIVE)
          .direction(LOWER_BETTER)
          .defined(
              "Earth mover's distance between the reference and current "
                  + "distributions, in the column's own units.",
              "earth mover's distance, in the column's units (numeric)")
          .citing("scipy `wasserstein_distance`")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor WASSERSTEIN_NORMED =
      METRICS
          .metric("wasserstein_normed")
          .at(COLUMN)
          .unit(MetricUnit.DISTANCE)
          .direction(LOWER_BETTER)
          .defined(
              "Earth mover's distance divided by the reference's standard deviation "
                  + "(at least 0.001), so columns can be compared; 0.1 or more counts as drift.",
              "`wasserstein` ÷ the reference's standard deviation (at least 0.001)")
          .citing("Evidently `wasserstein` stattest")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor PSI =
      METRICS
          .metric("psi")
          .at(COLUMN)
          .unit(MetricUnit.DISTANCE)
          .direction(LOWER_BETTER)
          .defined(
              "Population stability index: Σ (current − reference) × ln(current ÷ "
                  + "reference) over bins. Below 0.1 little change, 0.1–0.25 moderate, above 0.25 large.",
              "population stability index Σ (q_i − p_i)·ln(q_i ÷ p_i); an empty bin counts as 0.0001")
          .citing("Evidently `psi`; Siddiqi (2006)")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor JENSEN_SHANNON =
      METRICS
          .metric("jensen_shannon")
          .at(COLUMN)
          .unit(MetricUnit.DISTANCE)
          .range(ValueRange.UNIT)
          .direction(LOWER_BETTER)
          .defined(
              "Jensen–Shannon distance (base-2 logarithm) between the binned "
                  + "distributions (0 = identical, 1 = disjoint).",
              "Jensen–Shannon distance, base-2 logarithms")
          .citing("scipy `spatial.distance.jensenshannon(base=2)`")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor HELLINGER =
      METRICS
          .metric("hellinger")
          .at(COLUMN)
          .unit(MetricUnit.DISTANCE)
          .range(ValueRange.UNIT)
          .direction(LOWER_BETTER)
          .defined(
              "Hellinger distance between the binned distributions (0 = identical, 1 "
                  + "= disjoint).",
              "√(½ Σ (√p_i − √q_i)²)")
          .citing("Evidently `hellinger`")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor TOTAL_VARIATION =
      METRICS
          .metric("total_variation")
          .at(COLUMN)
          .unit(MetricUnit.DISTANCE)
          .range(ValueRange.UNIT)
          .direction(LOWER_BETTER)
          .defined(
              "Half the sum of absolute differences between the binned shares: the "
                  + "largest share of records that changed bin (0–1).",
              "½ Σ |p_i − q_i|")
          .citing("total variation distance")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor CHI2_STATISTIC =
      METRICS
          .metric("chi2_statistic")
          .at(COLUMN)
          .unit(MetricUnit.STATISTIC)
          .direction(LOWER_BETTER)
          .defined(
              "Pearson's chi-squared statistic of the 2 × K table of category counts "
                  + "(reference and current × categories), without Yates' correction.",
              "Pearson's χ² of the 2 × K table of category counts, no Yates correction (categorical)")
          .citing("scipy `chi2_contingency(correction=False)`")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor CHI2_P_VALUE =
      METRICS
          .metric("chi2_p_value")
          .at(COLUMN)
          .unit(MetricUnit.P_VALUE)
          .direction(NEUTRAL)
          .defined(
              "p-value of the chi-squared test of homogeneity; small values (below "
                  + "0.05) mean the category mix very likely changed.",
              "p-value of `chi2_statistic` (K − 1 degrees of freedom)")
          .citing("scipy `chi2_contingency`")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor UNSEEN_SHARE_CURRENT =
      METRICS
          .metric("unseen_share_current")
          .at(COLUMN)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of the current values whose category never occurs in the " + "reference.",
              "share of current non-null values whose category never occurs in the reference "
                  + "(categorical)")
          .citing("Assay's definition")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor NULL_RATE_REFERENCE =
      METRICS
          .metric("null_rate_reference")
          .at(COLUMN)
          .unit(MetricUnit.SHARE)
          .direction(NEUTRAL)
          .defined(
              "Share of missing values in the reference data (missing values are left "
                  + "out of the other drift metrics).",
              "missing values ÷ rows, reference")
          .citing("Assay's definition")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor NULL_RATE_CURRENT =
      METRICS
          .metric("null_rate_current")
          .at(COLUMN)
          .unit(MetricUnit.SHARE)
          .direction(NEUTRAL)
          .defined(
              "Share of missing values in the current data (missing values are left "
                  + "out of the other drift metrics).",
              "missing values ÷ rows, current")
          .citing("Assay's definition")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor DRIFT_DETECTED =
      METRICS
          .metric("drift_detected")
          .at(COLUMN)
          .unit(MetricUnit.FLAG)
          .direction(LOWER_BETTER)
          .defined(
              "1 when the column's drift test says it drifted, else 0.",
              "1 when the column's drift test fires, else 0. Default (Evidently's): with ≤ 1,000 "
                  + "reference rows KS (numeric) or χ² (categorical) p < 0.05; with more "
                  + "`wasserstein_normed` ≥ 0.1 (numeric) or `jensen_shannon` ≥ 0.1 (categorical); "
                  + "text: `text_classifier_auc` ≥ 0.55; embedding: `embedding_mmd_p_value` < 0.05; "
                  + "`drift.tests` overrides it per column")
          .citing("Evidently `DataDriftPreset`")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor DRIFT_SHARE =
      METRICS
          .metric("drift_share")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of the checked columns in which drift was detected (per data "
                  + "set, or within one group when drift.segment_by is set).",
              "drifted columns ÷ columns with a defined test (and group with `drift.segment_by`)")
          .citing("Evidently `DatasetDriftMetric`")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor DOMAIN_CLASSIFIER_AUC =
      METRICS
          .metric("domain_classifier_auc")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .direction(LOWER_BETTER)
          .defined(
              "How well a logistic regression trained on a sample can tell current "
                  + "rows from reference rows, as cross-validated ROC AUC: 0.5 means the data sets look "
                  + "alike, 1 means every row gives away which data set it came from.",
              "cross-validated (5 folds) ROC AUC of a logistic regression telling current rows from "
                  + "reference rows, on up to `drift.classifier_sample` rows per side")
          .citing(
              "Rabanser et al. (2019), \"Failing loudly\" (domain classifier);"
                  + " L-BFGS (Liu & Nocedal, 1989)")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor EMBEDDING_DRIFTED_COMPONENTS_SHARE =
      METRICS
          .metric("embedding_drifted_components_share")
          .at(COLUMN)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of an embedding's components (dimensions) whose values drifted, each "
                  + "tested like a numeric column.",
              "drifted components ÷ components of an embedding column, each by the default "
                  + "numeric test, counted in the same pass as the other columns (embedding)")
          .citing("Evidently embeddings drift `ratio` method")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor EMBEDDING_MEAN_EUCLIDEAN =
      METRICS
          .metric("embedding_mean_euclidean")
          .at(COLUMN)
          .unit(MetricUnit.DISTANCE)
          .direction(LOWER_BETTER)
          .defined(
              "Euclidean distance between the mean embedding of the reference and of the "
                  + "current data (sampled); its p-value is the share of bootstrap distances "
                  + "between reference resamples at or above it.",
              "‖mean(ref) − mean(cur)‖₂ on the sample; bootstrap threshold = 95th percentile "
                  + "of 100 distances between reference resamples (embedding)")
          .citing("Evidently embeddings drift `distance` method")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor EMBEDDING_MEAN_COSINE =
      METRICS
          .metric("embedding_mean_cosine")
          .at(COLUMN)
          .unit(MetricUnit.DISTANCE)
          .direction(LOWER_BETTER)
          .defined(
              "Cosine distance (1 − cosine similarity) between the mean embedding of the "
                  + "reference and of the current data (sampled), with a bootstrap p-value.",
              "1 − cos(mean(ref), mean(cur)) on the sample; bootstrap as "
                  + "`embedding_mean_euclidean` (embedding)")
          .citing("Evidently embeddings drift `distance(dist=\"cosine\")`")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor EMBEDDING_MMD =
      METRICS
          .metric("embedding_mmd")
          .at(COLUMN)
          .unit(MetricUnit.STATISTIC)
          .range(ValueRange.REAL)
          .direction(LOWER_BETTER)
          .defined(
              "Maximum mean discrepancy between the reference and current embeddings: how "
                  + "far apart the two clouds of vectors are as a kernel sees them (0 = same "
                  + "distribution).",
              "unbiased MMD² with the RBF kernel exp(−‖a−b‖²/σ²), σ = median reference–current "
                  + "distance, on ≤ 500 sampled vectors per side (embedding)")
          .citing("Gretton et al. (2012); Alibi Detect `MMDDrift`; Evidently `mmd`")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor EMBEDDING_MMD_P_VALUE =
      METRICS
          .metric("embedding_mmd_p_value")
          .at(COLUMN)
          .unit(MetricUnit.P_VALUE)
          .direction(NEUTRAL)
          .defined(
              "Permutation p-value of `embedding_mmd`; below 0.05 the embeddings very likely "
                  + "changed (the default test of an embedding column).",
              "(1 + #{permuted MMD² ≥ observed}) ÷ 101 over 100 seeded permutations (embedding)")
          .citing("Alibi Detect `MMDDrift` (permutation test)")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor EMBEDDING_MMD_LINEAR =
      METRICS
          .metric("embedding_mmd_linear")
          .at(COLUMN)
          .unit(MetricUnit.STATISTIC)
          .range(ValueRange.REAL)
          .direction(LOWER_BETTER)
          .defined(
              "Linear-time maximum mean discrepancy over all the vectors (not a sample): "
                  + "how far apart the two clouds of vectors are, from disjoint pairs of "
                  + "reference and current vectors (0 = same distribution).",
              "mean over pairs of k(x,x′)+k(y,y′)−k(x,y′)−k(x′,y), RBF kernel with "
                  + "`embedding_mmd`'s σ, pairs by a seeded hash rank (embedding)")
          .citing("Gretton et al. (2012), JMLR 13, Lemma 14 (MMD²_l)")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor EMBEDDING_MMD_LINEAR_P_VALUE =
      METRICS
          .metric("embedding_mmd_linear_p_value")
          .at(COLUMN)
          .unit(MetricUnit.P_VALUE)
          .direction(NEUTRAL)
          .defined(
              "Normal-approximation p-value of `embedding_mmd_linear`; below 0.05 the "
                  + "embeddings very likely changed.",
              "1 − Φ(MMD²_l ÷ (sd(h) ÷ √pairs)) (embedding)")
          .citing("Gretton et al. (2012), JMLR 13, Corollary 16")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor EMBEDDING_CLASSIFIER_AUC =
      METRICS
          .metric("embedding_classifier_auc")
          .at(COLUMN)
          .unit(MetricUnit.SCORE)
          .direction(LOWER_BETTER)
          .defined(
              "How well a logistic regression on the embedding's components alone tells "
                  + "current rows from reference rows (cross-validated ROC AUC; 0.5 = alike).",
              "`domain_classifier_auc` on one embedding column's components (embedding)")
          .citing("Evidently embeddings drift `model` method; Rabanser et al. (2019)")
          .topic("drift/column")
          .add();

  public static final MetricDescriptor TEXT_CLASSIFIER_AUC =
      METRICS
          .metric("text_classifier_auc")
          .at(COLUMN)
          .unit(MetricUnit.SCORE)
          .direction(LOWER_BETTER)
          .defined(
              "How well a logistic regression on the words of a free-text column tells "
                  + "current rows from reference rows (cross-validated ROC AUC; 0.5 = alike); "
                  + "the note names the words that separate them most.",
              "`domain_classifier_auc` on the counts of the 300 words in most sampled texts "
                  + "of one text column (text)")
          .citing("Evidently `text_content_drift`")
          .topic("drift/column")
          .add();

  private DriftMetrics() {}

  /** Every metric of the family with a fixed name, in declaration order. */
  public static List<MetricDescriptor> all() {
    return METRICS.all();
  }

  /** The metric named {@code id}; a name the family does not declare is a programming error. */
  public static MetricDescriptor require(String id) {
    return METRICS.require(id);
  }
}
