package dev.assay.metrics.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rouge1}, {@code rouge2}, {@code rougeL}: the F-measure of Google's {@code rouge-score}
 * package (0.1.2, {@code rouge_scorer.RougeScorer([...], use_stemmer=False)}), on 0–1, higher is
 * better (Lin 2004, "ROUGE: a package for automatic evaluation of summaries"). Assay reports the
 * mean over records of the per-record F-measure.
 *
 * <p>Per record ({@code tokenize.tokenize} then {@code _score_ngrams} / {@code _score_lcs}):
 * <ol>
 *   <li>tokenize: lower-case (Unicode, as Python's {@code str.lower}), replace every run of
 *       characters other than {@code [a-z0-9]} by a space, split, drop empty tokens — so
 *       non-ASCII letters separate words and vanish;</li>
 *   <li>ROUGE-N: overlap = Σ over distinct reference n-grams of min(count in reference, count in
 *       response); precision = overlap / max(response n-grams, 1), recall = overlap /
 *       max(reference n-grams, 1);</li>
 *   <li>ROUGE-L: if either token list is empty, 0; else the longest common subsequence length L,
 *       precision = L / response tokens, recall = L / reference tokens;</li>
 *   <li>F = 2PR / (P + R), 0 when P + R = 0.</li>
 * </ol>
 * Empty text scores 0. No stemming (the Porter option is not implemented).
 */
final class Rouge {

  static final String ROUGE1 = "rouge1";
  static final String ROUGE2 = "rouge2";
  static final String ROUGE_L = "rougeL";

  private Rouge() {
  }

  /** rouge-score's tokenizer without stemming. */
  static List<String> tokens(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        token.append(c);
      } else if (token.length() > 0) {
        out.add(token.toString());
        token.setLength(0);
      }
    }
    if (token.length() > 0) {
      out.add(token.toString());
    }
    return out;
  }

  /** ROUGE-N F-measure of a response against a reference. */
  static double rougeN(List<String> reference, List<String> response, int n) {
    Map<String, Integer> ref = ngrams(reference, n);
    Map<String, Integer> hyp = ngrams(response, n);
    long overlap = 0;
    for (Map.Entry<String, Integer> e : ref.entrySet()) {
      overlap += Math.min(e.getValue(), hyp.getOrDefault(e.getKey(), 0));
    }
    long refCount = Math.max(0, reference.size() - n + 1);
    long hypCount = Math.max(0, response.size() - n + 1);
    double precision = (double) overlap / Math.max(hypCount, 1);
    double recall = (double) overlap / Math.max(refCount, 1);
    return fmeasure(precision, recall);
  }

  /** ROUGE-L F-measure of a response against a reference. */
  static double rougeL(List<String> reference, List<String> response) {
    if (reference.isEmpty() || response.isEmpty()) {
      return 0.0;
    }
    int lcs = lcs(reference, response);
    return fmeasure((double) lcs / response.size(), (double) lcs / reference.size());
  }

  static double fmeasure(double precision, double recall) {
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
  }

  /** Longest common subsequence length, dynamic programming with two rows. */
  static int lcs(List<String> a, List<String> b) {
    int[] prev = new int[b.size() + 1];
    int[] cur = new int[b.size() + 1];
    for (int i = 1; i <= a.size(); i++) {
      for (int j = 1; j <= b.size(); j++) {
        cur[j] = a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.size()];
  }

  private static Map<String, Integer> ngrams(List<String> tokens, int n) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
    }
    return counts;
  }
}
