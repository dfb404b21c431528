package dev.assay.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stable metric names of the contract (docs/metrics.md), per family. Rule packs
 * are checked against this catalogue so that a typo such as {@code fairness.demografic_parity_ratio}
 * is reported when the pack is validated, with the nearest valid names, instead of turning into a
 * rule that never matches. A name is qualified as {@code family.metric}, as in results.json.
 *
 * <p>Names starting with {@value #PII_PREFIX} are a prefix family (one metric per kind of PII) in
 * the privacy and llm families. Add a name here when an analyzer adds a metric.
 */
public final class MetricNames {

  /** The prefix of the PII metrics, one per kind of personal data found. */
  public static final String PII_PREFIX = "pii_";

  private static final Map<Family, Set<String>> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put(Family.FAIRNESS, names(
        // per group
        "count", "selection_rate", "base_rate", "true_positive_rate", "false_positive_rate",
        "false_negative_rate", "true_negative_rate", "positive_predictive_value",
        "negative_predictive_value", "accuracy", "mean_score", "auc", "impact_ratio",
        "brier_score", "expected_calibration_error",
        // per group, with a score: NYC LL 144's scoring-rate variant; ECOA's effect size
        "scoring_rate", "scoring_impact_ratio", "standardized_mean_difference",
        // per group, against fairness.reference_group
        "selection_rate_diff_vs_ref", "selection_rate_ratio_vs_ref", "true_positive_rate_diff_vs_ref",
        "true_positive_rate_ratio_vs_ref", "false_positive_rate_diff_vs_ref",
        "false_positive_rate_ratio_vs_ref",
        // per group, against the overall rate of the attribute's rows
        "selection_rate_diff_vs_overall", "selection_rate_ratio_vs_overall",
        "true_positive_rate_diff_vs_overall", "true_positive_rate_ratio_vs_overall",
        "false_positive_rate_diff_vs_overall", "false_positive_rate_ratio_vs_overall",
        // per group (and data set): AIF360's generalized entropy index; rank among the worst slices
        "generalized_entropy_index", "worst_slice_rank",
        // per group (facet d) against the rest of its attribute (a): SageMaker Clarify
        "clarify_ci", "clarify_dpl", "clarify_kl", "clarify_js", "clarify_lp", "clarify_tvd",
        "clarify_ks", "clarify_dppl", "clarify_di", "clarify_dca", "clarify_dcr", "clarify_rd",
        "clarify_dar", "clarify_drr", "clarify_ad", "clarify_te",
        // per group, with fairness.strata: Clarify's conditional demographic disparity
        "clarify_cddl", "clarify_cddpl",
        // per attribute
        "demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference",
        "equalized_odds_ratio", "equal_opportunity_difference", "equal_opportunity_ratio",
        "false_positive_rate_difference", "predictive_parity_difference", "accuracy_difference",
        "auc_difference", "between_group_generalized_entropy_index", "empty_intersection_cells",
        // fairness.task: regression — per group, then per attribute
        "mean_prediction", "mean_label", "mean_error", "mae", "rmse",
        "mean_prediction_difference", "mean_error_difference", "mae_difference", "rmse_difference",
        // fairness.task: regression, per group against fairness.reference_group
        "mean_prediction_diff_vs_ref", "mean_error_diff_vs_ref", "mae_diff_vs_ref", "mae_ratio_vs_ref",
        "rmse_diff_vs_ref", "rmse_ratio_vs_ref",
        // fairness.task: multiclass — per group (no class) and per attribute: balanced accuracy;
        // per attribute, the worst class (the per-class rows reuse the names above with a class key)
        "balanced_accuracy", "balanced_accuracy_difference",
        "worst_class_demographic_parity_difference", "worst_class_demographic_parity_ratio",
        "worst_class_equalized_odds_difference", "worst_class_equal_opportunity_difference",
        "worst_class_equal_opportunity_ratio", "worst_class_equalized_odds_ratio"));
    NAMES.put(Family.DRIFT, names(
        // per column
        "ks_statistic", "ks_p_value", "wasserstein", "wasserstein_normed", "psi", "jensen_shannon",
        "hellinger", "total_variation", "chi2_statistic", "chi2_p_value", "null_rate_reference",
        "null_rate_current", "drift_detected", "unseen_share_current",
        // per data set
        "drift_share", "domain_classifier_auc"));
    NAMES.put(Family.PRIVACY, names(
        "k_anonymity", "equivalence_classes", "reidentification_risk_prosecutor_max",
        "reidentification_risk_prosecutor_avg", "sample_uniqueness", "records_at_risk",
        "l_diversity", "entropy_l_diversity", "t_closeness", "membership_auc",
        "membership_advantage", "membership_tpr_at_0_1_fpr", "membership_tpr_at_1_fpr",
        "membership_attack_auc", "memorization_rate"));
    NAMES.put(Family.LLM, names(
        "bleu", "chrf", "rouge1", "rouge2", "rougeL", "exact_match", "token_f1",
        "refusal_rate", "prompt_injection_rate", "indirect_injection_rate", "json_valid_rate",
        "response_length_mean", "response_length_min", "response_length_max", "rougeLsum",
        "recall_at_k", "precision_at_k", "hit_rate_at_k", "mrr", "ndcg_at_k", "map",
        "groundedness_lexical", "unsupported_number_rate", "context_relevance", "answer_relevance",
        "context_recall", "unsupported_entity_rate",
        "response_pii_rate", "response_secret_rate", "json_schema_valid_rate",
        "latency_ms_p50", "latency_ms_p95", "latency_ms_p99", "prompt_tokens_total",
        "completion_tokens_total", "prompt_tokens_mean", "completion_tokens_mean", "cost_total",
        "cost_per_record",
        // per variant (attribute = the variant column, group = its value), and max − min per attribute
        "variant_count", "variant_refusal_rate", "variant_response_length_mean",
        "variant_sentiment_mean", "variant_rouge_l", "variant_refusal_rate_difference",
        "variant_response_length_difference", "variant_sentiment_difference",
        "variant_rouge_l_difference",
        "judge_groundedness", "judge_relevance", "judge_coherence", "judge_coverage"));
  }

  private MetricNames() {
  }

  /** The known metric names of one family (without the family prefix and without {@code pii_*}). */
  public static Set<String> of(Family family) {
    return NAMES.get(family);
  }

  /**
   * Every known qualified name, sorted; the PII prefix families appear as {@code privacy.pii_*} and
   * {@code llm.pii_*}.
   */
  public static List<String> all() {
    List<String> all = new ArrayList<>();
    NAMES.forEach((family, names) -> names.forEach(name -> all.add(family.id() + "." + name)));
    for (Family family : piiFamilies()) {
      all.add(family.id() + "." + PII_PREFIX + "*");
    }
    Collections.sort(all);
    return all;
  }

  /**
   * True when {@code qualified} ({@code family.metric}) is a known metric: one of the listed names,
   * or {@code pii_} followed by at least one character in the privacy or llm family.
   */
  public static boolean isKnown(String qualified) {
    if (qualified == null) {
      return false;
    }
    int dot = qualified.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    Family family = Family.byId(qualified.substring(0, dot));
    if (family == null) {
      return false;
    }
    String metric = qualified.substring(dot + 1);
    if (NAMES.get(family).contains(metric)) {
      return true;
    }
    return piiFamilies().contains(family) && metric.startsWith(PII_PREFIX)
        && metric.length() > PII_PREFIX.length() && metric.indexOf('.') < 0;
  }

  /**
   * The {@code n} known qualified names closest to {@code qualified} by edit distance, closest
   * first (ties alphabetical), for "did you mean" messages. A name in the wrong family counts as
   * one edit away from the same metric in the right one, so {@code fairness.psi} suggests
   * {@code drift.psi}.
   */
  public static List<String> nearest(String qualified, int n) {
    String text = qualified == null ? "" : qualified;
    String metric = text.substring(text.indexOf('.') + 1);
    record Candidate(String name, int distance) {
    }
    return all().stream()
        .map(name -> {
          String candidateMetric = name.substring(name.indexOf('.') + 1);
          int distance = Math.min(editDistance(text, name), editDistance(metric, candidateMetric) + 1);
          return new Candidate(name, distance);
        })
        .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
        .limit(Math.max(0, n))
        .map(Candidate::name)
        .toList();
  }

  /** The Levenshtein distance between two strings: insertions, deletions and substitutions. */
  public static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static Set<Family> piiFamilies() {
    return Set.of(Family.PRIVACY, Family.LLM);
  }

  private static Set<String> names(String... names) {
    return Collections.unmodifiableSet(new TreeSet<>(List.of(names)));
  }
}
