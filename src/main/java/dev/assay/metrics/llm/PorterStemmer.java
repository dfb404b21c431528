package dev.assay.metrics.llm;

import java.util.Map;

/**
 * The Porter stemmer exactly as NLTK 3.8's {@code nltk.stem.porter.PorterStemmer()} runs it in its
 * default mode, {@code NLTK_EXTENSIONS} — the stemmer that rouge-score's {@code RougeScorer(...,
 * use_stemmer=True)} calls (Porter 1980, "An algorithm for suffix stripping", with NLTK's
 * documented departures). Input is one lower-case token of {@code [a-z0-9]}; rouge-score only stems
 * tokens longer than 3 characters.
 *
 * <p>Steps, in order: irregular forms ({@code skies → sky}, {@code dying → die}, {@code news},
 * {@code proceed}, …) are looked up first; words of at most 2 letters are returned as they are;
 * then 1a (sses, ies — {@code ies → ie} for 4-letter words —, ss, s), 1b (eed with m &gt; 0; {@code
 * ied → ie / i}; ed / ing with a vowel in the stem, then at/bl/iz + e, undouble, or m = 1 and *o +
 * e), 1c (y → i after a consonant that is not the first letter), 2 (the 20 rules of the paper with
 * {@code bli → ble} in place of {@code abli}, {@code alli} recursing, plus {@code fulli → ful} and
 * {@code logi → log}), 3, 4 (m &gt; 1), 5a (e), 5b (ll). The first rule whose suffix matches
 * decides a step, even if its condition fails (NLTK's {@code _apply_rule_list}). Tested against
 * NLTK 3.8 output for a word list ({@code PorterStemmerTest}).
 */
final class PorterStemmer {

  private static final Map<String, String> IRREGULAR =
      Map.ofEntries(
          Map.entry("sky", "sky"),
          Map.entry("skies", "sky"),
          Map.entry("dying", "die"),
          Map.entry("lying", "lie"),
          Map.entry("tying", "tie"),
          Map.entry("news", "news"),
          Map.entry("innings", "inning"),
          Map.entry("inning", "inning"),
          Map.entry("outings", "outing"),
          Map.entry("outing", "outing"),
          Map.entry("cannings", "canning"),
          Map.entry("canning", "canning"),
          Map.entry("howe", "howe"),
          Map.entry("proceed", "proceed"),
          Map.entry("exceed", "exceed"),
          Map.entry("succeed", "succeed"));

  private static final String[][] STEP2 = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
    {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
    {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
    {"fulli", "ful"}
  };
  private static final String[][] STEP3 = {
    {"icate", "ic"},
    {"ative", ""},
    {"alize", "al"},
    {"iciti", "ic"},
    {"ical", "ic"},
    {"ful", ""},
    {"ness", ""}
  };
  private static final String[] STEP4 = {
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize"
  };

  private PorterStemmer() {}

  /** The stem of a lower-case word. */
  static String stem(String word) {
    String irregular = IRREGULAR.get(word);
    if (irregular != null) {
      return irregular;
    }
    if (word.length() <= 2) {
      return word;
    }
    String s = step1a(word);
    s = step1b(s);
    s = step1c(s);
    s = step2(s);
    s = step3(s);
    s = step4(s);
    s = step5a(s);
    return step5b(s);
  }

  static boolean isConsonant(String w, int i) {
    char c = w.charAt(i);
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
      return false;
    }
    if (c == 'y') {
      return i == 0 || !isConsonant(w, i - 1);
    }
    return true;
  }

  /** m: the number of vowel-consonant transitions ("vc") in the word's c/v pattern. */
  static int measure(String stem) {
    int m = 0;
    for (int i = 1; i < stem.length(); i++) {
      if (!isConsonant(stem, i - 1) && isConsonant(stem, i)) {
        m++;
      }
    }
    return m;
  }

