package dev.assay.metrics.llm.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.assay.metrics.llm.LoopbackJsonServer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An embeddings server on 127.0.0.1 with the documented shapes: OpenAI's {@code POST
 * /v1/embeddings} ({@code {"model", "input"}}, key in {@code Authorization: Bearer}) and Azure
 * OpenAI's {@code POST /openai/deployments/{d}/embeddings?api-version=...} (key in {@code
 * api-key}); answer {@code {"data": [{"index", "embedding"}]}}, items in reverse order (clients
 * must use {@code index}). Vectors come from {@link #VECTORS} ([1, 1] for any other text). A batch
 * with a text containing {@code BROKEN} gets a malformed answer; the first {@code throttle}
 * requests get HTTP 429 with {@code Retry-After: 1}.
 */
final class FakeEmbeddings extends LoopbackJsonServer {

  static final Map<String, double[]> VECTORS =
      Map.of(
          "paris", new double[] {1, 0},
          "rome", new double[] {1, 0},
          "london", new double[] {0, 1},
          "capital of france?", new double[] {3, 4});

  final List<String> keys = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  final List<Long> times = new CopyOnWriteArrayList<>();

  FakeEmbeddings() throws IOException {
    super("/", "");
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    times.add(System.nanoTime());
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    keys.add(
        auth != null ? auth : String.valueOf(exchange.getRequestHeaders().getFirst("api-key")));
    URI uri = exchange.getRequestURI();
    paths.add(uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery()));
    if (throttled(exchange, "1", "{\"error\": {\"code\": \"429\"}}")) {
      return;
    }
    boolean openai = uri.getPath().equals("/v1/embeddings");
    boolean azure =
        uri.getPath().matches("/openai/deployments/[^/]+/embeddings")
            && String.valueOf(uri.getQuery()).startsWith("api-version=");
    JsonNode request = JSON.readTree(body);
    if (!openai && !azure || openai && !request.path("model").isTextual()) {
      send(exchange, 404, "{\"error\": {\"message\": \"no such route\"}}");
      return;
    }
    JsonNode input = request.path("input");
    ArrayNode data = JSON.createArrayNode();
    for (int i = input.size() - 1; i >= 0; i--) {
      String text = input.get(i).asText();
      if (text.contains("BROKEN")) {
        send(exchange, 200, "{\"data\": \"not a list\"}");
        return;
      }
      ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
      ArrayNode v = item.putArray("embedding");
      for (double d : VECTORS.getOrDefault(text, new double[] {1, 1})) {
        v.add(d);
      }
    }
    ObjectNode answer = JSON.createObjectNode().put("object", "list");
    answer.set("data", data);
    send(exchange, 200, answer.toString());
  }
}
