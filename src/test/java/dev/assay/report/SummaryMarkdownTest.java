package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryMarkdownTest {

  private static final String FULL =
      new String(new SummaryMarkdown().render(SampleRuns.full()), StandardCharsets.UTF_8);

  @Test
  void headingGivesVerdictAndAuditAndCountsFollow() {
    assertTrue(FULL.startsWith("## ❌ FAIL — Assay audit `compas-recidivism`\n"));
    assertTrue(
        FULL.contains(
            "**2 blocking failures** · 1 warning · 1 waived · 1 error · "
                + "2 not applicable · 2 passed (8 rule checks)"));
  }

  @Test
  void failedRuleIsListedWithObservedAndExpected() {
    assertTrue(
        FULL.contains("| ❌ FAIL | eeoc-four-fifths | race | 0.1734 | &gt;= 0.8 | blocking |"),
        FULL);
    assertTrue(
        FULL.contains(
            "| ⛔ ERROR | tpr-defined | race = &lt;script&gt;alert(1)&lt;/script&gt; "
                + "| — | &gt;= 0.5 | blocking |"));
  }

  @Test
  void pipesInCellsAreEscapedSoEveryRowHasSixColumns() {
    assertTrue(
        FULL.contains(
            "| ⚠️ WARN | psi-stable | \"quote & \\| col | 0.4000 | &lt; 0.25 " + "| warning |"));
    List<String> rows = FULL.lines().filter(l -> l.startsWith("| ")).toList();
    assertEquals(5, rows.size(), "header, separator, FAIL, ERROR, WARN");
    for (String row : rows) {
      long cells = row.replace("\\|", "").chars().filter(c -> c == '|').count();
      assertEquals(7, cells, row);
    }
  }

  @Test
  void waivedRulesNameTheirApproverAndNotApplicableFamiliesTheirReason() {
    assertTrue(
        FULL.contains(
            "- eeoc-four-fifths on race & sex (observed 0.2100) — approved by "
                + "Jane Doe (CRO), expires 2027-06-30: Intersection too small to act on\n"));
    assertTrue(FULL.contains("- Privacy leakage: no quasi-identifier column present\n"));
    assertTrue(FULL.contains("- LLM output quality: no prompt or response column\n"));
    assertFalse(FULL.contains("| ✅"), "passed rules are not in the table");
  }

  @Test
  void passingRunHasNoProblemTable() {
    String tiny =
        new String(new SummaryMarkdown().render(SampleRuns.tiny()), StandardCharsets.UTF_8);
    assertTrue(tiny.startsWith("## ✅ PASS — Assay audit `tiny-audit`\n"));
    assertTrue(tiny.contains("The release gate is open: every blocking rule holds."));
    assertFalse(tiny.contains("| Status |"));
  }
}
