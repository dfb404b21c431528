package dev.assay.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.Family;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules that need statistical significance too, and rules over the change from a baseline. */
class SignificanceAndBaselineRuleTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  private static final MetricKey RACE_B =
      MetricCatalog.key(Family.FAIRNESS, "impact_ratio", Scope.group("race", "B"));

  private static Rule rule(String must, Double significance, Double worsen) {
    return new Rule(
        "r",
        "t",
        "fairness.impact_ratio",
        Where.ANY,
        must,
        Condition.parse(must),
        Severity.BLOCKING,
        null,
        null,
        null,
        "rules/test.yaml:1",
        significance,
        worsen,
        null,
        null);
  }

  private static Verdict judge(Rule rule, MetricResult result, Map<MetricKey, Double> baseline) {
    RulePack pack = new RulePack("p", "P", null, List.of(rule), "rules/test.yaml");
    List<Verdict> v =
        Policy.evaluate(
                List.of(pack),
                List.of(result),
                List.of(),
                Waivers.NONE,
                TODAY,
                false,
                Policy.Past.baseline(baseline))
            .verdicts();
    assertEquals(1, v.size());
    return v.get(0);
  }

  private static MetricResult ratio(double value, Double p) {
    return new MetricResult.Computed(RACE_B, value, 100L, null, null, p, null);
  }

  @Test
  void aSmallRatioFailsOnlyWhenItIsAlsoSignificant() {
    Rule r = rule(">= 0.8", 0.05, null);
    Verdict significant = judge(r, ratio(0.6, 0.001), Map.of());
    assertEquals(Status.FAIL, significant.status());
    assertTrue(
        significant.message().endsWith("statistically significant (p = 0.001000 < 0.05)"),
        significant.message());
    Verdict chance = judge(r, ratio(0.6, 0.2), Map.of());
    assertEquals(Status.PASS, chance.status());
    assertTrue(
        chance.message().contains("not statistically significant (p = 0.2000 >= 0.05)"),
        chance.message());
    assertEquals(
        Status.PASS,
        judge(r, ratio(0.9, null), Map.of()).status(),
        "the condition holds: no test needed");
    Verdict noP = judge(r, ratio(0.6, null), Map.of());
    assertEquals(
        Status.ERROR, noP.status(), "a failed condition without a p-value is never a pass");
    assertTrue(noP.message().contains("carries no p-value"), noP.message());
  }

  @Test
  void worseningBeyondTheAllowanceFailsEvenAboveTheThreshold() {
    Rule r = rule(">= 0.8", null, 0.02);
    // 0.95 -> 0.92: worse by 0.03 > 0.02
    Verdict worse = judge(r, ratio(0.92, null), Map.of(RACE_B, 0.95));
    assertEquals(Status.FAIL, worse.status());
    assertTrue(
        worse.message().contains("worse than the baseline (0.9500) by 0.0300"), worse.message());
    // 0.95 -> 0.94: worse by 0.01, allowed
    assertEquals(Status.PASS, judge(r, ratio(0.94, null), Map.of(RACE_B, 0.95)).status());
    // better than the baseline
    assertEquals(Status.PASS, judge(r, ratio(0.99, null), Map.of(RACE_B, 0.95)).status());
    Verdict none = judge(r, ratio(0.9, null), Map.of());
    assertEquals(Status.PASS, none.status());
    assertTrue(none.message().contains("no baseline value"), none.message());
  }

  @Test
  void lowerIsBetterForUpperBounds() {
    Rule r = rule("<= 0.1", null, 0.02);
    MetricResult diff = new MetricResult.Computed(RACE_B, 0.09, 100L, null, null, null, null);
    // 0.05 -> 0.09: worse by 0.04
    assertEquals(Status.FAIL, judge(r, diff, Map.of(RACE_B, 0.05)).status());
    assertEquals(Status.PASS, judge(r, diff, Map.of(RACE_B, 0.08)).status());
  }

  @Test
  void packsValidateTheNewKeys(@TempDir Path dir) throws IOException {
    Path pack = dir.resolve("p.yaml");
    Files.writeString(
        pack,
        "pack: p\nrules:\n"
            + "  - id: a\n    metric: fairness.impact_ratio\n    must: 'between 0.8 and 1.25'\n"
            + "    must_not_worsen_by: 0.02\n    severity: blocking\n"
            + "  - id: b\n    metric: fairness.impact_ratio\n    must: '>= 0.8'\n    significance: 2\n"
            + "    severity: blocking\n"
            + "  - id: c\n    metric: fairness.impact_ratio\n    must: '>= 0.8'\n    significance: 0.05\n"
            + "    must_not_worsen_by: 0.01\n    severity: warning\n");
    List<Problem> problems = PolicyValidator.validate(List.of(pack));
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).toString().contains("p.yaml:6")
            && problems.get(0).toString().contains("says neither"),
        problems.get(0).toString());
    assertTrue(
        problems.get(1).toString().contains("p.yaml:11")
            && problems.get(1).toString().contains("between 0 and 1"),
        problems.get(1).toString());
    Rule c =
        RulePackLoader.load(
                write(
                    dir,
                    "pack: q\nrules:\n  - id: c\n    metric: fairness.impact_ratio\n    must: '>= 0.8'\n"
                        + "    significance: 0.05\n    must_not_worsen_by: 0.01\n    severity: warning\n"))
            .rules()
            .get(0);
    assertEquals(0.05, c.significance());
    assertEquals(0.01, c.mustNotWorsenBy());
  }

  private static Path write(Path dir, String text) throws IOException {
    Path f = dir.resolve("q.yaml");
    Files.writeString(f, text);
    return f;
  }
}
