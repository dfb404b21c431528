package dev.assay.metrics.llm;

/**
 * The names of the variant (counterfactual) fairness metrics of an LLM application. When {@code
 * columns.variant} names the rewrite of the prompt a record answers (the same prompt with a
 * demographic term swapped: "he"/"she", one name for another), the responses should not depend on
 * it. Per variant (scope attribute = the variant column, group = its value), means over that
 * variant's non-null responses; per attribute, max − min over the variants (0 = no gap, higher is a
 * larger gap; undefined with fewer than two variants having a value). The comparison follows the
 * counterfactual-fairness tests of HELM (Liang et al. 2022, "Holistic evaluation of language
 * models", the "fairness" perturbations) and of Fairlearn's max − min difference for groups.
 */
final class VariantMetrics {

  /** Records of the variant (≥ 0). */
  static final String COUNT = "variant_count";

  /** Share of the variant's responses that contain a refusal phrase (0–1). */
  static final String REFUSAL_RATE = "variant_refusal_rate";

  /** Mean response length of the variant, in characters. */
  static final String LENGTH_MEAN = "variant_response_length_mean";

  /** Mean {@link Sentiment} score of the variant's responses (−1 to 1). */
  static final String SENTIMENT_MEAN = "variant_sentiment_mean";

  /**
   * Mean ROUGE-L F of the variant's responses against the reference answers (0–1; with references).
   */
  static final String ROUGE_L = "variant_rouge_l";

  /** max − min of {@link #REFUSAL_RATE} over the variants (0–1, lower is better). */
  static final String REFUSAL_RATE_DIFFERENCE = "variant_refusal_rate_difference";

  /** max − min of {@link #LENGTH_MEAN} over the variants (characters, lower is better). */
  static final String LENGTH_DIFFERENCE = "variant_response_length_difference";

  /** max − min of {@link #SENTIMENT_MEAN} over the variants (0–2, lower is better). */
  static final String SENTIMENT_DIFFERENCE = "variant_sentiment_difference";

  /** max − min of {@link #ROUGE_L} over the variants (0–1, lower is better). */
  static final String ROUGE_L_DIFFERENCE = "variant_rouge_l_difference";

  private VariantMetrics() {}
}
