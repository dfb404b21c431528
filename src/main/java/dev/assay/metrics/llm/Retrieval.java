package dev.assay.metrics.llm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retrieval quality from ids, per record (one query): a ranked list of retrieved ids against the
 * set of relevant ids, with binary relevance. Assay reports each as the mean over the records that
 * have at least one relevant id (a query with no relevant id has no defined recall, AP or nDCG; it
 * is left out of every mean and counted in a note, never scored 0), the same "mean over judged
 * queries" as {@code trec_eval} / {@code pytrec_eval} and {@code ranx}.
 *
 * <p>Preparation: ids are compared as exact strings (a comma-separated string column is split on
 * commas and each id trimmed; empty ids are dropped). A duplicate in the retrieved list keeps only
 * its first (best) rank — {@code trec_eval} and {@code ranx} hold a run as a map from id to score,
 * so an id can be retrieved once — and the later ranks move up. Duplicates among the relevant ids
 * count once. A null retrieved list is an empty one (every metric 0). With R the set of relevant
 * ids, rel(i) = 1 when the id at rank i (1-based) is in R, k = {@code llm.k}:
 *
 * <ul>
 *   <li>{@link LlmMetrics#RECALL_AT_K}: |R ∩ top k| / |R| — 0–1, higher is better (ranx {@code
 *       recall@k}, trec_eval {@code recall_k});
 *   <li>{@link LlmMetrics#PRECISION_AT_K}: |R ∩ top k| / k — the denominator is k even when fewer
 *       than k ids were retrieved, as in trec_eval {@code P_k} and ranx {@code precision@k}; 0–1,
 *       higher is better;
 *   <li>{@link LlmMetrics#HIT_RATE_AT_K}: 1 when the top k hold at least one relevant id, else 0
 *       (ranx {@code hit_rate@k}); 0–1, higher is better;
 *   <li>{@link LlmMetrics#MRR}: 1 / (rank of the first relevant id in the whole list), 0 when none
 *       is retrieved (trec_eval {@code recip_rank}, ranx {@code mrr} without a cut-off); 0–1,
 *       higher is better;
 *   <li>{@link LlmMetrics#NDCG_AT_K}: DCG@k / IDCG@k with DCG@k = Σ_{i=1..k} rel(i) / log2(i + 1)
 *       and the ideal IDCG@k = Σ_{i=1..min(k, |R|)} 1 / log2(i + 1) (Järvelin and Kekäläinen 2002;
 *       the binary-relevance form of trec_eval {@code ndcg_cut_k} and ranx {@code ndcg@k}); 0–1,
 *       higher is better;
 *   <li>{@link LlmMetrics#MAP}: average precision over the whole ranked list, AP = (Σ_{i: rel(i)=1}
 *       P@i) / |R| with P@i = (relevant ids in the top i) / i, so relevant ids never retrieved add
 *       0 (trec_eval {@code map}, ranx {@code map}); 0–1, higher is better.
 * </ul>
 *
 * <p>Graded relevance ({@code llm.relevance_grades: true}, {@link #gradedScores}): each relevant
 * entry is {@code id:grade}, the grade a number ≥ 0 after the last colon. An id is relevant when
 * its grade is above 0 (trec_eval's default {@code relevance_level} 1 for integer grades), which is
 * what the five binary metrics use; nDCG uses the grades as gains, as trec_eval {@code ndcg_cut_k}
 * and ranx {@code ndcg} do (linear gain, not 2^g − 1): DCG@k = Σ_{i=1..k} g(i) / log2(i + 1) and
 * IDCG@k the same over the grades sorted from high to low. A record whose grades are all 0 has no
 * relevant id and is left out. An entry without a valid grade makes the record's grades invalid
 * ({@code null} from {@link #grades}); the audit stops with exit 2.
 */
final class Retrieval {

  /** The metrics in the order of {@link #scores}: their names in {@link LlmMetrics}. */
  static final List<String> NAMES =
      List.of(
          LlmMetrics.RECALL_AT_K.id(),
          LlmMetrics.PRECISION_AT_K.id(),
          LlmMetrics.HIT_RATE_AT_K.id(),
          LlmMetrics.MRR.id(),
          LlmMetrics.NDCG_AT_K.id(),
          LlmMetrics.MAP.id());

  private Retrieval() {}

  /**
   * The six per-record scores in the order of {@link #NAMES}, or null when {@code relevant} holds
   * no id (the record is left out of the means).
   *
   * @param retrieved the ranked ids, best first (null = nothing retrieved)
   * @param relevant the relevant ids (null or empty = no judgement)
   */
  static double[] scores(Collection<String> retrieved, Collection<String> relevant, int k) {
    Map<String, Double> grades = new HashMap<>();
    for (String id : ids(relevant)) {
      grades.put(id, 1.0);
    }
    return gradedScores(retrieved, grades, k);
  }

  /**
   * The relevant entries {@code id:grade} as a map id → grade (trimmed ids; a repeated id keeps its
   * highest grade), or null when an entry has no valid grade (a number ≥ 0 after the last colon).
   */
  static Map<String, Double> grades(Collection<String> relevant) {
    Map<String, Double> out = new HashMap<>();
    for (String entry : ids(relevant)) {
      int colon = entry.lastIndexOf(':');
      if (colon <= 0) {
        return null;
      }
      double grade;
      try {
        grade = Double.parseDouble(entry.substring(colon + 1).trim());
      } catch (NumberFormatException e) {
        return null;
      }
      if (!(grade >= 0) || Double.isInfinite(grade)) {
        return null;
      }
      out.merge(entry.substring(0, colon).trim(), grade, Math::max);
    }
    return out;
  }

  /**
   * The six scores with graded relevance (ids with a grade above 0 are relevant); null without any.
   */
  static double[] gradedScores(Collection<String> retrieved, Map<String, Double> grades, int k) {
    Set<String> rel = new HashSet<>();
    grades.forEach(
        (id, g) -> {
          if (g > 0) {
            rel.add(id);
          }
        });
    if (rel.isEmpty()) {
      return null;
    }
    List<String> ranked = new ArrayList<>(ids(retrieved));
    int hitsAtK = 0;
    double dcg = 0;
    double firstHit = 0;
    double precisionSum = 0;
    int hits = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (!rel.contains(ranked.get(i))) {
        continue;
      }
      int rank = i + 1;
      hits++;
      precisionSum += (double) hits / rank;
      if (firstHit == 0) {
        firstHit = 1.0 / rank;
      }
      if (rank <= k) {
        hitsAtK++;
        dcg += grades.get(ranked.get(i)) / log2(rank + 1);
      }
    }
    List<Double> ideal = new ArrayList<>();
    for (String id : rel) {
      ideal.add(grades.get(id));
    }
    ideal.sort(Comparator.reverseOrder());
    double idcg = 0;
    for (int rank = 1; rank <= Math.min(k, ideal.size()); rank++) {
      idcg += ideal.get(rank - 1) / log2(rank + 1);
    }
    return new double[] {
      (double) hitsAtK / rel.size(),
      (double) hitsAtK / k,
      hitsAtK > 0 ? 1 : 0,
      firstHit,
      dcg / idcg,
      precisionSum / rel.size()
    };
  }

  /** The ids, trimmed, without empty ones and duplicates, in their first-seen order. */
  static Set<String> ids(Collection<String> given) {
    Set<String> out = new LinkedHashSet<>();
    if (given != null) {
      for (String id : given) {
        if (id != null && !id.trim().isEmpty()) {
          out.add(id.trim());
        }
      }
    }
    return out;
  }

  static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
