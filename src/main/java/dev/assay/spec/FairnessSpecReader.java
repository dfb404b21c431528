package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code fairness:} section of a spec into {@link FairnessOptions}: each key's default,
 * its range check and, for {@code task: regression | multiclass}, the keys that task refuses. Every
 * message names the spec line of the key and what to write instead.
 */
final class FairnessSpecReader {

  /** The most bootstrap replicates a spec may ask for. */
  static final int MAX_BOOTSTRAP = 2_000;

  /** Keys that only a binary classification audit uses. */
  private static final List<String> CLASSIFICATION_ONLY =
      List.of(
          "bootstrap",
          "exclude_below_share",
          "top_k",
          "rank_by",
          "p_adjust",
          "p_adjust_scope",
          "strata",
          "score_metrics",
          "auc");

  private final YamlDocument doc;
  private final AuditSpec.Fairness f;
  private final ColumnRoles roles;
  private final AuditSpec.Columns columns;
  private final FairnessOptions d = FairnessOptions.DEFAULTS;

  private FairnessSpecReader(
      YamlDocument doc, AuditSpec.Fairness f, ColumnRoles roles, AuditSpec.Columns columns) {
    this.doc = doc;
    this.f = f;
    this.roles = roles;
    this.columns = columns;
  }

  /** The options of {@code f} ({@link FairnessOptions#DEFAULTS} when the section is absent). */
  static FairnessOptions read(
      YamlDocument doc, AuditSpec.Fairness f, ColumnRoles roles, AuditSpec.Columns columns) {
    if (f == null) {
      return FairnessOptions.DEFAULTS;
    }
    return new FairnessSpecReader(doc, f, roles, columns).options();
  }

  private FairnessOptions options() {
    return FairnessOptions.builder()
        .minGroupSize(minGroupSize())
        .confidence(confidence())
        .bootstrap(bootstrap(), f.bootstrapSeed() == null ? d.bootstrapSeed() : f.bootstrapSeed())
        .excludeBelowShare(excludeBelowShare())
        .referenceGroup(referenceGroup())
        .pAdjust(pAdjust(), pAdjustScope())
        .topK(topK(), f.rankBy() == null ? d.topKBy() : f.rankBy())
        .task(task())
        .strata(strata())
        .scoreMetrics(f.scoreMetrics() == null || f.scoreMetrics())
        .maxGroups(maxGroups())
        .auc(auc())
        .build();
  }

  private BadInputException bad(String key, String problem) {
    return new BadInputException(doc.at("fairness", key) + ": " + problem);
  }

  private int minGroupSize() {
    int minGroup = f.minGroupSize() == null ? d.minGroupSize() : f.minGroupSize();
    if (minGroup < 1) {
      throw bad("min_group_size", "min_group_size must be at least 1.");
    }
    return minGroup;
  }

  private int bootstrap() {
    int bootstrap = f.bootstrap() == null ? d.bootstrap() : f.bootstrap();
    if (bootstrap < 0) {
      throw bad("bootstrap", "bootstrap must be 0 or more.");
    }
    if (bootstrap > MAX_BOOTSTRAP) {
      throw bad(
          "bootstrap",
          "bootstrap must be at most "
              + MAX_BOOTSTRAP
              + " (each replicate adds four counts per cell to the one aggregation);"
              + " 200 to 1000 is usual.");
    }
    return bootstrap;
  }

  private double confidence() {
    double confidence = f.confidence() == null ? d.confidence() : f.confidence();
    if (!(confidence > 0 && confidence < 1)) {
      throw bad("confidence", "confidence must be between 0 and 1, e.g. 0.95.");
    }
    return confidence;
  }

  private Double excludeBelowShare() {
    Double share = f.excludeBelowShare();
    if (share != null && !(share >= 0 && share < 1)) {
      throw bad(
          "exclude_below_share",
          "exclude_below_share must be a share in [0, 1), e.g. 0.02 for NYC Local Law 144's 2 %"
              + " rule.");
    }
    return share;
  }

