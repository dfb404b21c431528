package dev.assay.metrics.llm.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.assay.metrics.llm.LoopbackJsonServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chat-completions server on 127.0.0.1 that speaks the OpenAI protocol for the tests. Its ratings
 * follow the response text: one mentioning Paris gets 5/4/5, one containing "garbage" gets an
 * answer without JSON, any other 1/2/3. The first {@code throttle} requests get HTTP 429 with
 * {@code Retry-After: 0}.
 */
final class FakeJudge extends LoopbackJsonServer {

  final List<String> authHeaders = new CopyOnWriteArrayList<>();
  final List<String> apiKeyHeaders = new CopyOnWriteArrayList<>();
  volatile int status = 200;

  FakeJudge() throws IOException {
    super("/v1/chat/completions", "/v1/chat/completions");
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String apiKey = exchange.getRequestHeaders().getFirst("api-key");
    if (auth != null) {
      authHeaders.add(auth);
    }
    if (apiKey != null) {
      apiKeyHeaders.add(apiKey);
    }
    if (throttled(exchange, "0", "{\"error\": {\"message\": \"slow down\"}}")) {
      return;
    }
    if (status != 200) {
      // echoes the caller's credentials, as a badly behaved proxy might
      send(exchange, status, "{\"error\": \"denied for " + auth + " " + apiKey + "\"}");
      return;
    }
    JsonNode messages = JSON.readTree(body).get("messages");
    String user = messages.get(messages.size() - 1).get("content").asText();
    String response = user.substring(user.indexOf("RESPONSE:\n") + "RESPONSE:\n".length());
    String content;
    if (response.contains("garbage")) {
      content = "I would rather not rate this one.";
    } else if (response.contains("Paris")) {
      content = "```json\n{\"groundedness\": 5, \"relevance\": 4, \"coherence\": 5}\n```";
    } else {
      content = "{\"groundedness\": 1, \"relevance\": 2, \"coherence\": 3}";
    }
    String answer =
        JSON.createObjectNode()
            .set(
                "choices",
                JSON.createArrayNode()
                    .add(
                        JSON.createObjectNode()
                            .set(
                                "message",
                                JSON.createObjectNode()
                                    .put("role", "assistant")
                                    .put("content", content))))
            .toString();
    send(exchange, 200, answer);
  }
}
