package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
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
import org.junit.jupiter.api.Test;

/** Unsupported named entities (lexical support) and graded relevance for nDCG. */
class EntityAndGradeTest {

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * "The capital is Paris." → [paris] (the sentence's first word is never checked); "Ask Jean-Luc
   * Picard on Monday!" → [jean luc picard], [monday]; "Then I went to New York" → "I" is a
   * stopword, [new york].
   */
  @Test
  void entitiesAreCapitalisedRunsNotStartingASentence() {
    assertEquals(
        List.of(List.of("paris"), List.of("jean", "luc", "picard"), List.of("monday")),
        LexicalSupport.entities("The capital is Paris. Ask Jean-Luc Picard on Monday!"));
    assertEquals(
        List.of(List.of("new", "york")), LexicalSupport.entities("Then I went to New York"));
    assertEquals(List.of(), LexicalSupport.entities("Paris is nice. yes"));
    assertEquals(List.of(List.of("x2", "s")), LexicalSupport.entities("Reset the X2's router."));
    assertTrue(
        LexicalSupport.containsSequence(List.of("a", "new", "york", "b"), List.of("new", "york")));
    assertTrue(!LexicalSupport.containsSequence(List.of("york", "new"), List.of("new", "york")));
  }

  /**
   * One record: response "The router is the Northwind X2. Call Bob in Paris.", contexts ["northwind
   * x2 manual", "PARIS office"]. Entities [northwind x2] (in the contexts), [bob] (not), [paris]
   * (in the contexts, case-insensitive) → unsupported_entity_rate = 1/3, count 3.
   */
  @Test
  void unsupportedEntityRateOnSpark() {
    List<Row> rows =
        List.of(
            RowFactory.create(
                "Where?",
                "The router is the Northwind X2. Call Bob in Paris.",
                "x",
                RagAnalysisTest.list("northwind x2 manual", "PARIS office"),
                RagAnalysisTest.list("a"),
                "a"));
    Map<String, MetricResult> m =
        RagAnalysisTest.byName(
            LlmAnalysis.run(RagAnalysisTest.input(RagAnalysisTest.data(rows, 1), 5)));
    assertEquals(1.0 / 3, m.get("unsupported_entity_rate").number().orElseThrow(), 1e-12);
    assertEquals(3L, m.get("unsupported_entity_rate").count());
  }

  /**
   * Retrieved a, b, c, d; relevant a:1, c:3, e:2, f:0 (f is judged not relevant); k = 3. Relevant
   * {a, c, e}: recall@3 = 2/3, P@3 = 2/3, hit 1, MRR 1. DCG@3 = 1/log2(2) + 3/log2(4) = 2.5; IDCG@3
   * over grades 3, 2, 1 = 3 + 2/log2(3) + 1/2; AP = (1/1 + 2/3) / 3 = 5/9.
   */
  @Test
  void gradedRelevanceHandWorked() {
    double[] s =
        Retrieval.gradedScores(
            List.of("a", "b", "c", "d"), Retrieval.grades(List.of("a:1", "c:3", "e:2", "f:0")), 3);
    double idcg = 3 + 2 / log2(3) + 0.5;
    assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3, 1, 1, 2.5 / idcg, 5.0 / 9}, s, 1e-12);
    // All grades equal to 1: the binary scores.
    assertArrayEquals(
        Retrieval.scores(List.of("x", "b", "a"), List.of("a", "b"), 2),
        Retrieval.gradedScores(List.of("x", "b", "a"), Retrieval.grades(List.of("a:1", "b:1")), 2),
        1e-15);
    assertNull(Retrieval.gradedScores(List.of("a"), Retrieval.grades(List.of("a:0")), 3));
    assertNull(Retrieval.grades(List.of("a")));
    assertNull(Retrieval.grades(List.of("a:-1")));
    assertNull(Retrieval.grades(List.of("a:high")));
    assertEquals(Map.of("doc:12", 2.0), Retrieval.grades(List.of(" doc:12:2 ")));
  }

  /** Seeded graded lists on Spark (one job, 3 partitions): ndcg_at_k equals a plain loop. */
  @Test
  void gradedNdcgOnSparkMatchesPlainLoop() {
    Random random = new Random(3);
    List<Row> rows = new ArrayList<>();
    double sum = 0;
    int judged = 0;
    int k = 4;
    for (int i = 0; i < 80; i++) {
      List<String> retrieved = new ArrayList<>();
      for (int j = 0; j < 6; j++) {
        retrieved.add("d" + random.nextInt(10));
      }
      Map<String, Integer> grades = new HashMap<>();
      StringBuilder relevant = new StringBuilder();
      for (int j = 0; j < 3; j++) {
        String id = "d" + random.nextInt(10);
        int g = random.nextInt(4);
        relevant.append(j == 0 ? "" : ",").append(id).append(':').append(g);
        grades.merge(id, g, Math::max);
      }
      rows.add(
          RowFactory.create(
              "p", "r", "e", RagAnalysisTest.list("c"), retrieved, relevant.toString()));
      // Plain loop: first occurrence of each retrieved id, gains = grades, ideal from sorted
      // grades.
      List<String> seen = new ArrayList<>();
      double dcg = 0;
      for (String id : retrieved) {
        if (!seen.contains(id)) {
          seen.add(id);
          int rank = seen.size();
          if (rank <= k && grades.getOrDefault(id, 0) > 0) {
            dcg += grades.get(id) / log2(rank + 1);
          }
        }
      }
      List<Integer> ideal = new ArrayList<>(grades.values().stream().filter(g -> g > 0).toList());
      if (ideal.isEmpty()) {
        continue;
      }
      ideal.sort((a, b) -> b - a);
      double idcg = 0;
      for (int r = 1; r <= Math.min(k, ideal.size()); r++) {
        idcg += ideal.get(r - 1) / log2(r + 1);
      }
      sum += dcg / idcg;
      judged++;
    }
    LlmInput in =
        TestInputs.withIds(
            TestInputs.texts(
                RagAnalysisTest.data(rows, 3),
                "response",
                "expected",
                "prompt",
                "contexts",
                true,
                LlmOptions.builder().k(k).build().withRelevanceGrades(true)),
            "retrieved",
            true,
            "relevant",
            false);
    LlmOutcome[] out = new LlmOutcome[1];
    assertEquals(1, JobCounter.count(SharedSpark.get(), () -> out[0] = LlmAnalysis.run(in)));
    MetricResult ndcg = RagAnalysisTest.byName(out[0]).get("ndcg_at_k");
    assertEquals(sum / judged, ndcg.number().orElseThrow(), 1e-12);
    assertEquals(judged, ndcg.count());
    assertTrue(ndcg.note().contains("graded"), ndcg.note());
  }

  @Test
  void missingGradeIsBadInput() {
    List<Row> rows =
        List.of(
            RowFactory.create(
                "p", "r", "e", RagAnalysisTest.list("c"), RagAnalysisTest.list("a"), "a"));
    Dataset<Row> data = RagAnalysisTest.data(rows, 1);
    LlmInput in =
        TestInputs.withIds(
            TestInputs.texts(
                data,
                "response",
                "expected",
                "prompt",
                "contexts",
                true,
                LlmOptions.DEFAULTS.withRelevanceGrades(true)),
            "retrieved",
            true,
            "relevant",
            false);
    BadInputException e = assertThrows(BadInputException.class, () -> LlmAnalysis.run(in));
    assertTrue(e.getMessage().contains("id:grade"), e.getMessage());
  }
}
