package dev.assay.metrics.llm.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What the judge model is asked and how its answer is read. One request per record rates three
 * criteria on a 1–5 scale, after the rubric style of Azure AI Evaluation's groundedness, relevance
 * and coherence evaluators and G-Eval (Liu et al. 2023, "G-Eval: NLG evaluation using GPT-4 with
 * better human alignment"): an integer per criterion, 5 best.
 *
 * <p>The answer must contain a JSON object with integer fields {@code groundedness}, {@code
 * relevance} and {@code coherence} in 1..5 (text around it, such as a Markdown code fence, is
 * ignored); anything else is a failed judgement, never a guessed score.
 */
public final class JudgeRubric {

  /** Part of the cache key: change it whenever the wording below changes. */
  public static final String VERSION = "assay-judge-rubric-1";

  /** Each text is cut to this many characters before it is sent (bounds the cost per record). */
  public static final int MAX_CHARS = 8_000;

  static final String SYSTEM =
      String.join(
          "\n",
          "You are an impartial evaluator of the answers of a retrieval-augmented assistant.",
          "Rate the RESPONSE on three criteria, each an integer from 1 (worst) to 5 (best):",
          "- groundedness: every claim in the RESPONSE is supported by the CONTEXTS"
              + " (5 = all supported, 3 = partly supported, 1 = unsupported or contradicted;"
              + " with no CONTEXTS, judge support by the QUESTION alone);",
          "- relevance: the RESPONSE answers the QUESTION (5 = fully and directly, 1 = not at all);",
          "- coherence: the RESPONSE is clear, well organised and consistent (5 = very, 1 = not).",
          "Reply with only a JSON object, for example",
          "{\"groundedness\": 4, \"relevance\": 5, \"coherence\": 5}");

  private static final ObjectMapper JSON = new ObjectMapper();

  private JudgeRubric() {}

  /** The chat messages for one record (role, content), system first. */
  public static List<ChatMessage> messages(String question, String contexts, String response) {
    String user =
        "QUESTION:\n"
            + cut(question)
            + "\n\nCONTEXTS:\n"
            + cut(contexts)
            + "\n\nRESPONSE:\n"
            + cut(response);
    return List.of(new ChatMessage("system", SYSTEM), new ChatMessage("user", user));
  }

  /**
   * The JSON object in a judge's answer (the text from its first "{" to its last "}", so a model
   * that wraps the object in prose or a code fence is still read).
   *
   * @throws IllegalArgumentException when there is no content, no object, or invalid JSON
   */
  public static JsonNode jsonObject(String answer) {
    if (answer == null) {
      throw new IllegalArgumentException("the judge returned no content");
    }
    int open = answer.indexOf('{');
    int close = answer.lastIndexOf('}');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException(
          "the judge's answer has no JSON object: " + preview(answer));
    }
    JsonNode node;
    try {
      node = JSON.readTree(answer.substring(open, close + 1));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "the judge's answer is not valid JSON: " + preview(answer));
    }
    return node;
  }

  /**
   * Reads the judge's answer.
   *
   * @throws IllegalArgumentException saying what is wrong with it (no JSON object, a missing or
   *     out-of-range criterion)
   */
  public static JudgeScores read(String answer) {
    JsonNode node = jsonObject(answer);
    return new JudgeScores(
        score(node, "groundedness", answer),
        score(node, "relevance", answer),
        score(node, "coherence", answer));
  }

  private static int score(JsonNode node, String field, String answer) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException(
          "the judge's answer has no numeric '" + field + "': " + preview(answer));
    }
    double d = value.asDouble();
    if (d != Math.rint(d) || d < 1 || d > 5) {
      throw new IllegalArgumentException(
          "the judge's '" + field + "' is " + value + ", not an integer from 1 to 5");
    }
    return (int) d;
  }

  /** The text as sent: at most {@link #MAX_CHARS} characters, "(none)" when empty. */
  public static String cut(String text) {
    if (text == null || text.isEmpty()) {
      return "(none)";
    }
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + " [...]";
  }

  /** The start of an answer on one line, quoted, for an error message. */
  public static String preview(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return "'" + (flat.length() <= 120 ? flat : flat.substring(0, 120) + "...") + "'";
  }
}
