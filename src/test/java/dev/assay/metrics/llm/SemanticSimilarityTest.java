package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.AuditSpec;
import dev.assay.spec.LlmOptions;
import dev.assay.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic similarity from embedding columns: cosines worked by hand on 2- and 3-dimensional
 * vectors, in the family's one job, per variant, with the normal interval, per record, and the
 * column checks.
 */
class SemanticSimilarityTest {

  static final SparkSession SPARK = SharedSpark.get();
  static final double R = Math.sqrt(0.5); // cos([1,0],[1,1]) = 1/√2

  static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("response", DataTypes.StringType)
          .add("gender", DataTypes.StringType)
          .add("r_emb", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("a_emb", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("c_emb", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType)))
          .add("q_emb", DataTypes.createArrayType(DataTypes.FloatType));

  /**
   * By hand: record 1 cos(a,r) = 1, max over contexts max(0, 1/√2), mean prompt–context (1 + 1/√2)
   * / 2; record 2 24/25, 1, −1; record 3 lengths differ and no contexts: nothing; record 4 zero
   * response vector: only prompt–context 1; record 5 a NaN element: only prompt–context, nothing
   * (no contexts).
   */
  static List<Row> rows() {
    return List.of(
        row(1, "a", v(1, 0), v(1, 0), List.of(v(0, 1), v(1, 1)), f(0, 1)),
        row(2, "b", v(3, 4), v(4, 3), List.of(v(3, 4)), f(-3, -4)),
        row(3, "a", v(1, 2, 3), v(1, 2), null, null),
        row(4, "b", v(0, 0), v(1, 1), List.of(v(1, 0)), f(1, 0)),
        row(5, "b", v(1, Double.NaN), v(1, 1), null, f(1, 0)));
  }

  static Row row(
      int id, String g, List<Double> a, List<Double> r, List<List<Double>> c, List<Float> q) {
    return RowFactory.create(id, "text " + id, g, r, a, c, q);
  }

  static List<Double> v(double... x) {
    return Arrays.stream(x).boxed().toList();
  }

  static List<Float> f(float... x) {
    Float[] out = new Float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i];
    }
    return List.of(out);
  }

  static LlmInput input(Dataset<Row> data) {
    LlmInput in =
        TestInputs.withVariant(
            TestInputs.texts(data, "response", null, null, null, false, LlmOptions.DEFAULTS),
            "gender");
    return in.withColumns(
        in.columns().withEmbeddings(new LlmColumns.Embeddings("a_emb", "r_emb", "c_emb", "q_emb")));
  }

  @Test
  void cosinesByHandInTheFamilysOneJob() {
    Dataset<Row> data = SPARK.createDataFrame(rows(), SCHEMA).repartition(2);
    LlmOutcome[] out = new LlmOutcome[1];
    assertEquals(1, JobCounter.count(SPARK, () -> out[0] = LlmAnalysis.run(input(data))));
    Map<String, MetricResult> m = VariantMetricsTest.byKey(out[0]);
    MetricResult.Computed similarity = (MetricResult.Computed) m.get("semantic_answer_similarity|");
    assertEquals((1 + 0.96) / 2, similarity.value(), 1e-12);
    assertEquals(2L, similarity.count());
    // s = 0.02·√2, half-width = 1.959964 · s / √2 = 0.0391993; the upper bound is clamped at 1
    assertEquals(0.98 - SemanticState.Z95 * 0.02, similarity.ciLow(), 1e-12);
    assertEquals(1.0, similarity.ciHigh(), 0.0);
    assertEquals((R + 1) / 2, VariantMetricsTest.v(m, "semantic_context_support|"), 1e-12);
    assertEquals(
        ((1 + R) / 2 - 1 + 1) / 3, VariantMetricsTest.v(m, "semantic_context_relevance|"), 1e-7);
    // per variant: 'a' holds record 1 only (no interval), 'b' record 2 for the answer similarity
    MetricResult.Computed a = (MetricResult.Computed) m.get("semantic_answer_similarity|a");
    assertEquals(1.0, a.value(), 1e-12);
    assertNull(a.ciLow());
    assertEquals(0.96, VariantMetricsTest.v(m, "semantic_answer_similarity|b"), 1e-12);
    assertEquals(0.0, VariantMetricsTest.v(m, "semantic_context_relevance|b"), 1e-7);
  }

  @Test
  void undefinedWithoutAnyScorableRecord() {
    Dataset<Row> data = SPARK.createDataFrame(rows().subList(2, 3), SCHEMA);
    Map<String, MetricResult> m = VariantMetricsTest.byKey(LlmAnalysis.run(input(data)));
    assertTrue(m.get("semantic_answer_similarity|") instanceof MetricResult.Undefined);
    assertTrue(m.get("semantic_context_support|") instanceof MetricResult.Undefined);
  }

  @Test
  void perRecordScores(@TempDir Path dir) {
    String out = dir.resolve("records").toUri().toString();
    LlmRecords.write(input(SPARK.createDataFrame(rows(), SCHEMA)), out);
    List<Row> written =
        SPARK.read().parquet(out).collectAsList().stream()
            .sorted(Comparator.comparingInt(r -> r.getInt(0)))
            .toList();
    Row one = written.get(0);
    assertEquals(1.0, one.<Double>getAs("assay_semantic_answer_similarity"), 1e-12);
    assertEquals(R, one.<Double>getAs("assay_semantic_context_support"), 1e-12);
    assertEquals((1 + R) / 2, one.<Double>getAs("assay_semantic_context_relevance"), 1e-7);
    assertEquals(-1.0, written.get(1).<Double>getAs("assay_semantic_context_relevance"), 1e-7);
    assertNull(written.get(2).getAs("assay_semantic_answer_similarity"));
    assertNull(written.get(3).getAs("assay_semantic_answer_similarity"));
    assertNull(written.get(4).getAs("assay_semantic_answer_similarity"));
  }

  @Test
  void planRejectsANonVectorColumnNamingTheSpecLine() {
    Dataset<Row> data = SPARK.createDataFrame(rows(), SCHEMA);
    YamlDocument spec =
        YamlDocument.parse(
            "audit.yaml", "columns:\n  response: response\n  context_embeddings: a_emb\n");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                LlmPlan.input(
                    data, columns("a_emb", "a_emb"), LlmOptions.DEFAULTS, spec, "d.json"));
    assertTrue(
        e.getMessage().contains("audit.yaml:3") && e.getMessage().contains("array<array<float>>"),
        e.getMessage());
    LlmInput ok =
        LlmPlan.input(data, columns("a_emb", "c_emb"), LlmOptions.DEFAULTS, spec, "d.json");
    assertEquals("c_emb", ok.columns().embeddings().contexts());
  }

  private static AuditSpec.Columns columns(String response, String contexts) {
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
        null,
        "response",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        response,
        null,
        contexts,
        null,
        null);
  }
}
