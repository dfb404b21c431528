package dev.assay.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's llm.judge block: off by default, checked values, file:line errors. */
class JudgeOptionsTest {

  @TempDir Path dir;

  ResolvedSpec load(String judgeBlock) throws IOException {
    Files.writeString(dir.resolve("data.json"), "{\"response\": \"x\"}\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: judge-spec",
            "data: {current: {path: data.json}}",
            "columns: {response: response}",
            "llm:",
            "  k: 3",
            judgeBlock,
            ""));
    return new SpecLoader(dir.resolve("rules")).load(spec);
  }

  String error(String judgeBlock) {
    return assertThrows(BadInputException.class, () -> load(judgeBlock)).getMessage();
  }

  @Test
  void theJudgeIsOffUnlessConfigured() throws IOException {
    assertNull(load("").judge());
  }

  @Test
  void defaultsAndAzureDetection() throws IOException {
    JudgeOptions o =
        load("  judge: {endpoint: 'https://contoso.openai.azure.com/openai/deployments/"
                + "gpt4o/chat/completions?api-version=2024-06-01'}")
            .judge();
    assertEquals(JudgeOptions.Auth.API_KEY, o.auth());
    assertEquals(JudgeOptions.DEFAULT_KEY_ENV, o.keyEnv());
    assertEquals(dir.toAbsolutePath().resolve(JudgeOptions.DEFAULT_CACHE), o.cache());
    assertEquals(JudgeOptions.DEFAULT_MAX_RECORDS, o.maxRecords());
    assertEquals("", o.model());

    JudgeOptions openai =
        load(String.join(
                "\n",
                "  judge:",
                "    endpoint: https://api.openai.com/v1/chat/completions",
                "    model: gpt-4o-mini",
                "    api_key_env: OPENAI_API_KEY",
                "    cache: caches/judge",
                "    max_records: 50",
                "    timeout_seconds: 5",
                "    max_retries: 0"))
            .judge();
    assertEquals(URI.create("https://api.openai.com/v1/chat/completions"), openai.endpoint());
    assertEquals(JudgeOptions.Auth.BEARER, openai.auth());
    assertEquals("OPENAI_API_KEY", openai.keyEnv());
    assertEquals(dir.toAbsolutePath().resolve("caches/judge"), openai.cache());
    assertEquals(50, openai.maxRecords());
    assertEquals(5, openai.timeoutSeconds());
    assertEquals(0, openai.maxRetries());
  }

  @Test
  void badValuesNameTheLine() {
    String missing = error("  judge: {model: m}");
    assertTrue(
        missing.contains("audit.yaml:7") && missing.contains("endpoint is required"), missing);
    String scheme = error("  judge: {endpoint: 'ftp://host/x'}");
    assertTrue(scheme.contains("audit.yaml:7") && scheme.contains("http or https"), scheme);
    String creds = error("  judge: {endpoint: 'https://user:pw@host/v1/chat/completions'}");
    assertTrue(creds.contains("must not carry credentials"), creds);
    String key =
        error(
            String.join(
                "\n", "  judge:", "    endpoint: https://h/v1", "    api_key_env: sk-abc123-def"));
    assertTrue(
        key.contains("audit.yaml:9") && key.contains("NAME of an environment variable"), key);
    String auth =
        error(String.join("\n", "  judge:", "    endpoint: https://h/v1", "    auth: basic"));
    assertTrue(auth.contains("audit.yaml:9") && auth.contains("'bearer' or 'api-key'"), auth);
    String max =
        error(String.join("\n", "  judge:", "    endpoint: https://h/v1", "    max_records: 0"));
    assertTrue(max.contains("audit.yaml:9") && max.contains("at least 1"), max);
    String retries =
        error(String.join("\n", "  judge:", "    endpoint: https://h/v1", "    max_retries: 11"));
    assertTrue(retries.contains("between 0 and 10"), retries);
  }
}
