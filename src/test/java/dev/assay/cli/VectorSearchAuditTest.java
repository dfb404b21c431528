package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llm.vector_search} end to end: a corpus of 10 vectors at 0°, 10°, …, 90° (lengths 1 to 10,
 * so only the cosine ranks them) and four queries whose exact top 3 is read off the angles.
 */
class VectorSearchAuditTest {

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /** Document d{i} at 10·i degrees, length i + 1. */
  void corpus() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double a = Math.toRadians(10 * i);
      lines.add(
          String.format(
              Locale.ROOT,
              "{\"doc_id\": \"d%d\", \"vec\": [%.9f, %.9f], \"text\": \"t\"}",
              i,
              (i + 1) * Math.cos(a),
              (i + 1) * Math.sin(a)));
    }
    Files.write(dir.resolve("corpus.jsonl"), lines);
  }

  static String query(int degrees, String retrieved) {
    double a = Math.toRadians(degrees);
    return String.format(
        Locale.ROOT,
        "{\"response\": \"r\", \"q_emb\": [%.9f, %.9f], \"retrieved\": \"%s\"}",
        Math.cos(a),
        Math.sin(a),
        retrieved);
  }

  /**
   * k = 3. 0°: exact d0, d1, d2; retrieved d0, d1, d5 → 2/3. 42°: exact d4 (2° away), d5 (8°), d3
   * (12°); retrieved d4, d5, d3 → 1. 90°: exact d9, d8, d7; retrieved d1, d2, d9 → 1/3. 67°: exact
   * d7, d6, d8; retrieved d0, d1, d2 → 0. Mean (2/3 + 1 + 1/3 + 0) / 4 = 1/2 over 4 queries.
   */
  Path spec(String block) throws IOException {
    corpus();
    Files.write(
        dir.resolve("answers.jsonl"),
        List.of(
            query(0, "d0,d1,d5"),
            query(42, "d4,d5,d3"),
            query(90, "d1,d2,d9"),
            query(67, "d0,d1,d2")));
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: vector-search",
            "data:",
            "  current: {path: answers.jsonl, format: json}",
            "columns:",
            "  response: response",
            "llm:",
            "  k: 3",
            "  vector_search:",
            "    corpus: {path: corpus.jsonl, format: json}",
            "    id: doc_id",
            block,
            "    query_embedding: q_emb",
            "    retrieved_ids: retrieved",
            "rules: [rules/llm-release-gate.yaml]",
            ""));
    return spec;
  }

  CliRun.Result audit(Path spec) {
    return AuditCommandTest.cli(
        "audit", spec.toString(), "--out", dir.resolve("report").toString());
  }

  @Test
  @Tag("slow") // a whole audit plus the cross join: several seconds on 2 cores
  void recallAtKAgainstTheExactTopKByHand() throws IOException {
    CliRun.Result r = audit(spec("    embedding: vec"));
    assertTrue(r.code() == 0 || r.code() == 1, r.out() + r.err());
    JsonNode results =
        new ObjectMapper().readTree(dir.resolve("report").resolve("results.json").toFile());
    JsonNode recall = null;
    for (JsonNode m : results.get("metrics")) {
      if (m.get("metric").asText().equals("retriever_recall_at_k")) {
        recall = m;
      }
    }
    assertTrue(recall != null, results.get("metrics").toString());
    assertEquals(0.5, recall.get("value").asDouble(), 1e-12);
    assertEquals(4, recall.get("count").asLong());
    assertTrue(recall.get("note").asText().contains("recall@3"), recall.toString());
  }

  @Test
  void aMissingCorpusColumnIsExitTwoNamingTheSpecLine() throws IOException {
    CliRun.Result r = audit(spec("    embedding: vector"));
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("audit.yaml:12"), r.err());
    assertTrue(r.err().contains("'vector'") && r.err().contains("corpus.jsonl"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void aCorpusColumnOfTheWrongTypeIsExitTwo() throws IOException {
    CliRun.Result r = audit(spec("    embedding: text"));
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("audit.yaml:12"), r.err());
    assertTrue(r.err().contains("has type string"), r.err());
  }

  @Test
  @Tag("slow") // counts both sides after the llm family's job
  void morePairsThanMaxPairsIsExitTwoNamingTheKey() throws IOException {
    CliRun.Result r = audit(spec("    embedding: vec\n    max_pairs: 39"));
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("llm.vector_search.max_pairs"), r.err());
    assertTrue(r.err().contains("4 queries with 10 corpus vectors"), r.err());
  }
}
