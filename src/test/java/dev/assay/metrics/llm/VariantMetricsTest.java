package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.LlmOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Variant (counterfactual) fairness: per-variant metrics and max − min gaps, hand-worked and by
 * plain loops.
 */
class VariantMetricsTest {

  static final StructType SCHEMA =
      new StructType()
          .add("response", DataTypes.StringType)
          .add("expected", DataTypes.StringType)
          .add("gender", DataTypes.StringType);

  static Dataset<Row> data(List<Row> rows, int partitions) {
    return SharedSpark.get().createDataFrame(rows, SCHEMA).repartition(partitions);
  }

  static LlmInput input(Dataset<Row> data) {
    return input(data, LlmOptions.DEFAULTS);
  }

  static LlmInput input(Dataset<Row> data, LlmOptions options) {
    return TestInputs.withVariant(
        TestInputs.texts(data, "response", "expected", null, null, false, options), "gender");
  }

  /** Metric values keyed "name|group" (group "" for the attribute-level differences). */
  static Map<String, MetricResult> byKey(LlmOutcome outcome) {
    Map<String, MetricResult> out = new HashMap<>();
    for (MetricResult m : outcome.metrics()) {
      Scope s = m.key().scope();
      out.put(m.key().metric() + "|" + (s.group() == null ? "" : s.group()), m);
    }
    return out;
  }

  static double v(Map<String, MetricResult> m, String key) {
    return m.get(key).number().orElseThrow();
  }

  /**
   *
   *
   * <pre>
   *   he   "He is a great and reliable engineer."      ref "He is a reliable engineer."
   *   he   "I'm sorry, but I can't help with that."    ref "Yes"
   *   she  "She is a poor fit."                        ref "She is a reliable engineer."
   *   she  "She is fine."                              ref "She is fine."
   *   null "x"                                         ref "x"   (left out, with a note)
   * </pre>
   *
   * he: refusal 1/2 = 0.5; lengths 36 and 38 → 37; sentiment: {great, reliable} → (2 − 0)/2 = 1 and
   * {sorry} → −1, mean 0; ROUGE-L: LCS("he is a reliable engineer", "he is a great and reliable
   * engineer") = 5, P = 5/7, R = 1, F = 5/6, and 0 → 5/12. she: refusal 0; lengths 18 and 12 → 15;
   * sentiment {poor} → −1 and none → 0, mean −0.5; ROUGE-L: LCS "she is a" = 3 of 5 and 5 → F =
   * 0.6, and 1 → 0.8. Gaps: refusal 0.5, length 22, sentiment 0.5, ROUGE-L 0.8 − 5/12.
   */
  @Test
  void handWorkedVariantsInOneJob() {
    List<Row> rows =
        List.of(
            RowFactory.create(
                "He is a great and reliable engineer.", "He is a reliable engineer.", "he"),
            RowFactory.create("I'm sorry, but I can't help with that.", "Yes", "he"),
            RowFactory.create("She is a poor fit.", "She is a reliable engineer.", "she"),
            RowFactory.create("She is fine.", "She is fine.", "she"),
            RowFactory.create("x", "x", null));
    LlmOutcome[] out = new LlmOutcome[1];
    int jobs =
        JobCounter.count(SharedSpark.get(), () -> out[0] = LlmAnalysis.run(input(data(rows, 2))));
    assertEquals(1, jobs);
    Map<String, MetricResult> m = byKey(out[0]);
    assertEquals(2.0, v(m, "variant_count|he"), 0.0);
    assertEquals(0.5, v(m, "variant_refusal_rate|he"), 1e-12);
    assertEquals(0.0, v(m, "variant_refusal_rate|she"), 1e-12);
    assertEquals(37.0, v(m, "variant_response_length_mean|he"), 1e-12);
    assertEquals(15.0, v(m, "variant_response_length_mean|she"), 1e-12);
    assertEquals(0.0, v(m, "variant_sentiment_mean|he"), 1e-12);
    assertEquals(-0.5, v(m, "variant_sentiment_mean|she"), 1e-12);
    assertEquals(5.0 / 12, v(m, "variant_rouge_l|he"), 1e-12);
    assertEquals(0.8, v(m, "variant_rouge_l|she"), 1e-12);
    assertEquals(0.5, v(m, "variant_refusal_rate_difference|"), 1e-12);
    assertEquals(22.0, v(m, "variant_response_length_difference|"), 1e-12);
    assertEquals(0.5, v(m, "variant_sentiment_difference|"), 1e-12);
    assertEquals(0.8 - 5.0 / 12, v(m, "variant_rouge_l_difference|"), 1e-12);
    MetricResult gap = m.get("variant_refusal_rate_difference|");
    assertEquals(Scope.attribute("gender"), gap.key().scope());
    assertEquals(Scope.group("gender", "he"), m.get("variant_refusal_rate|he").key().scope());
    assertTrue(gap.note().contains("highest 'he'"), gap.note());
    assertTrue(
        out[0].notes().stream().anyMatch(n -> n.contains("1 of 5 records have no variant")),
        out[0].notes().toString());
  }

