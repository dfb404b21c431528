package dev.assay.metrics.llm.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.assay.core.SafetyCategory;
import dev.assay.metrics.llm.LoopbackJsonServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Azure AI Content Safety's three text operations (api-version 2024-09-01) on 127.0.0.1, with the
 * documented request and answer shapes, deciding by {@link Markers}. A text containing {@code
 * [malformed]} gets an answer without the expected fields; the first {@code throttle} requests get
 * HTTP 429 with {@code Retry-After: 0}; {@code status} other than 200 answers every request with it
 * (echoing the key, as a badly behaved proxy might).
 */
public final class FakeContentSafety extends LoopbackJsonServer {

  private static final Map<String, SafetyCategory> HARMS =
      Map.of(
          "Hate", SafetyCategory.HATE_UNFAIRNESS,
          "Sexual", SafetyCategory.SEXUAL,
          "Violence", SafetyCategory.VIOLENCE,
          "SelfHarm", SafetyCategory.SELF_HARM);

  final List<String> keys = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  volatile int status = 200;

  /** Starts the server on a free port of 127.0.0.1. */
  public FakeContentSafety() throws IOException {
    super("/contentsafety/", "");
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    String key = exchange.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key");
    keys.add(String.valueOf(key));
    String path = exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getQuery();
    paths.add(path);
    if (throttled(exchange, "0", "{\"error\": {\"code\": \"TooManyRequests\"}}")) {
      return;
    }
    if (status != 200) {
      send(exchange, status, "{\"error\": {\"message\": \"denied for key " + key + "\"}}");
      return;
    }
    if (!"api-version=2024-09-01".equals(exchange.getRequestURI().getQuery())) {
      send(exchange, 404, "{\"error\": {\"code\": \"UnsupportedApiVersion\"}}");
      return;
    }
    JsonNode request = JSON.readTree(body);
    String op = exchange.getRequestURI().getPath().substring("/contentsafety/".length());
    String text = request.path("text").asText(request.path("userPrompt").asText());
    if (text.contains("[malformed]")) {
      send(exchange, 200, "{\"categoriesAnalysis\": \"not a list\"}");
      return;
    }
    switch (op) {
      case "text:analyze" -> send(exchange, 200, analyze(request).toString());
      case "text:detectProtectedMaterial" -> {
        ObjectNode out = JSON.createObjectNode();
        out.putObject("protectedMaterialAnalysis")
            .put("detected", Markers.detected(text, SafetyCategory.PROTECTED_MATERIAL));
        send(exchange, 200, out.toString());
      }
      case "text:shieldPrompt" -> send(exchange, 200, shield(request).toString());
      default -> send(exchange, 404, "{}");
    }
  }

  private static ObjectNode analyze(JsonNode request) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("categoriesAnalysis");
    for (JsonNode name : request.path("categories")) {
      SafetyCategory c = HARMS.get(name.asText());
      list.addObject()
          .put("category", name.asText())
          .put("severity", Markers.severity(request.path("text").asText(), c));
    }
    out.putArray("blocklistsMatch");
    return out;
  }

  private static ObjectNode shield(JsonNode request) {
    ObjectNode out = JSON.createObjectNode();
    out.putObject("userPromptAnalysis")
        .put(
            "attackDetected",
            Markers.detected(request.path("userPrompt").asText(), SafetyCategory.JAILBREAK));
    ArrayNode docs = out.putArray("documentsAnalysis");
    for (JsonNode d : request.path("documents")) {
      docs.addObject()
          .put("attackDetected", Markers.detected(d.asText(), SafetyCategory.INDIRECT_ATTACK));
    }
    return out;
  }
}
