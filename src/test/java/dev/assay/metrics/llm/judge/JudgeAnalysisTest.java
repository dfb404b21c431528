package dev.assay.metrics.llm.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.core.RunFailedException;
import dev.assay.metrics.llm.LlmInput;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.JudgeOptions;
import dev.assay.spec.LlmOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge inside Spark against a real HTTP server on 127.0.0.1 ({@link FakeJudge}).
 *
 * <p>Fixture: five records. Two identical Paris records (rated 5/4/5), one Lisbon record (1/2/3),
 * one "garbage" record whose answer has no JSON (a failed verdict), one with a null response (not
 * judged). So 4 records with a response, 3 distinct keys, 3 requests; verdicts on 3 records:
 * groundedness (5+5+1)/3 = 11/3, relevance (4+4+2)/3 = 10/3, coherence (5+5+3)/3 = 13/3, coverage
 * 3/4.
 */
class JudgeAnalysisTest {

  @TempDir Path dir;

  static LlmInput input() {
    SparkSession spark = SharedSpark.get();
    StructType schema =
        new StructType()
            .add("prompt", DataTypes.StringType)
            .add("contexts", DataTypes.createArrayType(DataTypes.StringType))
            .add("response", DataTypes.StringType);
    List<Row> rows =
        List.of(
            RowFactory.create(
                "Capital of France?",
                List.of("Paris is the capital of France.").toArray(),
                "Paris."),
            RowFactory.create(
                "Capital of France?",
                List.of("Paris is the capital of France.").toArray(),
                "Paris."),
            RowFactory.create(
                "Capital of Spain?",
                List.of("Madrid is the capital of Spain.").toArray(),
                "Lisbon."),
            RowFactory.create("Anything?", new String[0], "garbage output"),
            RowFactory.create("Nothing?", null, null));
    Dataset<Row> data =
        spark.createDataFrame(
            rows.stream()
                .map(
                    r ->
                        RowFactory.create(
                            r.get(0),
                            r.get(1) == null ? null : Arrays.asList((Object[]) r.get(1)),
                            r.get(2)))
                .toList(),
            schema);
    return dev.assay.metrics.llm.TestInputs.texts(
        data, "response", null, "prompt", "contexts", true, LlmOptions.DEFAULTS);
  }

  JudgeOptions options(URI endpoint, int maxRecords) {
    return new JudgeOptions(
        endpoint,
        "judge-model",
        "KEY",
        JudgeOptions.Auth.BEARER,
        dir.resolve("cache"),
        maxRecords,
        10,
        1);
  }

  static Map<String, MetricResult> byName(JudgeAnalysis.JudgeOutcome outcome) {
    return outcome.metrics().stream().collect(Collectors.toMap(m -> m.key().metric(), m -> m));
  }

  static double value(Map<String, MetricResult> m, String name) {
    return ((MetricResult.Computed) m.get(name)).value();
  }

  @Test
  void judgesEachDistinctRecordOnceAndAReRunSendsOnlyTheFailedOne() throws IOException {
    try (FakeJudge judge = new FakeJudge()) {
      JudgeAnalysis.JudgeOutcome first =
          JudgeAnalysis.run(input(), options(judge.endpoint(), 100), "sk-1");
      assertEquals(3, judge.requests.get());
      assertEquals(3, first.requests());
      Map<String, MetricResult> m = byName(first);
      assertEquals(11.0 / 3, value(m, JudgeAnalysis.GROUNDEDNESS), 1e-12);
      assertEquals(10.0 / 3, value(m, JudgeAnalysis.RELEVANCE), 1e-12);
      assertEquals(13.0 / 3, value(m, JudgeAnalysis.COHERENCE), 1e-12);
      assertEquals(0.75, value(m, JudgeAnalysis.COVERAGE), 1e-12);
      assertEquals(3L, m.get(JudgeAnalysis.GROUNDEDNESS).count());
      assertTrue(
          first.notes().stream()
              .anyMatch(n -> n.contains("1 of 3 requests failed") && n.contains("no JSON object")),
          first.notes().toString());
      assertTrue(judge.authHeaders.stream().allMatch("Bearer sk-1"::equals));

      // the cache answers for the two judged keys; only the failed one is sent again
      JudgeAnalysis.JudgeOutcome second =
          JudgeAnalysis.run(input(), options(judge.endpoint(), 100), "sk-1");
      assertEquals(4, judge.requests.get());
      assertEquals(1, second.requests());
      assertEquals(first.metrics(), second.metrics());
    }
  }

  @Test
  void maxRecordsCapsTheRequestsAndLowersCoverage() throws IOException {
    try (FakeJudge judge = new FakeJudge()) {
      JudgeAnalysis.JudgeOutcome outcome =
          JudgeAnalysis.run(input(), options(judge.endpoint(), 1), "");
      assertEquals(1, judge.requests.get());
      assertTrue(judge.authHeaders.isEmpty(), "an empty key sends no Authorization header");
      double coverage = value(byName(outcome), JudgeAnalysis.COVERAGE);
      // the one key sent is the Paris pair (2 of 4), the Lisbon record (1 of 4) or garbage (0)
      assertTrue(List.of(0.0, 0.25, 0.5).contains(coverage), "coverage " + coverage);
      assertTrue(
          outcome.notes().stream()
              .anyMatch(n -> n.contains("2 not sent because of" + " llm.judge.max_records (1)")),
          outcome.notes().toString());
    }
  }

  @Test
  void anEndpointThatNeverAnswersFailsTheRunWithoutTheKey() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI dead = URI.create("http://127.0.0.1:" + port + "/v1/chat/completions");
    RunFailedException e =
        assertThrows(
            RunFailedException.class,
            () -> JudgeAnalysis.run(input(), options(dead, 100), "sk-never-shown"));
    assertEquals(3, e.exitCode());
    assertTrue(e.getMessage().contains("answered none of 3 requests"), e.getMessage());
    assertFalse(e.getMessage().contains("sk-never-shown"), e.getMessage());
  }

  @Test
  void aFolderThatIsNotACacheIsBadInput() throws IOException {
    java.nio.file.Files.createDirectories(dir.resolve("cache"));
    java.nio.file.Files.writeString(dir.resolve("cache/notes.txt"), "mine");
    try (FakeJudge judge = new FakeJudge()) {
      dev.assay.core.BadInputException e =
          assertThrows(
              dev.assay.core.BadInputException.class,
              () -> JudgeAnalysis.run(input(), options(judge.endpoint(), 100), ""));
      assertTrue(e.getMessage().contains("is not an Assay judge cache"), e.getMessage());
      assertEquals(0, judge.requests.get());
    }
  }
}
