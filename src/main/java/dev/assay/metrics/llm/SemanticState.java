package dev.assay.metrics.llm;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The semantic-similarity statistics ({@link SemanticColumns}) of a set of records: per score (in
 * the order of {@link #NAMES}) the records scored, the sum and the sum of squares of their scores,
 * over all records and per variant (at most {@link VariantState#MAX_VARIANTS} variants; the variant
 * state stops the run past it). Each metric is the mean with a normal-approximation 95% interval,
 * mean ± 1.96·s/√n (s the sample standard deviation; no interval with one record).
 */
record SemanticState(List<Moments> all, SortedMap<String, List<Moments>> variants)
    implements Serializable {

  /** The scores, in the order of the fold's columns. */
  static final List<String> NAMES =
      List.of(
          LlmMetrics.SEMANTIC_ANSWER_SIMILARITY.id(),
          LlmMetrics.SEMANTIC_CONTEXT_SUPPORT.id(),
          LlmMetrics.SEMANTIC_CONTEXT_RELEVANCE.id());

  /** The two-sided 95% normal quantile. */
  static final double Z95 = 1.959963984540054;

  static final SemanticState EMPTY = new SemanticState(none(), new TreeMap<>());

  SemanticState {
    all = List.copyOf(all);
    variants = Collections.unmodifiableSortedMap(new TreeMap<>(variants));
  }

  /**
   * The records scored, the sum and the sum of squares of one score.
   *
   * @param n records with the score
   * @param sum sum of the scores
   * @param squares sum of their squares
   */
  record Moments(long n, double sum, double squares) implements Serializable {

    static final Moments ZERO = new Moments(0, 0.0, 0.0);

    /** One record's score (null: not scored). */
    static Moments of(Double x) {
      return x == null || !Double.isFinite(x) ? ZERO : new Moments(1, 0.0 + x, x * x);
    }

    Moments merge(Moments o) {
      return new Moments(n + o.n, sum + o.sum, squares + o.squares);
    }
  }

  private static List<Moments> none() {
    return Collections.nCopies(NAMES.size(), Moments.ZERO);
  }

  private static List<Moments> plus(List<Moments> a, List<Moments> b) {
    List<Moments> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(a.get(i).merge(b.get(i)));
    }
    return out;
  }

  SemanticState merge(SemanticState o) {
    TreeMap<String, List<Moments>> all2 = new TreeMap<>(variants);
    for (var e : o.variants.entrySet()) {
      List<Moments> mine = all2.get(e.getKey());
      if (mine != null) {
        all2.put(e.getKey(), plus(mine, e.getValue()));
      } else if (all2.size() < VariantState.MAX_VARIANTS) {
        all2.put(e.getKey(), e.getValue());
      }
    }
    return new SemanticState(plus(all, o.all), all2);
  }

  /** Folds one partition's records without copying per record (the same rule as merge). */
  static final class Fold {
    private List<Moments> all = none();
    private final TreeMap<String, List<Moments>> variants = new TreeMap<>();

    /** One record's scores (null: not scored) and its variant (null: none). */
    void add(Double[] scores, String variant) {
      List<Moments> one = new ArrayList<>(scores.length);
      for (Double s : scores) {
        one.add(Moments.of(s));
      }
      all = plus(all, one);
      if (variant != null
          && (variants.containsKey(variant) || variants.size() < VariantState.MAX_VARIANTS)) {
        variants.merge(variant, one, SemanticState::plus);
      }
    }

    SemanticState state() {
      return new SemanticState(all, variants);
    }
  }

  /**
   * The metrics of the scores whose embeddings are named ({@code named[i]}): data-set means, and
   * per variant (attribute = {@code variantColumn}, null for none) the variant's means.
   */
  List<MetricResult> metrics(boolean[] named, String variantColumn) {
    List<MetricResult> out = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      if (!named[i]) {
        continue;
      }
      out.add(result(LlmResults.key(NAMES.get(i)), all.get(i), "the data set"));
      if (variantColumn == null) {
        continue;
      }
      for (var e : variants.entrySet()) {
        MetricKey key =
            new MetricKey(LlmMetrics.require(NAMES.get(i)), Scope.group(variantColumn, e.getKey()));
        out.add(result(key, e.getValue().get(i), "variant '" + e.getKey() + "'"));
      }
    }
    return out;
  }

  private static MetricResult result(MetricKey key, Moments m, String where) {
    String name = key.metric();
    if (m.n() == 0) {
      return new MetricResult.Undefined(
          key,
          0L,
          name
              + " is undefined: no record of "
              + where
              + " has both embeddings it needs"
              + " (non-null, non-empty, of equal length, non-zero and finite)");
    }
    double mean = m.sum() / m.n();
    Double low = null;
    Double high = null;
    if (m.n() > 1) {
      double variance = Math.max(0.0, (m.squares() - m.n() * mean * mean) / (m.n() - 1));
      double half = Z95 * Math.sqrt(variance / m.n());
      low = Math.max(-1.0, mean - half);
      high = Math.min(1.0, mean + half);
    }
    return new MetricResult.Computed(
        key,
        mean,
        m.n(),
        low,
        high,
        null,
        "cosine of embeddings; mean over "
            + m.n()
            + " records"
            + (low == null ? "" : ", 95% normal interval"),
        null,
        null);
  }
}
