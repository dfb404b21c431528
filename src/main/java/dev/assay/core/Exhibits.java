package dev.assay.core;

import java.util.List;

/**
 * What the report shows beside the metrics: figures and examples that are evidence for a reader but
 * not numbers a rule can gate (they are not written to results.json). Each family fills its own
 * list; {@link #NONE} when a run has none.
 *
 * @param histograms drift's reference vs current counts per column
 * @param piiExamples masked matches of the privacy scan, a few per column and type
 * @param safetyExamples the worst records of the llm safety classifiers, masked and cut
 * @param trends the gated metrics' values over the last runs ({@code --history})
 */
public record Exhibits(
    List<Histogram> histograms,
    List<PiiExample> piiExamples,
    List<SafetyExample> safetyExamples,
    List<MetricTrend> trends) {

  public static final Exhibits NONE = new Exhibits(List.of(), List.of(), List.of());

  public Exhibits {
    histograms = List.copyOf(histograms);
    piiExamples = List.copyOf(piiExamples);
    safetyExamples = List.copyOf(safetyExamples);
    trends = trends == null ? List.of() : List.copyOf(trends);
  }

  /** Exhibits without trends. */
  public Exhibits(
      List<Histogram> histograms,
      List<PiiExample> piiExamples,
      List<SafetyExample> safetyExamples) {
    this(histograms, piiExamples, safetyExamples, List.of());
  }

  public Exhibits withHistograms(List<Histogram> value) {
    return new Exhibits(value, piiExamples, safetyExamples, trends);
  }

  public Exhibits withPiiExamples(List<PiiExample> value) {
    return new Exhibits(histograms, value, safetyExamples, trends);
  }

  public Exhibits withSafetyExamples(List<SafetyExample> value) {
    return new Exhibits(histograms, piiExamples, value, trends);
  }

  public Exhibits withTrends(List<MetricTrend> value) {
    return new Exhibits(histograms, piiExamples, safetyExamples, value);
  }
}
