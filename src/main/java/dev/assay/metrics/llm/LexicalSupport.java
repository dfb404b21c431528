package dev.assay.metrics.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical support of a RAG answer by its retrieved contexts: word overlap, <b>not truth</b>. A
 * sentence whose words all occur in the contexts can still misstate them, and a correct paraphrase
 * can share few words; these metrics flag answers that say things the contexts do not mention. They
 * follow the token-overlap idea of RAGAS's non-LLM metrics and of the "faithfulness by overlap"
 * baselines, with rouge-score's tokenizer; they do not reproduce any tool's numbers.
 *
 * <p>Definitions, per record, with "words" = {@link Rouge#tokens} (lower case, runs of {@code
 * [a-z0-9]}) and "content words" = the distinct words not in {@link #STOPWORDS}:
 *
 * <ul>
 *   <li>sentences ({@link #sentences}): the response is cut after every run of {@code .}, {@code !}
 *       or {@code ?} that is followed by whitespace or the end of the text, and at every line
 *       break; so "192.168.8.1" and "3.2" stay whole, and an abbreviation such as "e.g. " does cut;
 *   <li>{@link LlmMetrics#GROUNDEDNESS_LEXICAL}: a sentence is supported when at least {@code
 *       llm.support_threshold} (default 0.5) of its content words occur among the words of the
 *       contexts (all contexts of the record joined); the record's score is supported sentences /
 *       sentences that have a content word; sentences without one ("Yes." is one — "yes" is a
 *       stopword — as is "OK.") are not counted, and a record with no counted sentence is left out
 *       (with a note). 0–1, higher is better;
 *   <li>{@link LlmMetrics#UNSUPPORTED_NUMBER_RATE}: numbers are the matches of {@code
 *       [0-9]+([.,][0-9]+)*} in the raw text that do not follow a letter or digit ("1.5",
 *       "192.168.8.1", "1,000", the "480" of "480g"; not the "2" of the name "X2"); compared as
 *       written, so "1000" ≠ "1,000"; the share of number occurrences in the responses (pooled over
 *       records) that do not occur among the numbers of the record's contexts. 0–1, lower is
 *       better; undefined when no response holds a number;
 *   <li>{@link LlmMetrics#UNSUPPORTED_ENTITY_RATE}: named entities ({@link #entities}) are maximal
 *       runs of capitalised words (whitespace-separated, surrounding punctuation stripped, first
 *       character an upper-case letter or the word an upper-case acronym such as "WPA3") that do
 *       not start a sentence; a word whose rouge-score tokens are all stopwords ("I", "The") breaks
 *       a run and is not one. An entity is supported when its rouge-score tokens occur
 *       contiguously, in order, among the tokens of the record's contexts (so case does not matter:
 *       "Lyon" is supported by "LYON"). The share of entity occurrences in the responses (pooled
 *       over records) that are not supported; 0–1, lower is better; undefined when no response
 *       holds an entity. A heuristic: the first word of a sentence is never checked, and
 *       capitalised common words ("Wi-Fi") count;
 *   <li>{@link LlmMetrics#CONTEXT_RELEVANCE}: share of the prompt's content words that occur in the
 *       contexts; 0–1, higher is better;
 *   <li>{@link LlmMetrics#ANSWER_RELEVANCE}: share of the prompt's content words that occur in the
 *       response; 0–1, higher is better;
 *   <li>{@link LlmMetrics#CONTEXT_RECALL}: share of the reference answer's content words that occur
 *       in the contexts; 0–1, higher is better.
 * </ul>
 *
 * Each is a mean over the records where both texts are present (not null) and the text whose words
 * are looked for has at least one content word; an empty context list is present and supports
 * nothing. Records left out are counted in the metric's {@code count}.
 */
final class LexicalSupport {

  /**
   * A small English stopword list: articles, pronouns, auxiliaries, common prepositions and
   * conjunctions, question words, and the fragments rouge-score's tokenizer leaves of contractions
   * ("can't" → "can", "t"; "I'm" → "i", "m"). "yes", "no" and "not" are stopwords too (they carry
   * no topic), so "Yes." alone is not checked.
   */
  static final Set<String> STOPWORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "if", "then", "so", "than", "as", "of", "in", "on",
          "at", "to", "for", "from", "by", "with", "about", "into", "over", "under", "after",
          "before", "between", "through", "up", "down", "out", "off", "i", "me", "my", "we", "our",
          "you", "your", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their",
          "this", "that", "these", "those", "there", "here", "is", "are", "was", "were", "be",
          "been", "being", "am", "do", "does", "did", "have", "has", "had", "can", "could", "will",
          "would", "shall", "should", "may", "might", "must", "what", "which", "who", "whom",
          "whose", "when", "where", "why", "how", "all", "any", "some", "no", "not", "yes", "also",
          "just", "only", "very", "too", "s", "t", "m", "re", "ve", "ll", "d");

  private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])[0-9]+(?:[.,][0-9]+)*");

  private LexicalSupport() {}

  /**
   * One record's four lexical-support scores {groundedness_lexical, context_relevance,
   * answer_relevance, context_recall}, each empty when a text it needs is null (or, for
   * groundedness, when the response has no sentence with a content word); {@code contexts} is the
   * record's passages joined. The data-set metrics are their means.
   */
  static OptionalDouble[] scores(
      String prompt, String response, String reference, String contexts, double threshold) {
    Set<String> contextWords = contexts == null ? null : words(contexts);
    Set<String> promptWords = prompt == null ? null : contentWords(prompt);
    OptionalDouble none = OptionalDouble.empty();
    return new OptionalDouble[] {
      response != null && contextWords != null
          ? groundedness(response, contextWords, threshold)
          : none,
      promptWords != null && contextWords != null ? coverage(promptWords, contextWords) : none,
      promptWords != null && response != null ? coverage(promptWords, words(response)) : none,
      reference != null && contextWords != null
          ? coverage(contentWords(reference), contextWords)
          : none
    };
  }

  /** The distinct content words of {@code text}, in first-seen order. */
  static Set<String> contentWords(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String token : Rouge.tokens(text)) {
      if (!STOPWORDS.contains(token)) {
        out.add(token);
      }
    }
    return out;
  }

  /** Every word (rouge-score token) of {@code text}. */
  static Set<String> words(String text) {
    return new HashSet<>(Rouge.tokens(text));
  }

  /** The share of {@code wanted} found in {@code in}; empty when {@code wanted} is empty. */
  static OptionalDouble coverage(Set<String> wanted, Set<String> in) {
    if (wanted.isEmpty()) {
      return OptionalDouble.empty();
    }
    int found = 0;
    for (String w : wanted) {
      if (in.contains(w)) {
        found++;
      }
    }
    return OptionalDouble.of((double) found / wanted.size());
  }

  /** The sentences of {@code text} by the rule in the class comment (trimmed, non-blank). */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        add(out, text.substring(start, i));
        start = ++i;
      } else if (c == '.' || c == '!' || c == '?') {
        int end = i;
        while (end < n
            && (text.charAt(end) == '.' || text.charAt(end) == '!' || text.charAt(end) == '?')) {
          end++;
        }
        if (end == n || Character.isWhitespace(text.charAt(end))) {
          add(out, text.substring(start, end));
          start = end;
        }
        i = end;
      } else {
        i++;
      }
    }
    add(out, text.substring(start));
    return out;
  }

  private static void add(List<String> out, String sentence) {
    if (!sentence.isBlank()) {
      out.add(sentence.trim());
    }
  }

  /**
   * The record's groundedness: supported sentences / sentences with a content word; empty when no
   * sentence has one.
   */
  static OptionalDouble groundedness(String response, Set<String> contextWords, double threshold) {
    int counted = 0;
    int supported = 0;
    for (String sentence : sentences(response)) {
      OptionalDouble share = coverage(contentWords(sentence), contextWords);
      if (share.isPresent()) {
        counted++;
        if (share.getAsDouble() >= threshold) {
          supported++;
        }
      }
    }
    return counted == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) supported / counted);
  }

  /**
   * The named entities of {@code text} (by the rule in the class comment), each as its rouge-score
   * tokens, in order, with repeats.
   */
  static List<List<String>> entities(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String sentence : sentences(text)) {
      String[] words = sentence.split("\\s+");
      List<String> run = new ArrayList<>();
      for (int i = 1; i <= words.length; i++) {
        List<String> tokens = i < words.length ? entityTokens(words[i]) : null;
        if (tokens != null) {
          run.addAll(tokens);
        } else if (!run.isEmpty()) {
          out.add(run);
          run = new ArrayList<>();
        }
      }
    }
    return out;
  }

  /** The tokens of a capitalised word that is not only stopwords, or null when it is not one. */
  private static List<String> entityTokens(String word) {
    int start = 0;
    while (start < word.length() && !Character.isLetterOrDigit(word.charAt(start))) {
      start++;
    }
    if (start >= word.length() || !Character.isUpperCase(word.charAt(start))) {
      return null;
    }
    List<String> tokens = Rouge.tokens(word);
    for (String t : tokens) {
      if (!STOPWORDS.contains(t)) {
        return tokens;
      }
    }
    return null;
  }

  /** True when {@code sequence} occurs contiguously in {@code tokens}. */
  static boolean containsSequence(List<String> tokens, List<String> sequence) {
    outer:
    for (int i = 0; i + sequence.size() <= tokens.size(); i++) {
      for (int j = 0; j < sequence.size(); j++) {
        if (!tokens.get(i + j).equals(sequence.get(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The numbers written in {@code text}, in order, with repeats. */
  static List<String> numbers(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
