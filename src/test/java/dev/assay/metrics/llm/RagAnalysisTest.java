package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.AuditSpec;
import dev.assay.spec.LlmOptions;
import dev.assay.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Retrieval and lexical support on Spark: hand fixture in one job, seeded plain-loop oracle, merge
 * law.
 */
class RagAnalysisTest {

  static final StructType SCHEMA =
      new StructType()
          .add("prompt", DataTypes.StringType)
          .add("response", DataTypes.StringType)
          .add("expected", DataTypes.StringType)
          .add("contexts", DataTypes.createArrayType(DataTypes.StringType))
          .add("retrieved", DataTypes.createArrayType(DataTypes.StringType))
          .add("relevant", DataTypes.StringType);

  static Dataset<Row> data(List<Row> rows, int partitions) {
    return SharedSpark.get().createDataFrame(rows, SCHEMA).repartition(partitions);
  }

  static List<String> list(String... items) {
    return items == null ? null : Arrays.asList(items);
  }

  static LlmInput input(Dataset<Row> data, int k) {
    return TestInputs.withIds(
        TestInputs.texts(
            data,
            "response",
            "expected",
            "prompt",
            "contexts",
            true,
            LlmOptions.builder().k(k).build()),
        "retrieved",
        true,
        "relevant",
        false);
  }

  static Map<String, MetricResult> byName(LlmOutcome outcome) {
    return outcome.metrics().stream().collect(Collectors.toMap(m -> m.key().metric(), m -> m));
  }

  static double value(Map<String, MetricResult> m, String name) {
    return m.get(name).number().orElseThrow();
  }

  /**
   * k = 3, relevant ids as a comma-separated string:
   *
   * <pre>
   *   1 retrieved [a, b, c, d, e]  relevant "a, c, f"  → 2/3, 2/3, 1, 1, 0.7039180890341347, 5/9 (RetrievalTest)
   *   2 retrieved [x, y, b]        relevant "b"        → 1, 1/3, 1, 1/3, 0.5, 1/3
   *   3 retrieved [a]              relevant null       → left out (note)
   *   4 retrieved null             relevant "z"        → 0, 0, 0, 0, 0, 0
   * </pre>
   *
   * Means over 3: recall (2/3 + 1 + 0)/3 = 5/9; precision (2/3 + 1/3)/3 = 1/3; hit 2/3; mrr (1 +
   * 1/3)/3 = 4/9; ndcg (0.7039180890341347 + 0.5)/3; map (5/9 + 1/3)/3 = 8/27. Lexical
   * (LexicalSupportTest): groundedness record 1 only = 1/2 (record 3 "Yes." has no content word,
   * record 4 no response); numbers: "480" unsupported, 1 of 1; context_relevance record 1 0.5 and
   * record 4 (prompt {q}, empty contexts) 0 → 0.25; answer_relevance records 1 (0.5) and 2 (0/2) →
   * 0.25; context_recall record 1 only ("four") = 1.
   */
  static List<Row> fixture() {
    return List.of(
        RowFactory.create(
            LexicalSupportTest.PROMPT,
            LexicalSupportTest.RESPONSE,
            "four",
            list(LexicalSupportTest.CONTEXT),
            list("a", "b", "c", "d", "e"),
            "a, c, f"),
        RowFactory.create("Capital of France?", "Paris.", "Paris", null, list("x", "y", "b"), "b"),
        RowFactory.create("Is it?", "Yes.", "yes", list("It is."), list("a"), null),
        RowFactory.create("q", null, null, list(), null, "z"));
  }

  @Test
  void handWorkedFixtureInOneJob() {
    Dataset<Row> data = data(fixture(), 2);
    LlmOutcome[] out = new LlmOutcome[1];
    assertEquals(
        1, JobCounter.count(SharedSpark.get(), () -> out[0] = LlmAnalysis.run(input(data, 3))));
    Map<String, MetricResult> m = byName(out[0]);
    assertEquals(5.0 / 9, value(m, "recall_at_k"), 1e-12);
    assertEquals(1.0 / 3, value(m, "precision_at_k"), 1e-12);
    assertEquals(2.0 / 3, value(m, "hit_rate_at_k"), 1e-12);
    assertEquals(4.0 / 9, value(m, "mrr"), 1e-12);
    assertEquals((0.7039180890341347 + 0.5) / 3, value(m, "ndcg_at_k"), 1e-12);
    assertEquals(8.0 / 27, value(m, "map"), 1e-12);
    assertEquals(3L, m.get("map").count());
    assertTrue(m.get("ndcg_at_k").note().contains("k = 3"), m.get("ndcg_at_k").note());
    assertEquals(0.5, value(m, "groundedness_lexical"), 1e-12);
    assertEquals(1.0, value(m, "unsupported_number_rate"), 1e-12);
    assertEquals(0.25, value(m, "context_relevance"), 1e-12);
    assertEquals(2L, m.get("context_relevance").count());
    assertEquals(0.25, value(m, "answer_relevance"), 1e-12);
    assertEquals(1.0, value(m, "context_recall"), 1e-12);
    assertTrue(m.get("groundedness_lexical").note().contains("not truth"));
    String notes = String.join("\n", out[0].notes());
    assertTrue(notes.contains("1 of 4 records have no relevant id"), notes);
    assertTrue(notes.contains("1 records have a response without any sentence"), notes);
  }

  /**
   * Without the id columns no retrieval metric is reported; without contexts no lexical support.
   */
  @Test
  void metricsNeedTheirColumns() {
    Dataset<Row> data = data(fixture(), 1);
    Map<String, MetricResult> m =
        byName(
            LlmAnalysis.run(
                TestInputs.texts(
                    data, "response", "expected", "prompt", null, false, LlmOptions.DEFAULTS)));
    for (String name :
        List.of(
            "recall_at_k",
            "map",
            "groundedness_lexical",
            "context_relevance",
            "context_recall",
            "unsupported_number_rate")) {
      assertFalse(m.containsKey(name), name);
    }
    assertTrue(m.containsKey("answer_relevance"));
  }

