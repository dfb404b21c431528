package dev.assay.metrics.llm.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.metrics.llm.http.JsonPoster;
import dev.assay.spec.EmbeddingOptions;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.List;

/**
 * One embeddings request for a batch of texts: {@code {"model", "input": [...]}} (Azure OpenAI: the
 * deployment is in the URL, the body has {@code input} only), answer {@code {"data": [{"index",
 * "embedding"}]}}. Retries and the key's header are {@link JsonPoster}'s. Serializable: Spark tasks
 * carry it.
 */
final class EmbeddingsClient implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final String model;
  private final boolean azure;
  private final JsonPoster poster;

  EmbeddingsClient(EmbeddingOptions o, String key) {
    this.url = o.url();
    this.model = o.model();
    this.azure = o.api() == EmbeddingOptions.Api.AZURE;
    this.poster =
        new JsonPoster(
            o.keyHeader(),
            o.keyPrefix(),
            key,
            o.timeoutSeconds(),
            o.maxRetries(),
            "llm.embeddings.key_env");
  }

  /**
   * The embeddings of a batch, in input order, or the error.
   *
   * @param vectors one per text, or null with {@code error}
   * @param answered true when the server gave an HTTP answer (a malformed one included)
   */
  record Batch(List<double[]> vectors, String error, boolean answered, int attempts) {}

  Batch embed(List<String> texts) {
    ObjectNode body = JSON.createObjectNode();
    if (!azure) {
      body.put("model", model);
    }
    ArrayNode input = body.putArray("input");
    texts.forEach(input::add);
    JsonPoster.Reply reply = poster.post(url, body.toString());
    if (reply.body() == null) {
      return new Batch(null, reply.error(), reply.answered(), reply.attempts());
    }
    try {
      return new Batch(
          vectors(JSON.readTree(reply.body()), texts.size()), null, true, reply.attempts());
    } catch (IOException | IllegalArgumentException e) {
      return new Batch(
          null,
          "malformed answer from "
              + JsonPoster.where(url)
              + ": "
              + poster.redact(String.valueOf(e.getMessage())),
          true,
          reply.attempts());
    }
  }

  private static List<double[]> vectors(JsonNode answer, int n) {
    JsonNode data = answer.path("data");
    if (!data.isArray() || data.size() != n) {
      throw new IllegalArgumentException(
          "expected \"data\" with " + n + " embeddings, found " + data.getNodeType());
    }
    double[][] out = new double[n][];
    for (JsonNode item : data) {
      int index = item.path("index").asInt(-1);
      JsonNode embedding = item.path("embedding");
      if (index < 0 || index >= n || out[index] != null || !embedding.isArray()) {
        throw new IllegalArgumentException("an item without a valid index and embedding array");
      }
      double[] v = new double[embedding.size()];
      for (int i = 0; i < v.length; i++) {
        if (!embedding.get(i).isNumber()) {
          throw new IllegalArgumentException("a non-numeric embedding component");
        }
        v[i] = embedding.get(i).asDouble();
      }
      out[index] = v;
    }
    return List.of(out);
  }

  /** The URL without its query, for messages. */
  String where() {
    return JsonPoster.where(url);
  }
}
