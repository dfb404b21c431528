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

/**
 * The fairness spec keys: confidence, exclude_below_share and reference_group, with file:line
 * errors.
 */
class FairnessSpecTest {

  @TempDir Path dir;

  ResolvedSpec load(String fairness) throws IOException {
    Files.writeString(dir.resolve("data.csv"), "race,sex,y,p\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
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
    FairnessOptions o =
        load("fairness: {confidence: 0.9, exclude_below_share: 0.02,"
                + " reference_group: {race: Caucasian, \"race & sex\": \"Caucasian & Male\"}}")
            .fairness();
    assertEquals(0.9, o.confidence());
    assertEquals(0.02, o.excludeBelowShare());
    assertEquals(Map.of("race", "Caucasian", "race & sex", "Caucasian & Male"), o.referenceGroup());
  }

  @Test
  void badValuesNameTheKeyAndLine() {
    BadInputException share =
        assertThrows(BadInputException.class, () -> load("fairness:\n  exclude_below_share: 2"));
    assertTrue(
        share.getMessage().contains("audit.yaml:10") && share.getMessage().contains("[0, 1)"),
        share.getMessage());
    BadInputException ref =
        assertThrows(
            BadInputException.class, () -> load("fairness:\n  reference_group:\n    gender: F"));
    assertTrue(
        ref.getMessage().contains("audit.yaml:11")
            && ref.getMessage().contains("'gender'")
            && ref.getMessage().contains("[race, sex, race & sex]"),
        ref.getMessage());
  }

  @Test
  void bootstrapPAdjustAndTopK() throws IOException {
    FairnessOptions d = load("").fairness();
    assertEquals("holm", d.pAdjust());
    assertEquals(0, d.topK());
    FairnessOptions o =
        load("fairness: {bootstrap: 500, bootstrap_seed: 7, p_adjust: bh, top_k: 5,"
                + " rank_by: false_positive_rate}")
            .fairness();
    assertEquals(500, o.bootstrap());
    assertEquals(7L, o.bootstrapSeed());
    assertEquals("bh", o.pAdjust());
    assertEquals(5, o.topK());
    assertEquals("false_positive_rate", o.topKBy());
    BadInputException p =
        assertThrows(BadInputException.class, () -> load("fairness:\n  p_adjust: bonferroni"));
    assertTrue(
        p.getMessage().contains("audit.yaml:10") && p.getMessage().contains("holm, bh, none"),
        p.getMessage());
    assertEquals("attribute", d.pAdjustScope());
    assertEquals(
        "audit", load("fairness: {p_adjust: bh, p_adjust_scope: audit}").fairness().pAdjustScope());
    BadInputException scope =
        assertThrows(
            BadInputException.class,
            () -> load("fairness:\n  p_adjust: holm\n  p_adjust_scope: everything"));
    assertTrue(
        scope.getMessage().contains("audit.yaml:11")
            && scope.getMessage().contains("attribute, audit"),
        scope.getMessage());
    assertEquals("race", load("fairness: {strata: race}").fairness().strata());
    assertNull(load("").fairness().strata());
    BadInputException strata =
        assertThrows(
            BadInputException.class, () -> load("fairness:\n  task: regression\n  strata: race"));
    assertTrue(
        strata.getMessage().contains("audit.yaml:11")
            && strata.getMessage().contains("fairness.strata"),
        strata.getMessage());
    BadInputException blank =
        assertThrows(BadInputException.class, () -> load("fairness:\n  strata: \"\""));
    assertTrue(
        blank.getMessage().contains("audit.yaml:10")
            && blank.getMessage().contains("needs a column"),
        blank.getMessage());
    BadInputException regression =
        assertThrows(
            BadInputException.class,
            () -> load("fairness:\n  task: regression\n  p_adjust_scope: audit"));
    assertTrue(
        regression.getMessage().contains("audit.yaml:11")
            && regression.getMessage().contains("fairness.p_adjust_scope"),
        regression.getMessage());
    BadInputException b =
        assertThrows(BadInputException.class, () -> load("fairness:\n  bootstrap: 100000"));
    assertTrue(
        b.getMessage().contains("audit.yaml:10") && b.getMessage().contains("at most 2000"),
        b.getMessage());
  }

  @Test
  void regressionTaskIsCheckedWithItsLine() throws IOException {
    assertEquals("classification", load("").fairness().task());
    assertTrue(load("fairness: {task: regression, min_group_size: 5}").fairness().regression());
    assertEquals(
        Map.of("race", "Caucasian"),
        load("fairness: {task: regression, reference_group: {race: Caucasian}}")
            .fairness()
            .referenceGroup());
    BadInputException t =
        assertThrows(BadInputException.class, () -> load("fairness:\n  task: ranking"));
    assertTrue(
        t.getMessage().contains("audit.yaml:10")
            && t.getMessage().contains("classification, regression"),
        t.getMessage());
    BadInputException b =
        assertThrows(
            BadInputException.class, () -> load("fairness:\n  task: regression\n  top_k: 3"));
    assertTrue(
        b.getMessage().contains("audit.yaml:11")
            && b.getMessage().contains("not used with task: regression"),
        b.getMessage());
  }

  @Test
  void scoreMetricsIsOnByDefaultAndOnlyForClassification() throws IOException {
    assertTrue(load("").fairness().scoreMetrics());
    assertEquals(false, load("fairness: {score_metrics: false}").fairness().scoreMetrics());
    BadInputException regression =
        assertThrows(
            BadInputException.class,
            () -> load("fairness:\n  task: regression\n  score_metrics: false"));
    assertTrue(
        regression.getMessage().contains("audit.yaml:11")
            && regression.getMessage().contains("score_metrics"),
        regression.getMessage());
    BadInputException notABoolean =
        assertThrows(BadInputException.class, () -> load("fairness:\n  score_metrics: sometimes"));
    assertTrue(notABoolean.getMessage().contains("audit.yaml:10"), notABoolean.getMessage());
  }
}
