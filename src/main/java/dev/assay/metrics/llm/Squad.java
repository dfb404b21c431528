package dev.assay.metrics.llm;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code exact_match} and {@code token_f1}: the SQuAD v1.1 official evaluation script ({@code
 * evaluate-v1.1.py}, Rajpurkar et al. 2016), per record on 0–1 (the script multiplies by 100),
 * higher is better; Assay reports the mean over records.
 *
 * <p>{@code normalize_answer}, in the script's order:
 *
 * <ol>
 *   <li>lower-case (Python's {@code str.lower});
 *   <li>remove every character of {@code string.punctuation} (the 32 ASCII marks {@code
 *       !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}; other punctuation, such as “ ” — ¿, stays);
 *   <li>replace the words {@code a}, {@code an}, {@code the} by a space — {@code \b(a|an|the)\b},
 *       i.e. a maximal run of word characters (Unicode letters, digits, numerics, {@code _}) that
 *       is exactly one of them;
 *   <li>collapse whitespace: {@code ' '.join(text.split())}.
 * </ol>
 *
 * Exact match: 1 when the normalised strings are equal (so two empty answers match). F1: the
 * multiset intersection of the normalised tokens; 0 when it is empty (also when both are empty, as
 * in v1.1 — v2.0 changed that), else 2PR / (P + R) with P = common / response tokens and R = common
 * / reference tokens.
 */
final class Squad {

  static final String EXACT_MATCH = "exact_match";
  static final String TOKEN_F1 = "token_f1";
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private Squad() {}

  static String normalize(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder noPunct = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (PUNCTUATION.indexOf(c) < 0) {
        noPunct.append(c);
      }
    }
    return String.join(" ", Whitespace.split(removeArticles(noPunct.toString())));
  }

  /**
   * The SQuAD script's {@code metric_max_over_ground_truths}: {exact match (1 or 0), token F1},
   * each the best over the references; {0, 0} without a reference.
   */
  static double[] best(String response, List<String> references) {
    boolean exact = false;
    double f1 = 0;
    for (String reference : references) {
      exact |= exactMatch(response, reference);
      f1 = Math.max(f1, f1(response, reference));
    }
    return new double[] {exact ? 1 : 0, f1};
  }

  static boolean exactMatch(String response, String reference) {
    return normalize(response).equals(normalize(reference));
  }

  static double f1(String response, String reference) {
    List<String> pred = Whitespace.split(normalize(response));
    List<String> gold = Whitespace.split(normalize(reference));
    Map<String, Integer> counts = new HashMap<>();
    for (String t : gold) {
      counts.merge(t, 1, Integer::sum);
    }
    int same = 0;
    for (String t : pred) {
      Integer c = counts.get(t);
      if (c != null && c > 0) {
        same++;
        counts.put(t, c - 1);
      }
    }
    if (same == 0) {
      return 0.0;
    }
    double precision = (double) same / pred.size();
    double recall = (double) same / gold.size();
    return 2 * precision * recall / (precision + recall);
  }

  /** {@code re.sub(r'\b(a|an|the)\b', ' ', text)} with Python 3's Unicode word characters. */
  private static String removeArticles(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!isWord(cp)) {
        out.appendCodePoint(cp);
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < text.length() && isWord(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      String word = text.substring(start, i);
      out.append(word.equals("a") || word.equals("an") || word.equals("the") ? " " : word);
    }
    return out.toString();
  }

  /** Python's {@code \w} for str patterns: alphanumeric ({@code str.isalnum}) or underscore. */
  private static boolean isWord(int cp) {
    if (cp == '_' || Character.isLetter(cp) || Character.isDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }
}
