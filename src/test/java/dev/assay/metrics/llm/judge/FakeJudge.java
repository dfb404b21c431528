package dev.assay.metrics.llm.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat-completions server on 127.0.0.1 that speaks the OpenAI protocol for the tests. Its ratings
 * follow the response text: one mentioning Paris gets 5/4/5, one containing "garbage" gets an
 * answer without JSON, any other 1/2/3. The first {@code throttle} requests get HTTP 429 with
 * {@code Retry-After: 0}.
 */
final class FakeJudge implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger throttle = new AtomicInteger();
  final List<String> authHeaders = new CopyOnWriteArrayList<>();
  final List<String> apiKeyHeaders = new CopyOnWriteArrayList<>();
  final List<String> bodies = new CopyOnWriteArrayList<>();
  volatile int status = 200;

  FakeJudge() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    bodies.add(body);
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String apiKey = exchange.getRequestHeaders().getFirst("api-key");
    if (auth != null) {
      authHeaders.add(auth);
    }
    if (apiKey != null) {
      apiKeyHeaders.add(apiKey);
    }
    if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      send(exchange, 429, "{\"error\": {\"message\": \"slow down\"}}");
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

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
