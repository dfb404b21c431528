package dev.assay.metrics.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

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
 *
 * <p>Two forms, as the llm family's other per-record scores ({@code LlmAnalysis.sqlForm}): {@link
 * #score(String)} in the Java fold on CPU executors, {@link #score(Column)} as column expressions
 * in the SQL form, so that on GPU executors the responses' tokenization for the variants runs in
 * the plan. Both give the same double, bit for bit (SqlScoresEquivalenceTest,
 * LlmFormsEquivalenceTest).
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

  /**
   * {@link #score(String)} as a column expression (null for a null text): the tokens of {@code
   * SupportColumns.words} ({@link Rouge#tokens}: {@code regexp_extract_all} of {@code [a-z0-9]+}
   * over {@code lower}), P and N the sizes of their {@code filter} by membership ({@code isin}) in
   * the positive and the negative list (a token in both would count as positive, as the Java {@code
   * else if} counts it), and the quotient of the two counts as doubles, the Java code's {@code
   * (double) (p - n) / (p + n)}: both ints are exact doubles, and the division is the same IEEE
   * division.
   */
  static Column score(Column text) {
    Column tokens = SupportColumns.words(text);
    Object[] positive = new TreeSet<>(POSITIVE).toArray();
    Object[] negative = new TreeSet<>(NEGATIVE).toArray();
    Column p = functions.size(functions.filter(tokens, t -> t.isin(positive)));
    Column n =
        functions.size(
            functions.filter(tokens, t -> t.isin(negative).and(functions.not(t.isin(positive)))));
    return functions
        .when(text.isNull(), functions.lit(null).cast("double"))
        .when(p.plus(n).equalTo(0), functions.lit(0.0))
        .otherwise(p.minus(n).cast("double").divide(p.plus(n).cast("double")));
  }

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
