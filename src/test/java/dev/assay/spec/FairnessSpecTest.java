package dev.assay.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fairness spec keys: confidence, exclude_below_share and reference_group, with file:line errors. */
class FairnessSpecTest {

  @TempDir
  Path dir;

  ResolvedSpec load(String fairness) throws IOException {
    Files.writeString(dir.resolve("data.csv"), "race,sex,y,p\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(spec, String.join("\n",
        "version: 1",
        "name: fairness-spec",
        "data: {current: {path: data.csv}}",
        "columns:",
        "  label: y",
        "  prediction: p",
        "  sensitive: [race, sex]",
        "  intersections: [[race, sex]]",
        fairness,
        ""));
    return new SpecLoader(Path.of("rules").toAbsolutePath()).load(spec);
  }

  @Test
  void defaultsAndExplicitValues() throws IOException {
    FairnessOptions d = load("").fairness();
    assertEquals(0.95, d.confidence());
    assertNull(d.excludeBelowShare());
    assertEquals(Map.of(), d.referenceGroup());
    FairnessOptions o = load("fairness: {confidence: 0.9, exclude_below_share: 0.02,"
        + " reference_group: {race: Caucasian, \"race & sex\": \"Caucasian & Male\"}}").fairness();
    assertEquals(0.9, o.confidence());
    assertEquals(0.02, o.excludeBelowShare());
    assertEquals(Map.of("race", "Caucasian", "race & sex", "Caucasian & Male"), o.referenceGroup());
  }

  @Test
  void badValuesNameTheKeyAndLine() {
    BadInputException share = assertThrows(BadInputException.class,
        () -> load("fairness:\n  exclude_below_share: 2"));
    assertTrue(share.getMessage().contains("audit.yaml:10") && share.getMessage().contains("[0, 1)"),
        share.getMessage());
    BadInputException ref = assertThrows(BadInputException.class,
        () -> load("fairness:\n  reference_group:\n    gender: F"));
    assertTrue(ref.getMessage().contains("audit.yaml:11") && ref.getMessage().contains("'gender'")
        && ref.getMessage().contains("[race, sex, race & sex]"), ref.getMessage());
  }
}
