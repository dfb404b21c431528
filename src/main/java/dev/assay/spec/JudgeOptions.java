package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.yaml.YamlDocument;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The checked options of the optional LLM-as-judge (the spec's {@code llm.judge:} block). The judge
 * is off unless the block is present; it then scores every record's groundedness, relevance and
 * coherence (1–5) through an OpenAI-compatible chat-completions endpoint.
 *
 * <ul>
 *   <li>{@code endpoint} (required): the full chat-completions URL, http or https, e.g. {@code
 *       https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT/chat/completions?api-version=2024-06-01}
 *       or {@code https://api.openai.com/v1/chat/completions};
 *   <li>{@code model}: sent as the request's {@code model} (OpenAI needs it; Azure OpenAI takes the
 *       deployment from the URL); part of the cache key;
 *   <li>{@code api_key_env}: the name of the environment variable holding the key (default {@value
 *       #DEFAULT_KEY_ENV}); the key itself never appears in the spec, logs or reports;
 *   <li>{@code auth}: {@code bearer} ({@code Authorization: Bearer KEY}, OpenAI) or {@code api-key}
 *       (the {@code api-key} header, Azure OpenAI); default: {@code api-key} when the endpoint's
 *       host ends in {@code .openai.azure.com}, else {@code bearer};
 *   <li>{@code cache}: a folder (Parquet) of earlier verdicts keyed by a hash of the model, the
 *       rubric and the record's text, so a re-run sends no request for a record judged before;
 *       relative to the spec's folder; default {@value #DEFAULT_CACHE};
 *   <li>{@code max_records}: the most records judged in one run (a cost guard; default {@value
 *       #DEFAULT_MAX_RECORDS});
 *   <li>{@code timeout_seconds} per request (default {@value #DEFAULT_TIMEOUT_SECONDS}) and {@code
 *       max_retries} on 429, 5xx or a network error, with exponential back-off (default {@value
 *       #DEFAULT_MAX_RETRIES}).
 * </ul>
 *
 * @param keyEnv the environment variable the key is read from when the judge runs
 */
public record JudgeOptions(
    URI endpoint,
    String model,
    String keyEnv,
    Auth auth,
    Path cache,
    int maxRecords,
    int timeoutSeconds,
    int maxRetries) {

  public static final String DEFAULT_KEY_ENV = "ASSAY_JUDGE_API_KEY";
  public static final String DEFAULT_CACHE = ".assay-judge-cache";
  public static final int DEFAULT_MAX_RECORDS = 10_000;
  public static final int DEFAULT_TIMEOUT_SECONDS = 60;
  public static final int DEFAULT_MAX_RETRIES = 4;

  /** How the key is sent. */
  public enum Auth {
    /** {@code Authorization: Bearer KEY} (OpenAI and most compatible servers). */
    BEARER,
    /** The {@code api-key} header (Azure OpenAI). */
    API_KEY
  }

  /**
   * Checks the {@code llm.judge} block; null when the spec has none (the judge is off).
   *
   * @param folder the spec's folder, against which a relative cache path is resolved
   * @throws BadInputException naming the file and line of a bad value
   */
  public static JudgeOptions from(YamlDocument doc, AuditSpec.Llm llm, Path folder) {
    if (llm == null || llm.judge() == null) {
      return null;
    }
    AuditSpec.Judge j = llm.judge();
    if (j.endpoint() == null || j.endpoint().isBlank()) {
      throw new BadInputException(
          doc.at("llm", "judge")
              + ": llm.judge.endpoint is required: the"
              + " chat-completions URL of the judge model, e.g."
              + " https://api.openai.com/v1/chat/completions. Remove llm.judge to run without a judge.");
    }
    URI endpoint;
    try {
      endpoint = new URI(j.endpoint().trim());
    } catch (URISyntaxException e) {
      throw bad(doc, "endpoint", " is not a URL (" + e.getReason() + ").");
    }
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
      throw bad(
          doc,
          "endpoint",
          " must be"
              + " an http or https URL with a host, e.g. https://api.openai.com/v1/chat/completions.");
    }
    if (endpoint.getUserInfo() != null) {
      throw bad(
          doc,
          "endpoint",
          " must not carry credentials; put the key in the environment variable named by"
              + " llm.judge.api_key_env.");
    }
    String keyEnv = j.apiKeyEnv() == null ? DEFAULT_KEY_ENV : j.apiKeyEnv().trim();
    if (!keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw bad(
          doc,
          "api_key_env",
          " must be the NAME of an environment variable (letters, digits, _), not the key itself.");
    }
    Auth auth;
    if (j.auth() == null) {
      auth =
          endpoint.getHost().toLowerCase(Locale.ROOT).endsWith(".openai.azure.com")
              ? Auth.API_KEY
              : Auth.BEARER;
    } else if (j.auth().equals("bearer")) {
      auth = Auth.BEARER;
    } else if (j.auth().equals("api-key")) {
      auth = Auth.API_KEY;
    } else {
      throw bad(doc, "auth", " must be 'bearer' or 'api-key' (found '" + j.auth() + "').");
    }
    Path cache = folder.resolve(j.cache() == null ? DEFAULT_CACHE : j.cache()).normalize();
    int maxRecords = positive(doc, "max_records", j.maxRecords(), DEFAULT_MAX_RECORDS);
    int timeout = positive(doc, "timeout_seconds", j.timeoutSeconds(), DEFAULT_TIMEOUT_SECONDS);
    int retries = j.maxRetries() == null ? DEFAULT_MAX_RETRIES : j.maxRetries();
    if (retries < 0 || retries > 10) {
      throw bad(doc, "max_retries", " must be between 0 and 10 (found " + retries + ").");
    }
    String model = j.model() == null ? "" : j.model().trim();
    return new JudgeOptions(endpoint, model, keyEnv, auth, cache, maxRecords, timeout, retries);
  }

  /** The error "where: llm.judge.{@code key}…" at that key; {@code rest} follows the key. */
  private static BadInputException bad(YamlDocument doc, String key, String rest) {
    return new BadInputException(doc.at("llm", "judge", key) + ": llm.judge." + key + rest);
  }

  private static int positive(YamlDocument doc, String key, Integer given, int fallback) {
    int value = given == null ? fallback : given;
    if (value < 1) {
      throw bad(doc, key, " must be at least 1 (found " + value + ").");
    }
    return value;
  }
}
