package dev.assay.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's llm block: checked keys, defaults, and file:line errors. */
class LlmOptionsTest {

  @TempDir Path dir;

  ResolvedSpec load(String llmBlock) throws IOException {
    Files.writeString(dir.resolve("data.json"), "{\"response\": \"x\"}\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: llm-spec",
            "data: {current: {path: data.json}}",
            "columns: {response: response}",
            llmBlock,
            ""));
    return new SpecLoader(dir.resolve("rules")).load(spec);
  }

  @Test
  void defaultsWhenTheBlockIsAbsentOrEmpty() throws IOException {
    assertEquals(LlmOptions.DEFAULTS, load("").llm());
    assertEquals(LlmOptions.DEFAULTS, load("llm: {}").llm());
    assertFalse(LlmOptions.DEFAULTS.expectJson());
  }

  @Test
  void givenPhrasesAreLowerCasedAndStraightened() throws IOException {
    LlmOptions o =
        load(String.join(
                "\n",
                "llm:",
                "  refusal_phrases: [\"I Can\u2019t Help\"]",
                "  injection_markers: [Ignore Me]",
                "  expect_json: true"))
            .llm();
    assertEquals(List.of("i can't help"), o.refusalPhrases());
    assertEquals(List.of("ignore me"), o.injectionMarkers());
    assertTrue(o.expectJson());
  }

  @Test
  void unknownKeyIsNamedWithItsLine() {
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> load(String.join("\n", "llm:", "  expect_jsn: true")));
    assertTrue(e.getMessage().contains("audit.yaml:6"), e.getMessage());
    assertTrue(e.getMessage().contains("expect_jsn"), e.getMessage());
    assertTrue(e.getMessage().contains("expect_json"), e.getMessage());
  }

  @Test
  void emptyListOrBlankPhraseIsAnError() {
    BadInputException empty =
        assertThrows(BadInputException.class, () -> load("llm: {refusal_phrases: []}"));
    assertTrue(
        empty.getMessage().contains("audit.yaml:5")
            && empty.getMessage().contains("refusal_phrases"),
        empty.getMessage());
    BadInputException blank =
        assertThrows(
            BadInputException.class,
            () ->
                load(String.join("\n", "llm:", "  injection_markers:", "    - ok", "    - \" \"")));
    assertTrue(
        blank.getMessage().contains("audit.yaml:8")
            && blank.getMessage().contains("injection_markers[1]"),
        blank.getMessage());
  }

  @Test
  void retrievalCutOffAndSupportThreshold() throws IOException {
    assertEquals(5, LlmOptions.DEFAULTS.k());
    assertEquals(0.5, LlmOptions.DEFAULTS.supportThreshold(), 0.0);
    LlmOptions o = load("llm: {k: 3, support_threshold: 1}").llm();
    assertEquals(3, o.k());
    assertEquals(1.0, o.supportThreshold(), 0.0);
    BadInputException k =
        assertThrows(BadInputException.class, () -> load(String.join("\n", "llm:", "  k: 0")));
    assertTrue(
        k.getMessage().contains("audit.yaml:6") && k.getMessage().contains("llm.k"),
        k.getMessage());
    for (String bad : List.of("0", "-0.1", "1.5")) {
      BadInputException t =
          assertThrows(
              BadInputException.class,
              () -> load(String.join("\n", "llm:", "  support_threshold: " + bad)));
      assertTrue(
          t.getMessage().contains("audit.yaml:6") && t.getMessage().contains("support_threshold"),
          t.getMessage());
    }
  }
}
