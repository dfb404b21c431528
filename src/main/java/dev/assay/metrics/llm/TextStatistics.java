package dev.assay.metrics.llm;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

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
  double rougeLsum;
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

  /** Most distinct values of the variant column kept; more is bad input. */
  static final int MAX_VARIANTS = 100;
  /** Per variant: [records, responses, refusals, length sum, sentiment sum, pairs, ROUGE-L sum]. */
  static final int V_RECORDS = 0;
  static final int V_RESPONSES = 1;
  static final int V_REFUSALS = 2;
  static final int V_LENGTH = 3;
  static final int V_SENTIMENT = 4;
  static final int V_PAIRS = 5;
  static final int V_ROUGE_L = 6;
  final TreeMap<String, double[]> variants = new TreeMap<>();
  /** True when more than {@link #MAX_VARIANTS} distinct variants were seen (the rest are not kept). */
  boolean variantOverflow;
  /** Records whose variant is null. */
  long variantNull;
  /** Responses (non-null) scanned for PII and secrets, and per scanner those with a match. */
  long scanned;
  long[] scannerHits = new long[0];
  long piiResponses;
  long secretResponses;
  /** Responses checked against the JSON Schema and those that conform. */
  long schemaChecked;
  long schemaValid;
  /** Named entities in responses with contexts, and those the contexts do not contain. */
  long entities;
  long unsupportedEntities;
  /** Records whose relevant entries lack a valid grade (with {@code llm.relevance_grades}). */
  long badGrades;

  static final int GROUNDEDNESS = 0;
  static final int CONTEXT_RELEVANCE = 1;
  static final int ANSWER_RELEVANCE = 2;
  static final int CONTEXT_RECALL = 3;

  /** Adds the reference-based statistics of one (response, reference answer) pair, no stemming. */
  public void addPair(String response, String reference) {
    addPair(response, List.of(reference), false);
  }

  /**
   * Adds the reference-based statistics of a response against one or more reference answers
   * (non-null; at least one) and returns its ROUGE-L F-measure.
   * <ul>
   *   <li>BLEU and chrF: all non-empty references at once, as sacreBLEU drops empty ones; when
   *       every reference is empty the segment is scored against the empty text (sacreBLEU refuses
   *       such a segment);</li>
   *   <li>ROUGE: per type the best F over the references ({@code score_multi});</li>
   *   <li>exact match and F1: the best over the references, as the SQuAD script's
   *       {@code metric_max_over_ground_truths}.</li>
   * </ul>
   */
  public double addPair(String response, List<String> references, boolean stem) {
    pairs++;
    List<String> nonEmpty = references.stream().filter(r -> !r.isEmpty()).toList();
    List<String> bleuRefs = nonEmpty.isEmpty() ? List.of("") : nonEmpty;
    add(bleu, Bleu.segment(response, bleuRefs));
    add(chrf, Chrf.segment(response, bleuRefs));
    double[] rouge = Rouge.best(references, response, stem);
    rouge1 += rouge[0];
    rouge2 += rouge[1];
    rougeL += rouge[2];
    rougeLsum += rouge[3];
    double[] squad = Squad.best(response, references);
    if (squad[0] == 1) {
      exactMatches++;
    }
    f1 += squad[1];
    return rouge[2];
  }

  /**
   * Adds one record to its variant: whether it has a response, refused, its length, its
   * sentiment score, and its ROUGE-L F (NaN when it has no pair).
   */
  public void addVariant(String variant, boolean hasResponse, boolean refused, long length,
                         double sentiment, double rougeL) {
    if (variant == null) {
      variantNull++;
      return;
    }
    double[] v = variants.get(variant);
    if (v == null) {
      if (variants.size() >= MAX_VARIANTS) {
        variantOverflow = true;
        return;
      }
      v = new double[7];
      variants.put(variant, v);
    }
    v[V_RECORDS]++;
    if (hasResponse) {
      v[V_RESPONSES]++;
      v[V_REFUSALS] += refused ? 1 : 0;
      v[V_LENGTH] += length;
      v[V_SENTIMENT] += sentiment;
    }
    if (!Double.isNaN(rougeL)) {
      v[V_PAIRS]++;
      v[V_ROUGE_L] += rougeL;
    }
  }

  /** Adds one non-null response's scanner results (one flag per scanner, in the input's order). */
  public void addScan(boolean[] hits, boolean[] secret) {
    if (scannerHits.length < hits.length) {
      scannerHits = Arrays.copyOf(scannerHits, hits.length);
    }
    scanned++;
    boolean pii = false;
    boolean sec = false;
    for (int i = 0; i < hits.length; i++) {
      if (hits[i]) {
        scannerHits[i]++;
        pii |= !secret[i];
        sec |= secret[i];
      }
    }
    piiResponses += pii ? 1 : 0;
    secretResponses += sec ? 1 : 0;
  }

  /** Adds one response's JSON Schema result. */
  public void addSchema(boolean valid) {
    schemaChecked++;
    schemaValid += valid ? 1 : 0;
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
    addRetrieval(retrieved, relevant, k, false);
  }

  /** Adds one record's retrieval; with {@code graded}, relevant entries are {@code id:grade}. */
  public void addRetrieval(List<String> retrieved, List<String> relevant, int k, boolean graded) {
    double[] scores;
    if (graded) {
      Map<String, Double> grades = Retrieval.grades(relevant);
      if (grades == null) {
        badGrades++;
        return;
      }
      scores = Retrieval.gradedScores(retrieved, grades, k);
    } else {
      scores = Retrieval.scores(retrieved, relevant, k);
    }
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
    OptionalDouble[] scores = LexicalSupport.scores(prompt, response, reference, contexts, threshold);
    if (response != null && contexts != null) {
      if (scores[0].isPresent()) {
        add(GROUNDEDNESS, scores[0]);
      } else {
        ungroundable++;
      }
      List<String> contextTokens = Rouge.tokens(contexts);
      for (List<String> entity : LexicalSupport.entities(response)) {
        entities++;
        if (!LexicalSupport.containsSequence(contextTokens, entity)) {
          unsupportedEntities++;
        }
      }
      List<String> given = LexicalSupport.numbers(contexts);
      for (String number : LexicalSupport.numbers(response)) {
        numbers++;
        if (!given.contains(number)) {
          unsupportedNumbers++;
        }
      }
    }
    add(CONTEXT_RELEVANCE, scores[1]);
    add(ANSWER_RELEVANCE, scores[2]);
    add(CONTEXT_RECALL, scores[3]);
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
    rougeLsum += other.rougeLsum;
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
    for (var e : other.variants.entrySet()) {
      double[] mine = variants.get(e.getKey());
      if (mine != null) {
        add(mine, e.getValue());
      } else if (variants.size() < MAX_VARIANTS) {
        variants.put(e.getKey(), e.getValue().clone());
      } else {
        variantOverflow = true;
      }
    }
    variantOverflow |= other.variantOverflow;
    variantNull += other.variantNull;
    scanned += other.scanned;
    if (scannerHits.length < other.scannerHits.length) {
      scannerHits = Arrays.copyOf(scannerHits, other.scannerHits.length);
    }
    for (int i = 0; i < other.scannerHits.length; i++) {
      scannerHits[i] += other.scannerHits[i];
    }
    piiResponses += other.piiResponses;
    secretResponses += other.secretResponses;
    schemaChecked += other.schemaChecked;
    schemaValid += other.schemaValid;
    entities += other.entities;
    unsupportedEntities += other.unsupportedEntities;
    badGrades += other.badGrades;
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
