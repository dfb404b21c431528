package dev.assay.metrics.fairness;

import dev.assay.spark.BinaryColumn;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the fairness family runs on, with every column already checked against the schema: the data,
 * the model's columns, the slices and four small option records, each with defaults.
 *
 * <pre>{@code
 * FairnessInput.of(data, Outcomes.of(label, prediction, "score"), slices, 30)
 *     .withGroups(GroupOptions.minSize(30).withReferenceGroups(Map.of("sex", "F")))
 *     .withInference(Inference.DEFAULTS.withBootstrap(new Bootstrap(200, 7L)));
 * }</pre>
 *
 * @param outcomes the label, prediction and score columns
 * @param slices the sensitive attributes and intersections
 * @param groups which groups are compared and against which
 * @param inference the interval level, the p-value adjustment and the bootstrap
 * @param extras the metrics a spec may add or drop: worst slices, strata, score histograms
 */
public record FairnessInput(
    Dataset<Row> data,
    Outcomes outcomes,
    List<Slice> slices,
    GroupOptions groups,
    Inference inference,
    Extras extras) {

  /** Share below which a group is disclosed under NYC Local Law 144 (§ 5-301 of its rules). */
  public static final double LL144_SHARE = 0.02;

  public FairnessInput {
    slices = List.copyOf(slices);
  }

  /**
   * The model's columns.
   *
   * @param label the label, or null when the audit has none (outcome metrics are then skipped)
   * @param prediction the prediction column, or null when it is derived from score and threshold
   * @param score the score column, or null
   * @param threshold prediction := score >= threshold when {@code prediction} is null; may be null
   * @param favourableIsPositive whether the favourable prediction is the positive one
   * @param favourablePrediction the prediction column read with {@code columns.favourable} as its
   *     positive value, when that differs from {@code columns.positive}: counts in the same job
   *     that the favourable value really occurs, so a mistyped value is an error, not a silent "1 −
   *     selection rate"; null otherwise
   */
  public record Outcomes(
      BinaryColumn label,
      BinaryColumn prediction,
      String score,
      Double threshold,
      boolean favourableIsPositive,
      BinaryColumn favourablePrediction) {

    /** Columns whose positive prediction is the favourable one, without a threshold. */
    public static Outcomes of(BinaryColumn label, BinaryColumn prediction, String score) {
      return new Outcomes(label, prediction, score, null, true, null);
    }

    boolean hasPrediction() {
      return prediction != null || (score != null && threshold != null);
    }
  }

  /**
   * How uncertain each number is.
   *
   * @param confidence the level of every interval, in (0, 1)
   * @param pAdjust the multiple-comparison adjustment of p-values
   * @param pAdjustScope whether {@code pAdjust} runs per attribute or across the whole audit
   * @param bootstrap the Poisson bootstrap computed inside the aggregation
   */
  public record Inference(
      double confidence, PAdjust pAdjust, PAdjustScope pAdjustScope, Bootstrap bootstrap) {

    /** 95 % intervals, Holm's adjustment per attribute, no bootstrap. */
    public static final Inference DEFAULTS =
        new Inference(0.95, PAdjust.HOLM, PAdjustScope.ATTRIBUTE, Bootstrap.NONE);

    /** A copy with {@code value} as the bootstrap. */
    public Inference withBootstrap(Bootstrap value) {
      return new Inference(confidence, pAdjust, pAdjustScope, value);
    }
  }

  /**
   * Poisson bootstrap replicates computed inside the aggregation.
   *
   * @param replicates how many (0 = none)
   * @param seed the seed of the replicate weights
   */
  public record Bootstrap(int replicates, long seed) {

    /** No bootstrap. */
    public static final Bootstrap NONE = new Bootstrap(0, 0L);

    boolean on() {
      return replicates > 0;
    }
  }

  /**
   * The metrics a spec may add or drop.
   *
   * @param topK how many worst slices to list (0 = none)
   * @param topKBy the per-group metric the worst slices are ranked by (spec key {@code rank_by})
   * @param strata the stratification column of {@code fairness.strata} for Clarify's conditional
   *     demographic disparity ({@link ConditionalDemographicDisparity}), or null
   * @param scoreMetrics whether a score also gets the score-key histograms behind {@code auc},
   *     {@code auc_difference}, {@code expected_calibration_error}, {@code scoring_rate} and {@code
   *     scoring_impact_ratio} ({@code fairness.score_metrics}, default true)
   * @param scoreKey the score key the spec asks for ({@code fairness.auc}: exact, the default, or
   *     binned); an exact attempt over its cell bound falls back to binned keys, except for the
   *     AUC, computed exactly on the executors ({@link ExactAuc})
   */
  public record Extras(
      int topK, String topKBy, String strata, boolean scoreMetrics, ScoreKey scoreKey) {

    /** No worst slices, no strata, the score histograms on, exact score keys. */
    public static final Extras DEFAULTS = new Extras(0, "selection_rate", null, true);

    /** Exact score keys. */
    public Extras(int topK, String topKBy, String strata, boolean scoreMetrics) {
      this(topK, topKBy, strata, scoreMetrics, ScoreKey.EXACT);
    }

    /** A copy without the score-key histograms ({@code fairness.score_metrics: false}). */
    public Extras withoutScoreMetrics() {
      return new Extras(topK, topKBy, strata, false, scoreKey);
    }

    /** A copy with another score key. */
    public Extras with(ScoreKey key) {
      return new Extras(topK, topKBy, strata, scoreMetrics, key);
    }
  }

  /** An input with the default options and groups of at least {@code minGroupSize} rows. */
  public static FairnessInput of(
      Dataset<Row> data, Outcomes outcomes, List<Slice> slices, int minGroupSize) {
    return new FairnessInput(
        data,
        outcomes,
        slices,
        GroupOptions.minSize(minGroupSize),
        Inference.DEFAULTS,
        Extras.DEFAULTS);
  }

  /** A copy with other group options. */
  public FairnessInput withGroups(GroupOptions value) {
    return new FairnessInput(data, outcomes, slices, value, inference, extras);
  }

  /** A copy with other inference options. */
  public FairnessInput withInference(Inference value) {
    return new FairnessInput(data, outcomes, slices, groups, value, extras);
  }

  /** A copy with other extras. */
  public FairnessInput withExtras(Extras value) {
    return new FairnessInput(data, outcomes, slices, groups, inference, value);
  }

  public BinaryColumn label() {
    return outcomes.label();
  }

  public BinaryColumn prediction() {
    return outcomes.prediction();
  }

  public String score() {
    return outcomes.score();
  }

  /** Whether the score-key histograms are built: a score and {@code fairness.score_metrics} on. */
  public boolean histograms() {
    return score() != null && extras.scoreMetrics();
  }

  public boolean hasPrediction() {
    return outcomes.hasPrediction();
  }
}
