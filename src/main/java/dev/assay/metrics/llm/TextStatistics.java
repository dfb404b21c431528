package dev.assay.metrics.llm;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

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
 *       JSON-valid responses, and the sum, min and max of response lengths in characters.</li>
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

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}
