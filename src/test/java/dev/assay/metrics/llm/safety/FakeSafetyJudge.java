package dev.assay.metrics.llm.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.core.SafetyCategory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat-completions server on 127.0.0.1 that answers Assay's safety rubrics: it finds the category
 * from the rubric (the system message is the published rubric text of exactly one category) and
 * decides by {@link Markers} in the user message; a text with {@code [malformed]} gets an answer
 * without JSON.
 */
final class FakeSafetyJudge implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  final List<String> authHeaders = new CopyOnWriteArrayList<>();

  FakeSafetyJudge() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    authHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    String system = body.path("messages").path(0).path("content").asText();
    String text = body.path("messages").path(1).path("content").asText();
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
    byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
