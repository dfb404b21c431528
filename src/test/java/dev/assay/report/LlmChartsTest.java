package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.core.ModelInfo;
import dev.assay.core.Scope;
import dev.assay.metrics.MetricCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RAG demo's charts (from its pinned results.json), their geometry and their findings. */
class LlmChartsTest {

  static final AuditRun RAG = ResultsRun.golden("rag-demo");

  static MetricBars chart(List<MetricBars> charts, String title) {
    return charts.stream().filter(c -> c.frame().title().equals(title)).findFirst().orElseThrow();
  }

  @Test
  void theRagDemoGetsQualityCorpusRateAndRetrievalCharts() {
    List<MetricBars> charts = LlmCharts.of(RAG);
    assertEquals(
        List.of(
            "Answer quality and grounding",
            "Corpus scores: BLEU and chrF",
            "Refusal, injection and leak rates",
            "Retrieval quality by cut-off k"),
        charts.stream().map(c -> c.frame().title()).toList());
    MetricBars retrieval = chart(charts, "Retrieval quality by cut-off k");
    assertEquals(
        List.of("recall@5", "precision@5", "hit_rate@5", "mrr", "ndcg@5", "map"),
        retrieval.bars().stream().map(ChartBar::label).toList());
    assertEquals("0.9200; rule >= 0.8: PASS", retrieval.bars().get(2).text());
    // 0.184 of a 300 px plot
    assertEquals("55.2", retrieval.bars().get(1).width());
    MetricBars rates = chart(charts, "Refusal, injection and leak rates");
    ChartBar indirect =
        rates.bars().stream()
            .filter(b -> b.label().equals("indirect_injection_rate"))
            .findFirst()
            .orElseThrow();
    assertTrue(indirect.flagged());
    assertEquals("0.0650; rule == 0: FAIL", indirect.text());
    assertTrue(
        rates
            .frame()
            .description()
            .contains("Rules that did not hold: indirect_injection_rate 0.0650, rule == 0: FAIL;"),
        rates.frame().description());
    MetricBars corpus = chart(charts, "Corpus scores: BLEU and chrF");
    assertEquals(
        List.of("0", "25", "50", "75", "100"),
        corpus.ticks().stream().map(MetricBars.Tick::label).toList());
    assertEquals(
        "Corpus scores: BLEU and chrF: highest chrf (66.5796), lowest bleu (35.3676). Every rule on"
            + " these metrics holds.",
        corpus.frame().description());
  }

  /** No label or value text is cut: the chart is as wide as its longest texts need. */
  @Test
  void everyTextFitsInsideItsChart() {
    for (MetricBars c : LlmCharts.of(RAG)) {
      double width = Double.parseDouble(c.frame().width());
      for (ChartBar bar : c.bars()) {
        assertEquals(bar.fullLabel(), bar.label(), "labels are drawn whole");
        double end = Double.parseDouble(bar.valueX()) + ChartText.width(bar.text());
        assertTrue(end <= width, c.frame().title() + ": " + bar.text() + " ends at " + end);
        assertTrue(
            Double.parseDouble(c.frame().labelX()) - ChartText.width(bar.label()) >= 0,
            bar.label());
      }
      assertTrue(
          Double.parseDouble(c.frame().axisTitleX()) + ChartText.width(c.frame().axisTitle()) / 2
              <= width,
          c.frame().axisTitle());
    }
  }

  /**
   * Per variant: one chart per 0-to-1 metric, whiskers from the intervals; none when the family did
   * not run.
   */
  @Test
  void variantsGetOneChartPerMetricWithIntervalWhiskers() {
    Scope he = Scope.group("pronoun", "he");
    Scope she = Scope.group("pronoun", "she");
    AuditRun run =
        new AuditRun(
            "variants",
            new ModelInfo("m", null, null),
            List.of(FamilyOutcome.ran(Family.LLM, "responses")),
            List.of(
                new MetricResult.Computed(
                    MetricCatalog.key(Family.LLM, "variant_refusal_rate", he),
                    0.1,
                    50L,
                    0.05,
                    0.2,
                    null,
                    null),
                MetricResult.Computed.of(
                    MetricCatalog.key(Family.LLM, "variant_refusal_rate", she), 0.3, 50L),
                MetricResult.Computed.of(
                    MetricCatalog.key(Family.LLM, "variant_response_length_mean", she), 40, 50L)),
            List.of(),
            Map.of("current", 100L),
            List.of(),
            null,
            Map.of(),
            null);
    List<MetricBars> charts = LlmCharts.of(run);
    assertEquals(1, charts.size());
    MetricBars c = charts.get(0);
    assertEquals("variant_refusal_rate by variant (pronoun)", c.frame().title());
    assertEquals("0.1000 (0.0500 – 0.2000)", c.bars().get(0).text());
    assertEquals("plotLeft+15..60", "plotLeft+" + whiskerSpan(c));
    assertNull(c.bars().get(1).whisker());
    assertTrue(c.frame().description().endsWith("Whiskers show the confidence intervals."));
    assertEquals(List.of(), LlmCharts.of(SampleRuns.full()), "LLM did not run");
  }

  private static String whiskerSpan(MetricBars c) {
    double left = Double.parseDouble(c.frame().plotLeft());
    ChartBar.Whisker w = c.bars().get(0).whisker();
    return Math.round(Double.parseDouble(w.x1()) - left)
        + ".."
        + Math.round(Double.parseDouble(w.x2()) - left);
  }

  /** In the page: a heading, an SVG with its title and text alternative, and the figcaption. */
  @Test
  void theRagReportDrawsTheChartsInItsLlmSection() {
    String html = new String(new HtmlReport().render(RAG), StandardCharsets.UTF_8);
    int section = html.indexOf("<section id=\"family-llm\"");
    int chart = html.indexOf("<h4>Retrieval quality by cut-off k</h4>");
    assertTrue(section > 0 && chart > section, "in the LLM section");
    assertTrue(
        html.contains("<svg role=\"img\" aria-labelledby=\"llm-chart-4-title llm-chart-4-desc\""));
    assertTrue(html.contains("<desc id=\"llm-chart-3-desc\">Refusal, injection and leak rates: "));
    assertTrue(
        html.contains(
            "text-anchor=\"middle\">Score from 0 to 1 (higher is better); @k: in the first k"
                + " passages</text>"),
        "axis title");
  }
}
