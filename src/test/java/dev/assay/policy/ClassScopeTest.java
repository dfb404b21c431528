package dev.assay.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.Family;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional {@code class} scope key (multi-class fairness) in scopes, rule filters, waivers and
 * baselines.
 */
class ClassScopeTest {

  @TempDir Path dir;

  private static final Scope HIGH = Scope.group("race", "A").withClass("High");

  @Test
  void aScopeListsItsClassAfterTheGroupAndNamesIt() {
    assertEquals(List.of("attribute", "group", "class"), List.copyOf(HIGH.keys().keySet()));
    assertEquals("race = A, class High", HIGH.label());
    assertEquals("race, class High", Scope.attribute("race").withClass("High").label());
    assertEquals("group A of race, class High", Policy.describe(HIGH));
    assertEquals(Scope.group("race", "A"), new Scope("race", "A", null));
    assertTrue(Scope.group("race", "A").compareTo(HIGH) < 0, "the class-less row first");
  }

  @Test
  void aRuleFilterMatchesTheClassByGlobAndIgnoresItWhenAbsent() {
    assertTrue(new Where(new Glob("race"), null, null).matches(HIGH));
    assertTrue(new Where(null, null, null, new Glob("H*")).matches(HIGH));
    assertFalse(new Where(null, null, null, new Glob("Low")).matches(HIGH));
    assertFalse(new Where(null, null, null, new Glob("*")).matches(Scope.group("race", "A")));
    assertEquals(
        "{attribute: \"race\", class: \"High\"}",
        new Where(new Glob("race"), null, null, new Glob("High")).toString());
    assertEquals(
        Scope.attribute("race").withClass("High"),
        new Where(new Glob("race"), null, null, new Glob("High")).literalScope());
  }

  @Test
  void aWaiverWithAClassCoversThatClassOnly() {
    Waiver w =
        new Waiver(
            "r", "race", null, null, "High", "x", "y", LocalDate.of(2099, 1, 1), "w.yaml", 2);
    assertTrue(w.covers(verdict(HIGH)));
    assertFalse(w.covers(verdict(Scope.group("race", "A").withClass("Low"))));
    assertEquals("attribute race, class High", w.scopeLabel());
    Waiver any =
        new Waiver("r", "race", null, null, "x", "y", LocalDate.of(2099, 1, 1), "w.yaml", 2);
    assertTrue(any.covers(verdict(HIGH)));
  }

  @Test
  void aBaselineKeepsOneValuePerClass() throws IOException {
    Path f = dir.resolve("results.json");
    Files.writeString(
        f,
        """
        {"schema": "assay.results/1", "audit": "a", "verdict": "PASS", "metrics": [
          {"family": "fairness", "metric": "selection_rate", "attribute": "race", "group": "A",
           "class": "High", "value": 0.25},
          {"family": "fairness", "metric": "selection_rate", "attribute": "race", "group": "A",
           "class": "Low", "value": 0.5}], "rules": []}
        """);
    Baseline b = Baseline.load(f);
    assertEquals(0.25, b.values().get(MetricCatalog.key(Family.FAIRNESS, "selection_rate", HIGH)));
    assertEquals(
        0.5,
        b.values()
            .get(
                MetricCatalog.key(
                    Family.FAIRNESS, "selection_rate", Scope.group("race", "A").withClass("Low"))));
  }

  private static Verdict verdict(Scope scope) {
    return new Verdict(
        "r",
        "r",
        "p",
        Severity.BLOCKING,
        Status.FAIL,
        "fairness.selection_rate",
        scope,
        0.1,
        ">= 0.8",
        "m",
        null,
        null,
        null);
  }
}
