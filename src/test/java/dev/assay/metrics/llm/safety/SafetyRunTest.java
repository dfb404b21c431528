package dev.assay.metrics.llm.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.Audit;
import dev.assay.core.BadInputException;
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

/** llm.safety through {@link Audit}: the key comes from the environment, checked first. */
class SafetyRunTest {

  @TempDir Path dir;

  @Test
  void aMissingKeyVariableIsBadInputBeforeAnySparkJob() throws IOException {
    Files.writeString(dir.resolve("answers.jsonl"), "{\"prompt\": \"p\", \"response\": \"r\"}\n");
    Path specFile = dir.resolve("audit.yaml");
    Files.writeString(
        specFile,
        String.join(
            "\n",
            "version: 1",
            "name: safety",
            "data: {current: {path: answers.jsonl, format: json}}",
            "columns: {prompt: prompt, response: response}",
            "llm:",
            "  safety:",
            "    backend: azure_content_safety",
            "    endpoint: http://127.0.0.1:9",
            "    key_env: CS_KEY",
            ""));
    ResolvedSpec spec = new SpecLoader(dir.resolve("no-rules")).load(specFile);
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
    assertTrue(thrown[0].getMessage().contains("CS_KEY"), thrown[0].getMessage());
  }
}
