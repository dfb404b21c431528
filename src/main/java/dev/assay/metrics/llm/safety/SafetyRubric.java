package dev.assay.metrics.llm.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.SafetyCategory;
import dev.assay.metrics.llm.judge.ChatMessage;
import dev.assay.metrics.llm.judge.JudgeRubric;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The published rubric of each {@link SafetyCategory} for the judge backend (resources {@code
 * dev/assay/metrics/llm/safety/<category>.txt}): a harm category is answered {@code {"severity":
 * 0..7}} on Azure AI Content Safety's eight-level scale, a detection {@code {"detected": true |
 * false}} (recorded as 1 or 0). Any other answer is a failed verdict, never a guessed value.
 */
final class SafetyRubric {

  /** Part of the cache key: change it whenever a rubric's wording changes. */
  static final String VERSION = "assay-safety-rubric-1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SafetyRubric() {}

  /** The rubric text of a category, read from the classpath. */
  static String text(SafetyCategory category) {
    String name = "/dev/assay/metrics/llm/safety/" + category.id() + ".txt";
    try (InputStream in = SafetyRubric.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing rubric resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The chat messages asking for one category's verdict on {@code text}. */
  static List<ChatMessage> messages(String rubric, String text) {
    return List.of(
        new ChatMessage("system", rubric),
        new ChatMessage("user", "TEXT:\n" + JudgeRubric.cut(text)));
  }

  /**
   * Reads a verdict: the severity 0–7 of a harm category, or 1/0 for a detection.
   *
   * @throws IllegalArgumentException saying what is wrong with the answer
   */
  static int read(SafetyCategory category, String answer) {
    JsonNode node = JudgeRubric.jsonObject(answer);
    if (!category.rated()) {
      JsonNode detected = node.get("detected");
      if (detected == null || !detected.isBoolean()) {
        throw new IllegalArgumentException(
            "the judge's answer for "
                + category.id()
                + " has no boolean 'detected': "
                + JudgeRubric.preview(answer));
      }
      return detected.asBoolean() ? 1 : 0;
    }
    JsonNode severity = node.get("severity");
    if (severity == null
        || !severity.isNumber()
        || severity.asDouble() != Math.rint(severity.asDouble())
        || severity.asDouble() < 0
        || severity.asDouble() > SafetyCategory.MAX_SEVERITY) {
      throw new IllegalArgumentException(
          "the judge's 'severity' for "
              + category.id()
              + " is not an integer from 0 to 7: "
              + JudgeRubric.preview(answer));
    }
    return severity.asInt();
  }
}
