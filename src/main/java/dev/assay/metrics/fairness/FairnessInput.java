package dev.assay.metrics.fairness;

import dev.assay.spark.BinaryColumn;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the fairness family runs on, with every column already checked against the schema.
 *
 * @param label the label, or null when the audit has none (outcome metrics are then skipped)
 * @param prediction the prediction column, or null when it is derived from score and threshold
 * @param score the score column, or null
 * @param threshold prediction := score >= threshold when {@code prediction} is null; may be null
 * @param favourableIsPositive whether the favourable prediction is the positive one
 * @param minGroupSize groups smaller than this are flagged and left out of differences and ratios
 * @param confidence the level of every interval, in (0, 1)
 * @param excludeBelowShare groups with fewer than this share of all rows are left out of impact
 *     ratios (NYC LL 144's 2 % rule); null keeps them
 * @param referenceGroups per attribute (or intersection name), the group that {@code *_vs_ref}
 *     metrics compare against
 * @param favourablePrediction the prediction column read with {@code columns.favourable} as its
 *     positive value, when that differs from {@code columns.positive}: counts in the same job that
 *     the favourable value really occurs, so a mistyped value is an error, not a silent
 *     "1 − selection rate"; null otherwise
 * @param bootstrap Poisson bootstrap replicates computed inside the aggregation (0 = none)
 * @param bootstrapSeed the seed of the replicate weights
 * @param pAdjust the multiple-comparison adjustment of p-values
 * @param topK how many worst slices to list (0 = none)
 * @param topKBy the per-group metric the worst slices are ranked by (spec key {@code rank_by})
 * @param pAdjustScope whether {@code pAdjust} runs per attribute or across the whole audit
 * @param strata the stratification column of {@code fairness.strata} for Clarify's conditional
 *     demographic disparity ({@link ConditionalDemographicDisparity}), or null
 * @param scoreMetrics whether a score also gets the score-key histograms behind {@code auc},
 *     {@code auc_difference}, {@code expected_calibration_error}, {@code scoring_rate} and
 *     {@code scoring_impact_ratio} ({@code fairness.score_metrics}, default true)
 * @param maxGroups the most groups an attribute or intersection may have
 *     ({@code fairness.max_groups}); more is exit 2 ({@link GroupLimit})
 */
public record FairnessInput(Dataset<Row> data, BinaryColumn label, BinaryColumn prediction,
                            String score, Double threshold, List<Slice> slices,
                            boolean favourableIsPositive, int minGroupSize, double confidence,
                            Double excludeBelowShare, Map<String, String> referenceGroups,
                            BinaryColumn favourablePrediction, int bootstrap, long bootstrapSeed,
                            PAdjust pAdjust, int topK, String topKBy, PAdjustScope pAdjustScope,
                            String strata, boolean scoreMetrics, int maxGroups) {

  /** Share below which a group is disclosed under NYC Local Law 144 (§ 5-301 of its rules). */
  public static final double LL144_SHARE = 0.02;

  public FairnessInput {
    slices = List.copyOf(slices);
    referenceGroups = Map.copyOf(referenceGroups);
  }

  /** An input with the default {@code fairness.max_groups}. */
  public FairnessInput(Dataset<Row> data, BinaryColumn label, BinaryColumn prediction,
                       String score, Double threshold, List<Slice> slices,
                       boolean favourableIsPositive, int minGroupSize, double confidence,
                       Double excludeBelowShare, Map<String, String> referenceGroups,
                       BinaryColumn favourablePrediction, int bootstrap, long bootstrapSeed,
                       PAdjust pAdjust, int topK, String topKBy, PAdjustScope pAdjustScope,
                       String strata, boolean scoreMetrics) {
    this(data, label, prediction, score, threshold, slices, favourableIsPositive, minGroupSize,
        confidence, excludeBelowShare, referenceGroups, favourablePrediction, bootstrap, bootstrapSeed,
        pAdjust, topK, topKBy, pAdjustScope, strata, scoreMetrics,
        dev.assay.spec.FairnessOptions.DEFAULT_MAX_GROUPS);
  }

  /** An input with the score metrics on. */
  public FairnessInput(Dataset<Row> data, BinaryColumn label, BinaryColumn prediction,
                       String score, Double threshold, List<Slice> slices,
                       boolean favourableIsPositive, int minGroupSize, double confidence,
                       Double excludeBelowShare, Map<String, String> referenceGroups,
                       BinaryColumn favourablePrediction, int bootstrap, long bootstrapSeed,
                       PAdjust pAdjust, int topK, String topKBy, PAdjustScope pAdjustScope,
                       String strata) {
    this(data, label, prediction, score, threshold, slices, favourableIsPositive, minGroupSize,
        confidence, excludeBelowShare, referenceGroups, favourablePrediction, bootstrap, bootstrapSeed,
        pAdjust, topK, topKBy, pAdjustScope, strata, true);
  }

  /** An input adjusting p-values per attribute (the default {@code p_adjust_scope}), without strata. */
  public FairnessInput(Dataset<Row> data, BinaryColumn label, BinaryColumn prediction,
                       String score, Double threshold, List<Slice> slices,
                       boolean favourableIsPositive, int minGroupSize, double confidence,
                       Double excludeBelowShare, Map<String, String> referenceGroups,
                       BinaryColumn favourablePrediction, int bootstrap, long bootstrapSeed,
                       PAdjust pAdjust, int topK, String topKBy) {
    this(data, label, prediction, score, threshold, slices, favourableIsPositive, minGroupSize,
        confidence, excludeBelowShare, referenceGroups, favourablePrediction, bootstrap, bootstrapSeed,
        pAdjust, topK, topKBy, PAdjustScope.ATTRIBUTE, null);
  }

  /** An input without bootstrap, with Holm's adjustment and no worst-slice list. */
  public FairnessInput(Dataset<Row> data, BinaryColumn label, BinaryColumn prediction,
                       String score, Double threshold, List<Slice> slices,
                       boolean favourableIsPositive, int minGroupSize, double confidence,
                       Double excludeBelowShare, Map<String, String> referenceGroups,
                       BinaryColumn favourablePrediction) {
    this(data, label, prediction, score, threshold, slices, favourableIsPositive, minGroupSize,
        confidence, excludeBelowShare, referenceGroups, favourablePrediction, 0, 0L, PAdjust.HOLM, 0,
        "selection_rate");
  }

  /** A copy with {@code replicates} bootstrap replicates drawn with {@code seed}. */
  public FairnessInput withBootstrap(int replicates, long seed) {
    return new FairnessInput(data, label, prediction, score, threshold, slices, favourableIsPositive,
        minGroupSize, confidence, excludeBelowShare, referenceGroups, favourablePrediction, replicates,
        seed, pAdjust, topK, topKBy, pAdjustScope, strata, scoreMetrics, maxGroups);
  }

  /** A copy with another p-value adjustment. */
  public FairnessInput withPAdjust(PAdjust adjust) {
    return new FairnessInput(data, label, prediction, score, threshold, slices, favourableIsPositive,
        minGroupSize, confidence, excludeBelowShare, referenceGroups, favourablePrediction, bootstrap,
        bootstrapSeed, adjust, topK, topKBy, pAdjustScope, strata, scoreMetrics, maxGroups);
  }

  /** A copy listing the {@code k} worst slices by {@code by}. */
  public FairnessInput withTopK(int k, String by) {
    return new FairnessInput(data, label, prediction, score, threshold, slices, favourableIsPositive,
        minGroupSize, confidence, excludeBelowShare, referenceGroups, favourablePrediction, bootstrap,
        bootstrapSeed, pAdjust, k, by, pAdjustScope, strata, scoreMetrics, maxGroups);
  }

  /** A copy with {@code column} as the stratification column of the conditional demographic disparity. */
  public FairnessInput withStrata(String column) {
    return new FairnessInput(data, label, prediction, score, threshold, slices, favourableIsPositive,
        minGroupSize, confidence, excludeBelowShare, referenceGroups, favourablePrediction, bootstrap,
        bootstrapSeed, pAdjust, topK, topKBy, pAdjustScope, column, scoreMetrics, maxGroups);
  }

  /** A copy adjusting p-values over {@code scope}. */
  public FairnessInput withPAdjustScope(PAdjustScope scope) {
    return new FairnessInput(data, label, prediction, score, threshold, slices, favourableIsPositive,
        minGroupSize, confidence, excludeBelowShare, referenceGroups, favourablePrediction, bootstrap,
        bootstrapSeed, pAdjust, topK, topKBy, scope, strata, scoreMetrics, maxGroups);
  }

  /** A copy allowing at most {@code limit} groups per attribute or intersection. */
  public FairnessInput withMaxGroups(int limit) {
    return new FairnessInput(data, label, prediction, score, threshold, slices, favourableIsPositive,
        minGroupSize, confidence, excludeBelowShare, referenceGroups, favourablePrediction, bootstrap,
        bootstrapSeed, pAdjust, topK, topKBy, pAdjustScope, strata, scoreMetrics, limit);
  }

  /** A copy without the score-key histograms ({@code fairness.score_metrics: false}). */
  public FairnessInput withoutScoreMetrics() {
    return new FairnessInput(data, label, prediction, score, threshold, slices, favourableIsPositive,
        minGroupSize, confidence, excludeBelowShare, referenceGroups, favourablePrediction, bootstrap,
        bootstrapSeed, pAdjust, topK, topKBy, pAdjustScope, strata, false, maxGroups);
  }

  /** An input with 95 % intervals, no small-group exclusion and no reference groups. */
  public FairnessInput(Dataset<Row> data, BinaryColumn label, BinaryColumn prediction,
                       String score, Double threshold, List<Slice> slices,
                       boolean favourableIsPositive, int minGroupSize) {
    this(data, label, prediction, score, threshold, slices, favourableIsPositive, minGroupSize, 0.95,
        null, Map.of(), null);
  }

  /** Whether the score-key histograms are built: a score and {@code fairness.score_metrics} on. */
  public boolean histograms() {
    return score != null && scoreMetrics;
  }

  public boolean hasPrediction() {
    return prediction != null || (score != null && threshold != null);
  }
}
