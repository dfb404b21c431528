package dev.assay.metrics.llm.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.Audit;
import dev.assay.core.AuditRun;
import dev.assay.core.MetricResult;
import dev.assay.core.RunFailedException;
import dev.assay.metrics.llm.LlmRecords;
import dev.assay.metrics.llm.safety.FakeContentSafety;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.ResolvedSpec;
import dev.assay.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llm.embeddings} through {@link Audit} against {@link FakeEmbeddings} on loopback. Two
 * records: (response paris, reference paris, contexts [paris, london]) and (rome, london,
 * [london]), both with the prompt "capital of france?"; paris = rome = [1, 0], london = [0, 1], the
 * prompt [3, 4]. answer similarity (1 + 0) / 2 = 0.5; context support max(1, 0) and 0 → 0.5;
 * context relevance mean(0.6, 0.8) = 0.7 and 0.8 → 0.75.
 */
@Tag("slow") // several audits, each with its embedding jobs
class EmbeddingFillTest {

  static final String KEY = "sk-embed-SECRET-4242";

  @TempDir Path dir;

  ResolvedSpec spec(String embeddings, String secondResponse) throws IOException {
    return spec(embeddings, secondResponse, "");
  }

  /**
   * @param moreLlm further lines of the {@code llm} mapping (indented by two spaces)
   */
  ResolvedSpec spec(String embeddings, String secondResponse, String moreLlm) throws IOException {
    Files.write(
        dir.resolve("answers.jsonl"),
        List.of(
            "{\"response\": \"paris\", \"expected\": \"paris\", \"prompt\": \"capital of france?\","
                + " \"contexts\": [\"paris\", \"london\"]}",
            "{\"response\": \""
                + secondResponse
                + "\", \"expected\": \"london\", \"prompt\": \"capital of france?\","
                + " \"contexts\": [\"london\"]}"));
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: embeddings",
            "data: {current: {path: answers.jsonl, format: json}}",
            "columns:",
            "  response: response",
            "  reference_answer: expected",
            "  prompt: prompt",
            "  contexts: contexts",
            "llm:",
            "  embeddings:",
            embeddings,
            "    key_env: EMB_KEY",
            "    batch_size: 2",
            "    max_retries: 2",
            moreLlm));
    return new SpecLoader(dir.resolve("no-rules")).load(spec);
  }

  static AuditRun run(ResolvedSpec spec) {
    return Audit.of(spec).withEnvironment(Map.of("EMB_KEY", KEY)::get).run(SharedSpark.get());
  }

  static MetricResult.Computed metric(AuditRun run, String name) {
    return (MetricResult.Computed)
        run.metrics().stream()
            .filter(m -> m.key().metric().equals(name) && m.key().scope().attribute() == null)
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " not in " + run.metrics()));
  }

  @Test
  void openAiShapesFillTheSemanticMetricsAndAReRunComesFromTheCache() throws IOException {
    try (FakeEmbeddings server = new FakeEmbeddings()) {
      server.throttle.set(1);
      ResolvedSpec spec =
          spec(
              "    endpoint: " + server.endpoint() + "\n    model: text-embedding-3-small", "rome");
      AuditRun first = run(spec);
      assertEquals(0.5, metric(first, "semantic_answer_similarity").value(), 1e-12);
      assertEquals(2, metric(first, "semantic_answer_similarity").count());
      assertEquals(0.5, metric(first, "semantic_context_support").value(), 1e-12);
      assertEquals(0.75, metric(first, "semantic_context_relevance").value(), 1e-12);
      // 4 distinct texts in batches of 2 over at most 2 partitions: 2 or 3 requests, +1 throttled
      int sent = server.requests.get();
      assertTrue(sent >= 3 && sent <= 4, "requests " + sent);
      long waited = server.times.get(1) - server.times.get(0);
      assertTrue(waited >= 900_000_000L, "Retry-After: 1 honoured, waited ns " + waited);
      assertTrue(server.paths.stream().allMatch("/v1/embeddings"::equals), server.paths.toString());
      assertTrue(server.keys.stream().allMatch(("Bearer " + KEY)::equals));
      assertTrue(server.bodies.stream().allMatch(b -> b.contains("text-embedding-3-small")));
      List<String> inputs = new java.util.ArrayList<>();
      for (String body : server.bodies.subList(1, server.bodies.size())) { // the first was a 429
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(body)
            .get("input")
            .forEach(t -> inputs.add(t.asText()));
      }
      inputs.sort(null);
      assertEquals(List.of("capital of france?", "london", "paris", "rome"), inputs);

      AuditRun again = run(spec);
      assertEquals(sent, server.requests.get(), "a re-run from the cache makes no call");
      assertEquals(0.75, metric(again, "semantic_context_relevance").value(), 1e-12);
      assertFalse(first.toString().contains(KEY));
      assertFalse(again.toString().contains(KEY));
      assertNoKeyIn(dir);
    }
  }

  @Test
  void azureShapesAndAMalformedReplyLeaveOnlyThatBatchOut() throws IOException {
    try (FakeEmbeddings server = new FakeEmbeddings()) {
      ResolvedSpec spec =
          spec(
              "    api: azure\n    endpoint: "
                  + server.endpoint()
                  + "\n    deployment: emb-small\n    api_version: 2024-10-21",
              "BROKEN");
      AuditRun run = run(spec);
      assertTrue(
          server.paths.stream()
              .allMatch("/openai/deployments/emb-small/embeddings?api-version=2024-10-21"::equals),
          server.paths.toString());
      assertTrue(server.keys.stream().allMatch(KEY::equals));
      // record 2's response sits in a malformed batch: only record 1 has an answer similarity
      MetricResult.Computed similarity = metric(run, "semantic_answer_similarity");
      assertTrue(similarity.count() <= 1, similarity.toString());
      assertTrue(
          run.notes().stream().anyMatch(n -> n.contains("malformed answer")),
          run.notes().toString());
      assertNoKeyIn(dir);
    }
  }

  @Test
  void anEndpointThatAnswersNothingFailsTheRun() throws IOException {
    FakeEmbeddings server = new FakeEmbeddings();
    String endpoint = server.endpoint().toString();
    server.close();
    ResolvedSpec spec = spec("    endpoint: " + endpoint + "\n    model: m", "rome");
    RunFailedException e = assertThrows(RunFailedException.class, () -> run(spec));
    assertTrue(e.getMessage().contains("answered none of"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY));
  }

  /**
   * Issue 17: with {@code llm.safety} as well, the records were written from the data as read, so
   * they lost the filled embeddings' semantic columns. Record 1 (paris, paris): answer similarity
   * 1, context support max(1, 0) = 1, relevance mean(0.6, 0.8) = 0.7; record 2 (rome, london): 0,
   * 0, 0.8 — and the safety columns are still there.
   */
  @Test
  void recordsWithSafetyKeepTheSemanticScoresOfTheFilledEmbeddings() throws IOException {
    try (FakeEmbeddings server = new FakeEmbeddings();
        FakeContentSafety safety = new FakeContentSafety()) {
      ResolvedSpec spec =
          spec(
              "    endpoint: " + server.endpoint() + "\n    model: text-embedding-3-small",
              "rome",
              String.join(
                  "\n",
                  "  safety:",
                  "    backend: azure_content_safety",
                  "    endpoint: " + safety.endpoint(),
                  "    key_env: SAFETY_KEY",
                  "    cache: safety-cache",
                  ""));
      Path records = dir.resolve("records");
      Audit.of(spec)
          .withEnvironment(Map.of("EMB_KEY", KEY, "SAFETY_KEY", "cs-key")::get)
          .withRecords(records)
          .run(SharedSpark.get());
      List<Row> rows =
          SharedSpark.get().read().parquet(records.toUri().toString()).collectAsList().stream()
              .sorted(Comparator.comparing(r -> r.<String>getAs("response")))
              .toList();
      assertEquals(List.of("paris", "rome"), rows.stream().map(r -> r.getAs("response")).toList());
      double[][] expected = {{1, 1, 0.7}, {0, 0, 0.8}};
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < LlmRecords.SEMANTIC.size(); j++) {
          String column = LlmRecords.SEMANTIC.get(j);
          assertEquals(expected[i][j], rows.get(i).<Double>getAs(column), 1e-12, i + " " + column);
        }
        assertEquals(0, rows.get(i).<Integer>getAs("assay_safety_hate_unfairness"));
        Row r = rows.get(i);
        assertEquals(2, r.getList(r.fieldIndex("__assay_response_embedding")).size());
      }
      assertNoKeyIn(dir);
    }
  }

  static void assertNoKeyIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(KEY), f.toString());
      }
    }
  }
}
