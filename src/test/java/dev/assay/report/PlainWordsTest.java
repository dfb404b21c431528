package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricResult;
import dev.assay.core.MetricResult.Computed;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Privacy and LLM findings say what the value means for people, not only "x is y". */
class PlainWordsTest {

  static final Scope QI = Scope.column("age & sex & race");

  static String finding(
      Family family, String metric, Scope scope, double observed, String expected, String note) {
    MetricResult m =
        new Computed(
            MetricCatalog.key(family, metric, scope), observed, 100L, null, null, null, note);
    Verdict v =
        new Verdict(
            "r1",
            null,
            null,
            Severity.BLOCKING,
            Status.FAIL,
            family.id() + "." + metric,
            scope,
            observed,
            expected,
            "msg",
            null,
            null,
            null);
    AuditRun run =
        new AuditRun(
            "w",
            null,
            List.of(FamilyOutcome.ran(family, "")),
            List.of(m),
            List.of(v),
            Map.of(),
            List.of(),
            null,
            Map.of(),
            null);
    Findings f = Findings.of(run, DriftTable.of(run));
    assertEquals(1, f.all().size());
    return f.all().get(0).text();
  }

  @Test
  void kAnonymityOfOneSaysSomeoneCanBeReidentified() {
    assertEquals(
        "K-anonymity is 1: at least one person is unique on age, sex and race and could"
            + " be re-identified by anyone who knows those facts about them; the rule r1 asks for"
            + " at least 5.",
        finding(Family.PRIVACY, "k_anonymity", QI, 1, ">= 5", null));
    assertEquals(
        "K-anonymity is 3: every record shares its age, sex and race with at least 2"
            + " other records, and the smallest such group has 3 records; the rule r1 asks for at"
            + " least 5.",
        finding(Family.PRIVACY, "k_anonymity", QI, 3, ">= 5", null));
  }

  @Test
  void privacySharesAreWrittenAsPercentagesWithTheirThreshold() {
    assertEquals(
        "12.5\u00a0% of records share their age, sex and race with fewer than 5 records"
            + " in all, too few to hide among (records at risk 0.1250); the rule r1 asks for at most"
            + " 5\u00a0%.",
        finding(Family.PRIVACY, "records_at_risk", QI, 0.125, "<= 0.05", "k = 5"));
    assertEquals(
        "L-diversity is 1: in at least one group of records with the same age, sex and"
            + " race, everyone has the same diagnosis, so knowing those facts about a person reveals"
            + " it; the rule r1 asks for at least 2.",
        finding(Family.PRIVACY, "l_diversity", QI, 1, ">= 2", "sensitive attribute diagnosis"));
    assertEquals(
        "Someone who knows a person is in the data, and knows their age, sex and race,"
            + " could pick out that person's record with a chance of up to 100\u00a0% (highest"
            + " re-identification risk 1); the rule r1 asks for at most 20\u00a0%.",
        finding(Family.PRIVACY, "reidentification_risk_prosecutor_max", QI, 1, "<= 0.2", null));
    assertEquals(
        "3 records of the column notes contain an e-mail address, personal data that"
            + " should not be there; the rule r1 asks for exactly 0.",
        finding(Family.PRIVACY, "pii_email_count", Scope.column("notes"), 3, "== 0", null));
  }

  @Test
  void llmRatesSayWhatShareOfResponsesIsAffected() {
    assertEquals(
        "12\u00a0% of responses contain a refusal phrase: the model declined to answer"
            + " (refusal rate 0.1200); the rule r1 asks for at most 10\u00a0%.",
        finding(Family.LLM, "refusal_rate", Scope.DATASET, 0.12, "<= 0.1", null));
    // 10.04 % under "at most 10 %" rounds up, never down to the threshold
    assertTrue(
        finding(Family.LLM, "unsupported_number_rate", Scope.DATASET, 0.10041, "<= 0.1", null)
            .startsWith("10.1\u00a0% of the numbers written in responses appear nowhere"));
    // 79.96 % under "at least 80 %" rounds down
    assertEquals(
        "79.9\u00a0% of responses are valid JSON, so 20.1\u00a0% could not be read by a"
            + " program expecting JSON (JSON valid rate 0.7996); the rule r1 asks for at least"
            + " 80\u00a0%.",
        finding(Family.LLM, "json_valid_rate", Scope.DATASET, 0.7996, ">= 0.8", null));
    assertEquals(
        "The responses' wording matches the reference answers with a BLEU score of"
            + " 12.3000 out of 100; the rule r1 asks for at least 20.",
        finding(Family.LLM, "bleu", Scope.DATASET, 12.3, ">= 20", null));
  }

  @Test
  void everyPrivacyAndLlmMetricHasItsOwnWording() {
    for (Family family : List.of(Family.PRIVACY, Family.LLM)) {
      for (MetricDescriptor d : MetricCatalog.of(family)) {
        String name = d.id();
        String clause = PlainWords.of(family, name, QI, 0.5, null, false);
        assertTrue(clause != null && !clause.contains("_"), family + "." + name + ": " + clause);
      }
    }
  }
}