  private Map<String, String> referenceGroup() {
    Map<String, String> reference = f.referenceGroup() == null ? Map.of() : f.referenceGroup();
    List<String> slices = new ArrayList<>(roles.sensitive());
    roles.intersections().forEach(i -> slices.add(String.join(" & ", i)));
    for (Map.Entry<String, String> e : reference.entrySet()) {
      String at = doc.at("fairness", "reference_group", e.getKey());
      if (!slices.contains(e.getKey())) {
        throw new BadInputException(
            at
                + ": reference_group names '"
                + e.getKey()
                + "', which is not a sensitive attribute or intersection; use one of "
                + slices
                + ".");
      }
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw new BadInputException(
            at
                + ": reference_group."
                + e.getKey()
                + " needs a group value, e.g. '{race: Caucasian}'.");
      }
    }
    return reference;
  }

  private String pAdjust() {
    String pAdjust = f.pAdjust() == null ? d.pAdjust() : f.pAdjust();
    return oneOf(
        "p_adjust",
        pAdjust,
        FairnessOptions.P_ADJUST,
        "holm: family-wise error; bh: Benjamini-Hochberg false discovery rate");
  }

  private String pAdjustScope() {
    String scope = f.pAdjustScope() == null ? d.pAdjustScope() : f.pAdjustScope();
    return oneOf(
        "p_adjust_scope",
        scope,
        FairnessOptions.P_ADJUST_SCOPES,
        "attribute: one p_adjust family per attribute or intersection; audit: one family of"
            + " every fairness p-value of the audit");
  }

  private String oneOf(String key, String value, List<String> allowed, String meaning) {
    if (!allowed.contains(value)) {
      throw bad(
          key,
          key
              + " is '"
              + value
              + "'; use one of "
              + String.join(", ", allowed)
              + " ("
              + meaning
              + ").");
    }
    return value;
  }

  private int topK() {
    int topK = f.topK() == null ? d.topK() : f.topK();
    if (topK < 0) {
      throw bad("top_k", "top_k must be 0 or more.");
    }
    return topK;
  }

  private String task() {
    String task = f.task() == null ? d.task() : f.task();
    oneOf(
        "task",
        task,
        FairnessOptions.TASKS,
        "regression: numeric label and prediction;"
            + " multiclass: a label and a prediction with several classes");
    if (task.equals("regression")) {
      checkRegression();
    } else if (task.equals("multiclass")) {
      checkMulticlass();
    }
    return task;
  }

  private String strata() {
    String strata = f.strata();
    if (strata != null && strata.isBlank()) {
      throw bad(
          "strata",
          "fairness.strata needs a column name (the stratification column of the conditional"
              + " demographic disparity), e.g. 'strata: department'; remove the key to skip"
              + " clarify_cddl and clarify_cddpl.");
    }
    return strata;
  }

  private int maxGroups() {
    int maxGroups = f.maxGroups() == null ? d.maxGroups() : f.maxGroups();
    if (maxGroups < 1 || maxGroups > FairnessOptions.MAX_MAX_GROUPS) {
      throw bad(
          "max_groups",
          "max_groups must be between 1 and "
              + FairnessOptions.MAX_MAX_GROUPS
              + " (found "
              + maxGroups
              + "); the default is "
              + FairnessOptions.DEFAULT_MAX_GROUPS
              + ".");
    }
    return maxGroups;
  }

  private String auc() {
    String auc = f.auc() == null ? d.auc() : f.auc();
    if (!FairnessOptions.AUC.contains(auc)) {
      throw bad(
          "auc",
          "auc is '"
              + auc
              + "'; use exact (the default: equal to scikit-learn's roc_auc_score) or binned"
              + " (1e-3 score keys with a printed bound).");
    }
    return auc;
  }

  /**
   * {@code fairness.task: regression} needs a label and a prediction column (both numeric, checked
   * against the data later) and takes none of the classification-only options.
   */
  private void checkRegression() {
    requireLabelAndPrediction("regression", "numeric");
    if (roles.score() != null || roles.threshold() != null) {
      throw new BadInputException(
          doc.at("columns", roles.score() != null ? "score" : "threshold")
              + ": columns.score and columns.threshold are for classification; with fairness.task:"
              + " regression the prediction column is the model's number. Remove them.");
    }
    refuse(CLASSIFICATION_ONLY, "classification", "regression");
  }

  /**
   * {@code fairness.task: multiclass} needs a label and a prediction column (each class a value;
   * the classes are read from the data) and takes none of the binary-only keys: no score or
   * threshold, no positive or favourable value, and none of the binary-only fairness options.
   */
  private void checkMulticlass() {
    requireLabelAndPrediction("multiclass", "one class per row");
    String[][] binaryColumns = {
      {"score", roles.score()},
      {"threshold", roles.threshold() == null ? null : String.valueOf(roles.threshold())},
      {"positive", columns.positive()},
      {"favourable", columns.favourable()}
    };
    for (String[] c : binaryColumns) {
      if (c[1] != null) {
        throw new BadInputException(
            doc.at("columns", c[0])
                + ": columns."
                + c[0]
                + " is for a binary (classification) audit; with fairness.task: multiclass every"
                + " class is in turn the positive one (one-vs-rest) and the prediction column holds"
                + " the predicted class. Remove it.");
      }
    }
    List<String> binaryOnly = new ArrayList<>(CLASSIFICATION_ONLY);
    binaryOnly.add(2, "reference_group");
    refuse(binaryOnly, "binary classification", "multiclass");
  }

  private void requireLabelAndPrediction(String task, String what) {
    if (roles.label() == null || roles.prediction() == null) {
      throw bad(
          "task",
          "task: "
              + task
              + " needs both columns.label and columns.prediction ("
              + what
              + "); name the missing one.");
    }
  }

  /** Refuses each of {@code keys} that the spec sets: they do not apply to {@code task}. */
  private void refuse(List<String> keys, String kind, String task) {
    for (String key : keys) {
      if (given(key)) {
        throw bad(
            key,
            "fairness."
                + key
                + " is a "
                + kind
                + " option and is not used with task: "
                + task
                + ". Remove it.");
      }
    }
  }

  private boolean given(String key) {
    Object value =
        switch (key) {
          case "bootstrap" -> f.bootstrap();
          case "exclude_below_share" -> f.excludeBelowShare();
          case "reference_group" -> f.referenceGroup();
          case "top_k" -> f.topK();
          case "rank_by" -> f.rankBy();
          case "p_adjust" -> f.pAdjust();
          case "p_adjust_scope" -> f.pAdjustScope();
          case "strata" -> f.strata();
          case "score_metrics" -> f.scoreMetrics();
          case "auc" -> f.auc();
          default -> throw new IllegalArgumentException(key);
        };
    return value != null;
  }
}
