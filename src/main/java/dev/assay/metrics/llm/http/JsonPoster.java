package dev.assay.metrics.llm.http;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs a JSON body and returns the 2xx answer's text — the one HTTP exchange of the llm family's
 * services (the judge, the safety classifiers, the embeddings endpoint) — with one retry policy:
 * HTTP 429, any 5xx and network errors are retried up to {@code maxRetries} times, waiting the
 * server's {@code Retry-After} seconds when given (at most 60) or else 0.5 s × 2<sup>attempt</sup>
 * (at most 16 s); other 4xx answers fail at once. The key goes only into its header and is removed
 * from every message; messages name the URL without its query.
 *
 * <p>Serializable so a Spark task can carry it; the {@link HttpClient} is created in the task.
 */
public final class JsonPoster implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int MAX_WAIT_SECONDS = 60;

  private final String keyHeader;
  private final String keyPrefix;
  private final String key;
  private final int timeoutSeconds;
  private final int maxRetries;
  private final String keySetting;
  private transient HttpClient http;

  /**
   * @param keyHeader the header the key is sent in
   * @param keyPrefix written before the key (e.g. {@code "Bearer "}), or empty
   * @param key the key; empty sends no key header
   */
  public JsonPoster(
      String keyHeader, String keyPrefix, String key, int timeoutSeconds, int maxRetries) {
    this(keyHeader, keyPrefix, key, timeoutSeconds, maxRetries, "llm.safety.key_env");
  }

  /**
   * @param keySetting the spec key that names the key's variable, for the hint of a 401 or 403
   */
  public JsonPoster(
      String keyHeader,
      String keyPrefix,
      String key,
      int timeoutSeconds,
      int maxRetries,
      String keySetting) {
    this.keySetting = keySetting;
    this.keyHeader = keyHeader;
    this.keyPrefix = keyPrefix;
    this.key = key == null ? "" : key;
    this.timeoutSeconds = timeoutSeconds;
    this.maxRetries = maxRetries;
  }

  /**
   * The result of one exchange.
   *
   * @param body the 2xx answer's text, or null
   * @param error why there is no answer, or null
   * @param answered true when the server gave a real HTTP answer (a 4xx counts; a network error, a
   *     429 or a 5xx after every retry does not)
   */
  public record Reply(String body, String error, boolean answered, int attempts) {}

  /** Sends the body, retrying as described above; never throws for a failed exchange. */
  public Reply post(URI url, String body) {
    HttpRequest request = request(url, body);
    String error = null;
    boolean answered = false;
    for (int attempt = 0; attempt <= maxRetries; attempt++) {
      Optional<String> retryAfter = Optional.empty();
      try {
        HttpResponse<String> response =
            client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status / 100 == 2) {
          return new Reply(response.body(), null, true, attempt + 1);
        }
        error = "HTTP " + status + " from " + where(url) + ": " + redact(preview(response.body()));
        answered = status != 429 && status < 500;
        if (status != 429 && status < 500) {
          return new Reply(null, error + hint(status), true, attempt + 1);
        }
        retryAfter = response.headers().firstValue("Retry-After");
      } catch (IOException e) {
        error = e.getClass().getSimpleName() + " calling " + where(url) + ": " + redact(message(e));
        answered = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Reply(null, "interrupted calling " + where(url), false, attempt + 1);
      }
      if (attempt < maxRetries && !sleep(wait(attempt, retryAfter))) {
        return new Reply(null, "interrupted calling " + where(url), false, attempt + 1);
      }
    }
    return new Reply(
        null, error + " (after " + (maxRetries + 1) + " attempts)", answered, maxRetries + 1);
  }

  /** The back-off before retry number {@code attempt + 1}. */
  public static Duration wait(int attempt, Optional<String> retryAfter) {
    if (retryAfter.isPresent()) {
      try {
        long seconds = Long.parseLong(retryAfter.get().trim());
        return Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_WAIT_SECONDS)));
      } catch (NumberFormatException e) {
        // an HTTP date: fall back to the exponential wait
      }
    }
    return Duration.ofMillis(Math.min(16_000L, 500L << Math.min(attempt, 5)));
  }

  /** Removes the key from a text that will be shown or stored. */
  public String redact(String text) {
    return key.isEmpty() || text == null ? text : text.replace(key, "***");
  }

  /** The URL without its query (a query could carry a secret). */
  public static String where(URI url) {
    return url.getScheme() + "://" + url.getAuthority() + url.getPath();
  }

  public static String preview(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
  }

  private HttpRequest request(URI url, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(timeoutSeconds))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (!key.isEmpty()) {
      b.header(keyHeader, keyPrefix + key);
    }
    return b.build();
  }

  private HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
    }
    return http;
  }

  private static String message(IOException e) {
    return String.valueOf(e.getMessage());
  }

  private String hint(int status) {
    return status == 401 || status == 403
        ? " (check the key in the environment variable named by " + keySetting + ")"
        : "";
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
