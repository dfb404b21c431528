package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.yaml.YamlDocument;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The checked {@code llm.embeddings} block: the endpoint Assay asks for the embeddings the data
 * does not carry (response, reference answer, prompt, contexts). Off unless the block is present.
 *
 * <ul>
 *   <li>{@code api: openai} (default): an OpenAI-compatible server, {@code POST
 *       {endpoint}/v1/embeddings} with {@code {"model", "input": [...]}}, key in {@code
 *       Authorization: Bearer};
 *   <li>{@code api: azure} (default when the host ends in {@code .openai.azure.com}): Azure OpenAI,
 *       {@code POST {endpoint}/openai/deployments/{deployment}/embeddings?api-version=...}, key in
 *       {@code api-key}.
 * </ul>
 *
 * <p>Other keys: {@code key_env} (the NAME of the variable holding the key, default {@value
 * #DEFAULT_KEY_ENV}), {@code cache} (default {@value #DEFAULT_CACHE}), {@code batch_size} (texts
 * per request, default {@value #DEFAULT_BATCH}), {@code max_requests} (default {@value
 * #DEFAULT_MAX_REQUESTS}), {@code timeout_seconds}, {@code max_retries}.
 *
 * @param url the full request URL
 * @param model the model (openai) or the deployment (azure): the cache key's identity
 */
public record EmbeddingOptions(
    Api api,
    URI url,
    String model,
    String keyEnv,
    Path cache,
    int batchSize,
    int maxRequests,
    int timeoutSeconds,
    int maxRetries) {

  public static final String DEFAULT_KEY_ENV = "ASSAY_EMBEDDINGS_API_KEY";
  public static final String DEFAULT_CACHE = ".assay-embeddings-cache";
  public static final String DEFAULT_AZURE_API_VERSION = "2024-02-01";
  public static final int DEFAULT_BATCH = 64;
  public static final int DEFAULT_MAX_REQUESTS = 10_000;

  /** The request and response shape. */
  public enum Api {
    OPENAI,
    AZURE
  }

  /** The header the key goes in. */
  public String keyHeader() {
    return api == Api.AZURE ? "api-key" : "Authorization";
  }

  /** Written before the key in its header. */
  public String keyPrefix() {
    return api == Api.AZURE ? "" : "Bearer ";
  }

  /**
   * Checks the block; null when the spec has no {@code llm.embeddings}.
   *
   * @param folder the spec's folder, against which a relative cache path is resolved
   */
  public static EmbeddingOptions from(YamlDocument doc, AuditSpec.Llm llm, Path folder) {
    if (llm == null || llm.embeddings() == null) {
      return null;
    }
    AuditSpec.Embeddings e = llm.embeddings();
    URI endpoint = endpoint(doc, e.endpoint());
    Api api = api(doc, e.api(), endpoint);
    String model = api == Api.AZURE ? e.deployment() : e.model();
    if (model == null || model.isBlank()) {
      throw bad(
          doc,
          null,
          api == Api.AZURE
              ? "llm.embeddings.deployment is required with api: azure (the Azure OpenAI"
                  + " deployment of the embedding model)."
              : "llm.embeddings.model is required, e.g. text-embedding-3-small.");
    }
    String keyEnv = e.keyEnv() == null ? DEFAULT_KEY_ENV : e.keyEnv().trim();
    if (!keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw bad(
          doc,
          "key_env",
          "llm.embeddings.key_env must be the NAME of an environment variable (letters, digits,"
              + " _), not the key itself.");
    }
    int retries = e.maxRetries() == null ? JudgeOptions.DEFAULT_MAX_RETRIES : e.maxRetries();
    if (retries < 0 || retries > 10) {
      throw bad(doc, "max_retries", "llm.embeddings.max_retries must be between 0 and 10.");
    }
    int batch = positive(doc, "batch_size", e.batchSize(), DEFAULT_BATCH);
    if (batch > 2048) {
      throw bad(doc, "batch_size", "llm.embeddings.batch_size must be at most 2048.");
    }
    return new EmbeddingOptions(
        api,
        url(api, endpoint, model.trim(), e.apiVersion()),
        model.trim(),
        keyEnv,
        folder.resolve(e.cache() == null ? DEFAULT_CACHE : e.cache()).normalize(),
        batch,
        positive(doc, "max_requests", e.maxRequests(), DEFAULT_MAX_REQUESTS),
        positive(doc, "timeout_seconds", e.timeoutSeconds(), JudgeOptions.DEFAULT_TIMEOUT_SECONDS),
        retries);
  }

  private static URI url(Api api, URI endpoint, String model, String apiVersion) {
    String base = endpoint.toString().replaceAll("/+$", "");
    if (api == Api.OPENAI) {
      return URI.create(base.endsWith("/v1") ? base + "/embeddings" : base + "/v1/embeddings");
    }
    String version = apiVersion == null ? DEFAULT_AZURE_API_VERSION : apiVersion.trim();
    return URI.create(
        base
            + "/openai/deployments/"
            + java.net.URLEncoder.encode(model, java.nio.charset.StandardCharsets.UTF_8)
            + "/embeddings?api-version="
            + java.net.URLEncoder.encode(version, java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Api api(YamlDocument doc, String given, URI endpoint) {
    if (given == null) {
      return endpoint.getHost().toLowerCase(Locale.ROOT).endsWith(".openai.azure.com")
          ? Api.AZURE
          : Api.OPENAI;
    }
    if (given.equals("openai")) {
      return Api.OPENAI;
    }
    if (given.equals("azure")) {
      return Api.AZURE;
    }
    throw bad(
        doc,
        "api",
        "llm.embeddings.api must be 'openai' (an OpenAI-compatible server) or 'azure' (Azure"
            + " OpenAI) (found '"
            + given
            + "').");
  }

  private static URI endpoint(YamlDocument doc, String given) {
    if (given == null || given.isBlank()) {
      throw bad(
          doc,
          null,
          "llm.embeddings.endpoint is required: the server's base URL, e.g."
              + " https://api.openai.com or https://NAME.openai.azure.com.");
    }
    URI endpoint;
    try {
      endpoint = new URI(given.trim());
    } catch (URISyntaxException ex) {
      throw bad(doc, "endpoint", "llm.embeddings.endpoint is not a URL (" + ex.getReason() + ").");
    }
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
      throw bad(doc, "endpoint", "llm.embeddings.endpoint must be an http or https URL.");
    }
    if (endpoint.getUserInfo() != null || endpoint.getQuery() != null) {
      throw bad(
          doc,
          "endpoint",
          "llm.embeddings.endpoint must be a base URL without credentials or query; put the key"
              + " in the environment variable named by llm.embeddings.key_env.");
    }
    return endpoint;
  }

  private static int positive(YamlDocument doc, String key, Integer given, int fallback) {
    int value = given == null ? fallback : given;
    if (value < 1) {
      throw bad(doc, key, "llm.embeddings." + key + " must be at least 1 (found " + value + ").");
    }
    return value;
  }

  private static BadInputException bad(YamlDocument doc, String key, String message) {
    String at = key == null ? doc.at("llm", "embeddings") : doc.at("llm", "embeddings", key);
    return new BadInputException(at + ": " + message);
  }
}
