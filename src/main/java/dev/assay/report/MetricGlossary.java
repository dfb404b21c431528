package dev.assay.report;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A short plain-language definition of each metric name in the contract, for the report's
 * methodology appendix. Fairness definitions follow Fairlearn, drift ones scipy and Evidently, text
 * ones sacreBLEU, rouge-score and the SQuAD v1.1 script, as docs/metrics.md says the metrics do.
 */
public final class MetricGlossary {

  private static final Map<String, String> DEFINITIONS = new TreeMap<>();

  static {
    // fairness, per group
    define("count", "Number of records in the group.");
    define("selection_rate", "Share of the group's records that the model predicts positive "
        + "(or favourable).");
    define("base_rate", "Share of the group's records whose true label is positive.");
    define("true_positive_rate", "Of the truly positive records, the share predicted positive: "
        + "TP ÷ (TP + FN). Also called recall or sensitivity.");
    define("false_positive_rate", "Of the truly negative records, the share wrongly predicted "
        + "positive: FP ÷ (FP + TN).");
    define("false_negative_rate", "Of the truly positive records, the share wrongly predicted "
        + "negative: FN ÷ (TP + FN).");
    define("true_negative_rate", "Of the truly negative records, the share predicted negative: "
        + "TN ÷ (TN + FP). Also called specificity.");
    define("positive_predictive_value", "Of the records predicted positive, the share that are "
        + "truly positive: TP ÷ (TP + FP). Also called precision.");
    define("negative_predictive_value", "Of the records predicted negative, the share that are "
        + "truly negative: TN ÷ (TN + FN).");
    define("accuracy", "Share of records whose prediction equals the true label: "
        + "(TP + TN) ÷ all.");
    define("mean_score", "Average model score of the group's records.");
    define("scoring_rate", "Share of the group's scored records whose score is strictly above the "
        + "median score of all records (NYC Local Law 144's scoring rate).");
    define("scoring_impact_ratio", "The group's scoring rate divided by the highest group's "
        + "scoring rate (NYC Local Law 144's impact ratio for a tool that scores); 1 means parity.");
    define("standardized_mean_difference", "Difference between the group's mean score and the "
        + "reference group's, in units of their pooled standard deviation (Cohen's d); 0 means parity.");
    define("auc", "Area under the ROC curve: the chance that a randomly chosen positive record "
        + "gets a higher score than a randomly chosen negative one (0.5 = chance, 1 = perfect).");
    define("impact_ratio", "The group's favourable-outcome rate divided by the highest group's "
        + "rate; below 0.8 fails the EEOC four-fifths rule of thumb.");
    define("brier_score", "Average squared gap between the predicted probability and the true "
        + "outcome (0 or 1); 0 is perfect, lower is better.");
    define("expected_calibration_error", "How far predicted probabilities are from observed "
        + "outcome rates, averaged over ten probability bins weighted by their size; 0 is "
        + "perfectly calibrated.");
    define("selection_rate_diff_vs_ref", "The group's selection rate minus the reference group's "
        + "(fairness.reference_group); 0 means the same rate.");
    define("selection_rate_ratio_vs_ref", "The group's selection rate divided by the reference "
        + "group's; 1 means the same rate.");
    define("true_positive_rate_diff_vs_ref", "The group's true positive rate minus the reference "
        + "group's; 0 means the same rate.");
    define("true_positive_rate_ratio_vs_ref", "The group's true positive rate divided by the "
        + "reference group's; 1 means the same rate.");
    define("false_positive_rate_diff_vs_ref", "The group's false positive rate minus the "
        + "reference group's; 0 means the same rate.");
    define("false_positive_rate_ratio_vs_ref", "The group's false positive rate divided by the "
        + "reference group's; 1 means the same rate.");
    define("selection_rate_diff_vs_overall", "The group's selection rate minus the rate of all "
        + "rows of its attribute; 0 means the group is selected like everyone.");
    define("selection_rate_ratio_vs_overall", "The group's selection rate divided by the rate of "
        + "all rows of its attribute; 1 means the group is selected like everyone.");
    define("true_positive_rate_diff_vs_overall", "The group's true positive rate minus that of "
        + "all rows; 0 means the same rate.");
    define("true_positive_rate_ratio_vs_overall", "The group's true positive rate divided by that "
        + "of all rows; 1 means the same rate.");
    define("false_positive_rate_diff_vs_overall", "The group's false positive rate minus that of "
        + "all rows; 0 means the same rate.");
    define("false_positive_rate_ratio_vs_overall", "The group's false positive rate divided by "
        + "that of all rows; 1 means the same rate.");
    define("generalized_entropy_index", "How unequally the model's errors spread benefit over "
        + "people (Speicher et al.'s index, alpha 2): 0 means everyone gets the same benefit, "
        + "higher is more unequal.");
    define("worst_slice_rank", "The group's place among the worst groups of every attribute and "
        + "intersection by fairness.rank_by (1 = worst).");
    // fairness, per attribute
    define("between_group_generalized_entropy_index", "The part of the generalized entropy index "
        + "that comes from differences between the groups' average benefit; 0 means every group "
        + "gets the same average benefit.");
    define("empty_intersection_cells", "How many combinations of the attributes' observed values "
        + "have no rows at all; the audit says nothing about those people.");
    define("demographic_parity_difference", "Largest minus smallest selection rate over the "
        + "groups (0 = every group selected at the same rate).");
    define("demographic_parity_ratio", "Smallest divided by largest selection rate over the "
        + "groups (1 = equal rates; the four-fifths rule asks for at least 0.8).");
    define("equalized_odds_difference", "The larger of the true-positive-rate difference and "
        + "the false-positive-rate difference between groups (max − min of each).");
    define("equalized_odds_ratio", "The smaller of the true-positive-rate ratio and the "
        + "false-positive-rate ratio between groups (min ÷ max of each).");
    define("equal_opportunity_difference", "Largest minus smallest true positive rate over the "
        + "groups.");
    define("equal_opportunity_ratio", "Smallest divided by largest true positive rate over the "
        + "groups.");
    define("false_positive_rate_difference", "Largest minus smallest false positive rate over "
        + "the groups.");
    define("predictive_parity_difference", "Largest minus smallest positive predictive value "
        + "(precision) over the groups.");
    define("accuracy_difference", "Largest minus smallest accuracy over the groups.");
    define("auc_difference", "Largest minus smallest AUC over the groups.");
    // fairness.task: regression (numeric label and prediction)
    define("mean_prediction", "Average predicted value of the group's records.");
    define("mean_label", "Average true value (label) of the group's records.");
    define("mae", "Mean absolute error: the average distance between prediction and true value "
        + "over the group's records; lower is better.");
    define("rmse", "Root mean squared error: the square root of the average squared distance "
        + "between prediction and true value; it weighs large misses more than MAE does.");
    define("mean_prediction_difference", "Largest minus smallest average prediction over the "
        + "groups; 0 means every group is predicted the same on average.");
    define("mae_difference", "Largest minus smallest mean absolute error over the groups; 0 "
        + "means the model is equally accurate for every group.");
    define("rmse_difference", "Largest minus smallest root mean squared error over the groups.");
    define("mean_error", "Average of prediction minus true value over the group's records: "
        + "positive means the model over-predicts for the group, negative that it under-predicts.");
    define("mean_error_difference", "Largest minus smallest average error (prediction minus true "
        + "value) over the groups; 0 means the model is equally biased for every group.");
    define("mean_prediction_diff_vs_ref", "The group's average prediction minus the reference "
        + "group's.");
    define("mean_error_diff_vs_ref", "The group's average error (prediction minus true value) "
        + "minus the reference group's.");
    define("mae_diff_vs_ref", "The group's mean absolute error minus the reference group's; "
        + "positive means the model misses by more for the group.");
    define("mae_ratio_vs_ref", "The group's mean absolute error divided by the reference group's; "
        + "above 1 means the model misses by more for the group.");
    define("rmse_diff_vs_ref", "The group's root mean squared error minus the reference group's.");
    define("rmse_ratio_vs_ref", "The group's root mean squared error divided by the reference "
        + "group's; above 1 means larger misses for the group.");
    // fairness.task: multiclass — the per-class rows reuse the binary names (one-vs-rest, with a
    // class key); the worst class per attribute
    define("balanced_accuracy", "With several classes: the average, over the classes the group's "
        + "records truly belong to, of the share of each class's records predicted as that class "
        + "(scikit-learn's balanced accuracy); unlike accuracy, a rare class counts as much as a "
        + "common one.");
    define("balanced_accuracy_difference", "With several classes: the gap between the groups' "
        + "highest and lowest balanced accuracy; 0 means the model is equally accurate per class "
        + "in every group.");
    define("worst_class_demographic_parity_difference", "With several classes: the largest, over "
        + "the classes, of the gap between the groups' highest and lowest share predicted that "
        + "class; 0 means every class is predicted equally often in every group.");
    define("worst_class_demographic_parity_ratio", "With several classes: the smallest, over the "
        + "classes, of the lowest group's share predicted that class divided by the highest "
        + "group's; 1 means parity for every class.");
    define("worst_class_equalized_odds_difference", "With several classes: the largest, over the "
        + "classes, of the bigger of the true and false positive rate gaps between groups for that "
        + "class against the rest.");
    define("worst_class_equal_opportunity_difference", "With several classes: the largest, over "
        + "the classes, of the gap between the groups' highest and lowest share of that class's "
        + "records recognised as that class (recall).");
    define("worst_class_equal_opportunity_ratio", "With several classes: the smallest, over the "
        + "classes, of the lowest group's share of that class's records recognised as that class "
        + "divided by the highest group's; 1 means equal recall for every class.");
    define("worst_class_equalized_odds_ratio", "With several classes: the smallest, over the "
        + "classes, of the smaller of the true and false positive rate ratios (lowest group ÷ "
        + "highest group) for that class against the rest; 1 means parity.");
    // SageMaker Clarify: a group (facet d) against all other rows of its attribute (the rest a)
    define("clarify_ci", "Class imbalance (Clarify CI): (rest size - group size) / (rest size + "
        + "group size); positive means the group is under-represented.");
    define("clarify_dpl", "Difference in proportions of labels (Clarify DPL): the rest's share of "
        + "favourable labels minus the group's.");
    define("clarify_kl", "Kullback-Leibler divergence (Clarify KL, in nats) of the rest's label "
        + "distribution from the group's; 0 means the same distribution.");
    define("clarify_js", "Jensen-Shannon divergence (Clarify JS, in nats) between the group's and "
        + "the rest's label distributions; 0 means the same, at most ln 2.");
    define("clarify_lp", "L2 distance (Clarify Lp, p = 2) between the group's and the rest's label "
        + "distributions.");
    define("clarify_tvd", "Total variation distance (Clarify TVD) between the group's and the "
        + "rest's label distributions: half the sum of absolute differences.");
    define("clarify_ks", "Kolmogorov-Smirnov distance (Clarify KS): the largest absolute "
        + "difference between the group's and the rest's label probabilities.");
    define("clarify_dppl", "Difference in positive proportions in predicted labels (Clarify DPPL): "
        + "the rest's favourable-prediction rate minus the group's.");
    define("clarify_di", "Disparate impact (Clarify DI): the group's favourable-prediction rate "
        + "divided by the rest's; 1 is parity, under 0.8 fails the four-fifths comparison.");
    define("clarify_dca", "Difference in conditional acceptance (Clarify DCA): favourable labels "
        + "per favourable prediction, rest minus group.");
    define("clarify_dcr", "Difference in conditional rejection (Clarify DCR): unfavourable labels "
        + "per unfavourable prediction, group minus rest.");
    define("clarify_rd", "Recall difference (Clarify RD): the rest's true positive rate minus the "
        + "group's.");
    define("clarify_dar", "Difference in acceptance rates (Clarify DAR): the rest's precision "
        + "minus the group's.");
    define("clarify_drr", "Difference in rejection rates (Clarify DRR): the group's negative "
        + "predictive value minus the rest's.");
    define("clarify_ad", "Accuracy difference (Clarify AD): the rest's accuracy minus the "
        + "group's.");
    define("clarify_te", "Treatment equality (Clarify TE): the group's false negatives per false "
        + "positive minus the rest's.");
    define("clarify_cddl", "Conditional demographic disparity in labels (Clarify CDDL): within each "
        + "stratum of the fairness.strata column, the group's share of the unfavourable labels "
        + "minus its share of the favourable ones, averaged with the strata's sizes as weights; "
        + "positive means the group gets more than its share of unfavourable outcomes.");
    define("clarify_cddpl", "Conditional demographic disparity in predicted labels (Clarify "
        + "CDDPL): the same as clarify_cddl, computed on the model's predictions.");
    // drift
    define("ks_statistic", "Two-sample Kolmogorov–Smirnov statistic: the largest gap between "
        + "the reference and current cumulative distributions (0 = identical, 1 = disjoint).");
    define("ks_p_value", "p-value of the Kolmogorov–Smirnov test; small values (below 0.05) "
        + "mean the two distributions very likely differ.");
    define("wasserstein", "Earth mover's distance between the reference and current "
        + "distributions, in the column's own units.");
    define("wasserstein_normed", "Earth mover's distance divided by the reference's standard "
        + "deviation (at least 0.001), so columns can be compared; 0.1 or more counts as drift.");
    define("psi", "Population stability index: Σ (current − reference) × ln(current ÷ "
        + "reference) over bins. Below 0.1 little change, 0.1–0.25 moderate, above 0.25 large.");
    define("jensen_shannon", "Jensen–Shannon distance (base-2 logarithm) between the binned "
        + "distributions (0 = identical, 1 = disjoint).");
    define("hellinger", "Hellinger distance between the binned distributions (0 = identical, "
        + "1 = disjoint).");
    define("total_variation", "Half the sum of absolute differences between the binned "
        + "shares: the largest share of records that changed bin (0–1).");
    define("chi2_statistic", "Pearson's chi-squared statistic of the 2 × K table of category "
        + "counts (reference and current × categories), without Yates' correction.");
    define("chi2_p_value", "p-value of the chi-squared test of homogeneity; small values (below "
        + "0.05) mean the category mix very likely changed.");
    define("unseen_share_current", "Share of the current values whose category never occurs in "
        + "the reference.");
    define("null_rate_reference", "Share of missing values in the reference data (missing "
        + "values are left out of the other drift metrics).");
    define("null_rate_current", "Share of missing values in the current data (missing values are "
        + "left out of the other drift metrics).");
    define("drift_detected", "1 when the column's drift test says it drifted, else 0.");
    define("drift_share", "Share of the checked columns in which drift was detected (per data set, "
        + "or within one group when drift.segment_by is set).");
    define("domain_classifier_auc", "How well a logistic regression trained on a sample can tell "
        + "current rows from reference rows, as cross-validated ROC AUC: 0.5 means the data sets "
        + "look alike, 1 means every row gives away which data set it came from.");
    // llm
    define("bleu", "sacreBLEU corpus BLEU (0–100): n-gram overlap of responses with the "
        + "reference answers, with a brevity penalty.");
    define("chrf", "sacreBLEU chrF (0–100): character n-gram F-score of responses against the "
        + "reference answers.");
    define("rouge1", "Mean per-record ROUGE-1 F-measure (0–1): overlap of single words with "
        + "the reference answer (Porter stemming only when the spec asks for it).");
    define("rouge2", "Mean per-record ROUGE-2 F-measure (0–1): overlap of word pairs with the "
        + "reference answer.");
    define("rougeL", "Mean per-record ROUGE-L F-measure (0–1): longest common word sequence "
        + "with the reference answer.");
    define("rougeLsum", "Mean per-record summary-level ROUGE-L F-measure (0–1): longest common "
        + "word sequences between the lines of the response and of the reference answer.");
    define("exact_match", "Share of responses equal to the reference answer after SQuAD "
        + "normalisation (lower case, no punctuation or articles).");
    define("token_f1", "Mean per-record SQuAD token F1 (0–1) between response and reference "
        + "answer.");
    define("refusal_rate", "Share of responses that contain a refusal phrase such as \"I can't "
        + "help with\" (case-insensitive; the phrase list is in the spec's llm block).");
    define("prompt_injection_rate", "Share of records whose prompt or retrieved contexts contain a "
        + "known prompt-injection or jailbreak marker such as \"ignore previous instructions\".");
    define("indirect_injection_rate", "Share of records whose retrieved contexts (not the user's "
        + "prompt) contain a prompt-injection marker: injection through the documents.");
    define("json_valid_rate", "Share of responses that are exactly one valid JSON value, when the "
        + "spec says responses must be JSON.");
    define("response_pii_rate", "Share of responses that contain personal data (e-mail, phone, "
        + "card or IBAN with valid checksum, US SSN, IPv4), found with the privacy scan's patterns.");
    define("response_secret_rate", "Share of responses that contain a secret: a cloud access key, "
        + "a storage key, a JSON web token or a private-key block.");
    define("json_schema_valid_rate", "Share of responses that are one JSON value conforming to the "
        + "JSON Schema named in the spec (llm.json_schema).");
    define("latency_ms_p50", "Median response latency in milliseconds (Spark percentile_approx).");
    define("latency_ms_p95", "95th percentile of response latency in milliseconds: 1 in 20 "
        + "requests is slower.");
    define("latency_ms_p99", "99th percentile of response latency in milliseconds: 1 in 100 "
        + "requests is slower.");
    define("prompt_tokens_total", "Prompt tokens summed over all records.");
    define("completion_tokens_total", "Completion tokens summed over all records.");
    define("prompt_tokens_mean", "Average prompt tokens per record.");
    define("completion_tokens_mean", "Average completion tokens per record.");
    define("cost_total", "Token cost of all records from the spec's price table: prompt tokens × "
        + "price per 1,000 ÷ 1,000 plus completion tokens × price per 1,000 ÷ 1,000.");
    define("cost_per_record", "Token cost per record: cost_total divided by the records with token "
        + "counts.");
    define("unsupported_entity_rate", "Lexical support, not truth: share of the names (capitalised "
        + "words not starting a sentence) in responses that the retrieved contexts do not contain.");
    define("variant_count", "Records answering this variant of the prompt (the same question with "
        + "a demographic term swapped).");
    define("variant_refusal_rate", "Share of this variant's responses that contain a refusal phrase.");
    define("variant_response_length_mean", "Average length in characters of this variant's responses.");
    define("variant_sentiment_mean", "Average sentiment-lexicon score (−1 negative to 1 positive) of "
        + "this variant's responses.");
    define("variant_rouge_l", "Average ROUGE-L F-measure of this variant's responses against the "
        + "reference answers.");
    define("variant_refusal_rate_difference", "Largest minus smallest refusal rate over the variants "
        + "of the prompts: 0 means every variant is refused equally often.");
    define("variant_response_length_difference", "Largest minus smallest average response length "
        + "over the variants, in characters.");
    define("variant_sentiment_difference", "Largest minus smallest average sentiment score over the "
        + "variants: one variant getting warmer or colder answers.");
    define("variant_rouge_l_difference", "Largest minus smallest average ROUGE-L over the variants: "
        + "one variant getting less accurate answers.");
    define("response_length_mean", "Average response length in characters.");
    define("response_length_min", "Shortest response, in characters.");
    define("response_length_max", "Longest response, in characters.");
    define("recall_at_k", "Share of a query's relevant documents found in the top k retrieved, "
        + "averaged over queries that have relevant documents.");
    define("precision_at_k", "Share of the top k retrieved slots filled by relevant documents "
        + "(divided by k even when fewer were retrieved), averaged over queries.");
    define("hit_rate_at_k", "Share of queries with at least one relevant document in the top k "
        + "retrieved.");
    define("mrr", "Mean reciprocal rank: 1 ÷ the rank of the first relevant document retrieved "
        + "(0 if none), averaged over queries.");
    define("ndcg_at_k", "Normalised discounted cumulative gain at k: relevant documents count more "
        + "the higher they are ranked, 1 for an ideal ranking.");
    define("map", "Mean average precision: for each query the average of the precision at the rank "
        + "of each relevant document (missed ones count 0), averaged over queries.");
    define("groundedness_lexical", "Lexical support, not truth: share of response sentences whose "
        + "content words mostly (at least llm.support_threshold) occur in the retrieved contexts.");
    define("unsupported_number_rate", "Share of the numbers written in responses that do not occur "
        + "in the record's retrieved contexts.");
    define("context_relevance", "Share of the prompt's content words that occur in the retrieved "
        + "contexts, averaged over records.");
    define("answer_relevance", "Share of the prompt's content words that occur in the response, "
        + "averaged over records.");
    define("context_recall", "Share of the reference answer's content words that occur in the "
        + "retrieved contexts, averaged over records.");
    define("judge_groundedness", "The judge model's opinion, not truth: average 1-5 rating of how "
        + "well each response is supported by its retrieved contexts (5 = fully supported).");
    define("judge_relevance", "The judge model's opinion: average 1-5 rating of how directly each "
        + "response answers its question (5 = fully).");
    define("judge_coherence", "The judge model's opinion: average 1-5 rating of how clear and "
        + "consistent each response is (5 = very).");
    define("judge_coverage", "Share of the responses that the judge model rated; the rest failed or "
        + "were not sent because of llm.judge.max_records.");
    // privacy
    define("k_anonymity", "Size of the smallest group of records that share the same "
        + "quasi-identifier values; each person hides among at least k records.");
    define("equivalence_classes", "Number of distinct combinations of quasi-identifier values.");
    define("reidentification_risk_prosecutor_max", "Highest chance of re-identifying a record "
        + "by its quasi-identifiers: 1 ÷ size of its group (prosecutor model).");
    define("reidentification_risk_prosecutor_avg", "Average over records of 1 ÷ size of their "
        + "quasi-identifier group (prosecutor model).");
    define("sample_uniqueness", "Share of records that are unique on their quasi-identifiers.");
    define("records_at_risk", "Share of records in quasi-identifier groups smaller than the "
        + "required k.");
    define("l_diversity", "Smallest number of distinct sensitive values within any "
        + "quasi-identifier group (distinct l-diversity).");
    define("entropy_l_diversity", "Smallest exp(entropy) of the sensitive values within any "
        + "quasi-identifier group.");
    define("t_closeness", "Largest distance between a group's distribution of the sensitive "
        + "value and the whole data set's (0 = no group reveals anything).");
    define("membership_auc", "How well an attacker's score separates records used in training "
        + "from others (0.5 = no better than chance).");
    define("membership_advantage", "Membership-inference advantage: true positive rate minus "
        + "false positive rate of the best attack threshold (0 = no leakage).");
    define("membership_tpr_at_0_1_fpr", "Share of training records the confidence attack identifies "
        + "while wrongly flagging at most 0.1% of non-training records (0 = none identified safely).");
    define("membership_tpr_at_1_fpr", "Share of training records the confidence attack identifies "
        + "while wrongly flagging at most 1% of non-training records.");
    define("memorization_rate", "Share of the model's responses that repeat a long passage (50 "
        + "characters by default) of the training text word for word.");
    define("membership_attack_auc", "How well a logistic-regression attack trained on the model's "
        + "confidence, loss, entropy and label tells training records from others, cross-validated "
        + "(0.5 = no better than chance, 1 = always).");
  }

  private MetricGlossary() {
  }

  private static void define(String metric, String definition) {
    DEFINITIONS.put(metric, definition);
  }

  /** The definition of a metric name, if the glossary knows it ({@code pii_*} by its prefix). */
  public static Optional<String> definition(String metric) {
    String known = DEFINITIONS.get(metric);
    if (known != null) {
      return Optional.of(known);
    }
    if (metric.startsWith("pii_")) {
      String body = metric.substring(4);
      if (body.endsWith("_count") && body.length() > 6) {
        return Optional.of("Number of records whose value in this column holds a "
            + body.substring(0, body.length() - 6).replace('_', ' ')
            + " (checksums such as Luhn and IBAN mod-97 applied; values are never shown).");
      }
      if (body.endsWith("_rate") && body.length() > 5) {
        return Optional.of("Share of the data set's records whose value in this column holds a "
            + body.substring(0, body.length() - 5).replace('_', ' ') + ".");
      }
      return Optional.of("Personal data found in the text: " + body.replace('_', ' ')
          + " (share or count of records with a detected match).");
    }
    return Optional.empty();
  }
}
