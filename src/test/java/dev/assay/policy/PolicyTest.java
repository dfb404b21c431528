package dev.assay.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  private static final String DPR = "fairness.demographic_parity_ratio";

  private static Rule rule(
      String id, String metric, Where where, String must, Severity severity, Long minCount) {
    return new Rule(
        id,
        "Title of " + id,
        metric,
        where,
        must,
        Condition.parse(must),
        severity,
        "why " + id,
        null,
        minCount,
        "rules/test.yaml:1",
        null,
        null,
        null,
        null);
  }

  private static RulePack pack(Rule... rules) {
    return new RulePack("test-pack", "Test pack", "Pack ref", List.of(rules), "rules/test.yaml");
  }

  private static final Where ANY_ATTRIBUTE = new Where(new Glob("*"), null, null);

  private static MetricResult ratio(String attribute, double value) {
    return MetricResult.Computed.of(
        MetricCatalog.key(Family.FAIRNESS, "demographic_parity_ratio", Scope.attribute(attribute)),
        value,
        null);
  }

  private static PolicyOutcome evaluate(RulePack pack, List<MetricResult> metrics) {
    return Policy.evaluate(
        List.of(pack), metrics, List.of(), Waivers.NONE, TODAY, false, Policy.Past.NONE);
  }

  private static Verdict only(PolicyOutcome outcome) {
    assertEquals(1, outcome.verdicts().size(), outcome.verdicts().toString());
    return outcome.verdicts().get(0);
  }

  @Test
  void blockingRuleGivesOneVerdictPerScopeWithAuditorMessages() {
    RulePack pack =
        pack(rule("four-fifths", DPR, ANY_ATTRIBUTE, ">= 0.8", Severity.BLOCKING, null));
    PolicyOutcome outcome = evaluate(pack, List.of(ratio("sex", 0.91), ratio("race", 0.43124)));
    assertEquals(2, outcome.verdicts().size());
    Verdict race = outcome.verdicts().get(0);
    assertEquals(
        new Verdict(
            "four-fifths",
            "Title of four-fifths",
            "test-pack",
            Severity.BLOCKING,
            Status.FAIL,
            DPR,
            Scope.attribute("race"),
            0.43124,
            ">= 0.8",
            "demographic_parity_ratio for race = 0.4312, expected >= 0.8",
            "why four-fifths",
            "Pack ref",
            null),
        race);
    assertTrue(race.blocksRelease());
    Verdict sex = outcome.verdicts().get(1);
    assertEquals(Status.PASS, sex.status());
    assertEquals("demographic_parity_ratio for sex = 0.91, expected >= 0.8", sex.message());
    assertEquals(List.of(), outcome.notes());
  }

  @Test
  void boundaryValueMeetsAtLeastAndJustBelowFails() {
    RulePack pack = pack(rule("r", DPR, Where.ANY, ">= 0.8", Severity.BLOCKING, null));
    assertEquals(Status.PASS, only(evaluate(pack, List.of(ratio("race", 0.8)))).status());
    Verdict below = only(evaluate(pack, List.of(ratio("race", 0.7999))));
    assertEquals(Status.FAIL, below.status());
    assertEquals(0.7999, below.observed());
  }

  @Test
  void roundingNeverMakesAFailureLookLikeAPass() {
    RulePack pack = pack(rule("r", DPR, Where.ANY, ">= 0.8", Severity.BLOCKING, null));
    Verdict v = only(evaluate(pack, List.of(ratio("race", 0.79999))));
    assertEquals(Status.FAIL, v.status());
    assertEquals("demographic_parity_ratio for race = 0.79999, expected >= 0.8", v.message());
  }

  @Test
  void betweenIsInclusive() {
    RulePack pack =
        pack(rule("r", DPR, Where.ANY, "between 0.8 and 1.25", Severity.BLOCKING, null));
    PolicyOutcome outcome =
        evaluate(
            pack,
            List.of(ratio("a", 0.8), ratio("b", 1.25), ratio("c", 1.2501), ratio("d", 0.7999)));
    assertEquals(
        List.of(Status.PASS, Status.PASS, Status.FAIL, Status.FAIL),
        outcome.verdicts().stream().map(Verdict::status).toList());
  }

  @Test
  void failedWarningAndInfoRulesWarnAndFailOnWarningClosesTheGateOnlyForWarnings() {
    RulePack pack =
        pack(
            rule("w", DPR, Where.ANY, ">= 0.8", Severity.WARNING, null),
            rule("i", DPR, Where.ANY, ">= 0.8", Severity.INFO, null));
    List<MetricResult> metrics = List.of(ratio("race", 0.5));
    List<Verdict> lenient =
        Policy.evaluate(
                List.of(pack), metrics, List.of(), Waivers.NONE, TODAY, false, Policy.Past.NONE)
            .verdicts();
    assertEquals(
        List.of("i:WARN", "w:WARN"),
        lenient.stream().map(v -> v.ruleId() + ":" + v.status()).toList());
    assertFalse(lenient.stream().anyMatch(Verdict::blocksRelease));
    List<Verdict> strict =
        Policy.evaluate(
                List.of(pack), metrics, List.of(), Waivers.NONE, TODAY, true, Policy.Past.NONE)
            .verdicts();
    assertEquals(
        List.of("i:WARN", "w:FAIL"),
        strict.stream().map(v -> v.ruleId() + ":" + v.status()).toList());
  }

  @Test
  void undefinedMetricIsAnErrorWithItsReason() {
    RulePack pack = pack(rule("r", DPR, ANY_ATTRIBUTE, ">= 0.8", Severity.BLOCKING, null));
    MetricResult undefined =
        new MetricResult.Undefined(
            MetricCatalog.key(Family.FAIRNESS, "demographic_parity_ratio", Scope.attribute("race")),
            null,
            "every group's selection rate is 0");
    Verdict v = only(evaluate(pack, List.of(undefined)));
    assertEquals(Status.ERROR, v.status());
    assertNull(v.observed());
    assertEquals(
        "demographic_parity_ratio for race is undefined: every group's selection rate is 0",
        v.message());
    assertTrue(v.blocksRelease());
  }

  @Test
  void missingMetricIsNotApplicableNeverAPass() {
    RulePack pack = pack(rule("r", "drift.psi", Where.ANY, "< 0.2", Severity.BLOCKING, null));
    Verdict v = only(evaluate(pack, List.of(ratio("race", 0.9))));
    assertEquals(Status.NOT_APPLICABLE, v.status());
    assertEquals(Scope.DATASET, v.scope());
    assertEquals("metric drift.psi was not computed", v.message());
    assertNull(v.observed());
    assertEquals("< 0.2", v.expected());
  }

  @Test
  void missingMetricOfAFamilyThatDidNotRunQuotesTheFamilyReason() {
    RulePack pack =
        pack(
            rule(
                "r",
                DPR,
                new Where(new Glob("race"), null, null),
                ">= 0.8",
                Severity.BLOCKING,
                null));
    List<FamilyOutcome> families =
        List.of(
            FamilyOutcome.ran(Family.DRIFT, "3 columns"),
            FamilyOutcome.notApplicable(Family.FAIRNESS, "no sensitive attributes in the spec"));
    Verdict v =
        only(
            Policy.evaluate(
                List.of(pack), List.of(), families, Waivers.NONE, TODAY, false, Policy.Past.NONE));
    assertEquals(Status.NOT_APPLICABLE, v.status());
    assertEquals(Scope.attribute("race"), v.scope());
    assertEquals(
        "family fairness not applicable: no sensitive attributes in the spec", v.message());
  }

  @Test
  void whereThatMatchesNoComputedScopeIsNotApplicable() {
    RulePack pack =
        pack(
            rule(
                "r",
                DPR,
                new Where(new Glob("age*"), null, null),
                ">= 0.8",
                Severity.BLOCKING,
                null));
    Verdict v = only(evaluate(pack, List.of(ratio("race", 0.5), ratio("sex", 0.9))));
    assertEquals(Status.NOT_APPLICABLE, v.status());
    assertEquals(Scope.DATASET, v.scope());
    assertEquals(
        "no scope matches where {attribute: \"age*\"}; fairness.demographic_parity_ratio was "
            + "computed for: race, sex",
        v.message());
  }

  @Test
  void globsSelectScopesAndAbsentScopeKeysNeverMatch() {
    RulePack pack =
        pack(
            rule(
                "r",
                "fairness.selection_rate",
                new Where(new Glob("race*"), new Glob("?frican*"), null),
                ">= 0",
                Severity.INFO,
                null));
    MetricKey groupKey =
        MetricCatalog.key(
            Family.FAIRNESS, "selection_rate", Scope.group("race", "African-American"));
    MetricKey intersection =
        MetricCatalog.key(
            Family.FAIRNESS,
            "selection_rate",
            Scope.group("race & sex", "African-American & Male"));
    MetricKey other =
        MetricCatalog.key(Family.FAIRNESS, "selection_rate", Scope.group("race", "Asian"));
    MetricKey noGroup =
        MetricCatalog.key(Family.FAIRNESS, "selection_rate", Scope.attribute("race"));
    PolicyOutcome outcome =
        evaluate(
            pack,
            List.of(
                MetricResult.Computed.of(groupKey, 0.58, 3696L),
                MetricResult.Computed.of(intersection, 0.6, 2000L),
                MetricResult.Computed.of(other, 0.2, 31L),
                MetricResult.Computed.of(noGroup, 0.4, null)));
    assertEquals(
        List.of(groupKey.scope(), intersection.scope()),
        outcome.verdicts().stream().map(Verdict::scope).toList());
    assertEquals(
        "selection_rate for group African-American of race = 0.58, expected >= 0",
        outcome.verdicts().get(0).message());
  }

  @Test
  void rowsBelowMinCountAreNotApplicableWithTheCount() {
    RulePack pack =
        pack(rule("r", "fairness.selection_rate", Where.ANY, ">= 0.3", Severity.BLOCKING, 30L));
    MetricKey small =
        MetricCatalog.key(Family.FAIRNESS, "selection_rate", Scope.group("race", "Other"));
    MetricKey enough =
        MetricCatalog.key(Family.FAIRNESS, "selection_rate", Scope.group("race", "White"));
    PolicyOutcome outcome =
        evaluate(
            pack,
            List.of(
                MetricResult.Computed.of(small, 0.1, 29L),
                MetricResult.Computed.of(enough, 0.1, 30L)));
    Verdict other = outcome.verdicts().get(0);
    assertEquals(Status.NOT_APPLICABLE, other.status());
    assertEquals(
        "selection_rate for group Other of race rests on 29 rows, fewer than the rule's "
            + "min_count of 30, so it is not judged",
        other.message());
    assertEquals(Status.FAIL, outcome.verdicts().get(1).status());
  }

  @Test
  void datasetAndColumnScopesAreNamedInMessagesAndRuleReferenceWins() {
    Rule share =
        new Rule(
            "share",
            "Share",
            "drift.drift_share",
            Where.ANY,
            "< 0.5",
            Condition.parse("< 0.5"),
            Severity.WARNING,
            null,
            "Drift memo",
            null,
            "x:1",
            null,
            null,
            null,
            null);
    Rule psi =
        rule(
            "psi",
            "drift.psi",
            new Where(null, null, new Glob("age")),
            "< 0.2",
            Severity.WARNING,
            null);
    PolicyOutcome outcome =
        evaluate(
            pack(share, psi),
            List.of(
                MetricResult.Computed.of(
                    MetricCatalog.key(Family.DRIFT, "drift_share", Scope.DATASET), 0.6, null),
                MetricResult.Computed.of(
                    MetricCatalog.key(Family.DRIFT, "psi", Scope.column("age")), 0.031, null),
                MetricResult.Computed.of(
                    MetricCatalog.key(Family.DRIFT, "psi", Scope.column("zip")), 0.9, null)));
    assertEquals(2, outcome.verdicts().size());
    Verdict psiVerdict = outcome.verdicts().get(0);
    assertEquals("psi for column age = 0.031, expected < 0.2", psiVerdict.message());
    assertEquals(Status.PASS, psiVerdict.status());
    assertEquals("Pack ref", psiVerdict.reference());
    Verdict shareVerdict = outcome.verdicts().get(1);
    assertEquals("drift_share for the data set = 0.6, expected < 0.5", shareVerdict.message());
    assertEquals(Status.WARN, shareVerdict.status());
    assertEquals("Drift memo", shareVerdict.reference());
  }

  // ---- waivers

  private static Waiver waiver(String rule, String attribute, LocalDate expires, int line) {
    return new Waiver(
        rule,
        attribute,
        null,
        null,
        "legacy model, retired in Q2",
        "Jane Roe, CRO",
        expires,
        "waivers.yaml",
        line);
  }

  @Test
  void validWaiverTurnsAFailureIntoWaivedAndKeepsTheMessage() {
    RulePack pack = pack(rule("eeoc", DPR, ANY_ATTRIBUTE, ">= 0.8", Severity.BLOCKING, null));
    Waivers waivers = new Waivers("waivers.yaml", List.of(waiver("eeoc", "race", TODAY, 2)));
    PolicyOutcome outcome =
        Policy.evaluate(
            List.of(pack),
            List.of(ratio("race", 0.4312), ratio("sex", 0.5)),
            List.of(),
            waivers,
            TODAY,
            false,
            Policy.Past.NONE);
    Verdict race = outcome.verdicts().get(0);
    assertEquals(Status.WAIVED, race.status());
    assertEquals(
        new Verdict.Waiver("legacy model, retired in Q2", "Jane Roe, CRO", "2026-03-01"),
        race.waiver());
    assertEquals("demographic_parity_ratio for race = 0.4312, expected >= 0.8", race.message());
    assertFalse(race.blocksRelease());
    Verdict sex = outcome.verdicts().get(1);
    assertEquals(Status.FAIL, sex.status());
    assertNull(sex.waiver());
    assertEquals(List.of(), outcome.notes());
  }

  @Test
  void waiverWithoutScopeKeysCoversEveryScopeOfItsRuleAndWarningsToo() {
    RulePack pack = pack(rule("eeoc", DPR, ANY_ATTRIBUTE, ">= 0.8", Severity.WARNING, null));
    Waivers waivers = new Waivers("waivers.yaml", List.of(waiver("eeoc", null, TODAY, 2)));
    PolicyOutcome outcome =
        Policy.evaluate(
            List.of(pack),
            List.of(ratio("race", 0.4), ratio("sex", 0.5)),
            List.of(),
            waivers,
            TODAY,
            false,
            Policy.Past.NONE);
    assertEquals(
        List.of(Status.WAIVED, Status.WAIVED),
        outcome.verdicts().stream().map(Verdict::status).toList());
  }

  @Test
  void expiredWaiverNoLongerAppliesAndSaysSo() {
    RulePack pack =
        pack(rule("eeoc-four-fifths", DPR, ANY_ATTRIBUTE, ">= 0.8", Severity.BLOCKING, null));
    Waivers waivers =
        new Waivers(
            "waivers.yaml",
            List.of(waiver("eeoc-four-fifths", "race", LocalDate.of(2026, 1, 31), 2)));
    PolicyOutcome outcome =
        Policy.evaluate(
            List.of(pack),
            List.of(ratio("race", 0.43)),
            List.of(),
            waivers,
            TODAY,
            false,
            Policy.Past.NONE);
    Verdict v = only(outcome);
    assertEquals(Status.FAIL, v.status());
    assertNull(v.waiver());
    assertEquals(
        List.of(
            "waiver for rule eeoc-four-fifths (attribute race) expired on 2026-01-31; "
                + "it no longer applies (waivers.yaml:2)"),
        outcome.notes());
  }

  @Test
  void waiverThatMatchesNoVerdictOrNoFailureIsNoted() {
    RulePack pack = pack(rule("eeoc", DPR, ANY_ATTRIBUTE, ">= 0.8", Severity.BLOCKING, null));
    Waivers waivers =
        new Waivers(
            "waivers.yaml",
            List.of(waiver("eeoc", "religion", TODAY, 2), waiver("eeoc", "sex", TODAY, 7)));
    PolicyOutcome outcome =
        Policy.evaluate(
            List.of(pack),
            List.of(ratio("sex", 0.95)),
            List.of(),
            waivers,
            TODAY,
            false,
            Policy.Past.NONE);
    assertEquals(Status.PASS, only(outcome).status());
    assertEquals(
        List.of(
            "waiver for rule eeoc (attribute religion) matches no verdict: rule eeoc gave no verdict "
                + "with those scope keys; fix the scope or remove the waiver (waivers.yaml:2)",
            "waiver for rule eeoc (attribute sex) waived nothing: the verdicts it covers are PASS; "
                + "remove it if it is no longer needed (waivers.yaml:7)"),
        outcome.notes());
  }

  @Test
  void errorsAreNotWaivable() {
    RulePack pack = pack(rule("eeoc", DPR, ANY_ATTRIBUTE, ">= 0.8", Severity.BLOCKING, null));
    MetricResult undefined =
        new MetricResult.Undefined(
            MetricCatalog.key(Family.FAIRNESS, "demographic_parity_ratio", Scope.attribute("race")),
            null,
            "one group only");
    PolicyOutcome outcome =
        Policy.evaluate(
            List.of(pack),
            List.of(undefined),
            List.of(),
            new Waivers("waivers.yaml", List.of(waiver("eeoc", "race", TODAY, 2))),
            TODAY,
            false,
            Policy.Past.NONE);
    assertEquals(Status.ERROR, only(outcome).status());
  }

  @Test
  void waiverForARuleNoPackHasIsBadInputNamingFileAndLine() {
    RulePack pack = pack(rule("eeoc", DPR, ANY_ATTRIBUTE, ">= 0.8", Severity.BLOCKING, null));
    Waivers waivers = new Waivers("waivers.yaml", List.of(waiver("eeoc-4-5", "race", TODAY, 12)));
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                Policy.evaluate(
                    List.of(pack),
                    List.of(ratio("race", 0.5)),
                    List.of(),
                    waivers,
                    TODAY,
                    false,
                    Policy.Past.NONE));
    assertEquals(
        "invalid waivers file waivers.yaml (1 problem): waivers.yaml:12: rule eeoc-4-5: the"
            + " waiver names rule 'eeoc-4-5', which no rule pack of this run has (known rules: eeoc); fix"
            + " the rule id or remove the waiver; fix it and check with `assay rules validate`.",
        e.getMessage());
  }
}
