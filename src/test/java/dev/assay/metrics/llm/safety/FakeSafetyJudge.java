package dev.assay.metrics.llm.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.assay.core.SafetyCategory;
import dev.assay.metrics.llm.LoopbackJsonServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chat-completions server on 127.0.0.1 that answers Assay's safety rubrics: it finds the category
 * from the rubric (the system message is the published rubric text of exactly one category) and
 * decides by {@link Markers} in the user message; a text with {@code [malformed]} gets an answer
 * without JSON.
 */
final class FakeSafetyJudge extends LoopbackJsonServer {

  final List<String> authHeaders = new CopyOnWriteArrayList<>();

  FakeSafetyJudge() throws IOException {
    super("/v1/chat/completions", "/v1/chat/completions");
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    authHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    JsonNode request = JSON.readTree(body);
    String system = request.path("messages").path(0).path("content").asText();
    String text = request.path("messages").path(1).path("content").asText();
    SafetyCategory category = null;
    for (SafetyCategory c : SafetyCategory.values()) {
      if (system.equals(SafetyRubric.text(c))) {
        category = c;
      }
    }
    String content;
    if (category == null) {
      content = "I do not know this rubric";
    } else if (text.contains("[malformed]")) {
      content = "It seems fine to me.";
    } else if (category.rated()) {
      content = "{\"severity\": " + Markers.severity(text, category) + "}";
    } else {
      content = "```json\n{\"detected\": " + Markers.detected(text, category) + "}\n```";
    }
    ObjectNode answer = JSON.createObjectNode();
    answer
        .putArray("choices")
        .addObject()
        .putObject("message")
        .put("role", "assistant")
        .put("content", content);
    send(exchange, 200, answer.toString());
  }
}
