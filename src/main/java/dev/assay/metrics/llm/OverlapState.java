package dev.assay.metrics.llm;

import dev.assay.core.MetricResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The reference-overlap sufficient statistics of a set of (response, reference answers) pairs: the
 * corpus BLEU counts ({@link Bleu#SIZE} longs), the corpus chrF counts ({@link Chrf#SIZE} longs),
 * and the sums of the per-pair ROUGE-1/2/L/Lsum F-measures, exact matches and SQuAD F1. Merging
 * adds them (counts exactly; the double sums in the order the merges happen).
 */
record OverlapState(
    long pairs,
    long[] bleu,
    long[] chrf,
    double rouge1,
    double rouge2,
    double rougeL,
    double rougeLsum,
    long exactMatches,
    double f1)
    implements Serializable {

  static final OverlapState EMPTY =
      new OverlapState(0, new long[Bleu.SIZE], new long[Chrf.SIZE], 0.0, 0.0, 0.0, 0.0, 0, 0.0);

  /**
   * One response against one or more reference answers (non-null; at least one), every statistic
   * computed here in Java (the CPU form of {@link LlmAnalysis}):
   *
   * <ul>
   *   <li>BLEU and chrF: all non-empty references at once, as sacreBLEU drops empty ones; when
   *       every reference is empty the segment is scored against the empty text (sacreBLEU refuses
   *       such a segment);
   *   <li>ROUGE: per type the best F over the references ({@code score_multi});
   *   <li>exact match and F1: the best over the references as the SQuAD script's {@code
   *       metric_max_over_ground_truths}.
   * </ul>
   */
  static OverlapState of(String response, List<String> references, boolean stem) {
    List<String> bleuRefs = bleuReferences(references);
    double[] squad = Squad.best(response, references);
    return of(
        response,
        references,
        stem,
        Bleu.segment(response, bleuRefs),
        Chrf.segment(response, bleuRefs),
        squad[0] == 1,
        squad[1]);
  }

  /**
   * One pair whose BLEU and chrF statistics, exact match and F1 are given (the SQL form of {@link
   * LlmAnalysis}: {@link BleuColumns}, {@link ChrfColumns}, {@link SquadColumns}); ROUGE is
   * computed here.
   */
  static OverlapState of(
      String response,
      List<String> references,
      boolean stem,
      long[] bleu,
      long[] chrf,
      boolean exact,
      double f1) {
    double[] rouge = Rouge.best(references, response, stem);
    return new OverlapState(
        1, bleu, chrf, rouge[0], rouge[1], rouge[2], rouge[3], exact ? 1 : 0, f1);
  }

  /** One pair with a single reference answer, no stemming. */
  static OverlapState of(String response, String reference) {
    return of(response, List.of(reference), false);
  }

  /**
   * The references BLEU and chrF score against: the non-empty ones (sacreBLEU drops empty
   * references), or the empty text when every one is empty.
   */
  static List<String> bleuReferences(List<String> references) {
    List<String> nonEmpty = references.stream().filter(r -> !r.isEmpty()).toList();
    return nonEmpty.isEmpty() ? List.of("") : nonEmpty;
  }

  OverlapState merge(OverlapState o) {
    return new OverlapState(
        pairs + o.pairs,
        plus(bleu, o.bleu),
        plus(chrf, o.chrf),
        rouge1 + o.rouge1,
        rouge2 + o.rouge2,
        rougeL + o.rougeL,
        rougeLsum + o.rougeLsum,
        exactMatches + o.exactMatches,
        f1 + o.f1);
  }

  /** Corpus BLEU (0–100) of the pairs. */
  double bleuScore() {
    return Bleu.score(bleu);
  }

  /** Corpus chrF (0–100) of the pairs. */
  double chrfScore() {
    return Chrf.score(chrf);
  }

  /**
   * bleu, chrf, rouge1/2/L/Lsum, exact_match and token_f1, all undefined without a pair.
   *
   * @param stem whether ROUGE stemmed (for the note)
   * @param multiReference whether records carry several reference answers (for the note)
   */
  List<MetricResult> metrics(boolean stem, boolean multiReference) {
    List<MetricResult> out = new ArrayList<>();
    if (pairs == 0) {
      for (String name :
          List.of(
              Bleu.NAME,
              Chrf.NAME,
              Rouge.ROUGE1,
              Rouge.ROUGE2,
              Rouge.ROUGE_L,
              Squad.EXACT_MATCH,
              Squad.TOKEN_F1,
              Rouge.ROUGE_LSUM)) {
        out.add(LlmResults.undefined(name, "no record has both a response and a reference answer"));
      }
      return out;
    }
    out.add(LlmResults.computed(Bleu.NAME, bleuScore(), pairs, bleuNote()));
    out.add(
        LlmResults.computed(
            Chrf.NAME,
            chrfScore(),
            pairs,
            "sacreBLEU 2.x chrF2 (char order 6, word order 0, β = 2)"));
    String rougeNote =
        stem ? "rouge-score, Porter stemming (use_stemmer=True)" : "rouge-score, no stemming";
    if (multiReference) {
      rougeNote += "; best over each record's reference answers (score_multi)";
    }
    out.add(LlmResults.computed(Rouge.ROUGE1, rouge1 / pairs, pairs, rougeNote));
    out.add(LlmResults.computed(Rouge.ROUGE2, rouge2 / pairs, pairs, rougeNote));
    out.add(LlmResults.computed(Rouge.ROUGE_L, rougeL / pairs, pairs, rougeNote));
    out.add(
        LlmResults.computed(
            Rouge.ROUGE_LSUM,
            rougeLsum / pairs,
            pairs,
            rougeNote + "; summary-level LCS over newline-separated sentences"));
    out.add(
        LlmResults.computed(
            Squad.EXACT_MATCH,
            (double) exactMatches / pairs,
            pairs,
            exactMatches + " of " + pairs + " responses match exactly after SQuAD normalisation"));
    out.add(LlmResults.computed(Squad.TOKEN_F1, f1 / pairs, pairs, null));
    return out;
  }

  private String bleuNote() {
    long[] b = bleu;
    return String.format(
        Locale.ROOT,
        "sacreBLEU 2.x corpus BLEU (tok 13a, smooth exp, case mixed): %.1f/%.1f/%.1f/%.1f"
            + " (BP = %.3f, hyp_len = %d, ref_len = %d)",
        Bleu.precision(b, 1),
        Bleu.precision(b, 2),
        Bleu.precision(b, 3),
        Bleu.precision(b, 4),
        b[0] < b[1] ? (b[0] > 0 ? Math.exp(1.0 - (double) b[1] / b[0]) : 0.0) : 1.0,
        b[0],
        b[1]);
  }

  static long[] plus(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, Math.max(a.length, b.length));
    for (int i = 0; i < b.length; i++) {
      out[i] += b[i];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OverlapState s
        && pairs == s.pairs
        && Arrays.equals(bleu, s.bleu)
        && Arrays.equals(chrf, s.chrf)
        && Double.compare(rouge1, s.rouge1) == 0
        && Double.compare(rouge2, s.rouge2) == 0
        && Double.compare(rougeL, s.rougeL) == 0
        && Double.compare(rougeLsum, s.rougeLsum) == 0
        && exactMatches == s.exactMatches
        && Double.compare(f1, s.f1) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(
        new double[] {
          pairs,
          Arrays.hashCode(bleu),
          Arrays.hashCode(chrf),
          rouge1,
          rouge2,
          rougeL,
          rougeLsum,
          exactMatches,
          f1
        });
  }
}
