package dev.assay.metrics.llm;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The sufficient statistics of the llm family for a set of records: what every metric is computed
 * from, built per Spark partition and merged on the driver. Its size is fixed (about 50 numbers),
 * whatever the number of records, and {@link #merge} is associative and commutative (sums, min,
 * max), so {@code metric(merge(A, B)) == metric(A ∪ B)} — up to floating-point rounding of the
 * ROUGE and F1 sums.
 *
 * <ul>
 *   <li>reference-based: {@code pairs} (records with both a response and a reference answer), the
 *       BLEU counts ({@link Bleu#SIZE} longs), the chrF counts ({@link Chrf#SIZE} longs), and the
 *       sums of the per-record ROUGE-1/2/L F-measures, exact matches and SQuAD F1;</li>
 *   <li>safety and format: {@code records}, {@code responses} (non-null), refusals, records with an
 *       injection marker in the prompt or contexts (and in the contexts alone), JSON-checked and
 *       JSON-valid responses, and the sum, min and max of response lengths in characters;</li>
 *   <li>retrieval ({@link Retrieval}): records with and without relevant ids, and the sums of the
 *       six per-record scores;</li>
 *   <li>lexical support ({@link LexicalSupport}): for groundedness, context relevance, answer
 *       relevance and context recall the sum of per-record scores and the number of records
 *       scored; number occurrences in responses and those the contexts do not contain.</li>
 * </ul>
 */
public final class TextStatistics implements Serializable {

  private static final long serialVersionUID = 1L;

  long records;
  long pairs;
  final long[] bleu = new long[Bleu.SIZE];
  final long[] chrf = new long[Chrf.SIZE];
  double rouge1;
  double rouge2;
  double rougeL;
  long exactMatches;
  double f1;
  long responses;
  long refusals;
  long injections;
  long indirectInjections;
  long jsonChecked;
  long jsonValid;
  long lengthSum;
  long lengthMin = Long.MAX_VALUE;
  long lengthMax = Long.MIN_VALUE;
  long judged;
  long unjudged;
  final double[] retrieval = new double[Retrieval.NAMES.size()];
  /** Sums and counts, in the order groundedness, context relevance, answer relevance, context recall. */
  final double[] supportSums = new double[4];
  final long[] supportCounts = new long[4];
  /** Records with a response and contexts whose response has no sentence with a content word. */
  long ungroundable;
  long numbers;
  long unsupportedNumbers;

  static final int GROUNDEDNESS = 0;
  static final int CONTEXT_RELEVANCE = 1;
  static final int ANSWER_RELEVANCE = 2;
  static final int CONTEXT_RECALL = 3;

  /** Adds the reference-based statistics of one (response, reference answer) pair. */
  public void addPair(String response, String reference) {
    pairs++;
    add(bleu, Bleu.segment(response, reference));
    add(chrf, Chrf.segment(response, reference));
    List<String> ref = Rouge.tokens(reference);
    List<String> hyp = Rouge.tokens(response);
    rouge1 += Rouge.rougeN(ref, hyp, 1);
    rouge2 += Rouge.rougeN(ref, hyp, 2);
    rougeL += Rouge.rougeL(ref, hyp);
    if (Squad.exactMatch(response, reference)) {
      exactMatches++;
    }
    f1 += Squad.f1(response, reference);
  }

  /** Adds one response's length in characters (code points). */
  public void addLength(long length) {
    responses++;
    lengthSum += length;
    lengthMin = Math.min(lengthMin, length);
    lengthMax = Math.max(lengthMax, length);
  }

  /** Adds one record's retrieval: ranked retrieved ids against relevant ids, cut-off k. */
  public void addRetrieval(List<String> retrieved, List<String> relevant, int k) {
    double[] scores = Retrieval.scores(retrieved, relevant, k);
    if (scores == null) {
      unjudged++;
      return;
    }
    judged++;
    for (int i = 0; i < scores.length; i++) {
      retrieval[i] += scores[i];
    }
  }

  /**
   * Adds one record's lexical support scores; any text may be null (then the scores that need it
   * are skipped), {@code contexts} is the record's passages joined.
   */
  public void addSupport(String prompt, String response, String reference, String contexts, double threshold) {
    Set<String> contextWords = contexts == null ? null : LexicalSupport.words(contexts);
    Set<String> promptWords = prompt == null ? null : LexicalSupport.contentWords(prompt);
    if (response != null && contextWords != null) {
      OptionalDouble g = LexicalSupport.groundedness(response, contextWords, threshold);
      if (g.isPresent()) {
        add(GROUNDEDNESS, g);
      } else {
        ungroundable++;
      }
      List<String> given = LexicalSupport.numbers(contexts);
      for (String number : LexicalSupport.numbers(response)) {
        numbers++;
        if (!given.contains(number)) {
          unsupportedNumbers++;
        }
      }
    }
    if (promptWords != null && contextWords != null) {
      add(CONTEXT_RELEVANCE, LexicalSupport.coverage(promptWords, contextWords));
    }
    if (promptWords != null && response != null) {
      add(ANSWER_RELEVANCE, LexicalSupport.coverage(promptWords, LexicalSupport.words(response)));
    }
    if (reference != null && contextWords != null) {
      add(CONTEXT_RECALL, LexicalSupport.coverage(LexicalSupport.contentWords(reference), contextWords));
    }
  }

  private void add(int metric, OptionalDouble score) {
    if (score.isPresent()) {
      supportSums[metric] += score.getAsDouble();
      supportCounts[metric]++;
    }
  }

  /** Merges {@code other} into this state and returns this. */
  public TextStatistics merge(TextStatistics other) {
    records += other.records;
    pairs += other.pairs;
    add(bleu, other.bleu);
    add(chrf, other.chrf);
    rouge1 += other.rouge1;
    rouge2 += other.rouge2;
    rougeL += other.rougeL;
    exactMatches += other.exactMatches;
    f1 += other.f1;
    responses += other.responses;
    refusals += other.refusals;
    injections += other.injections;
    indirectInjections += other.indirectInjections;
    jsonChecked += other.jsonChecked;
    jsonValid += other.jsonValid;
    lengthSum += other.lengthSum;
    lengthMin = Math.min(lengthMin, other.lengthMin);
    lengthMax = Math.max(lengthMax, other.lengthMax);
    judged += other.judged;
    unjudged += other.unjudged;
    add(retrieval, other.retrieval);
    add(supportSums, other.supportSums);
    add(supportCounts, other.supportCounts);
    ungroundable += other.ungroundable;
    numbers += other.numbers;
    unsupportedNumbers += other.unsupportedNumbers;
    return this;
  }

  public long records() {
    return records;
  }

  public long pairs() {
    return pairs;
  }

  /** Corpus BLEU (0–100) of the pairs. */
  public double bleu() {
    return Bleu.score(bleu);
  }

  /** Corpus chrF (0–100) of the pairs. */
  public double chrf() {
    return Chrf.score(chrf);
  }

  long[] bleuStatistics() {
    return Arrays.copyOf(bleu, bleu.length);
  }

  private static void add(double[] into, double[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}
