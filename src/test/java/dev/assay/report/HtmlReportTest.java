package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private static final HtmlReport REPORT = new HtmlReport();
  private static final String FULL = html(REPORT.render(SampleRuns.full()));
  private static final String TINY = html(REPORT.render(SampleRuns.tiny()));

  private static String html(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void plantedScriptGroupNameRendersAsTextOnly() {
    assertFalse(FULL.contains(SampleRuns.SCRIPT_GROUP));
    assertFalse(FULL.toLowerCase(Locale.ROOT).contains("<script"), "no script element at all");
    assertTrue(
        FULL.contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>"),
        "the group row shows the name as text");
    assertTrue(
        FULL.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;: 0.1000"),
        "the chart's bar title is escaped too");
  }

  @Test
  void quoteAndAmpersandInAColumnNameAreEscaped() {
    assertFalse(FULL.contains(SampleRuns.QUOTE_COLUMN));
    assertTrue(FULL.contains("<td>&quot;quote &amp; | col</td>"));
    assertTrue(FULL.contains("note with &lt;b&gt;markup&lt;/b&gt;"), "run notes are escaped");
  }

  @Test
  void theModelCardIsOnTheFirstPageWhenGivenAndEscaped() {
    String html =
        new String(
            new HtmlReport().render(SampleRuns.withModelCard(SampleRuns.full())),
            StandardCharsets.UTF_8);
    int card = html.indexOf("<h3 id=\"model-card-heading\">Model card</h3>");
    assertTrue(
        card > 0 && card < html.indexOf("id=\"rules\""), "in the summary, before the rule checks");
    assertTrue(html.contains("<dt>Risk class</dt><dd>EU AI Act: high-risk (Annex III)</dd>"), html);
    assertTrue(
        html.contains(
            "<dt>Intended use</dt><dd>Pre-screening of pre-trial cases.\nNot for final decisions.</dd>"));
    assertTrue(
        html.contains("Broward County data &lt;i&gt;only&lt;/i&gt;."), "limitations are escaped");
    assertTrue(
        html.contains("<a href=\"https://registry.example.com/models/compas/2016\">"),
        "an https URI is a link");
    assertFalse(FULL.contains("model-card-heading"), "no model card block without its fields");
  }

  @Test
  void pageIsSelfContained() {
    assertFalse(FULL.contains("http://"));
    assertFalse(FULL.contains("https://"));
    assertFalse(
        Pattern.compile("\\ssrc\\s*=", Pattern.CASE_INSENSITIVE).matcher(FULL).find(),
        "nothing loaded from elsewhere");
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(FULL);
    int links = 0;
    while (href.find()) {
      links++;
      assertTrue(href.group(1).startsWith("#"), "only in-page links: " + href.group(1));
    }
    assertTrue(links > 0);
    assertTrue(
        FULL.contains("<style>") && FULL.contains("@media print"),
        "inline CSS with a print stylesheet");
    assertFalse(FULL.contains("<link"), "no external stylesheet");
  }

  @Test
  void executiveSummaryStatesTheVerdictInWordsAndCounts() {
    assertTrue(FULL.contains("<div class=\"verdict fail\">"));
    assertTrue(FULL.contains("Verdict: FAIL — release gate closed"));
    assertTrue(
        FULL.contains(
            "The release gate is closed because 1 blocking rule check fails "
                + "and 1 blocking rule check could not be evaluated: eeoc-four-fifths on race "
                + "(observed 0.1734, expected &gt;= 0.8)"));
    assertTrue(FULL.contains("<li><strong>2</strong> blocking failures</li>"));
    assertTrue(FULL.contains("<li><strong>1</strong> warning</li>"));
    assertTrue(FULL.contains("<li><strong>1</strong> waived</li>"));
    assertTrue(FULL.contains("<li><strong>2</strong> not applicable</li>"));
    assertTrue(TINY.contains("Verdict: PASS — release gate open"));
    assertTrue(TINY.contains("The release gate is open: every blocking rule holds."));
  }

  @Test
  void everyStatusIsWrittenAsTextNotOnlyColour() {
    for (String status : List.of("FAIL", "ERROR", "WARN", "WAIVED", "NOT APPLICABLE", "PASS")) {
      assertTrue(FULL.contains("\">" + status + "</span>"), status);
    }
    int fail = FULL.indexOf("<span class=\"status fail\">FAIL");
    int pass = FULL.indexOf("<span class=\"status pass\">PASS");
    assertTrue(fail < pass, "problems are listed first");
  }

  @Test
  void waiverShowsReasonApproverAndExpiry() {
    assertTrue(
        FULL.contains(
            "<td>Intersection too small to act on — approved by Jane Doe (CRO), "
                + "expires 2027-06-30</td>"));
  }

  @Test
  void undefinedValueShowsADashAndItsReason() {
    assertTrue(
        FULL.contains(
            "<td class=\"num\">—<span class=\"ci note\">no truly positive record in the group</span>"),
        "the reason stays in the cell of the detail table");
    assertTrue(
        FULL.contains(
            "undefined</strong><span class=\"ci\">group smaller than min_group_size 30; true_positive_rate undefined"),
        "and flags the group's summary row");
    assertFalse(FULL.contains("<ol class=\"muted\""), "no numbered list of notes");
  }

  @Test
  void fairnessTableHasGroupsAsRowsAndRoundedMetricsAsColumns() {
    assertTrue(
        FULL.contains(
            "<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">count</th>"
                + "<th scope=\"col\">selection_rate</th><th scope=\"col\">base_rate</th>"
                + "<th scope=\"col\">true_positive_rate</th>"));
    assertTrue(
        FULL.contains(
            "<caption>Summary by group for race</caption>\n<thead><tr><th scope=\"col\">Group</th>"
                + "<th scope=\"col\">Count</th><th scope=\"col\">Favourable rate</th>"),
        "the summary to read across comes first");
    assertTrue(
        FULL.contains("<td class=\"num\">0.5767<span class=\"ci\">CI 0.5600 – 0.5900</span>"));
    assertFalse(FULL.contains("0.5767316017316018"), "HTML rounds to four decimals");
    assertTrue(FULL.contains("Between-group metrics for race &amp; sex"));
    assertTrue(FULL.contains("<th scope=\"row\">African-American &amp; Male</th>"));
  }

  @Test
  void selectionRateChartHasAnAccessibleTitleAndTheFourFifthsLine() {
    assertTrue(
        FULL.contains(
            "<svg role=\"img\" aria-labelledby=\"attr-1-rates-title attr-1-rates-desc\""));
    assertTrue(FULL.contains("<title id=\"attr-1-rates-title\">Selection rate by race</title>"));
    assertTrue(FULL.contains("80 % line at 0.4614; 2 groups below the line"));
    // race: the longest label, the 25-character script group, sets the label column to
    // 25 * 0.62 * 12 + 16 = 202 px; African-American's interval ends at 0.59, so 0.59 fills the
    // 340-wide plot from x = 202: the line at 0.8 * 0.5767 = 0.4614 is at 202 + 0.4614 / 0.59 * 340
    // = 467.9, and the script group's 0.1 bar ends at 202 + 57.6, its text 6 further (265.6)
    assertTrue(FULL.contains("<line class=\"threshold\" x1=\"467.9\""));
    assertTrue(
        FULL.contains("<text x=\"194.0\" y=\"24.0\" text-anchor=\"end\">&lt;script&gt;"),
        "whole, not cut");
    // race & sex has no interval: its highest value fills the plot; the label column is
    // 23 * 7.44 + 16 = 187.1 px ("African-American & Male"), the line at 187.1 + 0.8 * 340
    assertTrue(FULL.contains("<line class=\"threshold\" x1=\"459.1\""));
    assertTrue(FULL.contains("stroke-dasharray"));
    assertTrue(FULL.contains("<text x=\"265.6\" y=\"24.0\">0.1000 (below the 80 % line)</text>"));
    assertTrue(
        FULL.contains("<path class=\"whisker\" d=\"M524.7 "),
        "African-American's whisker" + " starts at 202 + 0.56 / 0.59 * 340 = 524.7");
  }

  @Test
  void findingsAreWrittenInPlainWordsWithEscapedNames() {
    assertTrue(FULL.contains("<h3 id=\"findings-heading\">Findings in plain words</h3>"));
    assertTrue(
        FULL.contains(
            "<li><span class=\"status fail\">FAIL</span> On race, demographic parity "
                + "ratio is 0.1734; the rule eeoc-four-fifths asks for at least 80\u00a0%.</li>"),
        "the full sample's ratio has no note, so the sentence falls back to value and condition");
    assertTrue(
        FULL.contains(
            "<li><span class=\"status error\">ERROR</span> Rule tpr-defined could "
                + "not be checked for the group &lt;script&gt;alert(1)&lt;/script&gt; of race: metric "
                + "undefined: no truly positive record in the group.</li>"));
    assertTrue(
        FULL.contains(
            "For the column &quot;quote &amp; | col, psi is 0.4000; the rule "
                + "psi-stable asks for less than 0.25."));
  }

  @Test
  void notApplicableFamilyIsOneLineWithItsReasonAndNoSection() {
    assertTrue(
        FULL.contains(
            "Not applicable, so not in this report: Privacy leakage (no quasi-identifier"
                + " column present); LLM output quality (no prompt or response column)."),
        FULL);
    assertFalse(FULL.contains("id=\"family-privacy\""), "no section for a family that did not run");
    assertFalse(FULL.contains("href=\"#family-privacy\""), "and no link to it");
    assertTrue(
        FULL.contains("href=\"#family-fairness\"") && FULL.contains("id=\"family-fairness\""));
  }

  @Test
  void appendicesDefineTheMetricsAndListTheEvidence() {
    assertTrue(
        FULL.contains(
            "<dt>selection_rate</dt><dd>Share of the group&#39;s records that "
                + "the model predicts positive"));
    assertTrue(
        FULL.contains(
            "<dt>true_positive_rate</dt><dd>Of the truly positive records, the "
                + "share predicted positive: TP ÷ (TP + FN)."));
    assertTrue(FULL.contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    assertTrue(FULL.contains("<tr><th scope=\"row\">Spark version</th><td>4.2.0</td></tr>"));
    assertTrue(FULL.contains("<th scope=\"row\">Duration</th><td>12.250 s</td>"));
  }

  @Test
  void headingsDescendInOrderAndEveryHeaderCellHasAScope() {
    Matcher heading = Pattern.compile("<h([1-6])[ >]").matcher(FULL);
    List<Integer> levels = new ArrayList<>();
    while (heading.find()) {
      levels.add(Integer.parseInt(heading.group(1)));
    }
    assertEquals(1, levels.get(0));
    assertEquals(1, levels.stream().filter(l -> l == 1).count(), "one h1");
    for (int i = 1; i < levels.size(); i++) {
      assertTrue(levels.get(i) <= levels.get(i - 1) + 1, "no skipped level: " + levels);
    }
    Matcher th = Pattern.compile("<th(\\s[^>]*)?>").matcher(FULL);
    int cells = 0;
    while (th.find()) {
      cells++;
      assertTrue(th.group().contains("scope=\""), th.group());
    }
    assertTrue(cells > 20);
  }

  @Test
  void renderingIsDeterministic() {
    assertArrayEquals(REPORT.render(SampleRuns.full()), REPORT.render(SampleRuns.full()));
  }
}