  /** No record with a relevant id: every retrieval metric is undefined with a reason, never 0. */
  @Test
  void noRelevantIdsIsUndefined() {
    List<Row> rows =
        List.of(
            RowFactory.create("p", "r", "e", list("c"), list("a"), ""),
            RowFactory.create("p", "r", "e", list("c"), list("a"), " , "));
    Map<String, MetricResult> m = byName(LlmAnalysis.run(input(data(rows, 1), 5)));
    assertTrue(
        m.get("mrr") instanceof MetricResult.Undefined u
            && u.note().contains("no record has a relevant id"),
        m.get("mrr").toString());
  }

  /**
   * Seeded lists: the Spark values equal plain loops over the definitions, for 1 and 4 partitions.
   */
  @Test
  void seededRetrievalMatchesPlainDefinitions() {
    Random random = new Random(11);
    List<Row> rows = new ArrayList<>();
    List<List<String>> retrieved = new ArrayList<>();
    List<Set<String>> relevant = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      List<String> ret = new ArrayList<>();
      for (int j = random.nextInt(9); j > 0; j--) {
        ret.add("d" + random.nextInt(12));
      }
      Set<String> rel = new HashSet<>();
      for (int j = random.nextInt(4); j > 0; j--) {
        rel.add("d" + random.nextInt(12));
      }
      retrieved.add(ret);
      relevant.add(rel);
      rows.add(RowFactory.create("p", "r", "e", list("c"), ret, String.join(",", rel)));
    }
    int k = 4;
    double[] sums = new double[6];
    int judged = 0;
    for (int i = 0; i < rows.size(); i++) {
      Set<String> rel = relevant.get(i);
      if (rel.isEmpty()) {
        continue;
      }
      judged++;
      List<String> ranked = retrieved.get(i).stream().distinct().toList();
      int inTopK = 0;
      double dcg = 0;
      for (int r = 1; r <= Math.min(k, ranked.size()); r++) {
        if (rel.contains(ranked.get(r - 1))) {
          inTopK++;
          dcg += Math.log(2) / Math.log(r + 1);
        }
      }
      double idcg = 0;
      for (int r = 1; r <= Math.min(k, rel.size()); r++) {
        idcg += Math.log(2) / Math.log(r + 1);
      }
      double rr = 0;
      double ap = 0;
      for (int r = ranked.size(); r >= 1; r--) { // backwards: the last assignment is the first hit
        if (rel.contains(ranked.get(r - 1))) {
          rr = 1.0 / r;
          long before = ranked.subList(0, r).stream().filter(rel::contains).count();
          ap += (double) before / r;
        }
      }
      sums[0] += (double) inTopK / rel.size();
      sums[1] += (double) inTopK / k;
      sums[2] += inTopK > 0 ? 1 : 0;
      sums[3] += rr;
      sums[4] += dcg / idcg;
      sums[5] += ap / rel.size();
    }
    for (int partitions : new int[] {1, 4}) {
      Map<String, MetricResult> m = byName(LlmAnalysis.run(input(data(rows, partitions), k)));
      for (int i = 0; i < Retrieval.NAMES.size(); i++) {
        assertEquals(
            sums[i] / judged, value(m, Retrieval.NAMES.get(i)), 1e-12, Retrieval.NAMES.get(i));
        assertEquals(judged, m.get(Retrieval.NAMES.get(i)).count());
      }
    }
  }

  /** The id columns: both or neither, strings or arrays of strings, errors name the spec line. */
  @Test
  void planChecksTheIdColumns() {
    Dataset<Row> data = data(fixture(), 1);
    YamlDocument spec =
        YamlDocument.parse(
            "audit.yaml", "columns:\n  response: response\n  retrieved_ids: retrieved\n");
    AuditSpec.Columns onlyRetrieved = columns("retrieved", null);
    BadInputException one =
        assertThrows(
            BadInputException.class,
            () -> LlmPlan.input(data, onlyRetrieved, LlmOptions.DEFAULTS, spec, "data.json"));
    assertTrue(
        one.getMessage().contains("audit.yaml:3") && one.getMessage().contains("relevant_ids"),
        one.getMessage());
    AuditSpec.Columns wrongType = columns("retrieved", "contexts");
    LlmInput ok =
        LlmPlan.input(
            data, columns("retrieved", "relevant"), LlmOptions.DEFAULTS, spec, "data.json");
    assertTrue(ok.columns().ids().retrieved().isArray());
    assertFalse(ok.columns().ids().relevant().isArray());
    Dataset<Row> numeric = data.withColumn("relevant", data.col("prompt").cast("int"));
    BadInputException type =
        assertThrows(
            BadInputException.class,
            () ->
                LlmPlan.input(
                    numeric,
                    columns("retrieved", "relevant"),
                    LlmOptions.DEFAULTS,
                    spec,
                    "data.json"));
    assertTrue(
        type.getMessage().contains("relevant ids") && type.getMessage().contains("string"),
        type.getMessage());
    assertTrue(
        LlmPlan.input(data, wrongType, LlmOptions.DEFAULTS, spec, "data.json")
            .columns()
            .ids()
            .relevant()
            .isArray());
  }

  private static AuditSpec.Columns columns(String retrieved, String relevant) {
    return new AuditSpec.Columns(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "prompt",
        "response",
        "expected",
        "contexts",
        retrieved,
        relevant,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
