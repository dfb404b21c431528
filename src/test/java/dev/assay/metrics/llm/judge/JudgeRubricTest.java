package dev.assay.metrics.llm.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the judge's answer is read: a JSON object of three 1-5 integers, or a failed verdict. */
class JudgeRubricTest {

  @Test
  void readsAPlainOrFencedJsonObject() {
    assertEquals(
        new JudgeScores(4, 5, 3),
        JudgeRubric.read("{\"groundedness\": 4, \"relevance\": 5, \"coherence\": 3}"));
    assertEquals(
        new JudgeScores(1, 2, 5),
        JudgeRubric.read(
            "Here you go:\n```json\n{\"coherence\": 5, \"relevance\": 2.0, \"groundedness\": 1}\n```"));
  }

  @Test
  void rejectsAnythingThatIsNotThreeIntegersFromOneToFive() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> JudgeRubric.read("4 out of 5"))
            .getMessage()
            .contains("no JSON object"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> JudgeRubric.read("{\"groundedness\": 4, \"relevance\": 5}"))
            .getMessage()
            .contains("'coherence'"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> JudgeRubric.read("{\"groundedness\": 6, \"relevance\": 5, \"coherence\": 5}"))
            .getMessage()
            .contains("not an integer from 1 to 5"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    JudgeRubric.read("{\"groundedness\": 3.5, \"relevance\": 5, \"coherence\": 5}"))
            .getMessage()
            .contains("not an integer from 1 to 5"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    JudgeRubric.read(
                        "{\"groundedness\": \"4\", \"relevance\": 5, \"coherence\": 5}"))
            .getMessage()
            .contains("no numeric 'groundedness'"));
    assertThrows(IllegalArgumentException.class, () -> JudgeRubric.read("{not json}"));
    assertThrows(IllegalArgumentException.class, () -> JudgeRubric.read(null));
  }

  @Test
  void messagesCarryTheThreeTextsCutToTheirLimit() {
    String longText = "x".repeat(JudgeRubric.MAX_CHARS + 10);
    List<ChatMessage> m = JudgeRubric.messages("What is the capital?", null, longText);
    assertEquals("system", m.get(0).role());
    assertEquals("user", m.get(1).role());
    String user = m.get(1).content();
    assertTrue(
        user.startsWith("QUESTION:\nWhat is the capital?\n\nCONTEXTS:\n(none)\n\nRESPONSE:\n"));
    assertTrue(user.endsWith("x".repeat(JudgeRubric.MAX_CHARS) + " [...]"));
  }
}
