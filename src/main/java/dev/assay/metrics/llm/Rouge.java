package dev.assay.metrics.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code rouge1}, {@code rouge2}, {@code rougeL}: the F-measure of Google's {@code rouge-score}
 * package (0.1.2, {@code rouge_scorer.RougeScorer([...], use_stemmer=False)}), on 0–1, higher is
 * better (Lin 2004, "ROUGE: a package for automatic evaluation of summaries"). Assay reports the
 * mean over records of the per-record F-measure.
 *
 * <p>Per record ({@code tokenize.tokenize} then {@code _score_ngrams} / {@code _score_lcs}):
 *
 * <ol>
 *   <li>tokenize: lower-case (Unicode, as Python's {@code str.lower}), replace every run of
 *       characters other than {@code [a-z0-9]} by a space, split, drop empty tokens — so non-ASCII
 *       letters separate words and vanish;
 *   <li>ROUGE-N: overlap = Σ over distinct reference n-grams of min(count in reference, count in
 *       response); precision = overlap / max(response n-grams, 1), recall = overlap / max(reference
 *       n-grams, 1);
 *   <li>ROUGE-L: if either token list is empty, 0; else the longest common subsequence length L,
 *       precision = L / response tokens, recall = L / reference tokens;
 *   <li>F = 2PR / (P + R), 0 when P + R = 0.
 * </ol>
 *
 * Empty text scores 0. With {@code llm.rouge_use_stemmer: true} tokens longer than 3 characters are
 * Porter-stemmed ({@link PorterStemmer}, NLTK's default mode), as {@code use_stemmer=True}; default
 * off, as rouge-score's default.
 *
 * <p>{@code rougeLsum} ({@link #rougeLsum}): summary-level LCS over the newline-separated
 * sentences. With several reference answers each ROUGE type takes the reference with the highest
 * F-measure, as {@code RougeScorer.score_multi} does ({@link #best}).
 */
final class Rouge {

  static final String ROUGE1 = "rouge1";
  static final String ROUGE2 = "rouge2";
  static final String ROUGE_L = "rougeL";
  static final String ROUGE_LSUM = "rougeLsum";

  private Rouge() {}

  /** rouge-score's tokenizer without stemming. */
  static List<String> tokens(String text) {
    return tokens(text, false);
  }

  /**
   * rouge-score's tokenizer ({@code tokenize.tokenize}); with {@code stem}, tokens longer than 3
   * characters are replaced by their {@link PorterStemmer} stem, as {@code use_stemmer=True} does.
   */
  static List<String> tokens(String text, boolean stem) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        token.append(c);
      } else if (token.length() > 0) {
        out.add(word(token.toString(), stem));
        token.setLength(0);
      }
    }
    if (token.length() > 0) {
      out.add(word(token.toString(), stem));
    }
    return out;
  }

  private static String word(String token, boolean stem) {
    return stem && token.length() > 3 ? PorterStemmer.stem(token) : token;
  }

  /**
   * rouge-score's sentences for {@code rougeLsum}: the text split on {@code "\n"} (no other
   * sentence splitting), empty lines dropped, each line tokenized.
   */
  static List<List<String>> sentences(String text, boolean stem) {
    List<List<String>> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.add(tokens(line, stem));
      }
    }
    return out;
  }

  /**
   * rougeLsum F-measure: rouge-score's {@code _summary_level_lcs} (Lin 2004, section 3.2, with
   * ROUGE-1.5.5's guard against double counting). 0 when either side has no sentence or no token.
   * For each reference sentence r, the union of the token positions of one LCS of r with each
   * response sentence (the LCS read back as {@code _backtrack_norec} does); each token of that
   * union is a hit while both the reference and the response still have an unused occurrence of it
   * (counts over the whole texts). P = hits / response tokens, R = hits / reference tokens.
   */
  static double rougeLsum(List<List<String>> reference, List<List<String>> response) {
    if (reference.isEmpty() || response.isEmpty()) {
      return 0.0;
    }
    int m = 0;
    int n = 0;
    Map<String, Integer> refCounts = new HashMap<>();
    Map<String, Integer> hypCounts = new HashMap<>();
    for (List<String> s : reference) {
      m += s.size();
      s.forEach(t -> refCounts.merge(t, 1, Integer::sum));
    }
    for (List<String> s : response) {
      n += s.size();
      s.forEach(t -> hypCounts.merge(t, 1, Integer::sum));
    }
    if (m == 0 || n == 0) {
      return 0.0;
    }
    int hits = 0;
    for (List<String> r : reference) {
      TreeSet<Integer> union = new TreeSet<>();
      for (List<String> c : response) {
        union.addAll(lcsIndices(r, c));
      }
      for (int i : union) {
        String t = r.get(i);
        if (hypCounts.getOrDefault(t, 0) > 0 && refCounts.getOrDefault(t, 0) > 0) {
          hits++;
          hypCounts.merge(t, -1, Integer::sum);
          refCounts.merge(t, -1, Integer::sum);
        }
      }
    }
    return fmeasure((double) hits / n, (double) hits / m);
  }

  /**
   * Positions in {@code ref} of one LCS with {@code can}, read back as rouge-score's {@code
   * _backtrack_norec}.
   */
  static List<Integer> lcsIndices(List<String> ref, List<String> can) {
    int[][] t = new int[ref.size() + 1][can.size() + 1];
    for (int i = 1; i <= ref.size(); i++) {
      for (int j = 1; j <= can.size(); j++) {
        t[i][j] =
            ref.get(i - 1).equals(can.get(j - 1))
                ? t[i - 1][j - 1] + 1
                : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    List<Integer> out = new ArrayList<>();
    int i = ref.size();
    int j = can.size();
    while (i > 0 && j > 0) {
      if (ref.get(i - 1).equals(can.get(j - 1))) {
        out.add(0, i - 1);
        i--;
        j--;
      } else if (t[i][j - 1] > t[i - 1][j]) {
        j--;
      } else {
        i--;
      }
    }
    return out;
  }

  /**
   * The F-measures [rouge1, rouge2, rougeL, rougeLsum] of a response against one or more
   * references: per type the highest over the references ({@code score_multi} takes, per type, the
   * reference with the highest F-measure). An empty list of references scores 0.
   */
  static double[] best(List<String> references, String response, boolean stem) {
    double[] best = new double[4];
    List<String> hyp = tokens(response, stem);
    List<List<String>> hypSentences = sentences(response, stem);
    for (String reference : references) {
      List<String> ref = tokens(reference, stem);
      best[0] = Math.max(best[0], rougeN(ref, hyp, 1));
      best[1] = Math.max(best[1], rougeN(ref, hyp, 2));
      best[2] = Math.max(best[2], rougeL(ref, hyp));
      best[3] = Math.max(best[3], rougeLsum(sentences(reference, stem), hypSentences));
    }
    return best;
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
        cur[j] =
            a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
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
