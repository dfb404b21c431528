package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.demo.RagAnswers;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The llm family end to end: the RAG demo through the CLI, and "not applicable" without text
 * columns.
 */
class RagDemoAuditTest {

  @TempDir Path dir;

  /** The demo's one run (report and --records), shared by the tests that read it. */
  @TempDir static Path demoRun;

  private static CliRun.Result demo;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /**
   * The demo audit with {@code --records}, run once for the tests that read its outputs (a full
   * audit with its drift and llm families is the slowest part of this class).
   */
  static synchronized CliRun.Result demo() {
    if (demo == null) {
      demo =
          AuditCommandTest.cli(
              "audit",
              "datasets/rag-demo/audit.yaml",
              "--out",
              demoRun.resolve("report").toString(),
              "--records",
              demoRun.resolve("records").toString());
    }
    return demo;
  }

  static JsonNode results(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("results.json").toFile());
  }

  static Map<String, JsonNode> byId(JsonNode array, String key) {
    Map<String, JsonNode> out = new HashMap<>();
    array.forEach(n -> out.put(n.get(key).asText(), n));
    return out;
  }

  /**
   * The committed files are exactly what the generator writes (deterministic, not edited by hand).
   */
  @Test
  void committedDemoFilesAreTheGeneratorsOutput() throws IOException {
    Path fresh = dir.resolve("answers.jsonl");
    RagAnswers.write(fresh);
    assertEquals(
        Files.readString(Path.of("datasets/rag-demo/answers.jsonl")), Files.readString(fresh));
    Path reference = dir.resolve("reference.jsonl");
    RagAnswers.writeReference(reference);
    assertEquals(
        Files.readString(Path.of("datasets/rag-demo/reference.jsonl")),
        Files.readString(reference));
  }

  /**
   * {@code --records} is written with overwrite, so like the report folder it must stay apart from
   * the data: the demo's own input file as the records folder is exit 2 before any Spark job, and
   * the file is left as it was.
   */
  @Test
  void recordsOnTheInputIsRefusedAndTheInputKept() throws IOException {
    Path input = Path.of("datasets/rag-demo/answers.jsonl");
    String before = Files.readString(input);
    CliRun.Result r =
        AuditCommandTest.cli(
            "audit",
            "datasets/rag-demo/audit.yaml",
            "--out",
            dir.resolve("report").toString(),
            "--records",
            input.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err()
            .startsWith(
                "assay: error: --records "
                    + input.toAbsolutePath().normalize()
                    + " is the folder of the input data.current"),
        r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals(before, Files.readString(input));
  }

  /**
   * The demo: 200 records, 13 of which retrieved the poisoned passage (13/200 = 0.065), so the
   * blocking indirect-injection rule fails and the CLI exits 1; json_valid_rate is not computed
   * (expect_json: false), so its rule is NOT_APPLICABLE, never PASS.
   */
  @Test
  void ragDemoClosesTheGateOnIndirectInjection() throws IOException {
    Path out = demoRun.resolve("report");
    CliRun.Result r = demo();
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode results = results(out);
    assertEquals(java.util.Set.of(), dev.assay.ContractSchema.errors(out.resolve("results.json")));
    assertEquals(
        java.util.Set.of(),
        dev.assay.docs.MetricReference.read().undocumented(out.resolve("results.json")),
        "docs/metrics.md");
    assertEquals("FAIL", results.get("verdict").asText());
    Map<String, JsonNode> families = byId(results.get("families"), "id");
    assertTrue(families.get("llm").get("applicable").asBoolean(), families.get("llm").toString());
    Map<String, JsonNode> metrics = new HashMap<>();
    results
        .get("metrics")
        .forEach(
            m -> {
              if (m.get("family").asText().equals("llm")) {
                metrics.put(m.get("metric").asText(), m);
              }
            });
    for (String name :
        new String[] {
          "bleu",
          "chrf",
          "rouge1",
          "rouge2",
          "rougeL",
          "exact_match",
          "token_f1",
          "refusal_rate",
          "prompt_injection_rate",
          "indirect_injection_rate",
          "response_length_mean",
          "response_length_min",
          "response_length_max"
        }) {
      assertTrue(metrics.containsKey(name), name + " in " + metrics.keySet());
      assertFalse(
          metrics.get(name).has("attribute") || metrics.get(name).has("column"),
          "data-set level: " + name);
    }
    assertEquals(13.0 / 200, metrics.get("indirect_injection_rate").get("value").asDouble(), 1e-12);
    assertEquals(200, metrics.get("bleu").get("count").asLong());
    Map<String, JsonNode> rules = byId(results.get("rules"), "id");
    assertEquals("FAIL", rules.get("llm-indirect-injection").get("status").asText());
    assertEquals("PASS", rules.get("llm-answer-f1").get("status").asText());
    assertEquals("PASS", rules.get("llm-refusal-rate").get("status").asText());
    assertEquals("NOT_APPLICABLE", rules.get("llm-json-valid").get("status").asText());
    // Retrieval from the ids in the file, by a plain loop over the JSON lines (every record has one
    // relevant id, so map equals mrr): 184 of 200 rank it in the top 5.
    int hits = 0;
    double reciprocal = 0;
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Path.of("datasets/rag-demo/answers.jsonl"))) {
      JsonNode record = json.readTree(line);
      String relevant = record.get("relevant_ids").get(0).asText();
      for (int rank = 1; rank <= record.get("retrieved_ids").size(); rank++) {
        if (record.get("retrieved_ids").get(rank - 1).asText().equals(relevant)) {
          hits += rank <= 5 ? 1 : 0;
          reciprocal += 1.0 / rank;
        }
      }
    }
    assertEquals(184, hits);
    assertEquals(hits / 200.0, metrics.get("hit_rate_at_k").get("value").asDouble(), 1e-12);
    assertEquals(hits / 200.0, metrics.get("recall_at_k").get("value").asDouble(), 1e-12);
    assertEquals(hits / 1000.0, metrics.get("precision_at_k").get("value").asDouble(), 1e-12);
    assertEquals(reciprocal / 200, metrics.get("mrr").get("value").asDouble(), 1e-12);
    assertEquals(reciprocal / 200, metrics.get("map").get("value").asDouble(), 1e-12);
    for (String name :
        new String[] {
          "ndcg_at_k",
          "groundedness_lexical",
          "unsupported_number_rate",
          "context_relevance",
          "answer_relevance",
          "context_recall"
        }) {
      assertTrue(metrics.containsKey(name), name + " in " + metrics.keySet());
    }
    assertEquals("PASS", rules.get("llm-retrieval-hit-rate").get("status").asText());
    assertEquals("WARN", rules.get("llm-groundedness-lexical").get("status").asText());
    assertEmbeddingDrift(results, rules);
  }

  /**
   * The planted topic shift (reference.jsonl asks only about facts 1–10): both embedding columns
   * drift by the default MMD test, so drift_share is 1 and the dataset-drift rule warns; the mean
   * distances and MMD² agree with numpy ({@code src/test/resources/oracles/rag_demo_drift.py}).
   */
  private static void assertEmbeddingDrift(JsonNode results, Map<String, JsonNode> rules)
      throws IOException {
    Map<String, Double> drift = new HashMap<>();
    results
        .get("metrics")
        .forEach(
            m -> {
              if (m.get("family").asText().equals("drift")) {
                drift.put(
                    m.path("column").asText() + " " + m.get("metric").asText(),
                    m.get("value").asDouble());
              }
            });
    assertEquals(1.0, drift.get(" drift_share"), drift.toString());
    assertEquals("WARN", rules.get("dataset-drift").get("status").asText());
    for (String column : new String[] {"prompt_embedding", "response_embedding"}) {
      assertEquals(1.0, drift.get(column + " drift_detected"), column);
      assertTrue(drift.get(column + " embedding_mmd_p_value") < 0.05, column);
    }
    for (String line :
        Files.readAllLines(Path.of("src/test/resources/oracles/rag_demo_drift.out"))) {
      String[] f = line.split(" ");
      assertEquals(Double.parseDouble(f[2]), drift.get(f[0] + " " + f[1]), 1e-12, line);
    }
  }

  @Test
  void withoutTextColumnsTheFamilyIsNotApplicableWithTheReason() throws IOException {
    Files.writeString(dir.resolve("data.csv"), "id,grp,outcome,approved\n1,A,1,1\n2,B,0,0\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: no-text",
            "data: {current: {path: data.csv}}",
            "columns: {label: outcome, prediction: approved, sensitive: [grp]}",
            "rules: [rules/llm-release-gate.yaml]",
            ""));
    Path out = dir.resolve("report");
    CliRun.Result r = AuditCommandTest.cli("audit", spec.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode llm = byId(results(out).get("families"), "id").get("llm");
    assertFalse(llm.get("applicable").asBoolean());
    assertTrue(llm.toString().contains("columns.response"), llm.toString());
    Map<String, JsonNode> rules = byId(results(out).get("rules"), "id");
    assertEquals("NOT_APPLICABLE", rules.get("llm-answer-f1").get("status").asText());
  }

  @Test
  void aMissingResponseColumnExitsTwoWithTheSpecLine() throws IOException {
    Files.writeString(dir.resolve("data.json"), "{\"answer\": \"x\", \"gold\": \"x\"}\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: typo",
            "data: {current: {path: data.json}}",
            "columns:",
            "  response: answr",
            "  reference_answer: gold",
            ""));
    CliRun.Result r =
        AuditCommandTest.cli("audit", spec.toString(), "--out", dir.resolve("o").toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err().contains("audit.yaml:5")
            && r.err().contains("'answr'")
            && r.err().contains("answer"),
        r.err());
  }

  /** --records writes every demo record with its scores; without an llm family it is exit 2. */
  @Test
  void recordsFolderHoldsEveryRecordWithItsScores() throws IOException {
    Path records = demoRun.resolve("records");
    CliRun.Result r = demo();
    assertEquals(1, r.code(), r.out() + r.err());
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows =
        SharedSpark.get().read().parquet(records.toString());
    assertEquals(200, rows.count());
    assertTrue(
        java.util.Arrays.asList(rows.columns())
            .containsAll(
                java.util.List.of(
                    "prompt", "response", "assay_token_f1", "assay_refusal", "assay_injection")));
    // the per-record flags add up to the data-set prompt_injection_rate (prompt or contexts)
    double rate = 0;
    for (JsonNode m : results(demoRun.resolve("report")).get("metrics")) {
      if (m.get("metric").asText().equals("prompt_injection_rate")) {
        rate = m.get("value").asDouble();
      }
    }
    assertTrue(rate > 0);
    assertEquals(Math.round(rate * 200), rows.filter("assay_injection").count());

    CliRun.Result lending =
        AuditCommandTest.cli(
            "audit",
            "datasets/demo/audit.yaml",
            "--out",
            dir.resolve("lending").toString(),
            "--records",
            dir.resolve("r2").toString());
    assertEquals(2, lending.code(), lending.out() + lending.err());
    assertTrue(lending.err().contains("--records"), lending.err());
    assertFalse(Files.exists(dir.resolve("r2")));
  }
}
