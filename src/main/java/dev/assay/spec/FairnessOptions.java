package dev.assay.spec;

import java.util.Map;

/**
 * Fairness options: groups smaller than {@code minGroupSize} are flagged as insufficient data;
 * {@code confidence} is the level of intervals; {@code bootstrap} Poisson replicates (0 = none)
 * drawn with {@code bootstrapSeed}; groups under {@code excludeBelowShare} of the rows are left out
 * of impact ratios (null = keep them; NYC LL 144 allows 0.02); {@code referenceGroup} names, per
 * attribute or intersection, the group that {@code *_vs_ref} metrics compare against; {@code
 * pAdjust} is the multiple-comparison adjustment of p-values ({@code holm}, {@code bh} or {@code
 * none}), over each attribute's p-values or, with {@code pAdjustScope} {@code audit}, over all of
 * them; {@code topK} worst slices by {@code topKBy} (spec key {@code rank_by}) are listed (0 =
 * none); {@code task} is {@code classification} (the default: binary label and prediction) or
 * {@code regression} (numeric label and prediction: mean prediction, MAE, RMSE per group and their
 * differences) or {@code multiclass} (a label and a prediction with several classes: one-vs-rest
 * rates per class and the worst class); {@code strata} is the column ({@code fairness.strata}) that
 * Clarify's conditional demographic disparity (CDDL, CDDPL) conditions on, or null; {@code
 * scoreMetrics} ({@code fairness.score_metrics}, default true) false skips the score-key histograms
 * and with them {@code auc}, {@code auc_difference}, {@code expected_calibration_error}, {@code
 * scoring_rate} and {@code scoring_impact_ratio} — at 10M rows the family then took about a third
 * less wall time (40 % less executor CPU); {@code maxGroups} ({@code fairness.max_groups}, default
 * {@value #DEFAULT_MAX_GROUPS}) is the most groups one attribute or intersection may have: more is
 * exit 2, since a report of thousands of groups is unreadable and usually means an identifier or an
 * unbucketed number was named; {@code auc} ({@code fairness.auc}) is {@code exact} (the default:
 * one score key per distinct score, so auc, scoring_rate and expected_calibration_error are exact)
 * or {@code binned} (1e-3 score keys with a printed bound, for scores with very many distinct
 * values).
 */
public record FairnessOptions(
    int minGroupSize,
    int bootstrap,
    double confidence,
    Double excludeBelowShare,
    Map<String, String> referenceGroup,
    long bootstrapSeed,
    String pAdjust,
    int topK,
    String topKBy,
    String task,
    String pAdjustScope,
    String strata,
    boolean scoreMetrics,
    int maxGroups,
    String auc) {

  /** The values {@code fairness.auc} accepts. */
  public static final java.util.List<String> AUC = java.util.List.of("exact", "binned");

  /** Options with exact AUC (the default of {@code fairness.auc}). */
  public FairnessOptions(
      int minGroupSize,
      int bootstrap,
      double confidence,
      Double excludeBelowShare,
      Map<String, String> referenceGroup,
      long bootstrapSeed,
      String pAdjust,
      int topK,
      String topKBy,
      String task,
      String pAdjustScope,
      String strata,
      boolean scoreMetrics,
      int maxGroups) {
    this(
        minGroupSize,
        bootstrap,
        confidence,
        excludeBelowShare,
        referenceGroup,
        bootstrapSeed,
        pAdjust,
        topK,
        topKBy,
        task,
        pAdjustScope,
        strata,
        scoreMetrics,
        maxGroups,
        "exact");
  }

  /** The default of {@code fairness.max_groups}. */
  public static final int DEFAULT_MAX_GROUPS = 1_000;

  /** The largest {@code fairness.max_groups} a spec may set (the cell bound of the one job). */
  public static final int MAX_MAX_GROUPS = 1_000_000;

  /** The p-value adjustments {@code fairness.p_adjust} accepts. */
  public static final java.util.List<String> P_ADJUST = java.util.List.of("holm", "bh", "none");

  /**
   * The values {@code fairness.p_adjust_scope} accepts: one family per attribute, or the whole
   * audit.
   */
  public static final java.util.List<String> P_ADJUST_SCOPES =
      java.util.List.of("attribute", "audit");

  /** The tasks {@code fairness.task} accepts. */
  public static final java.util.List<String> TASKS =
      java.util.List.of("classification", "regression", "multiclass");

  public static final FairnessOptions DEFAULTS =
      new FairnessOptions(
          30,
          0,
          0.95,
          null,
          Map.of(),
          0L,
          "holm",
          0,
          "selection_rate",
          "classification",
          "attribute",
          null,
          true,
          DEFAULT_MAX_GROUPS);

  /** Options with the default {@code max_groups}. */
  public FairnessOptions(
      int minGroupSize,
      int bootstrap,
      double confidence,
      Double excludeBelowShare,
      Map<String, String> referenceGroup,
      long bootstrapSeed,
      String pAdjust,
      int topK,
      String topKBy,
      String task,
      String pAdjustScope,
      String strata,
      boolean scoreMetrics) {
    this(
        minGroupSize,
        bootstrap,
        confidence,
        excludeBelowShare,
        referenceGroup,
        bootstrapSeed,
        pAdjust,
        topK,
        topKBy,
        task,
        pAdjustScope,
        strata,
        scoreMetrics,
        DEFAULT_MAX_GROUPS);
  }

  /** Options with the score metrics on (the default of {@code fairness.score_metrics}). */
  public FairnessOptions(
      int minGroupSize,
      int bootstrap,
      double confidence,
      Double excludeBelowShare,
      Map<String, String> referenceGroup,
      long bootstrapSeed,
      String pAdjust,
      int topK,
      String topKBy,
      String task,
      String pAdjustScope,
      String strata) {
    this(
        minGroupSize,
        bootstrap,
        confidence,
        excludeBelowShare,
        referenceGroup,
        bootstrapSeed,
        pAdjust,
        topK,
        topKBy,
        task,
        pAdjustScope,
        strata,
        true);
  }

  public FairnessOptions {
    referenceGroup = Map.copyOf(referenceGroup);
  }

  /** Options adjusting p-values per attribute, without strata. */
  public FairnessOptions(
      int minGroupSize,
      int bootstrap,
      double confidence,
      Double excludeBelowShare,
      Map<String, String> referenceGroup,
      long bootstrapSeed,
      String pAdjust,
      int topK,
      String topKBy,
      String task) {
    this(
        minGroupSize,
        bootstrap,
        confidence,
        excludeBelowShare,
        referenceGroup,
        bootstrapSeed,
        pAdjust,
        topK,
        topKBy,
        task,
        "attribute",
        null);
  }

  public FairnessOptions(int minGroupSize, int bootstrap, double confidence) {
    this(minGroupSize, bootstrap, confidence, null, Map.of());
  }

  public FairnessOptions(
      int minGroupSize,
      int bootstrap,
      double confidence,
      Double excludeBelowShare,
      Map<String, String> referenceGroup) {
    this(
        minGroupSize,
        bootstrap,
        confidence,
        excludeBelowShare,
        referenceGroup,
        0L,
        "holm",
        0,
        "selection_rate",
        "classification");
  }

  /** Whether the label and prediction are numbers ({@code fairness.task: regression}). */
  public boolean regression() {
    return "regression".equals(task);
  }

  /** Whether the label and prediction hold several classes ({@code fairness.task: multiclass}). */
  public boolean multiclass() {
    return "multiclass".equals(task);
  }
}
