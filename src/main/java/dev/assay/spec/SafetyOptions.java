package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.core.SafetyCategory;
import dev.assay.yaml.YamlDocument;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checked options of the optional safety evaluators (the spec's {@code llm.safety:} block). Off
 * unless the block is present; then every distinct response (and prompt with its contexts) is
 * classified into the categories of {@link SafetyCategory} by one of two backends:
 *
 * <ul>
 *   <li>{@code backend: azure_content_safety}: Azure AI Content Safety's REST API at {@code
 *       endpoint} (the resource's base URL, e.g. {@code https://NAME.cognitiveservices.azure.com});
 *       the key is sent in {@code Ocp-Apim-Subscription-Key};
 *   <li>{@code backend: judge}: an OpenAI-compatible chat-completions URL at {@code endpoint}, one
 *       published rubric per category ({@code model}, {@code auth} as in {@code llm.judge}).
 * </ul>
 *
 * <p>Other keys: {@code key_env} (the NAME of the variable holding the key, default {@value
 * #DEFAULT_KEY_ENV}), {@code categories} (default all), {@code severity_threshold} (a harm category
 * counts as a defect at or above it, 1–7, default {@value #DEFAULT_THRESHOLD}), {@code group_by}
 * (columns whose groups get their own rates; default the variant column and the sensitive columns),
 * {@code cache} (default {@value #DEFAULT_CACHE}), {@code max_requests} (HTTP requests per run,
 * default {@value #DEFAULT_MAX_REQUESTS}), {@code timeout_seconds}, {@code max_retries}.
 */
public record SafetyOptions(
    Backend backend,
    URI endpoint,
    String model,
    String keyEnv,
    JudgeOptions.Auth auth,
    Set<SafetyCategory> categories,
    int severityThreshold,
    List<String> groupBy,
    Path cache,
    int maxRequests,
    int timeoutSeconds,
    int maxRetries) {

  public static final String DEFAULT_KEY_ENV = "ASSAY_SAFETY_API_KEY";
  public static final String DEFAULT_CACHE = ".assay-safety-cache";
  public static final int DEFAULT_THRESHOLD = 4;
  public static final int DEFAULT_MAX_REQUESTS = 10_000;

  public SafetyOptions {
    categories = Set.copyOf(categories);
    groupBy = groupBy == null ? null : List.copyOf(groupBy);
  }

  /** Which service classifies the texts. */
  public enum Backend {
    AZURE_CONTENT_SAFETY("azure_content_safety"),
    JUDGE("judge");

    private final String id;

    Backend(String id) {
      this.id = id;
    }

    /** The name in the spec and in the cache key. */
    public String id() {
      return id;
    }
  }

  /** The categories in declaration order. */
  public List<SafetyCategory> orderedCategories() {
    return EnumSet.copyOf(categories).stream().toList();
  }

  /**
   * Checks the {@code llm.safety} block; null when the spec has none (safety is off).
   *
   * @param folder the spec's folder, against which a relative cache path is resolved
   * @throws BadInputException naming the file and line of a bad value
   */
  public static SafetyOptions from(YamlDocument doc, AuditSpec.Llm llm, Path folder) {
    if (llm == null || llm.safety() == null) {
      return null;
    }
    AuditSpec.Safety s = llm.safety();
    Backend backend = backend(doc, s.backend());
    URI endpoint = endpoint(doc, s.endpoint(), backend);
    String keyEnv = s.keyEnv() == null ? DEFAULT_KEY_ENV : s.keyEnv().trim();
    if (!keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw bad(
          doc,
          "key_env",
          "llm.safety.key_env must be the NAME of an environment variable (letters, digits, _),"
              + " not the key itself.");
    }
    JudgeOptions.Auth auth = auth(doc, s.auth(), endpoint);
    int threshold = s.severityThreshold() == null ? DEFAULT_THRESHOLD : s.severityThreshold();
    if (threshold < 1 || threshold > SafetyCategory.MAX_SEVERITY) {
      throw bad(
          doc,
          "severity_threshold",
          "llm.safety.severity_threshold must be an integer from 1 to 7 (Azure AI Content"
              + " Safety's eight-level scale; found "
              + threshold
              + ").");
    }
    int retries = s.maxRetries() == null ? JudgeOptions.DEFAULT_MAX_RETRIES : s.maxRetries();
    if (retries < 0 || retries > 10) {
      throw bad(doc, "max_retries", "llm.safety.max_retries must be between 0 and 10.");
    }
    return new SafetyOptions(
        backend,
        endpoint,
        s.model() == null ? "" : s.model().trim(),
        keyEnv,
        auth,
        categories(doc, s.categories()),
        threshold,
        s.groupBy(),
        folder.resolve(s.cache() == null ? DEFAULT_CACHE : s.cache()).normalize(),
        positive(doc, "max_requests", s.maxRequests(), DEFAULT_MAX_REQUESTS),
        positive(doc, "timeout_seconds", s.timeoutSeconds(), JudgeOptions.DEFAULT_TIMEOUT_SECONDS),
        retries);
  }

  private static Backend backend(YamlDocument doc, String given) {
    for (Backend b : Backend.values()) {
      if (b.id.equals(given == null ? "" : given.trim())) {
        return b;
      }
    }
    throw bad(
        doc,
        given == null ? null : "backend",
        "llm.safety.backend must be 'azure_content_safety' (Azure AI Content Safety's REST API)"
            + " or 'judge' (an OpenAI-compatible chat-completions model with Assay's rubrics)"
            + (given == null ? "." : " (found '" + given + "')."));
  }

  private static URI endpoint(YamlDocument doc, String given, Backend backend) {
    String example =
        backend == Backend.AZURE_CONTENT_SAFETY
            ? "https://NAME.cognitiveservices.azure.com"
            : "https://api.openai.com/v1/chat/completions";
    if (given == null || given.isBlank()) {
      throw bad(doc, null, "llm.safety.endpoint is required, e.g. " + example + ".");
    }
    URI endpoint;
    try {
      endpoint = new URI(given.trim());
    } catch (URISyntaxException e) {
      throw bad(doc, "endpoint", "llm.safety.endpoint is not a URL (" + e.getReason() + ").");
    }
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
      throw bad(
          doc, "endpoint", "llm.safety.endpoint must be an http or https URL, e.g. " + example);
    }
    if (endpoint.getUserInfo() != null) {
      throw bad(
          doc,
          "endpoint",
          "llm.safety.endpoint must not carry credentials; put the key in the environment"
              + " variable named by llm.safety.key_env.");
    }
    return endpoint;
  }

  private static JudgeOptions.Auth auth(YamlDocument doc, String given, URI endpoint) {
    if (given == null) {
      return endpoint.getHost().toLowerCase(Locale.ROOT).endsWith(".openai.azure.com")
          ? JudgeOptions.Auth.API_KEY
          : JudgeOptions.Auth.BEARER;
    }
    if (given.equals("bearer")) {
      return JudgeOptions.Auth.BEARER;
    }
    if (given.equals("api-key")) {
      return JudgeOptions.Auth.API_KEY;
    }
    throw bad(
        doc, "auth", "llm.safety.auth must be 'bearer' or 'api-key' (found '" + given + "').");
  }

  private static Set<SafetyCategory> categories(YamlDocument doc, List<String> given) {
    if (given == null) {
      return EnumSet.allOf(SafetyCategory.class);
    }
    List<SafetyCategory> found = new ArrayList<>();
    for (String name : given) {
      found.add(
          SafetyCategory.named(name)
              .orElseThrow(
                  () ->
                      bad(
                          doc,
                          "categories",
                          "llm.safety.categories: unknown category '"
                              + name
                              + "'; choose from "
                              + String.join(", ", SafetyCategory.ids())
                              + ".")));
    }
    if (found.isEmpty()) {
      throw bad(doc, "categories", "llm.safety.categories must name at least one category.");
    }
    return EnumSet.copyOf(found);
  }

  private static int positive(YamlDocument doc, String key, Integer given, int fallback) {
    int value = given == null ? fallback : given;
    if (value < 1) {
      throw bad(doc, key, "llm.safety." + key + " must be at least 1 (found " + value + ").");
    }
    return value;
  }

  private static BadInputException bad(YamlDocument doc, String key, String message) {
    String at = key == null ? doc.at("llm", "safety") : doc.at("llm", "safety", key);
    return new BadInputException(at + ": " + message);
  }
}
