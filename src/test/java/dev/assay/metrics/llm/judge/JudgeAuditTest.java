package dev.assay.metrics.llm.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.Audit;
import dev.assay.core.AuditRun;
import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.core.Verdict;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.ResolvedSpec;
import dev.assay.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judge through {@link Audit}: its key from the environment, its metrics gated by a rule. */
class JudgeAuditTest {

  @TempDir Path dir;

  ResolvedSpec spec(String endpoint) throws IOException {
    Files.writeString(
        dir.resolve("answers.jsonl"),
        String.join(
            "\n",
            "{\"prompt\": \"Capital of France?\", \"contexts\": [\"Paris is the capital.\"], \"response\": \"Paris.\"}",
            "{\"prompt\": \"Capital of Spain?\", \"contexts\": [\"Madrid is the capital.\"], \"response\": \"Lisbon.\"}",
            ""));
    Files.writeString(
        dir.resolve("judge-rules.yaml"),
        String.join(
            "\n",
            "pack: judge-gate",
            "rules:",
            "  - id: judge-groundedness",
            "    metric: llm.judge_groundedness",
            "    must: \">= 4\"",
            "    severity: blocking",
            "    rationale: Responses must be grounded in the retrieved passages.",
            ""));
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: judged",
            "data: {current: {path: answers.jsonl, format: json}}",
            "columns: {prompt: prompt, contexts: contexts, response: response}",
            "llm:",
            "  judge:",
            "    endpoint: " + endpoint,
            "    model: judge-model",
            "    api_key_env: JUDGE_KEY",
            "rules: [judge-rules.yaml]",
            ""));
    return new SpecLoader(dir.resolve("no-project-rules")).load(spec);
  }

  /** Paris 5/4/5 and Lisbon 1/2/3: groundedness (5 + 1) / 2 = 3 < 4, so the gate closes. */
  @Test
  void judgeMetricsReachTheRules() throws IOException {
    try (FakeJudge judge = new FakeJudge()) {
      AuditRun run =
          Audit.of(spec(judge.endpoint().toString()))
              .withEnvironment(Map.of("JUDGE_KEY", "sk-audit-42")::get)
              .run(SharedSpark.get());
      MetricResult g =
          run.metrics().stream()
              .filter(m -> m.key().metric().equals(JudgeAnalysis.GROUNDEDNESS))
              .findFirst()
              .orElseThrow();
      assertEquals(3.0, ((MetricResult.Computed) g).value(), 1e-12);
      Verdict v =
          run.verdicts().stream()
              .filter(x -> x.ruleId().equals("judge-groundedness"))
              .findFirst()
              .orElseThrow();
      assertEquals("FAIL", v.status().name());
      assertEquals(1, run.exitCode());
      assertEquals(2, judge.requests.get());
      assertTrue(judge.authHeaders.stream().allMatch("Bearer sk-audit-42"::equals));
      assertFalse(run.toString().contains("sk-audit-42"));
    }
  }

  @Test
  void aMissingKeyVariableIsBadInputBeforeAnySparkJob() throws IOException {
    ResolvedSpec spec = spec("http://127.0.0.1:9/v1/chat/completions");
    SparkSession spark = SharedSpark.get();
    BadInputException[] thrown = new BadInputException[1];
    int jobs =
        JobCounter.count(
            spark,
            () ->
                thrown[0] =
                    assertThrows(
                        BadInputException.class,
                        () ->
                            Audit.of(spec)
                                .withEnvironment(Map.<String, String>of()::get)
                                .run(spark)));
    assertEquals(0, jobs);
    assertTrue(thrown[0].getMessage().contains("audit.yaml:6"), thrown[0].getMessage());
    assertTrue(thrown[0].getMessage().contains("JUDGE_KEY"), thrown[0].getMessage());
  }
}
