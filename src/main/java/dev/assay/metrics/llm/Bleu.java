package dev.assay.metrics.llm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bleu}: BLEU as sacreBLEU 2.x computes it with its defaults ({@code BLEU()}: signature
 * {@code case:mixed|eff:no|tok:13a|smooth:exp}), on 0–100, higher is better (Papineni et al. 2002,
 * "BLEU: a method for automatic evaluation of machine translation"; Post 2018, "A call for clarity
 * in reporting BLEU scores").
 *
 * <p>Per segment (sacreBLEU's {@code _extract_corpus_statistics}):
 *
 * <ol>
 *   <li>tokenize hypothesis and references with {@link Tokenizer13a} (after {@code rstrip});
 *   <li>for n = 1..4, count the hypothesis n-grams ({@code totals[n]} = max(0, len − n + 1)) and
 *       the clipped matches: Σ over distinct hypothesis n-grams of min(count in hypothesis, highest
 *       count in any reference);
 *   <li>hypothesis length, and the closest reference length (ties to the shorter).
 * </ol>
 *
 * The corpus statistics are the element-wise sums over segments — a mergeable state of 10 longs,
 * which is why corpus BLEU is computed from summed counts and is NOT the mean of sentence BLEU. The
 * score ({@code compute_bleu}): BP = 1 if hyp_len ≥ ref_len, else exp(1 − ref_len / hyp_len) (0
 * when hyp_len = 0); if no n-gram matches at all, BLEU = 0; else p_n = 100·matches_n/totals_n, and
 * with the {@code exp} smoothing a zero match count at order n gives p_n = 100 / (2^k · totals_n)
 * for the k-th such order; an order with totals_n = 0 ends the loop and leaves p_n = 0 (log 0 taken
 * as −9999999999, so BLEU ≈ 0); BLEU = BP · exp(Σ log p_n / 4).
 *
 * <p>Sentence BLEU ({@link #sentenceScore}) is sacreBLEU's {@code sentence_bleu}: the same on one
 * segment, with {@code use_effective_order=True} (the mean runs over the orders with n-grams).
 * Empty input (no segment) gives all-zero statistics and BLEU 0; Assay reports it as undefined
 * instead.
 */
final class Bleu {

  static final String NAME = "bleu";
  static final int MAX_ORDER = 4;

  /** Layout of the statistics: [hyp_len, ref_len, matches_1..4, totals_1..4]. */
  static final int SIZE = 2 + 2 * MAX_ORDER;

  private Bleu() {}

  /** The statistics of one segment with one reference. */
  static long[] segment(String hypothesis, String reference) {
    return segment(hypothesis, List.of(reference));
  }

  /** The statistics of one segment with one or more references. */
  static long[] segment(String hypothesis, List<String> references) {
    List<String> hyp = Tokenizer13a.tokens(hypothesis);
    long[] stats = new long[SIZE];
    stats[0] = hyp.size();
    Map<String, Integer> maxRef = new HashMap<>();
    int closestDiff = -1;
    int closestLen = -1;
    for (String reference : references) {
      List<String> ref = Tokenizer13a.tokens(reference);
      int diff = Math.abs(hyp.size() - ref.size());
      if (closestDiff == -1 || diff < closestDiff) {
        closestDiff = diff;
        closestLen = ref.size();
      } else if (diff == closestDiff && ref.size() < closestLen) {
        closestLen = ref.size();
      }
      ngrams(ref).forEach((gram, count) -> maxRef.merge(gram, count, Math::max));
    }
    stats[1] = closestLen;
    ngrams(hyp)
        .forEach(
            (gram, count) -> {
              int order = order(gram);
              stats[1 + MAX_ORDER + order] += count;
              Integer inRef = maxRef.get(gram);
              if (inRef != null) {
                stats[1 + order] += Math.min(count, inRef);
              }
            });
    return stats;
  }

  /**
   * Corpus BLEU from summed statistics (sacreBLEU's default: exp smoothing, no effective order).
   */
  static double score(long[] stats) {
    return score(stats, false);
  }

  /** sacreBLEU's {@code sentence_bleu} of one hypothesis against one reference. */
  static double sentenceScore(String hypothesis, String reference) {
    return score(segment(hypothesis, reference), true);
  }

  static double score(long[] stats, boolean effectiveOrder) {
    long hypLen = stats[0];
    long refLen = stats[1];
    double bp =
        hypLen < refLen ? (hypLen > 0 ? Math.exp(1.0 - (double) refLen / hypLen) : 0.0) : 1.0;
    boolean anyMatch = false;
    for (int n = 1; n <= MAX_ORDER; n++) {
      anyMatch |= stats[1 + n] > 0;
    }
    if (!anyMatch) {
      return 0.0;
    }
    double[] precisions = new double[MAX_ORDER];
    double smooth = 1.0;
    int effOrder = MAX_ORDER;
    for (int n = 1; n <= MAX_ORDER; n++) {
      long correct = stats[1 + n];
      long total = stats[1 + MAX_ORDER + n];
      if (total == 0) {
        break;
      }
      if (effectiveOrder) {
        effOrder = n;
      }
      if (correct == 0) {
        smooth *= 2;
        precisions[n - 1] = 100.0 / (smooth * total);
      } else {
        precisions[n - 1] = 100.0 * correct / total;
      }
    }
    double logSum = 0;
    for (int i = 0; i < effOrder; i++) {
      logSum += precisions[i] == 0 ? -9999999999.0 : Math.log(precisions[i]);
    }
    return bp * Math.exp(logSum / effOrder);
  }

  /** The n-gram precisions (0–100) without smoothing, for notes and tests. */
  static double precision(long[] stats, int n) {
    long total = stats[1 + MAX_ORDER + n];
    return total == 0 ? 0.0 : 100.0 * stats[1 + n] / total;
  }

  /** Counts of every n-gram of order 1..4, keyed by the tokens joined with a space. */
  private static Map<String, Integer> ngrams(List<String> tokens) {
    Map<String, Integer> counts = new HashMap<>();
    for (int n = 1; n <= MAX_ORDER; n++) {
      for (int i = 0; i + n <= tokens.size(); i++) {
        counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The order of an n-gram key (tokens never contain spaces). */
  private static int order(String gram) {
    int n = 1;
    for (int i = 0; i < gram.length(); i++) {
      if (gram.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }
}
