package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
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
 * The llm spec keys end to end: variant, json_schema, prices, rouge_use_stemmer, latency and token
 * columns.
 */
class LlmSpecAuditTest {

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  static final String DATA =
      String.join(
          "\n",
          "{\"response\": \"{\\\"answer\\\": \\\"yes\\\"}\", \"expected\": [\"yes\", \"{\\\"answer\\\": \\\"yes\\\"}\"], \"who\": \"he\", \"ms\": 120, \"pin\": 100, \"pout\": 10}",
          "{\"response\": \"I'm sorry, but I can't help with that.\", \"expected\": [\"no\"], \"who\": \"she\", \"ms\": 80, \"pin\": 200, \"pout\": 20}",
          "{\"response\": \"{\\\"answer\\\": 3}\", \"expected\": [\"3\"], \"who\": \"he\", \"ms\": 300, \"pin\": 300, \"pout\": 30}",
          "{\"response\": \"{\\\"answer\\\": \\\"key AKIAIOSFODNN7EXAMPLE\\\"}\", \"expected\": [\"x\"], \"who\": \"she\", \"ms\": 90, \"pin\": 400, \"pout\": 40}",
          "");

  static final String SCHEMA =
      "{\"type\": \"object\", \"required\": [\"answer\"], \"properties\": {\"answer\": {\"type\": \"string\"}}}";

  Path spec(String schemaFile) throws IOException {
    Files.writeString(dir.resolve("answers.jsonl"), DATA);
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: llm-spec",
            "data:",
            "  current: {path: answers.jsonl, format: json}",
            "columns:",
            "  response: response",
            "  reference_answer: expected",
            "  variant: who",
            "  latency_ms: ms",
            "  prompt_tokens: pin",
            "  completion_tokens: pout",
            "llm:",
            "  rouge_use_stemmer: true",
            "  json_schema: " + schemaFile,
            "  prices: {prompt_per_1k: 1.0, completion_per_1k: 2.0}",
            "rules: [rules/llm-release-gate.yaml]",
            ""));
    return spec;
  }

  /**
   * Four records. json_schema_valid_rate: records 1 and 4 conform (a string answer), 3 has a number
   * and 2 is prose → 2/4. response_secret_rate: record 4 → 1/4, so the blocking secrets rule fails
   * (exit 1). variant_refusal_rate: he 0/2, she 1/2 → gap 0.5 (rule fails). cost_total = (1000 ·
   * 1.0 + 100 · 2.0) / 1000 = 1.2, per record 0.3. latency p50 of 80, 90, 120, 300: rank 2 → 90.
   */
  @Test
  void everyNewKeyEndToEnd() throws IOException {
    Files.writeString(dir.resolve("answer.schema.json"), SCHEMA);
    Path out = dir.resolve("report");
    CliRun.Result r =
        AuditCommandTest.cli(
            "audit", spec("answer.schema.json").toString(), "--out", out.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(java.util.Set.of(), dev.assay.ContractSchema.errors(out.resolve("results.json")));
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    Map<String, JsonNode> metrics = new HashMap<>();
    results
        .get("metrics")
        .forEach(
            m -> {
              if (m.get("family").asText().equals("llm")) {
                String group =
                    m.has("group") ? "|" + m.get("group").asText() : m.has("attribute") ? "|*" : "";
                metrics.put(m.get("metric").asText() + group, m);
              }
            });
    assertEquals(0.5, metrics.get("json_schema_valid_rate").get("value").asDouble(), 1e-12);
    assertEquals(0.25, metrics.get("response_secret_rate").get("value").asDouble(), 1e-12);
    assertEquals(0.5, metrics.get("variant_refusal_rate|she").get("value").asDouble(), 1e-12);
    assertEquals(
        0.5, metrics.get("variant_refusal_rate_difference|*").get("value").asDouble(), 1e-12);
    assertEquals(1.2, metrics.get("cost_total").get("value").asDouble(), 1e-12);
    assertEquals(0.3, metrics.get("cost_per_record").get("value").asDouble(), 1e-12);
    assertEquals(90.0, metrics.get("latency_ms_p50").get("value").asDouble(), 0.0);
    assertTrue(
        metrics.get("rouge1").get("note").asText().contains("Porter"),
        metrics.get("rouge1").toString());
    assertTrue(metrics.containsKey("rougeLsum"));
    Map<String, String> rules = new HashMap<>();
    results
        .get("rules")
        .forEach(
            n ->
                rules.put(
                    n.get("id").asText()
                        + (n.has("attribute") ? "|" + n.get("attribute").asText() : ""),
                    n.get("status").asText()));
    assertEquals("FAIL", rules.get("llm-response-secrets"), rules.toString());
    assertEquals("FAIL", rules.get("llm-json-schema"), rules.toString());
    assertEquals("FAIL", rules.get("llm-variant-refusal-gap|who"), rules.toString());
  }

  /** A schema file that is not JSON: exit 2 before any job, naming the file. */
  @Test
  void badSchemaFileIsExitTwoNamingTheFile() throws IOException {
    Files.writeString(dir.resolve("broken.schema.json"), "{\"type\": ");
    CliRun.Result r =
        AuditCommandTest.cli(
            "audit",
            spec("broken.schema.json").toString(),
            "--out",
            dir.resolve("report").toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("broken.schema.json"), r.err());
    assertTrue(r.err().contains("not valid JSON"), r.err());
  }

  /** A schema file that does not exist: exit 2 naming the spec line. */
  @Test
  void missingSchemaFileIsExitTwo() throws IOException {
    CliRun.Result r =
        AuditCommandTest.cli(
            "audit", spec("nowhere.json").toString(), "--out", dir.resolve("report").toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("nowhere.json") && r.err().contains("audit.yaml:"), r.err());
  }
}
