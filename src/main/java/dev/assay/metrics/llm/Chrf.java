package dev.assay.metrics.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code chrf}: chrF as sacreBLEU 2.x computes it with its defaults ({@code CHRF()}: char order 6,
 * word order 0, β = 2, case-sensitive, whitespace removed, no eps smoothing; signature {@code
 * nc:6|nw:0|space:no}), on 0–100, higher is better (Popović 2015, "chrF: character n-gram F-score
 * for automatic MT evaluation").
 *
 * <p>Per segment ({@code _compute_segment_statistics}):
 *
 * <ol>
 *   <li>remove all (Python) whitespace: {@code ''.join(s.split())};
 *   <li>for n = 1..6, count the character n-grams (over code points, as Python slices a {@code
 *       str}) of hypothesis and reference; the triple is [hyp count — or 0 when the reference has
 *       no n-gram of that order —, ref count, Σ min(hyp count, ref count)];
 *   <li>with several references, keep the triples of the reference with the best segment F-score
 *       (the first on ties).
 * </ol>
 *
 * The corpus statistics are the element-wise sums (18 longs, mergeable). The score ({@code
 * _compute_f_score}): average precision P and recall R over the orders whose hyp and ref counts are
 * both positive (the effective order; if none, 0); chrF = 100 · (1 + β²)·P·R / (β²·P + R), 0 when P
 * + R = 0. Empty input gives 0; Assay reports it as undefined instead.
 */
final class Chrf {

  static final String NAME = "chrf";
  static final int CHAR_ORDER = 6;
  static final double BETA = 2.0;

  /** Layout: [hyp_n, ref_n, match_n] for n = 1..6. */
  static final int SIZE = 3 * CHAR_ORDER;

  private Chrf() {}

  static long[] segment(String hypothesis, String reference) {
    return segment(hypothesis, List.of(reference));
  }

  static long[] segment(String hypothesis, List<String> references) {
    List<Map<String, Integer>> hyp = ngrams(hypothesis);
    long[] best = null;
    double bestF = -1.0;
    for (String reference : references) {
      List<Map<String, Integer>> ref = ngrams(reference);
      long[] stats = new long[SIZE];
      for (int i = 0; i < CHAR_ORDER; i++) {
        long hypCount = 0;
        long match = 0;
        Map<String, Integer> r = ref.get(i);
        for (Map.Entry<String, Integer> e : hyp.get(i).entrySet()) {
          hypCount += e.getValue();
          Integer inRef = r.get(e.getKey());
          if (inRef != null) {
            match += Math.min(e.getValue(), inRef);
          }
        }
        long refCount = 0;
        for (int c : r.values()) {
          refCount += c;
        }
        stats[3 * i] = r.isEmpty() ? 0 : hypCount;
        stats[3 * i + 1] = refCount;
        stats[3 * i + 2] = match;
      }
      double f = score(stats);
      if (f > bestF) {
        bestF = f;
        best = stats;
      }
    }
    return best;
  }

  /** chrF (0–100) from summed statistics. */
  static double score(long[] stats) {
    double avgPrec = 0;
    double avgRec = 0;
    int effectiveOrder = 0;
    for (int i = 0; i < CHAR_ORDER; i++) {
      long nHyp = stats[3 * i];
      long nRef = stats[3 * i + 1];
      long nMatch = stats[3 * i + 2];
      if (nHyp > 0 && nRef > 0) {
        avgPrec += (double) nMatch / nHyp;
        avgRec += (double) nMatch / nRef;
        effectiveOrder++;
      }
    }
    if (effectiveOrder == 0) {
      return 0.0;
    }
    avgPrec /= effectiveOrder;
    avgRec /= effectiveOrder;
    if (avgPrec + avgRec == 0) {
      return 0.0;
    }
    double factor = BETA * BETA;
    return 100 * (1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec);
  }

  /** Character n-gram counts of order 1..6 over the code points of the whitespace-free text. */
  private static List<Map<String, Integer>> ngrams(String text) {
    int[] cps = Whitespace.remove(text).codePoints().toArray();
    List<Map<String, Integer>> out = new ArrayList<>(CHAR_ORDER);
    for (int n = 1; n <= CHAR_ORDER; n++) {
      Map<String, Integer> counts = new HashMap<>();
      for (int i = 0; i + n <= cps.length; i++) {
        counts.merge(new String(cps, i, n), 1, Integer::sum);
      }
      out.add(counts);
    }
    return out;
  }
}
