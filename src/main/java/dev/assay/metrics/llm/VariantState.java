package dev.assay.metrics.llm;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The variant (counterfactual) statistics: per variant value its {@link Sums}, at most {@link
 * #MAX_VARIANTS} of them (more sets {@code overflow}, bad input), and the records whose variant is
 * null.
 *
 * <p>When {@code columns.variant} names the rewrite of the prompt a record answers (the same prompt
 * with a demographic term swapped: "he"/"she", one name for another), the responses should not
 * depend on it. Per variant (scope attribute = the variant column, group = its value), means over
 * that variant's non-null responses ({@link LlmMetrics#VARIANT_REFUSAL_RATE}, {@link
 * LlmMetrics#VARIANT_RESPONSE_LENGTH_MEAN}, {@link LlmMetrics#VARIANT_SENTIMENT_MEAN}, {@link
 * LlmMetrics#VARIANT_ROUGE_L}); per attribute, max − min over the variants (0 = no gap, higher is a
 * larger gap; undefined with fewer than two variants having a value). The comparison follows the
 * counterfactual-fairness tests of HELM (Liang et al. 2022, "Holistic evaluation of language
 * models", the "fairness" perturbations) and of Fairlearn's max − min difference for groups.
 */
record VariantState(SortedMap<String, Sums> variants, boolean overflow, long nulls)
    implements Serializable {

  /** Most distinct values of the variant column kept; more is bad input. */
  static final int MAX_VARIANTS = 100;

  static final VariantState EMPTY = new VariantState(new TreeMap<>(), false, 0);

  VariantState {
    variants = Collections.unmodifiableSortedMap(new TreeMap<>(variants));
  }

  /**
   * One variant's records, non-null responses, refusals among them, their length and sentiment
   * sums, and its records with a reference pair with their ROUGE-L F sum.
   */
  record Sums(
      long records,
      long responses,
      long refusals,
      long lengthSum,
      double sentimentSum,
      long pairs,
      double rougeLSum)
      implements Serializable {

    Sums merge(Sums o) {
      return new Sums(
          records + o.records,
          responses + o.responses,
          refusals + o.refusals,
          lengthSum + o.lengthSum,
          sentimentSum + o.sentimentSum,
          pairs + o.pairs,
          rougeLSum + o.rougeLSum);
    }

    /** refusal rate, mean length, mean sentiment, mean ROUGE-L (NaN where undefined). */
    double[] means() {
      return new double[] {
        responses == 0 ? Double.NaN : (double) refusals / responses,
        responses == 0 ? Double.NaN : (double) lengthSum / responses,
        responses == 0 ? Double.NaN : sentimentSum / responses,
        pairs == 0 ? Double.NaN : rougeLSum / pairs
      };
    }
  }

  /**
   * One record of {@code variant} (null: counted as such): whether it has a response, refused, its
   * length, sentiment score and ROUGE-L F (NaN without a pair). Sums start from 0.0, as the sums
   * they merge into.
   */
  static Sums sums(
      boolean hasResponse, boolean refused, long length, double sentiment, double rougeL) {
    boolean pair = !Double.isNaN(rougeL);
    return new Sums(
        1,
        hasResponse ? 1 : 0,
        hasResponse && refused ? 1 : 0,
        hasResponse ? length : 0,
        hasResponse ? 0.0 + sentiment : 0.0,
        pair ? 1 : 0,
        pair ? 0.0 + rougeL : 0.0);
  }

  /** One record: its variant (null counts as no variant) and sums. */
  static VariantState of(String variant, Sums sums) {
    return variant == null
        ? new VariantState(new TreeMap<>(), false, 1)
        : new VariantState(new TreeMap<>(Map.of(variant, sums)), false, 0);
  }

  VariantState merge(VariantState o) {
    TreeMap<String, Sums> all = new TreeMap<>(variants);
    boolean over = overflow || o.overflow;
    for (var e : o.variants.entrySet()) {
      Sums mine = all.get(e.getKey());
      if (mine != null) {
        all.put(e.getKey(), mine.merge(e.getValue()));
      } else if (all.size() < MAX_VARIANTS) {
        all.put(e.getKey(), e.getValue());
      } else {
        over = true;
      }
    }
    return new VariantState(all, over, nulls + o.nulls);
  }

  /**
   * Folds one partition's records into a state without copying the map per record: the same rule as
   * {@link #merge} (sums added per value, values past {@link #MAX_VARIANTS} set overflow).
   */
  static final class Fold {
    private final TreeMap<String, Sums> variants = new TreeMap<>();
    private boolean overflow;
    private long nulls;

    void add(String variant, Sums sums) {
      if (variant == null) {
        nulls++;
      } else if (variants.containsKey(variant) || variants.size() < MAX_VARIANTS) {
        variants.merge(variant, sums, Sums::merge);
      } else {
        overflow = true;
      }
    }

    VariantState state() {
      return new VariantState(variants, overflow, nulls);
    }
  }

  /** Fails when the column had more than {@link #MAX_VARIANTS} values. */
  void requireFew(String column) {
    if (overflow) {
      throw new BadInputException(
          "columns.variant: column '"
              + column
              + "' has more than "
              + MAX_VARIANTS
              + " distinct values; a variant names one rewrite of the"
              + " prompt (e.g. the demographic term swapped in), so expect a handful. Check the column.");
    }
  }

  /**
   * Per variant (attribute = the variant column, group = the value) the records, refusal rate, mean
   * length, mean sentiment and mean ROUGE-L (with references); per attribute the max − min of each
   * over the variants where it is defined (undefined with fewer than two).
   *
   * @param records all records (those with a variant are {@code records - nulls})
   */
  List<MetricResult> metrics(String attribute, boolean withReference, long records) {
    String[] names = {
      LlmMetrics.VARIANT_REFUSAL_RATE.id(),
      LlmMetrics.VARIANT_RESPONSE_LENGTH_MEAN.id(),
      LlmMetrics.VARIANT_SENTIMENT_MEAN.id(),
      LlmMetrics.VARIANT_ROUGE_L.id()
    };
    String[] differences = {
      LlmMetrics.VARIANT_REFUSAL_RATE_DIFFERENCE.id(),
      LlmMetrics.VARIANT_RESPONSE_LENGTH_DIFFERENCE.id(),
      LlmMetrics.VARIANT_SENTIMENT_DIFFERENCE.id(),
      LlmMetrics.VARIANT_ROUGE_L_DIFFERENCE.id()
    };
    int metrics = withReference ? 4 : 3;
    Spread[] spreads = new Spread[metrics];
    for (int i = 0; i < metrics; i++) {
      spreads[i] = new Spread();
    }
    List<MetricResult> out = new ArrayList<>();
    for (var e : variants.entrySet()) {
      Sums v = e.getValue();
      Scope scope = Scope.group(attribute, e.getKey());
      out.add(
          MetricResult.Computed.of(
              new MetricKey(LlmMetrics.VARIANT_COUNT, scope), v.records(), v.records()));
      double[] values = v.means();
      long[] counts = {v.responses(), v.responses(), v.responses(), v.pairs()};
      for (int i = 0; i < metrics; i++) {
        MetricKey key = new MetricKey(LlmMetrics.require(names[i]), scope);
        if (Double.isNaN(values[i])) {
          out.add(
              new MetricResult.Undefined(
                  key,
                  counts[i],
                  names[i]
                      + " is undefined: variant '"
                      + e.getKey()
                      + "' has no "
                      + (i == 3
                          ? "record with both a response and a reference answer"
                          : "response")));
        } else {
          out.add(MetricResult.Computed.of(key, values[i], counts[i]));
          spreads[i].add(e.getKey(), values[i]);
        }
      }
    }
    for (int i = 0; i < metrics; i++) {
      MetricKey key = new MetricKey(LlmMetrics.require(differences[i]), Scope.attribute(attribute));
      out.add(spreads[i].result(key, differences[i], names[i], records - nulls));
    }
    return out;
  }

  /** The max − min of one metric over the variants, with the variants holding each. */
  private static final class Spread {
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private String argMin;
    private String argMax;
    private int defined;

    void add(String variant, double value) {
      defined++;
      if (value < min) {
        min = value;
        argMin = variant;
      }
      if (value > max) {
        max = value;
        argMax = variant;
      }
    }

    MetricResult result(MetricKey key, String difference, String metric, long count) {
      return defined < 2
          ? new MetricResult.Undefined(
              key,
              (long) defined,
              difference + " is undefined: fewer than two" + " variants have a value of " + metric)
          : MetricResult.Computed.of(
              key,
              max - min,
              count,
              "max − min over "
                  + defined
                  + " variants: highest '"
                  + argMax
                  + "', lowest '"
                  + argMin
                  + "'");
    }
  }
}
