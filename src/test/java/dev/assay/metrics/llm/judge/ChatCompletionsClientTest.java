package dev.assay.metrics.llm.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.spec.JudgeOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chat-completions exchange against a real HTTP server on 127.0.0.1. */
class ChatCompletionsClientTest {

  static final List<ChatMessage> ASK = JudgeRubric.messages("q", "c", "Paris is the capital.");

  @Test
  void sendsTheModelAndMessagesWithABearerKeyAndReadsTheContent() throws IOException {
    try (FakeJudge judge = new FakeJudge()) {
      ChatCompletionsClient.Reply reply =
          new ChatCompletionsClient(
                  judge.endpoint(), "judge-1", JudgeOptions.Auth.BEARER, "sk-test-123", 10, 2)
              .complete(ASK);
      assertNull(reply.error());
      assertEquals(1, reply.attempts());
      assertEquals(new JudgeScores(5, 4, 5), JudgeRubric.read(reply.content()));
      assertEquals(List.of("Bearer sk-test-123"), judge.authHeaders);
      assertTrue(judge.apiKeyHeaders.isEmpty());
      String body = judge.bodies.get(0);
      assertTrue(body.contains("\"model\":\"judge-1\""), body);
      assertTrue(body.contains("\"temperature\":0"), body);
      assertTrue(body.contains("Paris is the capital."), body);
    }
  }

  @Test
  void azureStyleSendsTheKeyInTheApiKeyHeaderAndOmitsAnEmptyModel() throws IOException {
    try (FakeJudge judge = new FakeJudge()) {
      new ChatCompletionsClient(judge.endpoint(), "", JudgeOptions.Auth.API_KEY, "azure-key", 10, 0)
          .complete(ASK);
      assertEquals(List.of("azure-key"), judge.apiKeyHeaders);
      assertTrue(judge.authHeaders.isEmpty());
      assertFalse(judge.bodies.get(0).contains("\"model\""));
    }
  }

  @Test
  void retriesAfterThrottlingAndGivesUpAfterTheLastRetry() throws IOException {
    try (FakeJudge judge = new FakeJudge()) {
      judge.throttle.set(2);
      ChatCompletionsClient.Reply ok =
          new ChatCompletionsClient(judge.endpoint(), "m", JudgeOptions.Auth.BEARER, "k", 10, 2)
              .complete(ASK);
      assertNull(ok.error());
      assertEquals(3, ok.attempts());
      judge.throttle.set(5);
      ChatCompletionsClient.Reply failed =
          new ChatCompletionsClient(judge.endpoint(), "m", JudgeOptions.Auth.BEARER, "k", 10, 1)
              .complete(ASK);
      assertEquals(2, failed.attempts());
      assertTrue(failed.error().startsWith("HTTP 429"), failed.error());
      assertTrue(failed.error().endsWith("(after 2 attempts)"), failed.error());
    }
  }

  @Test
  void anAuthErrorFailsAtOnceWithAHintAndWithoutTheKey() throws IOException {
    try (FakeJudge judge = new FakeJudge()) {
      judge.status = 401;
      ChatCompletionsClient.Reply reply =
          new ChatCompletionsClient(
                  judge.endpoint(), "m", JudgeOptions.Auth.BEARER, "sk-secret-777", 10, 3)
              .complete(ASK);
      assertEquals(1, reply.attempts());
      assertTrue(reply.error().contains("HTTP 401"), reply.error());
      assertTrue(reply.error().contains("llm.judge.api_key_env"), reply.error());
      assertFalse(reply.error().contains("sk-secret-777"), reply.error());
      assertTrue(reply.error().contains("***"), reply.error());
    }
  }

  @Test
  void anUnreachableEndpointIsAFailedReplyNotAnException() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ChatCompletionsClient.Reply reply =
        new ChatCompletionsClient(
                URI.create("http://127.0.0.1:" + port + "/v1/chat/completions?sig=query-secret"),
                "m",
                JudgeOptions.Auth.BEARER,
                "k",
                2,
                0)
            .complete(ASK);
    assertNull(reply.content());
    assertTrue(
        reply.error().contains("http://127.0.0.1:" + port + "/v1/chat/completions"), reply.error());
    assertFalse(reply.error().contains("query-secret"), reply.error());
  }

  @Test
  void backOffDoublesFromHalfASecondAndHonoursRetryAfter() {
    assertEquals(
        Duration.ofMillis(500), dev.assay.metrics.llm.http.JsonPoster.wait(0, Optional.empty()));
    assertEquals(
        Duration.ofMillis(2000), dev.assay.metrics.llm.http.JsonPoster.wait(2, Optional.empty()));
    assertEquals(
        Duration.ofMillis(16000), dev.assay.metrics.llm.http.JsonPoster.wait(9, Optional.empty()));
    assertEquals(
        Duration.ofSeconds(7), dev.assay.metrics.llm.http.JsonPoster.wait(0, Optional.of("7")));
    assertEquals(
        Duration.ofSeconds(60), dev.assay.metrics.llm.http.JsonPoster.wait(0, Optional.of("3600")));
    assertEquals(
        Duration.ofMillis(1000),
        dev.assay.metrics.llm.http.JsonPoster.wait(
            1, Optional.of("Wed, 21 Oct 2026 07:28:00 GMT")));
  }
}