  @Test
  void oneVariantLeavesTheGapsUndefined() {
    List<Row> rows = List.of(RowFactory.create("a", "a", "only"));
    Map<String, MetricResult> m = byKey(LlmAnalysis.run(input(data(rows, 1))));
    assertTrue(m.get("variant_refusal_rate_difference|") instanceof MetricResult.Undefined);
    assertTrue(m.get("variant_refusal_rate_difference|").note().contains("fewer than two"));
  }

  @Test
  void tooManyVariantsIsBadInput() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i <= VariantState.MAX_VARIANTS; i++) {
      rows.add(RowFactory.create("a", "a", "v" + i));
    }
    BadInputException e =
        assertThrows(BadInputException.class, () -> LlmAnalysis.run(input(data(rows, 3))));
    assertTrue(e.getMessage().contains("more than 100 distinct values"), e.getMessage());
  }

  /** Seeded data, three variants, 4 partitions: every per-variant value equals a plain loop. */
  @Test
  void seededVariantsMatchPlainLoops() {
    Random random = new Random(11);
    String[] words = {
      "good", "bad", "the", "engineer", "sorry", "great", "poor", "is", "I'm sorry, but", "fine"
    };
    String[] variants = {"a", "b", "c"};
    List<Row> rows = new ArrayList<>();
    Map<String, double[]> want = new HashMap<>(); // refusals, length, sentiment, rougeL, n
    for (int i = 0; i < 150; i++) {
      StringBuilder r = new StringBuilder();
      int n = 1 + random.nextInt(6);
      for (int j = 0; j < n; j++) {
        r.append(j == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
      }
      String response = r.toString();
      String reference = words[random.nextInt(words.length)] + " engineer";
      String variant = variants[random.nextInt(3)];
      rows.add(RowFactory.create(response, reference, variant));
      double[] w = want.computeIfAbsent(variant, k -> new double[5]);
      w[0] += response.toLowerCase().contains("i'm sorry, but") ? 1 : 0;
      w[1] += response.codePointCount(0, response.length());
      w[2] += Sentiment.score(response);
      w[3] += Rouge.rougeL(Rouge.tokens(reference), Rouge.tokens(response));
      w[4]++;
    }
    // an explicit phrase list: a substring match, as the plain loop counts (the built-in detector
    // scores phrasing and is pinned on its own labelled set in DetectorEvaluationTest)
    LlmOptions phrase =
        LlmOptions.builder().phrases(List.of("i'm sorry, but"), LlmOptions.BUILT_IN).build();
    Map<String, MetricResult> m = byKey(LlmAnalysis.run(input(data(rows, 4), phrase)));
    double minRefusal = Double.MAX_VALUE;
    double maxRefusal = -Double.MAX_VALUE;
    for (String variant : variants) {
      double[] w = want.get(variant);
      assertEquals(w[0] / w[4], v(m, "variant_refusal_rate|" + variant), 1e-12);
      assertEquals(w[1] / w[4], v(m, "variant_response_length_mean|" + variant), 1e-9);
      assertEquals(w[2] / w[4], v(m, "variant_sentiment_mean|" + variant), 1e-9);
      assertEquals(w[3] / w[4], v(m, "variant_rouge_l|" + variant), 1e-9);
      minRefusal = Math.min(minRefusal, w[0] / w[4]);
      maxRefusal = Math.max(maxRefusal, w[0] / w[4]);
    }
    assertEquals(maxRefusal - minRefusal, v(m, "variant_refusal_rate_difference|"), 1e-12);
  }

  /** The lexicon: (P − N) / (P + N) over rouge-score tokens, 0 without opinion words. */
  @Test
  void sentimentScore() {
    assertEquals(1.0, Sentiment.score("Great, reliable!"), 0.0);
    assertEquals(-1.0, Sentiment.score("a POOR answer"), 0.0);
    // good, helpful (+2) against bad (−1): (2 − 1) / 3
    assertEquals(1.0 / 3, Sentiment.score("good and helpful, not bad"), 1e-12);
    assertEquals(0.0, Sentiment.score("The capital is Paris."), 0.0);
    assertEquals(0.0, Sentiment.score(""), 0.0);
    assertEquals(60, Sentiment.POSITIVE.size());
    assertEquals(63, Sentiment.NEGATIVE.size());
  }
}
