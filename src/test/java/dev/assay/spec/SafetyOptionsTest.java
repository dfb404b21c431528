package dev.assay.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.SafetyCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's llm.safety block: off by default (opt-in), checked values, file:line errors. */
class SafetyOptionsTest {

  @TempDir Path dir;

  ResolvedSpec load(String block) throws IOException {
    Files.writeString(dir.resolve("data.json"), "{\"response\": \"x\"}\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: safety-spec",
            "data: {current: {path: data.json}}",
            "columns: {response: response}",
            "llm:",
            "  k: 3",
            block,
            ""));
    return new SpecLoader(dir.resolve("rules")).load(spec);
  }

  String error(String block) {
    return assertThrows(BadInputException.class, () -> load(block)).getMessage();
  }

  @Test
  void safetyIsOffUnlessConfigured() throws IOException {
    assertNull(load("").safety());
  }

  @Test
  void defaults() throws IOException {
    SafetyOptions o =
        load("  safety: {backend: azure_content_safety, endpoint: 'https://cs.cognitiveservices.azure.com'}")
            .safety();
    assertEquals(SafetyOptions.Backend.AZURE_CONTENT_SAFETY, o.backend());
    assertEquals(EnumSet.allOf(SafetyCategory.class), o.categories());
    assertEquals(4, o.severityThreshold());
    assertEquals(SafetyOptions.DEFAULT_KEY_ENV, o.keyEnv());
    assertEquals(dir.toAbsolutePath().resolve(SafetyOptions.DEFAULT_CACHE), o.cache());
    assertEquals(SafetyOptions.DEFAULT_MAX_REQUESTS, o.maxRequests());
    assertNull(o.groupBy());
  }

  @Test
  void everyKey() throws IOException {
    SafetyOptions o =
        load(String.join(
                "\n",
                "  safety:",
                "    backend: judge",
                "    endpoint: https://api.openai.com/v1/chat/completions",
                "    model: gpt-4o-mini",
                "    key_env: OPENAI_API_KEY",
                "    categories: [violence, self_harm]",
                "    severity_threshold: 2",
                "    group_by: [subject_group]",
                "    cache: c",
                "    max_requests: 50",
                "    timeout_seconds: 5",
                "    max_retries: 1"))
            .safety();
    assertEquals(SafetyOptions.Backend.JUDGE, o.backend());
    assertEquals(JudgeOptions.Auth.BEARER, o.auth());
    assertEquals("gpt-4o-mini", o.model());
    assertEquals("OPENAI_API_KEY", o.keyEnv());
    assertEquals(List.of(SafetyCategory.VIOLENCE, SafetyCategory.SELF_HARM), o.orderedCategories());
    assertEquals(2, o.severityThreshold());
    assertEquals(List.of("subject_group"), o.groupBy());
    assertEquals(50, o.maxRequests());
  }

  @Test
  void badValuesNameTheLine() {
    String backend = error("  safety: {backend: perspective, endpoint: 'https://x.example'}");
    assertTrue(backend.contains("audit.yaml:7"), backend);
    assertTrue(backend.contains("'azure_content_safety'"), backend);
    String category =
        error(
            "  safety: {backend: judge, endpoint: 'https://x.example/v1', categories: [toxicity]}");
    assertTrue(category.contains("unknown category 'toxicity'"), category);
    String threshold =
        error(
            "  safety: {backend: judge, endpoint: 'https://x.example/v1', severity_threshold: 8}");
    assertTrue(threshold.contains("from 1 to 7"), threshold);
    String key =
        error("  safety: {backend: judge, endpoint: 'https://x.example/v1', key_env: 'sk-1'}");
    assertTrue(key.contains("NAME of an environment variable"), key);
    String creds = error("  safety: {backend: judge, endpoint: 'https://u:p@x.example/v1'}");
    assertTrue(creds.contains("must not carry credentials"), creds);
    String typo =
        error("  safety: {backend: judge, endpoint: 'https://x.example/v1', treshold: 3}");
    assertTrue(typo.contains("treshold"), typo);
  }
}
