package dev.assay.metrics.llm.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.core.SafetyCategory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Azure AI Content Safety's three text operations (api-version 2024-09-01) on 127.0.0.1, with the
 * documented request and answer shapes, deciding by {@link Markers}. A text containing {@code
 * [malformed]} gets an answer without the expected fields; the first {@code throttle} requests get
 * HTTP 429 with {@code Retry-After: 0}; {@code status} other than 200 answers every request with it
 * (echoing the key, as a badly behaved proxy might).
 */
public final class FakeContentSafety implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, SafetyCategory> HARMS =
      Map.of(
          "Hate", SafetyCategory.HATE_UNFAIRNESS,
          "Sexual", SafetyCategory.SEXUAL,
          "Violence", SafetyCategory.VIOLENCE,
          "SelfHarm", SafetyCategory.SELF_HARM);

  private final HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger throttle = new AtomicInteger();
  final List<String> keys = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  final List<String> bodies = new CopyOnWriteArrayList<>();
  volatile int status = 200;

  /** Starts the server on a free port of 127.0.0.1. */
  public FakeContentSafety() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/contentsafety/", this::handle);
    server.start();
  }

  /** The base address, {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String key = exchange.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key");
    keys.add(String.valueOf(key));
    String path = exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getQuery();
    paths.add(path);
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    bodies.add(body);
    if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      send(exchange, 429, "{\"error\": {\"code\": \"TooManyRequests\"}}");
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

  private static void send(HttpExchange exchange, int code, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
