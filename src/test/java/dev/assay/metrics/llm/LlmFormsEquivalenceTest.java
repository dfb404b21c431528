package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.LlmOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two forms of {@link LlmAnalysis} — the SQL form (per-record BLEU, chrF, SQuAD, binary
 * retrieval and lexical-support statistics by column expressions, chosen with the RAPIDS plugin)
 * and the CPU form (the same statistics computed by the Java fold) — give the same per-record
 * statistics, the same merged state and the same metrics, bit for bit: on the LLM fixtures of
 * LlmAnalysisTest and RagAnalysisTest, on the RAG demo (also with Porter stemming) and on random
 * records with several reference answers, ids, prompts, contexts (lexical support) and
 * supplementary characters. Per record, every row of the plan's projection is folded alone in each
 * form ({@link PartitionFold} on one row) and the two one-record states compared. Tagged slow (the
 * SQL form's higher-order functions are interpreted).
 */
@Tag("slow")
class LlmFormsEquivalenceTest {

  @Test
  void llmFixtures() {
    assertSameForms(
        LlmAnalysisTest.input(
            SharedSpark.get().createDataFrame(LlmAnalysisTest.fixture(), LlmAnalysisTest.SCHEMA),
            LlmOptions.DEFAULTS));
    assertSameForms(
        RagAnalysisTest.input(
            SharedSpark.get().createDataFrame(RagAnalysisTest.fixture(), RagAnalysisTest.SCHEMA),
            3));
  }

  @Test
  void ragDemo() {
    LlmInput in = TestInputs.ragDemo(SharedSpark.get());
    assertSameForms(in);
    assertSameForms(
        new LlmInput(in.data(), in.columns(), in.options().withRougeUseStemmer(true), in.checks()));
  }

  @Test
  void randomRecordsWithSeveralReferences() {
    Random random = new Random(11);
    String[] pieces = {
      "the", "cat", "Cat", "sat", "on", "mat", "café", "𝐀b", "😀", "1,000", "3.5", "5-", "&amp;",
      "don't", "U.S.", "-", ".", ",", " ", "\t", "\u3000", "\n", "ab", "abab", ""
    };
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String[] refs = new String[random.nextInt(4)];
      for (int j = 0; j < refs.length; j++) {
        refs[j] =
            random.nextInt(10) == 0 ? null : SqlScoresEquivalenceTest.text(random, pieces, 12);
      }
      String[] retrieved = {"a", "b", "c", "d", "e"};
      rows.add(
          RowFactory.create(
              random.nextInt(15) == 0 ? null : SqlScoresEquivalenceTest.text(random, pieces, 12),
              random.nextInt(15) == 0 ? null : Arrays.asList(refs),
              Arrays.asList(retrieved).subList(0, random.nextInt(6)),
              random.nextInt(8) == 0 ? null : retrieved[random.nextInt(5)] + ",x",
              random.nextInt(10) == 0 ? null : SqlScoresEquivalenceTest.text(random, pieces, 8),
              random.nextInt(10) == 0
                  ? null
                  : Arrays.asList(
                      SqlScoresEquivalenceTest.text(random, pieces, 20),
                      SqlScoresEquivalenceTest.text(random, pieces, 20))));
    }
    StructType schema =
        StructType.fromDDL(
            "response STRING, refs ARRAY<STRING>, retrieved ARRAY<STRING>, relevant STRING,"
                + " prompt STRING, contexts ARRAY<STRING>");
    Dataset<Row> data = SharedSpark.get().createDataFrame(rows, schema).repartition(3);
    LlmOptions options = LlmOptions.builder().k(3).rougeUseStemmer(true).build();
    LlmInput texts =
        TestInputs.texts(data, "response", "expected", "prompt", "contexts", true, options);
    LlmInput in = TestInputs.withIds(texts, "retrieved", true, "relevant", false);
    assertSameForms(TestInputs.withReference(in, "refs", true));
  }

  /**
   * Graded relevance ({@code llm.relevance_grades}) and variants (the sentiment score): random
   * relevant entries {@code id:grade} with the grade spellings of SqlScoresEquivalenceTest (odd but
   * valid ones, and invalid ones in a second data set, where both forms stop with the same error)
   * and responses of opinion words for three variants.
   */
  @Test
  void randomRecordsWithGradedRelevance() {
    for (boolean withInvalid : new boolean[] {false, true}) {
      Random random = new Random(withInvalid ? 43 : 41);
      List<Row> rows = new ArrayList<>();
      String[] ids = {"a", "b", "c", "d", "e", " a", "b "};
      String[] words = {"a", "b", "good", "Bad", "GREAT", "poor", "wrong", "helpful", "1", ","};
      String[] variants = {"he", "she", "they"};
      for (int i = 0; i < 200; i++) {
        List<String> relevant = new ArrayList<>();
        for (int j = random.nextInt(4); j > 0; j--) {
          String entry = SqlScoresEquivalenceTest.gradedEntry(random);
          if (withInvalid || Retrieval.grades(List.of(entry)) != null) {
            relevant.add(entry);
          }
        }
        List<String> retrieved = new ArrayList<>();
        for (int j = random.nextInt(7); j > 0; j--) {
          retrieved.add(ids[random.nextInt(ids.length)]);
        }
        rows.add(
            RowFactory.create(
                random.nextInt(15) == 0 ? null : SqlScoresEquivalenceTest.text(random, words, 9),
                random.nextInt(10) == 0 ? null : retrieved,
                random.nextInt(10) == 0 ? null : relevant,
                random.nextInt(12) == 0 ? null : variants[random.nextInt(variants.length)]));
      }
      StructType schema =
          StructType.fromDDL(
              "response STRING, retrieved ARRAY<STRING>, relevant ARRAY<STRING>, variant STRING");
      Dataset<Row> data = SharedSpark.get().createDataFrame(rows, schema).repartition(3);
      LlmOptions options = LlmOptions.builder().k(3).relevanceGrades(true).build();
      LlmInput texts = TestInputs.texts(data, "response", null, null, null, false, options);
      assertSameForms(
          TestInputs.withVariant(
              TestInputs.withIds(texts, "retrieved", true, "relevant", true), "variant"));
    }
  }

  /** Per record, merged and as metrics: the SQL form equals the CPU form. */
  static void assertSameForms(LlmInput in) {
    List<Row> cpuRows = LlmAnalysis.checks(in, false).collectAsList();
    List<Row> sqlRows = LlmAnalysis.checks(in, true).collectAsList();
    assertEquals(cpuRows.size(), sqlRows.size());
    int pairs = 0;
    for (int i = 0; i < cpuRows.size(); i++) {
      LlmState cpu = foldOne(in, false, cpuRows.get(i));
      LlmState sql = foldOne(in, true, sqlRows.get(i));
      assertEquals(cpu, sql, "record " + i + ": " + cpuRows.get(i));
      pairs += (int) cpu.overlap().pairs();
    }
    assertTrue(pairs > 0 || in.reference() == null, "no record with a response and a reference");
    LlmState cpu = LlmAnalysis.statistics(in, false);
    LlmState sql = LlmAnalysis.statistics(in, true);
    assertEquals(cpu, sql);
    if (cpu.retrieval().badGrades() > 0) {
      String message =
          assertThrows(BadInputException.class, () -> LlmAnalysis.metrics(in, cpu)).getMessage();
      assertEquals(
          message,
          assertThrows(BadInputException.class, () -> LlmAnalysis.metrics(in, sql)).getMessage());
      return;
    }
    List<MetricResult> cpuMetrics = LlmAnalysis.metrics(in, cpu);
    List<MetricResult> sqlMetrics = LlmAnalysis.metrics(in, sql);
    assertEquals(cpuMetrics, sqlMetrics);
    for (int i = 0; i < cpuMetrics.size(); i++) {
      if (cpuMetrics.get(i).number().isPresent()) {
        assertEquals(
            Double.doubleToLongBits(cpuMetrics.get(i).number().getAsDouble()),
            Double.doubleToLongBits(sqlMetrics.get(i).number().getAsDouble()),
            cpuMetrics.get(i).toString());
      }
    }
  }

  private static LlmState foldOne(LlmInput in, boolean sql, Row row) {
    Iterator<LlmState> out = new PartitionFold(in, sql, row.schema()).call(List.of(row).iterator());
    return out.next();
  }
}
