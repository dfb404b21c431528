package dev.assay.metrics.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A sentiment-lexicon score of one text, for comparing the responses to variants of a prompt
 * ({@code variant_sentiment_mean}). The lexicon is Assay's own list of 60 positive and 63 negative
 * English opinion words ({@code sentiment-lexicon.txt} beside this class; of the kind listed in Hu
 * and Liu 2004, "Mining and summarizing customer reviews", none copied).
 *
 * <p>score = (P − N) / (P + N), with P and N the numbers of tokens (rouge-score tokens: lower-case
 * runs of a–z and 0–9, no stemming) that are positive and negative words; 0 when the text has
 * neither (neutral). Range −1 (only negative words) to 1 (only positive words). No negation
 * handling ("not good" counts as positive) and English only: a coarse signal that flags one variant
 * receiving markedly warmer or colder answers, not a sentiment classifier.
 */
final class Sentiment {

  static final Set<String> POSITIVE;
  static final Set<String> NEGATIVE;

  static {
    Set<String> pos = new HashSet<>();
    Set<String> neg = new HashSet<>();
    try (InputStream in = Sentiment.class.getResourceAsStream("sentiment-lexicon.txt")) {
      if (in == null) {
        throw new IllegalStateException("sentiment-lexicon.txt is missing from the classpath");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String w = line.trim();
        if (w.startsWith("+")) {
          pos.add(w.substring(1));
        } else if (w.startsWith("-")) {
          neg.add(w.substring(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    POSITIVE = Set.copyOf(pos);
    NEGATIVE = Set.copyOf(neg);
  }

  private Sentiment() {}

  /** (P − N) / (P + N) over the text's tokens; 0 without opinion words. */
  static double score(String text) {
    List<String> tokens = Rouge.tokens(text);
    int p = 0;
    int n = 0;
    for (String t : tokens) {
      if (POSITIVE.contains(t)) {
        p++;
      } else if (NEGATIVE.contains(t)) {
        n++;
      }
    }
    return p + n == 0 ? 0.0 : (double) (p - n) / (p + n);
  }
}
