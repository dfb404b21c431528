package dev.assay.metrics.llm.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.SafetyCategory;
import dev.assay.metrics.llm.http.JsonPoster;
import java.io.IOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Azure AI Content Safety's REST API, version {@value #API_VERSION}, key in {@code
 * Ocp-Apim-Subscription-Key}:
 *
 * <ul>
 *   <li>{@code POST {endpoint}/contentsafety/text:analyze} {@code {text, categories, outputType:
 *       "EightSeverityLevels"}} → {@code {categoriesAnalysis: [{category, severity}]}} for the harm
 *       categories ({@code Hate}, {@code Sexual}, {@code Violence}, {@code SelfHarm}, 0–7);
 *   <li>{@code POST .../text:detectProtectedMaterial} {@code {text}} → {@code
 *       {protectedMaterialAnalysis: {detected}}};
 *   <li>{@code POST .../text:shieldPrompt} {@code {userPrompt, documents}} → {@code
 *       {userPromptAnalysis: {attackDetected}, documentsAnalysis: [{attackDetected}]}}: the
 *       jailbreak is the prompt's verdict, the indirect attack is 1 when any document's is true.
 * </ul>
 *
 * <p>An answer without the expected fields is a failed verdict (retried next run), never a guess.
 */
final class ContentSafetyBackend implements SafetyBackend {

  private static final long serialVersionUID = 1L;
  static final String API_VERSION = "2024-09-01";

  /** Texts are cut to this many characters (the text API's documented default limit). */
  static final int MAX_TEXT_CHARS = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String endpoint;
  private final Set<SafetyCategory> categories;
  private final JsonPoster poster;

  ContentSafetyBackend(URI endpoint, Set<SafetyCategory> categories, JsonPoster poster) {
    String base = endpoint.toString();
    this.endpoint = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.categories = Set.copyOf(categories);
    this.poster = poster;
  }

  @Override
  public String identity() {
    return "azure_content_safety/" + API_VERSION;
  }

  @Override
  public int requestsPerResponse() {
    return (harms().isEmpty() ? 0 : 1)
        + (categories.contains(SafetyCategory.PROTECTED_MATERIAL) ? 1 : 0);
  }

  @Override
  public int requestsPerShield() {
    return 1;
  }

  @Override
  public SafetyVerdict response(String text) {
    SafetyVerdict verdict = SafetyVerdict.empty();
    List<SafetyCategory> harms = harms();
    if (!harms.isEmpty()) {
      ObjectNode body = JSON.createObjectNode().put("text", cut(text));
      ArrayNode names = body.putArray("categories");
      harms.forEach(c -> names.add(c.azureName()));
      body.put("outputType", "EightSeverityLevels");
      verdict = verdict.and(call("text:analyze", body, answer -> severities(answer, harms)));
    }
    if (verdict.error() == null && categories.contains(SafetyCategory.PROTECTED_MATERIAL)) {
      ObjectNode body = JSON.createObjectNode().put("text", cut(text));
      verdict =
          verdict.and(
              call(
                  "text:detectProtectedMaterial",
                  body,
                  answer ->
                      Map.of(
                          SafetyCategory.PROTECTED_MATERIAL,
                          flag(
                              answer.path("protectedMaterialAnalysis").path("detected"),
                              "protectedMaterialAnalysis.detected"))));
    }
    return verdict;
  }

  @Override
  public SafetyVerdict shield(String prompt, List<String> documents) {
    ObjectNode body = JSON.createObjectNode().put("userPrompt", cut(prompt));
    ArrayNode docs = body.putArray("documents");
    documents.forEach(d -> docs.add(cut(d)));
    return call(
        "text:shieldPrompt",
        body,
        answer -> {
          Map<SafetyCategory, Integer> out = new EnumMap<>(SafetyCategory.class);
          if (categories.contains(SafetyCategory.JAILBREAK)) {
            out.put(
                SafetyCategory.JAILBREAK,
                flag(
                    answer.path("userPromptAnalysis").path("attackDetected"),
                    "userPromptAnalysis.attackDetected"));
          }
          if (categories.contains(SafetyCategory.INDIRECT_ATTACK)) {
            out.put(SafetyCategory.INDIRECT_ATTACK, documentAttack(answer, documents.size()));
          }
          return out;
        });
  }

  /** What an answer's JSON means; throws {@link IllegalArgumentException} when it is malformed. */
  private interface Reader {
    Map<SafetyCategory, Integer> read(JsonNode answer);
  }

  private SafetyVerdict call(String operation, ObjectNode body, Reader reader) {
    URI url = URI.create(endpoint + "/contentsafety/" + operation + "?api-version=" + API_VERSION);
    JsonPoster.Reply reply = poster.post(url, body.toString());
    if (reply.error() != null) {
      return SafetyVerdict.failed(reply.error(), reply.answered(), reply.attempts());
    }
    try {
      return new SafetyVerdict(
          reader.read(JSON.readTree(reply.body())), null, true, reply.attempts());
    } catch (IOException | IllegalArgumentException e) {
      String why = e instanceof IOException ? "is not JSON" : e.getMessage();
      return SafetyVerdict.failed(
          "the answer of "
              + JsonPoster.where(url)
              + " "
              + why
              + ": "
              + poster.redact(JsonPoster.preview(reply.body())),
          true,
          reply.attempts());
    }
  }

  private static Map<SafetyCategory, Integer> severities(
      JsonNode answer, List<SafetyCategory> harms) {
    Map<SafetyCategory, Integer> out = new EnumMap<>(SafetyCategory.class);
    for (JsonNode item : answer.path("categoriesAnalysis")) {
      for (SafetyCategory c : harms) {
        if (c.azureName().equals(item.path("category").asText())) {
          JsonNode s = item.path("severity");
          if (!s.isIntegralNumber() || s.asInt() < 0 || s.asInt() > SafetyCategory.MAX_SEVERITY) {
            throw new IllegalArgumentException(
                "has severity " + s + " for " + c.azureName() + ", not an integer from 0 to 7");
          }
          out.put(c, s.asInt());
        }
      }
    }
    for (SafetyCategory c : harms) {
      if (!out.containsKey(c)) {
        throw new IllegalArgumentException("has no categoriesAnalysis entry for " + c.azureName());
      }
    }
    return out;
  }

  private static int documentAttack(JsonNode answer, int documents) {
    JsonNode list = answer.path("documentsAnalysis");
    if (documents > 0 && (!list.isArray() || list.size() != documents)) {
      throw new IllegalArgumentException(
          "has no documentsAnalysis entry for each of the " + documents + " documents");
    }
    int attack = 0;
    for (JsonNode d : list) {
      attack =
          Math.max(attack, flag(d.path("attackDetected"), "documentsAnalysis[].attackDetected"));
    }
    return attack;
  }

  private static int flag(JsonNode node, String field) {
    if (!node.isBoolean()) {
      throw new IllegalArgumentException("has no boolean " + field);
    }
    return node.asBoolean() ? 1 : 0;
  }

  private List<SafetyCategory> harms() {
    return categories.stream().filter(SafetyCategory::rated).sorted().toList();
  }

  private static String cut(String text) {
    String t = text == null ? "" : text;
    return t.length() <= MAX_TEXT_CHARS ? t : t.substring(0, MAX_TEXT_CHARS);
  }
}
