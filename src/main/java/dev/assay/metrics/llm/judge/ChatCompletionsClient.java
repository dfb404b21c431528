package dev.assay.metrics.llm.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.metrics.llm.http.JsonPoster;
import dev.assay.spec.JudgeOptions;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.List;

/**
 * A minimal client of the OpenAI chat-completions protocol (also served by Azure OpenAI and by
 * local OpenAI-compatible servers): POST {@code {"model", "temperature": 0, "messages"}}, read
 * {@code choices[0].message.content}.
 *
 * <p>The exchange, its retries (HTTP 429, 5xx and network errors, honouring {@code Retry-After})
 * and the key's redaction are {@link JsonPoster}'s. Serializable so a Spark task can carry it.
 */
public final class ChatCompletionsClient implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String model;
  private final JsonPoster poster;

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
    this.poster =
        auth == JudgeOptions.Auth.API_KEY
            ? new JsonPoster("api-key", "", key, timeoutSeconds, maxRetries, KEY_SETTING)
            : new JsonPoster(
                "Authorization", "Bearer ", key, timeoutSeconds, maxRetries, KEY_SETTING);
  }

  /** The spec keys a 401 or 403 answer points to. */
  private static final String KEY_SETTING = "llm.judge.api_key_env, and llm.judge.auth";

  /** The result of one exchange: the answer's content, or why there is none, and the attempts. */
  public record Reply(String content, String error, int attempts) {}

  /**
   * Sends the messages, retrying as {@link JsonPoster} does; never throws for a failed exchange.
   */
  public Reply complete(List<ChatMessage> messages) {
    JsonPoster.Reply reply = poster.post(endpoint, body(messages));
    return reply.body() == null
        ? new Reply(null, reply.error(), reply.attempts())
        : content(reply.body(), reply.attempts());
  }

  private Reply content(String body, int attempts) {
    String where = JsonPoster.where(endpoint);
    String preview = poster.redact(JsonPoster.preview(body));
    try {
      JsonNode text = JSON.readTree(body).path("choices").path(0).path("message").path("content");
      if (!text.isTextual()) {
        return new Reply(
            null,
            "the answer from " + where + " has no choices[0].message.content: " + preview,
            attempts);
      }
      return new Reply(text.asText(), null, attempts);
    } catch (IOException e) {
      return new Reply(null, "the answer from " + where + " is not JSON: " + preview, attempts);
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
}
