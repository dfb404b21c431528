package dev.assay.metrics.llm.safety;

import dev.assay.core.SafetyCategory;
import dev.assay.metrics.llm.judge.ChatCompletionsClient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The judge backend: an OpenAI-compatible chat-completions model asked once per category with that
 * category's published {@link SafetyRubric} (harm categories on the same 0–7 scale as Azure AI
 * Content Safety, detections as true/false). The jailbreak rubric sees the prompt, the indirect
 * attack rubric the retrieved documents (numbered), the others the response.
 */
final class JudgeSafetyBackend implements SafetyBackend {

  private static final long serialVersionUID = 1L;

  private final ChatCompletionsClient client;
  private final String model;
  private final Map<SafetyCategory, String> rubrics;

  JudgeSafetyBackend(ChatCompletionsClient client, String model, Set<SafetyCategory> categories) {
    this.client = client;
    this.model = model;
    this.rubrics = new EnumMap<>(SafetyCategory.class);
    categories.forEach(c -> rubrics.put(c, SafetyRubric.text(c)));
  }

  @Override
  public String identity() {
    return "judge/" + model + "/" + SafetyRubric.VERSION;
  }

  @Override
  public int requestsPerResponse() {
    return count(SafetyCategory.Unit.RESPONSE);
  }

  @Override
  public int requestsPerShield() {
    return count(SafetyCategory.Unit.SHIELD);
  }

  @Override
  public SafetyVerdict response(String text) {
    SafetyVerdict verdict = SafetyVerdict.empty();
    for (SafetyCategory c : rubrics.keySet()) {
      if (c.unit() == SafetyCategory.Unit.RESPONSE && verdict.error() == null) {
        verdict = verdict.and(ask(c, text));
      }
    }
    return verdict;
  }

  @Override
  public SafetyVerdict shield(String prompt, List<String> documents) {
    SafetyVerdict verdict = SafetyVerdict.empty();
    if (rubrics.containsKey(SafetyCategory.JAILBREAK)) {
      verdict = verdict.and(ask(SafetyCategory.JAILBREAK, prompt));
    }
    if (verdict.error() == null && rubrics.containsKey(SafetyCategory.INDIRECT_ATTACK)) {
      String numbered =
          documents.isEmpty()
              ? ""
              : java.util.stream.IntStream.range(0, documents.size())
                  .mapToObj(i -> "[document " + (i + 1) + "]\n" + documents.get(i))
                  .collect(Collectors.joining("\n\n"));
      verdict = verdict.and(ask(SafetyCategory.INDIRECT_ATTACK, numbered));
    }
    return verdict;
  }

  private SafetyVerdict ask(SafetyCategory category, String text) {
    ChatCompletionsClient.Reply reply =
        client.complete(SafetyRubric.messages(rubrics.get(category), text));
    if (reply.error() != null) {
      boolean answered = reply.error().startsWith("the answer from");
      return SafetyVerdict.failed(
          reply.error(), answered || isHttp4xx(reply.error()), reply.attempts());
    }
    try {
      return new SafetyVerdict(
          Map.of(category, SafetyRubric.read(category, reply.content())),
          null,
          true,
          reply.attempts());
    } catch (IllegalArgumentException e) {
      return SafetyVerdict.failed(e.getMessage(), true, reply.attempts());
    }
  }

  /** A 4xx other than 429 is an answer (the service refused the request), not silence. */
  private static boolean isHttp4xx(String error) {
    return error.startsWith("HTTP 4") && !error.startsWith("HTTP 429");
  }

  private int count(SafetyCategory.Unit unit) {
    return (int) rubrics.keySet().stream().filter(c -> c.unit() == unit).count();
  }
}
