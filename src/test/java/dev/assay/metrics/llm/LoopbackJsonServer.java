package dev.assay.metrics.llm;

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
 * The common part of the tests' fake llm services (embeddings, judge, content safety): a JSON HTTP
 * server on 127.0.0.1 at a free port that counts the requests, keeps their bodies, can throttle the
 * first {@link #throttle} requests with HTTP 429, and leaves the answer to {@link #handle}.
 */
public abstract class LoopbackJsonServer implements AutoCloseable {

  protected static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String endpointPath;

  /** The requests received, throttled ones included. */
  public final AtomicInteger requests = new AtomicInteger();

  /** How many of the next requests {@link #throttled} answers with HTTP 429. */
  public final AtomicInteger throttle = new AtomicInteger();

  /** The request bodies, in arrival order. */
  public final List<String> bodies = new CopyOnWriteArrayList<>();

  /**
   * Starts the server, answering the requests under {@code context}; {@link #endpoint} is the
   * server's address followed by {@code endpointPath}.
   */
  protected LoopbackJsonServer(String context, String endpointPath) throws IOException {
    this.endpointPath = endpointPath;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(context, this::serve);
    server.start();
  }

  /** The URI the client under test is given: {@code http://127.0.0.1:PORT} and the path. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + endpointPath);
  }

  private void serve(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    bodies.add(body);
    handle(exchange, body);
  }

  /** Answers one request, whose body is {@code body}, with {@link #send}. */
  protected abstract void handle(HttpExchange exchange, String body) throws IOException;

  /**
   * While {@link #throttle} is above 0: counts it down and answers HTTP 429 with {@code
   * Retry-After: retryAfter} and {@code error} as the body; true when it did.
   */
  protected boolean throttled(HttpExchange exchange, String retryAfter, String error)
      throws IOException {
    if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      return false;
    }
    exchange.getResponseHeaders().add("Retry-After", retryAfter);
    send(exchange, 429, error);
    return true;
  }

  /** Answers with {@code status} and the JSON text {@code body}, and closes the exchange. */
  protected static void send(HttpExchange exchange, int status, String body) throws IOException {
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
