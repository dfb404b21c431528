package dev.assay.metrics.llm;

import dev.assay.spark.Columns;
import dev.assay.spark.UnicodeRanges;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@link LexicalSupport}'s per-record statistics ({@link SupportState#of}) as built-in Spark SQL
 * expressions, for the llm family's SQL form (GPU executors): the fold then only adds them up, and
 * neither the prompt nor the contexts reach the Java step. Every step is that of the Java code, so
 * the values are the same bit for bit (SupportColumnsTest):
 *
 * <ul>
 *   <li>words ({@link Rouge#tokens}): {@code regexp_extract_all(lower(text), '[a-z0-9]+')}; content
 *       words: {@code array_except} of the {@link LexicalSupport#STOPWORDS} (distinct); a share of
 *       words found is {@code size(array_intersect(..))} over the size, as a double division, as
 *       {@link LexicalSupport#coverage} divides;
 *   <li>sentences ({@link LexicalSupport#sentences}): a newline is inserted after every {@code .},
 *       {@code !} or {@code ?} followed by a {@link Character#isWhitespace} character (the last
 *       mark of a run is the one followed by it), then the text is {@code split} at {@code \r} and
 *       {@code \n}; empty and blank pieces hold no word, so they count for nothing, as the Java
 *       code drops them;
 *   <li>entities ({@link LexicalSupport#entities}): in each sentence the first word (after Java's
 *       {@code trim}: characters up to U+0020) is replaced by a separator {@code |}, the sentences
 *       are joined by separators and split on Java's {@code \s}; a word is an entity word when,
 *       after its leading characters that are not {@link Character#isLetterOrDigit} (surrogates
 *       included, as the Java code reads {@code char}s), its first character is {@link
 *       Character#isUpperCase} and one of its words is no stopword; entity words become their words
 *       joined by spaces, other words a separator, so the maximal runs are the pieces between
 *       separators; a run is supported when {@code ' ' + run + ' '} occurs in the contexts' words
 *       joined by spaces and padded ({@link LexicalSupport#containsSequence}: the words hold no
 *       space);
 *   <li>numbers ({@link LexicalSupport#numbers}): the lookbehind {@code (?<![\p{L}\p{N}])} becomes
 *       a consumed character outside the class before the number, over the text with a space
 *       prepended (a match ends with a digit, so it never holds the next match's first character);
 *       the runs of digits and separators are cut where the Java pattern's matches end ({@link
 *       #numbers}: no repeated group). The classes are explicit ranges ({@link UnicodeRanges}:
 *       RAPIDS takes no {@code \p{..}}).
 * </ul>
 */
final class SupportColumns {

  /** The contexts' words ({@code array<string>}, with repeats, in order); null without contexts. */
  static final String CONTEXT_WORDS = "__assay_support_context";

  /**
   * The response's sentences ({@code array<string>}, unfolded text); null without a response or
   * without contexts.
   */
  static final String SENTENCES = "__assay_support_sentences";

  /** The prompt's content words ({@code array<string>}); null without a prompt. */
  static final String PROMPT_WORDS = "__assay_support_prompt";

  /**
   * The content words of each sentence of the response that has one ({@code array<array<string>>});
   * null without a response.
   */
  static final String SENTENCE_WORDS = "__assay_support_sentence_words";

  /**
   * {@link Character#isWhitespace} as a class body (SupportColumnsTest checks every code point).
   */
  static final String WHITESPACE =
      "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200A}\\x{2028}"
          + "\\x{2029}\\x{205F}\\x{3000}";

  /** java.util.regex's {@code \s}, which {@link LexicalSupport#entities} splits words on. */
  static final String SPACE = " \\t\\n\\x0B\\f\\r";

  /**
   * {@code [\p{L}\p{N}]} below U+10000, as explicit ranges: the Java lookbehind of {@link
   * LexicalSupport#numbers} looks at the one {@code char} before the digit, so after a
   * supplementary letter (a surrogate pair) it sees a low surrogate, which is neither ("𝐀1" holds
   * the number 1); the class keeps that.
   */
  static final String LETTER_OR_NUMBER =
      UnicodeRanges.of(
          c -> c <= 0xFFFF && (UnicodeRanges.isLetter(c) || UnicodeRanges.isNumber(c)));

  /** The {@code char}s for which {@link Character#isLetterOrDigit(char)} holds. */
  static final String LETTER_OR_DIGIT =
      UnicodeRanges.of(c -> c <= 0xFFFF && Character.isLetterOrDigit((char) c));

  /** Those of {@link #LETTER_OR_DIGIT} for which {@link Character#isUpperCase(char)} holds. */
  static final String UPPER_LETTER_OR_DIGIT =
      UnicodeRanges.of(
          c ->
              c <= 0xFFFF
                  && Character.isLetterOrDigit((char) c)
                  && Character.isUpperCase((char) c));

  /**
   * A run of digits and separators starting with a digit, after a character that is no letter or
   * number: group 1 holds the numbers of {@link LexicalSupport#numbers} that start in it ({@link
   * #numbers}).
   */
  static final String NUMBER_RUN = "[^" + LETTER_OR_NUMBER + "]([0-9][0-9.,]*)";

  /** A word whose first letter or digit is an upper-case one. */
  static final String CAPITALISED = "^[^" + LETTER_OR_DIGIT + "]*[" + UPPER_LETTER_OR_DIGIT + "]";

  private SupportColumns() {}

  /** {@link Rouge#tokens} of a text: lower case, runs of {@code [a-z0-9]}; null for null. */
  static Column words(Column text) {
    return functions.regexp_extract_all(
        functions.lower(text), functions.lit("[a-z0-9]+"), functions.lit(0));
  }

  /** The distinct words of a token array that are not {@link LexicalSupport#STOPWORDS}. */
  static Column content(Column words) {
    return functions.array_except(words, stopwords());
  }

  private static Column stopwords() {
    return functions.array(
        new TreeSet<>(LexicalSupport.STOPWORDS)
            .stream().map(functions::lit).toArray(Column[]::new));
  }

  /**
   * {@code data} with the columns the support statistics read several times, computed once per
   * record: {@link #CONTEXT_WORDS}, {@link #SENTENCES}, {@link #PROMPT_WORDS} and {@link
   * #SENTENCE_WORDS}.
   */
  static Dataset<Row> withWords(
      Dataset<Row> data, Column prompt, Column response, Column contexts) {
    Column marked = functions.regexp_replace(response, "([.!?])([" + WHITESPACE + "])", "$1\n$2");
    return data.withColumn(CONTEXT_WORDS, words(contexts))
        // the sentences only matter with contexts (groundedness, entities)
        .withColumn(
            SENTENCES, functions.when(contexts.isNotNull(), functions.split(marked, "[\\r\\n]")))
        .withColumn(PROMPT_WORDS, content(words(prompt)))
        .withColumn(
            SENTENCE_WORDS,
            functions.filter(
                functions.transform(Columns.named(SENTENCES), s -> content(words(s))),
                w -> functions.size(w).gt(0)));
  }

  /**
   * The record's {@link SupportState} numbers as one {@code array<double>} (read from the columns
   * of {@link #withWords}): the four scores groundedness, context relevance, answer relevance and
   * context recall (null when not scored), then ungroundable (0 or 1), numbers, unsupported
   * numbers, entities and unsupported entities (whole numbers, 0 without a response or contexts;
   * exact as doubles far beyond any text's length). One array, not a struct of nine fields: the
   * Java step's deserialiser converts an array with one loop, a struct field by field (each field
   * its own expressions left on the CPU in the plan check).
   *
   * @param reference the reference answers joined by newlines (null without any)
   */
  static Column stats(Column response, Column reference, Column contexts, double threshold) {
    Column context = Columns.named(CONTEXT_WORDS);
    Column prompt = Columns.named(PROMPT_WORDS);
    Column both = response.isNotNull().and(contexts.isNotNull());
    Column groundedness =
        functions.when(both, groundedness(Columns.named(SENTENCE_WORDS), context, threshold));
    Column numbers = numbers(response);
    Column given = numbers(contexts);
    Column runs = entities(Columns.named(SENTENCES));
    Column padded =
        functions.concat(
            functions.lit(" "), functions.array_join(context, " "), functions.lit(" "));
    Column unsupportedNumbers =
        functions.filter(numbers, n -> functions.not(functions.array_contains(given, n)));
    Column unsupportedEntities =
        functions.filter(
            runs,
            r ->
                functions.not(
                    functions.contains(
                        padded, functions.concat(functions.lit(" "), r, functions.lit(" ")))));
    return functions.array(
        groundedness,
        coverage(prompt, context),
        coverage(prompt, words(response)),
        coverage(content(words(reference)), context),
        count(both, functions.when(groundedness.isNull(), 1).otherwise(0)),
        count(both, functions.size(numbers)),
        count(both, functions.size(unsupportedNumbers)),
        count(both, functions.size(runs)),
        count(both, functions.size(unsupportedEntities)));
  }

  /** {@code n} as a double when {@code both} holds, else 0. */
  private static Column count(Column both, Column n) {
    return functions.when(both, n.cast("double")).otherwise(functions.lit(0.0));
  }

  /**
   * {@link LexicalSupport#coverage}: the share of {@code wanted} (distinct) found in {@code in};
   * null when either is null or {@code wanted} is empty.
   */
  static Column coverage(Column wanted, Column in) {
    Column size = functions.size(wanted);
    return functions.when(
        wanted.isNotNull().and(in.isNotNull()).and(size.gt(0)),
        functions
            .size(functions.array_intersect(wanted, in))
            .cast("double")
            .divide(size.cast("double")));
  }

  /**
   * {@link LexicalSupport#groundedness} from the content words of the sentences that have one; null
   * when there is none.
   */
  private static Column groundedness(Column scored, Column context, double threshold) {
    Column n = functions.size(scored);
    Column supported =
        functions.filter(
            scored,
            w ->
                functions
                    .size(functions.array_intersect(w, context))
                    .cast("double")
                    .divide(functions.size(w).cast("double"))
                    .geq(threshold));
    return functions.when(
        n.gt(0), functions.size(supported).cast("double").divide(n.cast("double")));
  }

  /**
   * {@link LexicalSupport#numbers} of a text (null for null): the runs of {@link #NUMBER_RUN}, each
   * split at two or more separators in a row, a separator at a piece's end dropped ({@code rtrim}),
   * empty pieces dropped. In a run, the Java pattern's greedy match from a digit goes on through
   * every separator between two digits and stops before a separator that is not followed by one;
   * the next match starts at the next digit (after a separator, not a letter or number); a digit
   * after the run is preceded by a character outside the run, so every match lies in one run. No
   * repeated group: RAPIDS repeats no group holding a repetition, and java.util.regex (the CPU
   * path) recurses once per repetition of a group, which overflows the stack on a long digit run.
   */
  static Column numbers(Column text) {
    Column runs =
        functions.regexp_extract_all(
            functions.concat(functions.lit(" "), text),
            functions.lit(NUMBER_RUN),
            functions.lit(1));
    Column pieces =
        functions.flatten(functions.transform(runs, r -> functions.split(r, "[.,][.,]+")));
    return functions.filter(
        functions.transform(pieces, p -> functions.rtrim(p, ".,")),
        p -> p.notEqual(functions.lit("")));
  }

  /**
   * {@link LexicalSupport#entities} of the sentences, each as its words joined by single spaces.
   */
  static Column entities(Column sentences) {
    Column firstWordsOut =
        functions.transform(
            sentences, s -> functions.regexp_replace(s, "^[\\x00-\\x20]*[^" + SPACE + "]*", " | "));
    Column split = functions.split(functions.array_join(firstWordsOut, " | "), "[" + SPACE + "]+");
    Column marked =
        functions.transform(
            split,
            w ->
                functions
                    .when(
                        w.rlike(CAPITALISED).and(functions.size(content(words(w))).gt(0)),
                        functions.array_join(words(w), " "))
                    .otherwise("|"));
    return functions.filter(
        functions.split(functions.array_join(marked, " "), " ?[|] ?"),
        r -> r.notEqual(functions.lit("")));
  }
}
