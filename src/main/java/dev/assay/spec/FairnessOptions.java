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

  /** Every option at its default. */
  public static final FairnessOptions DEFAULTS = builder().build();

  public FairnessOptions {
    referenceGroup = Map.copyOf(referenceGroup);
  }

  /** A builder that starts from the defaults; set only what differs. */
  public static Builder builder() {
    return new Builder();
  }

  /** Fairness options one key at a time, starting from the defaults. */
  public static final class Builder {
    private int minGroupSize = 30;
    private int bootstrap;
    private double confidence = 0.95;
    private Double excludeBelowShare;
    private Map<String, String> referenceGroup = Map.of();
    private long bootstrapSeed;
    private String pAdjust = "holm";
    private int topK;
    private String topKBy = "selection_rate";
    private String task = "classification";
    private String pAdjustScope = "attribute";
    private String strata;
    private boolean scoreMetrics = true;
    private int maxGroups = DEFAULT_MAX_GROUPS;
    private String auc = "exact";

    private Builder() {}

    public Builder minGroupSize(int value) {
      minGroupSize = value;
      return this;
    }

    public Builder bootstrap(int replicates, long seed) {
      bootstrap = replicates;
      bootstrapSeed = seed;
      return this;
    }

    public Builder confidence(double value) {
      confidence = value;
      return this;
    }

    public Builder excludeBelowShare(Double value) {
      excludeBelowShare = value;
      return this;
    }

    public Builder referenceGroup(Map<String, String> value) {
      referenceGroup = value;
      return this;
    }

    public Builder pAdjust(String method, String scope) {
      pAdjust = method;
      pAdjustScope = scope;
      return this;
    }

    public Builder topK(int k, String by) {
      topK = k;
      topKBy = by;
      return this;
    }

    public Builder task(String value) {
      task = value;
      return this;
    }

    public Builder strata(String column) {
      strata = column;
      return this;
    }

    public Builder scoreMetrics(boolean value) {
      scoreMetrics = value;
      return this;
    }

    public Builder maxGroups(int value) {
      maxGroups = value;
      return this;
    }

    public Builder auc(String value) {
      auc = value;
      return this;
    }

    public FairnessOptions build() {
      return new FairnessOptions(
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
          auc);
    }
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
