package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.MetricResult.Computed;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingsTest {

  static final String DPR_NOTE =
      "selection_rate: highest White (0.6383), lowest Black (0.4326); "
          + "95 % Katz interval of the ratio of these two groups";

  private static MetricResult rate(String group, double v) {
    return Computed.of(
        MetricCatalog.key(Family.FAIRNESS, "selection_rate", Scope.group("race", group)), v, 100L);
  }

  private static Verdict verdict(
      String rule, Status status, String metric, Scope scope, Double observed, String expected) {
    return new Verdict(
        rule,
        null,
        null,
        Severity.BLOCKING,
        status,
        metric,
        scope,
        observed,
        expected,
        "message of " + rule,
        null,
        null,
        null);
  }

  private static AuditRun run(List<MetricResult> metrics, List<Verdict> verdicts) {
    return new AuditRun(
        "findings",
        null,
        List.of(FamilyOutcome.ran(Family.FAIRNESS, ""), FamilyOutcome.ran(Family.DRIFT, "")),
        metrics,
        verdicts,
        Map.of(),
        List.of(),
        null,
        Map.of(),
        null);
  }

  /** The demo's real numbers: Black 0.4326 ÷ White 0.6383 = 0.6777 (67.7 % truncated). */
  static List<MetricResult> demoFairness() {
    return List.of(
        rate("White", 0.6383),
        rate("Black", 0.4326),
        new Computed(
            MetricCatalog.key(Family.FAIRNESS, "demographic_parity_ratio", Scope.attribute("race")),
            0.6777440765579947,
            null,
            0.667956201609321,
            0.6876753778208191,
            null,
            DPR_NOTE));
  }

  @Test
  void failingFourFifthsRatioIsOneSentenceNamingBothGroups() {
    AuditRun r =
        run(
            demoFairness(),
            List.of(
                verdict(
                    "eeoc-four-fifths",
                    Status.FAIL,
                    "fairness.demographic_parity_ratio",
                    Scope.attribute("race"),
                    0.6777440765579947,
                    ">= 0.8")));
    Findings f = Findings.of(r, DriftTable.of(r));
    assertEquals(1, f.all().size());
    Finding only = f.all().get(0);
    assertEquals("FAIL", only.status());
    assertEquals(Family.FAIRNESS, only.family());
    assertEquals(
        "On race, the group Black received the favourable outcome at 67.7\u00a0% of the rate "
            + "of the group White (demographic parity ratio 0.6777; 95\u00a0% interval 0.6680–0.6877); "
            + "the rule eeoc-four-fifths asks for at least 80\u00a0%.",
        only.text());
  }

  @Test
  void groupNamesWithParenthesesAreMatchedAgainstTheKnownGroups() {
    String odd = "Other (incl. \"n/a\"), lowest";
    List<MetricResult> metrics =
        List.of(
            rate(odd, 0.2),
            rate("White (non-Hispanic)", 0.5),
            Computed.of(
                    MetricCatalog.key(
                        Family.FAIRNESS, "demographic_parity_difference", Scope.attribute("race")),
                    0.3,
                    null)
                .withNote(
                    "selection_rate: highest White "
                        + "(non-Hispanic) (0.5), lowest "
                        + odd
                        + " (0.2); 95 % Newcombe interval"));
    AuditRun r =
        run(
            metrics,
            List.of(
                verdict(
                    "dpd",
                    Status.WARN,
                    "fairness.demographic_parity_difference",
                    Scope.attribute("race"),
                    0.3,
                    "<= 0.1")));
    assertEquals(
        "On race, the group "
            + odd
            + " has a selection rate of 0.2000, 0.3000 below the "
            + "group White (non-Hispanic)'s 0.5000 (demographic parity difference 0.3000); the rule dpd asks for "
            + "at most 0.1.",
        Findings.of(r, DriftTable.of(r)).all().get(0).text());
  }

  @Test
  void impactRatioOfAGroupNamesTheMostFavouredGroup() {
    MetricResult ir =
        new Computed(
            MetricCatalog.key(Family.FAIRNESS, "impact_ratio", Scope.group("race", "Black")),
            0.5,
            100L,
            0.4,
            0.6,
            0.001,
            "relative to White (favourable rate 0.6); 95 % Katz interval; p_value: z-test");
    AuditRun r =
        run(
            List.of(ir, rate("White", 0.6)),
            List.of(
                verdict(
                    "ll144",
                    Status.FAIL,
                    "fairness.impact_ratio",
                    Scope.group("race", "Black"),
                    0.5,
                    ">= 0.8")));
    assertEquals(
        "On race, the group Black received the favourable outcome at 50\u00a0% of the rate of "
            + "the group White (impact ratio 0.5000; 95\u00a0% interval 0.4000–0.6000); the rule ll144 asks for at "
            + "least 80\u00a0%.",
        Findings.of(r, DriftTable.of(r)).all().get(0).text());
  }

  @Test
  void otherVerdictsFallBackToValueAndCondition() {
    AuditRun r =
        run(
            List.of(),
            List.of(
                verdict("share", Status.WARN, "drift.drift_share", Scope.DATASET, 0.5, "< 0.5"),
                verdict(
                    "tpr",
                    Status.ERROR,
                    "fairness.true_positive_rate",
                    Scope.group("race", "X"),
                    null,
                    ">= 0.5"),
                verdict("ok", Status.PASS, "drift.psi", Scope.column("age"), 0.01, "< 0.1")));
    List<Finding> f = Findings.of(r, DriftTable.of(r)).all();
    assertEquals(2, f.size(), "a PASS is not a finding");
    assertEquals("ERROR", f.get(0).status(), "errors before warnings");
    assertEquals(
        "Rule tpr could not be checked for the group X of race: message of tpr.", f.get(0).text());
    assertEquals(
        "For the whole data set, drift share is 0.5000; the rule share asks for less than "
            + "0.5.",
        f.get(1).text());
  }

  @Test
  void driftedColumnIsOneSentenceWithPsiAndWasserstein() {
    AuditRun r = run(DriftTableTest.column("income", true, 0.188281, 0.465227, null), List.of());
    Findings f = Findings.of(r, DriftTable.of(r));
    assertEquals(
        List.of(
            "income changed since the reference data: PSI 0.1883, Wasserstein "
                + "distance 0.4652 standard deviations (drift is called when the Wasserstein "
                + "distance is 0.1 standard deviations or more)."),
        f.of(Family.DRIFT).stream().map(Finding::text).toList());
    assertEquals("DRIFTED", f.all().get(0).status());
  }

  @Test
  void findingsAreCappedAndCounted() {
    List<Verdict> many = new ArrayList<>();
    for (int i = 0; i < Findings.MAX_SHOWN + 7; i++) {
      many.add(verdict("r" + i, Status.WARN, "drift.psi", Scope.column("c" + i), 0.5, "< 0.1"));
    }
    AuditRun r = run(List.of(), many);
    Findings f = Findings.of(r, DriftTable.of(r));
    assertEquals(Findings.MAX_SHOWN, f.all().size());
    assertEquals(7, f.hidden());
  }

  @Test
  void percentagesNeverRoundUpToTheThreshold() {
    assertEquals("79.9\u00a0%", Findings.percent(0.7996));
    assertEquals("68\u00a0%", Findings.percent(0.68));
    assertEquals("80\u00a0%", Findings.percent(0.8));
    assertEquals("100\u00a0%", Findings.percent(1.0));
    assertEquals("at least 80\u00a0%", Findings.condition(">= 0.8", true));
    assertEquals(
        "a value from 80\u00a0% to 125\u00a0%", Findings.condition("between 0.8 and 1.25", true));
    assertEquals("less than 0.25", Findings.condition("< 0.25", false));
  }

  /**
   * With a baseline, metrics that got worse by their direction become findings, largest change
   * first: the parity ratio fell 0.85 → 0.6777 (worse: further from 1), the White rate moved but a
   * group's selection rate has no better side (never called worse), and k-anonymity rose 3 → 5
   * (better).
   */
  @Test
  void regressionsAgainstTheBaselineAreFindingsLargestFirst() {
    List<MetricResult> metrics = new ArrayList<>(demoFairness());
    MetricKey k = MetricCatalog.key(Family.PRIVACY, "k_anonymity", Scope.DATASET);
    MetricKey dpd =
        MetricCatalog.key(
            Family.FAIRNESS, "demographic_parity_difference", Scope.attribute("race"));
    metrics.add(Computed.of(k, 5, 100L));
    metrics.add(Computed.of(dpd, 0.2057, null));
    MetricKey dpr = metrics.get(2).key();
    Map<MetricKey, Double> baseline =
        Map.of(dpr, 0.85, k, 3.0, dpd, 0.15, metrics.get(0).key(), 0.5);
    AuditRun r =
        new AuditRun(
            "findings",
            null,
            List.of(FamilyOutcome.ran(Family.FAIRNESS, "")),
            metrics,
            List.of(),
            Map.of(),
            List.of(),
            null,
            baseline,
            null);
    Findings f = Findings.of(r, DriftTable.of(r));
    assertEquals(2, f.all().size());
    assertEquals("WORSE", f.all().get(0).status());
    assertEquals(
        "fairness.demographic_parity_ratio (race) got worse since the baseline run: 0.8500"
            + " then, 0.6777 now. A rule blocks such a change only if it says must_not_worsen_by.",
        f.all().get(0).text());
    assertEquals(
        "fairness.demographic_parity_difference (race) got worse since the baseline run:"
            + " 0.1500 then, 0.2057 now. A rule blocks such a change only if it says must_not_worsen_by.",
        f.all().get(1).text());
    assertEquals(List.of(), Findings.of(run(metrics, List.of()), DriftTable.of(r)).all());
  }
}
