package dev.assay.report;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricNames;
import java.util.Set;

/**
 * Which way a metric is better, so the report can say whether a change from the {@code --baseline}
 * run is a regression. Rules decide pass and fail; this only labels changes for the reader, and a
 * metric without a clear better side (a group's selection rate, a p-value, a length) is
 * {@link #NEUTRAL}: its change is shown but never called worse.
 *
 * <ul>
 *   <li>{@link #HIGHER} — accuracy, AUC, k-anonymity, text overlap scores, ...;</li>
 *   <li>{@link #LOWER} — error and risk measures, drift statistics, PII counts, injection rates;</li>
 *   <li>{@link #TOWARD_ONE} — parity ratios (impact ratios, {@code *_ratio}, Clarify's DI): 1 is
 *       parity, so a move away from 1 is worse;</li>
 *   <li>{@link #TOWARD_ZERO} — parity differences ({@code *_difference}, {@code *_diff_vs_ref},
 *       the signed Clarify differences, the standardized mean difference): 0 is parity.</li>
 * </ul>
 */
public enum MetricDirection {
  HIGHER, LOWER, TOWARD_ONE, TOWARD_ZERO, NEUTRAL;

  /** Changes smaller than this are rounding, not a change. */
  static final double TOLERANCE = 1e-9;

  private static final Set<String> HIGHER_NAMES = Set.of(
      "accuracy", "balanced_accuracy", "auc", "true_positive_rate", "true_negative_rate", "positive_predictive_value",
      "negative_predictive_value",
      "k_anonymity", "l_diversity", "entropy_l_diversity",
      "bleu", "chrf", "rouge1", "rouge2", "rougeL", "exact_match", "token_f1", "json_valid_rate",
      "recall_at_k", "precision_at_k", "hit_rate_at_k", "mrr", "ndcg_at_k", "map",
      "groundedness_lexical", "context_relevance", "answer_relevance", "context_recall",
      "rougeLsum", "json_schema_valid_rate");

  private static final Set<String> LOWER_NAMES = Set.of(
      "false_positive_rate", "false_negative_rate", "brier_score", "expected_calibration_error",
      "mae", "rmse",
      "ks_statistic", "wasserstein", "wasserstein_normed", "psi", "jensen_shannon", "hellinger",
      "total_variation", "chi2_statistic", "drift_detected", "unseen_share_current", "drift_share",
      "domain_classifier_auc",
      "reidentification_risk_prosecutor_max", "reidentification_risk_prosecutor_avg",
      "sample_uniqueness", "records_at_risk", "t_closeness", "membership_auc",
      "membership_advantage", "membership_tpr_at_0_1_fpr", "membership_tpr_at_1_fpr",
      "membership_attack_auc", "memorization_rate",
      "prompt_injection_rate", "indirect_injection_rate", "unsupported_number_rate",
      "unsupported_entity_rate", "response_pii_rate", "response_secret_rate", "latency_ms_p50",
      "latency_ms_p95", "latency_ms_p99", "cost_total", "cost_per_record");

  private static final Set<String> TOWARD_ONE_NAMES = Set.of("impact_ratio", "scoring_impact_ratio",
      "clarify_di");

  private static final Set<String> TOWARD_ZERO_NAMES = Set.of("standardized_mean_difference",
      "mean_error",
      "clarify_dpl", "clarify_kl", "clarify_js", "clarify_lp", "clarify_tvd", "clarify_ks",
      "clarify_dppl", "clarify_dca", "clarify_dcr", "clarify_rd", "clarify_dar", "clarify_drr",
      "clarify_ad", "clarify_te", "clarify_cddl", "clarify_cddpl");

  /** The direction of a metric name (without the family prefix). */
  public static MetricDirection of(String metric) {
    if (HIGHER_NAMES.contains(metric)) {
      return HIGHER;
    }
    if (LOWER_NAMES.contains(metric) || metric.startsWith(MetricNames.PII_PREFIX)) {
      return LOWER;
    }
    if (TOWARD_ONE_NAMES.contains(metric) || metric.endsWith("_ratio") || metric.endsWith("_ratio_vs_ref")) {
      return TOWARD_ONE;
    }
    if (TOWARD_ZERO_NAMES.contains(metric) || metric.endsWith("_difference")
        || metric.endsWith("_diff_vs_ref")) {
      return TOWARD_ZERO;
    }
    return NEUTRAL;
  }

  public static MetricDirection of(MetricKey key) {
    return of(key.metric());
  }

  /** Whether moving from {@code before} to {@code now} is a regression (beyond {@link #TOLERANCE}). */
  public boolean worse(double before, double now) {
    return switch (this) {
      case HIGHER -> now < before - TOLERANCE;
      case LOWER -> now > before + TOLERANCE;
      case TOWARD_ONE -> Math.abs(now - 1) > Math.abs(before - 1) + TOLERANCE;
      case TOWARD_ZERO -> Math.abs(now) > Math.abs(before) + TOLERANCE;
      case NEUTRAL -> false;
    };
  }

  /** Whether the move is an improvement (beyond {@link #TOLERANCE}). */
  public boolean better(double before, double now) {
    return this != NEUTRAL && worse(now, before);
  }
}
