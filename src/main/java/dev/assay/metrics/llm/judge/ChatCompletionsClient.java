package dev.assay.metrics.llm.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.spec.JudgeOptions;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A minimal client of the OpenAI chat-completions protocol (also served by Azure OpenAI and by
 * local OpenAI-compatible servers): POST {@code {"model", "temperature": 0, "messages"}}, read
 * {@code choices[0].message.content}.
 *
 * <p>Retries on HTTP 429, any 5xx and network errors, up to {@code maxRetries} times, waiting the
 * server's {@code Retry-After} seconds when given (at most {@value #MAX_WAIT_SECONDS}) or else 0.5
 * s × 2<sup>attempt</sup> (at most 16 s). Other 4xx answers fail at once. The key is sent only in
 * its header and is removed from every message this class produces.
 *
 * <p>Serializable so a Spark task can carry it; the {@link HttpClient} is created in the task.
 */
public final class ChatCompletionsClient implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int MAX_WAIT_SECONDS = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String model;
  private final JudgeOptions.Auth auth;
  private final String key;
  private final int timeoutSeconds;
  private final int maxRetries;
  private transient HttpClient http;

  /**
   * @param key the API key (sent in the auth header only); empty for a server that needs none
   */
  public ChatCompletionsClient(
      URI endpoint,
      String model,
      JudgeOptions.Auth auth,
      String key,
      int timeoutSeconds,
      int maxRetries) {
    this.endpoint = endpoint;
    this.model = model;
    this.auth = auth;
    this.key = key == null ? "" : key;
    this.timeoutSeconds = timeoutSeconds;
    this.maxRetries = maxRetries;
  }

  /** The result of one exchange: the answer's content, or why there is none, and the attempts. */
  public record Reply(String content, String error, int attempts) {}

  /** Sends the messages, retrying as described above; never throws for a failed exchange. */
  public Reply complete(List<ChatMessage> messages) {
    HttpRequest request = request(body(messages));
    String error = null;
    for (int attempt = 0; attempt <= maxRetries; attempt++) {
      Optional<String> retryAfter = Optional.empty();
      try {
        HttpResponse<String> response =
            client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status / 100 == 2) {
          return content(response.body(), attempt + 1);
        }
        error = "HTTP " + status + " from " + where() + ": " + redact(preview(response.body()));
        if (status != 429 && status < 500) {
          return new Reply(null, error + hint(status), attempt + 1);
        }
        retryAfter = response.headers().firstValue("Retry-After");
      } catch (IOException e) {
        error =
            e.getClass().getSimpleName()
                + " calling "
                + where()
                + ": "
                + redact(String.valueOf(e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Reply(null, "interrupted calling " + where(), attempt + 1);
      }
      if (attempt < maxRetries && !sleep(wait(attempt, retryAfter))) {
        return new Reply(null, "interrupted calling " + where(), attempt + 1);
      }
    }
    return new Reply(null, error + " (after " + (maxRetries + 1) + " attempts)", maxRetries + 1);
  }

  /** The back-off before retry number {@code attempt + 1}. */
  static Duration wait(int attempt, Optional<String> retryAfter) {
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

  private Reply content(String body, int attempts) {
    try {
      JsonNode text = JSON.readTree(body).path("choices").path(0).path("message").path("content");
      if (!text.isTextual()) {
        return new Reply(
            null,
            "the answer from "
                + where()
                + " has no choices[0].message.content: "
                + redact(preview(body)),
            attempts);
      }
      return new Reply(text.asText(), null, attempts);
    } catch (IOException e) {
      return new Reply(
          null, "the answer from " + where() + " is not JSON: " + redact(preview(body)), attempts);
    }
  }

  private String body(List<ChatMessage> messages) {
    ObjectNode root = JSON.createObjectNode();
    if (!model.isEmpty()) {
      root.put("model", model);
    }
    root.put("temperature", 0);
    ArrayNode list = root.putArray("messages");
    for (ChatMessage m : messages) {
      list.addObject().put("role", m.role()).put("content", m.content());
    }
    return root.toString();
  }

  private HttpRequest request(String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(timeoutSeconds))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (!key.isEmpty()) {
      if (auth == JudgeOptions.Auth.API_KEY) {
        b.header("api-key", key);
      } else {
        b.header("Authorization", "Bearer " + key);
      }
    }
    return b.build();
  }

  private HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
    }
    return http;
  }

  /** The endpoint without its query (an Azure SAS-style query could carry secrets). */
  private String where() {
    return endpoint.getScheme() + "://" + endpoint.getAuthority() + endpoint.getPath();
  }

  private String redact(String text) {
    return key.isEmpty() ? text : text.replace(key, "***");
  }

  private static String hint(int status) {
    return status == 401 || status == 403
        ? " (check the key in the environment variable named by llm.judge.api_key_env, and llm.judge.auth)"
        : "";
  }

  private static String preview(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
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