  private static boolean containsVowel(String stem) {
    for (int i = 0; i < stem.length(); i++) {
      if (!isConsonant(stem, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsDoubleConsonant(String w) {
    int n = w.length();
    return n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && isConsonant(w, n - 1);
  }

  /**
   * *o: ends consonant-vowel-consonant, the last not w, x or y; NLTK adds a 2-letter
   * vowel-consonant word.
   */
  private static boolean endsCvc(String w) {
    int n = w.length();
    if (n >= 3 && isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1)) {
      char last = w.charAt(n - 1);
      if (last != 'w' && last != 'x' && last != 'y') {
        return true;
      }
    }
    return n == 2 && !isConsonant(w, 0) && isConsonant(w, 1);
  }

  private static String cut(String w, String suffix) {
    return w.substring(0, w.length() - suffix.length());
  }

  private static String step1a(String w) {
    if (w.endsWith("ies") && w.length() == 4) {
      return cut(w, "ies") + "ie";
    }
    if (w.endsWith("sses")) {
      return cut(w, "sses") + "ss";
    }
    if (w.endsWith("ies")) {
      return cut(w, "ies") + "i";
    }
    if (w.endsWith("ss")) {
      return w;
    }
    if (w.endsWith("s")) {
      return cut(w, "s");
    }
    return w;
  }

  private static String step1b(String w) {
    if (w.endsWith("ied")) {
      return cut(w, "ied") + (w.length() == 4 ? "ie" : "i");
    }
    if (w.endsWith("eed")) {
      String stem = cut(w, "eed");
      return measure(stem) > 0 ? stem + "ee" : w;
    }
    String stem = null;
    for (String suffix : new String[] {"ed", "ing"}) {
      if (w.endsWith(suffix)) {
        String candidate = cut(w, suffix);
        if (containsVowel(candidate)) {
          stem = candidate;
          break;
        }
      }
    }
    if (stem == null) {
      return w;
    }
    if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) {
      return stem + "e";
    }
    if (endsDoubleConsonant(stem)) {
      char last = stem.charAt(stem.length() - 1);
      return last != 'l' && last != 's' && last != 'z'
          ? stem.substring(0, stem.length() - 1)
          : stem;
    }
    return measure(stem) == 1 && endsCvc(stem) ? stem + "e" : stem;
  }

  private static String step1c(String w) {
    if (w.endsWith("y")) {
      String stem = cut(w, "y");
      return stem.length() > 1 && isConsonant(stem, stem.length() - 1) ? stem + "i" : w;
    }
    return w;
  }

  private static String step2(String w) {
    if (w.endsWith("alli") && measure(cut(w, "alli")) > 0) {
      return step2(cut(w, "alli") + "al");
    }
    for (String[] rule : STEP2) {
      if (w.endsWith(rule[0])) {
        String stem = cut(w, rule[0]);
        return measure(stem) > 0 ? stem + rule[1] : w;
      }
    }
    if (w.endsWith("logi")) {
      return measure(w.substring(0, w.length() - 3)) > 0 ? cut(w, "logi") + "log" : w;
    }
    return w;
  }

  private static String step3(String w) {
    for (String[] rule : STEP3) {
      if (w.endsWith(rule[0])) {
        String stem = cut(w, rule[0]);
        return measure(stem) > 0 ? stem + rule[1] : w;
      }
    }
    return w;
  }

  private static String step4(String w) {
    for (String suffix : STEP4) {
      if (w.endsWith(suffix)) {
        String stem = cut(w, suffix);
        boolean ok = measure(stem) > 1;
        if (suffix.equals("ion")) {
          ok &= !stem.isEmpty() && (stem.endsWith("s") || stem.endsWith("t"));
        }
        return ok ? stem : w;
      }
    }
    return w;
  }

  private static String step5a(String w) {
    if (w.endsWith("e")) {
      String stem = cut(w, "e");
      int m = measure(stem);
      if (m > 1 || (m == 1 && !endsCvc(stem))) {
        return stem;
      }
    }
    return w;
  }

  private static String step5b(String w) {
    if (w.endsWith("ll")) {
      return measure(w.substring(0, w.length() - 1)) > 1 ? w.substring(0, w.length() - 1) : w;
    }
    return w;
  }
}
