package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardTest {

  /**
   * The sample run: fairness has a blocking failure, a waiver and an error; drift a warning and a
   * pass; privacy and LLM did not apply, and the privacy metric row is listed, not lost.
   */
  @Test
  void countsEachFamilysRuleChecksAndSaysWhyInOneLine() {
    Scorecard card = Scorecard.of(SampleRuns.full());
    assertEquals(
        List.of("fairness", "drift"), card.rows().stream().map(Scorecard.Row::id).toList());
    Scorecard.Row fairness = card.rows().get(0);
    assertEquals(
        List.of(3, 0, 1, 0, 1, 0, 1),
        List.of(
            fairness.checked(),
            fairness.passed(),
            fairness.failed(),
            fairness.warned(),
            fairness.waived(),
            fairness.notApplicable(),
            fairness.errors()));
    assertEquals("FAIL", fairness.outcome());
    assertEquals(
        "1 blocking rule check failed: eeoc-four-fifths on race; 1 rule check could not be"
            + " evaluated: tpr-defined on race = "
            + SampleRuns.SCRIPT_GROUP
            + "; 1 waived: eeoc-four-fifths on race & sex.",
        fairness.why());
    Scorecard.Row drift = card.rows().get(1);
    assertEquals(List.of(2, 1, 1), List.of(drift.checked(), drift.passed(), drift.warned()));
    assertEquals("warn", drift.statusClass());
    assertEquals(
        "1 non-blocking rule check failed: psi-stable on "
            + SampleRuns.QUOTE_COLUMN
            + "; 1 passed.",
        drift.why());
    assertEquals(
        "Privacy leakage (no quasi-identifier column present); LLM output quality (no prompt or"
            + " response column)",
        card.notRun());
    // k-anon names privacy.k_anonymity and rouge-ok names llm.*: families that did not run;
    // "orphan" names no family
    assertEquals(1, card.unassigned());
    assertEquals(
        List.of("k_anonymity"), card.unshown().stream().map(Scorecard.Unshown::metric).toList());
  }

  @Test
  void aFamilyWithoutRulesOrWithOnlyPassesSaysSo() {
    assertEquals(
        "No rule checks this family; its 3 metrics are reported for information.",
        Scorecard.why(List.of(), 3));
    Scorecard tiny = Scorecard.of(SampleRuns.tiny());
    assertEquals("The rule check passed.", tiny.rows().get(0).why());
    assertEquals("pass", tiny.rows().get(0).statusClass());
  }

  /** On the first page: after the findings, before the model card, escaped, linked to sections. */
  @Test
  void theScorecardIsOnTheFirstPageAfterTheFindings() {
    String html =
        new String(
            new HtmlReport().render(SampleRuns.withModelCard(SampleRuns.full())),
            StandardCharsets.UTF_8);
    int findings = html.indexOf("id=\"findings-heading\"");
    int card = html.indexOf("id=\"scorecard-heading\"");
    int model = html.indexOf("id=\"model-card-heading\"");
    assertTrue(findings > 0 && findings < card && card < model, "order");
    assertTrue(html.contains("<th scope=\"row\"><a href=\"#family-fairness\">Fairness</a></th>"));
    assertTrue(html.contains("tpr-defined on race = &lt;script&gt;"), "escaped");
    assertTrue(html.contains("<summary>1 metric row of families that did not apply</summary>"));
  }
}
