package dev.assay.metrics.fairness;

import static dev.assay.core.Direction.HIGHER_BETTER;
import static dev.assay.core.Direction.LOWER_BETTER;
import static dev.assay.core.Direction.NEUTRAL;
import static dev.assay.core.Direction.TOWARD_ONE;
import static dev.assay.core.Direction.TOWARD_ZERO;
import static dev.assay.core.MetricLevel.ATTRIBUTE;
import static dev.assay.core.MetricLevel.CLASS;
import static dev.assay.core.MetricLevel.DATASET;
import static dev.assay.core.MetricLevel.GROUP;

import dev.assay.core.Family;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricList;
import dev.assay.core.MetricUnit;
import dev.assay.core.ValueRange;
import dev.assay.core.Wording;
import java.util.List;

/**
 * The fairness family's metrics, declared beside the code that computes them ({@link GroupMetric},
 * {@link Disparity}, {@link ClarifyMetric}, {@link RegressionMetric}, the multi-class and reference
 * comparisons). Declaration order is the report's column order of the per-group tables: the
 * confusion rates first, then the rest by name.
 */
public final class FairnessMetrics {

  private static final MetricList METRICS = new MetricList(Family.FAIRNESS);

  public static final MetricDescriptor COUNT =
      METRICS
          .metric("count")
          .at(GROUP, DATASET)
          .unit(MetricUnit.COUNT)
          .direction(NEUTRAL)
          .defined("Number of records in the group.", "rows in the group, n")
          .citing("Fairlearn `count`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor SELECTION_RATE =
      METRICS
          .metric("selection_rate")
          .at(GROUP, DATASET, CLASS)
          .unit(MetricUnit.SHARE)
          .direction(NEUTRAL)
          .defined(
              "Share of the group's records that the model predicts positive (or " + "favourable).",
              "share predicted positive: (TP + FP) ÷ n")
          .citing("Fairlearn `selection_rate`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor BASE_RATE =
      METRICS
          .metric("base_rate")
          .at(GROUP, DATASET, CLASS)
          .unit(MetricUnit.SHARE)
          .direction(NEUTRAL)
          .defined(
              "Share of the group's records whose true label is positive.",
              "share labelled positive: (TP + FN) ÷ n")
          .citing("Fairlearn (AIF360 `base_rate`)")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor TRUE_POSITIVE_RATE =
      METRICS
          .metric("true_positive_rate")
          .at(GROUP, DATASET, CLASS)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Of the truly positive records, the share predicted positive: TP ÷ (TP "
                  + "+ FN). Also called recall or sensitivity.",
              "TP ÷ (TP + FN) (recall)")
          .citing("Fairlearn `true_positive_rate`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor FALSE_POSITIVE_RATE =
      METRICS
          .metric("false_positive_rate")
          .at(GROUP, DATASET, CLASS)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Of the truly negative records, the share wrongly predicted positive: "
                  + "FP ÷ (FP + TN).",
              "FP ÷ (FP + TN)")
          .citing("Fairlearn `false_positive_rate`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor FALSE_NEGATIVE_RATE =
      METRICS
          .metric("false_negative_rate")
          .at(GROUP, DATASET, CLASS)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Of the truly positive records, the share wrongly predicted negative: "
                  + "FN ÷ (TP + FN).",
              "FN ÷ (TP + FN)")
          .citing("Fairlearn `false_negative_rate`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor TRUE_NEGATIVE_RATE =
      METRICS
          .metric("true_negative_rate")
          .at(GROUP, DATASET, CLASS)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Of the truly negative records, the share predicted negative: TN ÷ (TN "
                  + "+ FP). Also called specificity.",
              "TN ÷ (TN + FP) (specificity)")
          .citing("Fairlearn `true_negative_rate`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor POSITIVE_PREDICTIVE_VALUE =
      METRICS
          .metric("positive_predictive_value")
          .at(GROUP, DATASET, CLASS)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Of the records predicted positive, the share that are truly positive: "
                  + "TP ÷ (TP + FP). Also called precision.",
              "TP ÷ (TP + FP) (precision)")
          .citing("scikit-learn `precision_score`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor NEGATIVE_PREDICTIVE_VALUE =
      METRICS
          .metric("negative_predictive_value")
          .at(GROUP, DATASET, CLASS)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Of the records predicted negative, the share that are truly negative: "
                  + "TN ÷ (TN + FN).",
              "TN ÷ (TN + FN)")
          .citing("AIF360 `negative_predictive_value`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor ACCURACY =
      METRICS
          .metric("accuracy")
          .at(GROUP, DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of records whose prediction equals the true label: (TP + TN) ÷ " + "all.",
              "(TP + TN) ÷ n")
          .citing("scikit-learn `accuracy_score`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor FALSE_DISCOVERY_RATE =
      METRICS
          .metric("false_discovery_rate")
          .at(GROUP, DATASET)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Of the records predicted positive, the share that are truly negative: "
                  + "FP ÷ (TP + FP). One minus the positive predictive value.",
              "FP ÷ (TP + FP)")
          .citing("Aequitas `fdr` (Saleiro et al. 2018)")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor FALSE_OMISSION_RATE =
      METRICS
          .metric("false_omission_rate")
          .at(GROUP, DATASET)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Of the records predicted negative, the share that are truly positive: "
                  + "FN ÷ (TN + FN). One minus the negative predictive value.",
              "FN ÷ (TN + FN)")
          .citing("Aequitas `for` (Saleiro et al. 2018)")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor BALANCED_ACCURACY =
      METRICS
          .metric("balanced_accuracy")
          .at(GROUP, DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "With several classes: the average, over the classes the group's "
                  + "records truly belong to, of the share of each class's records predicted as that class "
                  + "(scikit-learn's balanced accuracy); unlike accuracy, a rare class counts as much as a "
                  + "common one.",
              "mean over the classes present in the group's labels of the class's recall")
          .citing("scikit-learn `balanced_accuracy_score`")
          .topic("fairness/multiclass")
          .add();

  public static final MetricDescriptor MEAN_SCORE =
      METRICS
          .metric("mean_score")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DATA_UNITS)
          .direction(NEUTRAL)
          .defined("Average model score of the group's records.", "mean of `columns.score`")
          .citing("Assay's definition")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor AUC =
      METRICS
          .metric("auc")
          .at(GROUP, DATASET)
          .unit(MetricUnit.SCORE)
          .direction(HIGHER_BETTER)
          .defined(
              "Area under the ROC curve: the chance that a randomly chosen positive "
                  + "record gets a higher score than a randomly chosen negative one (0.5 = chance, 1 = "
                  + "perfect).",
              "ROC AUC of the score against the label: P(score of a positive > score of a negative), "
                  + "ties ½ (Mann–Whitney); exact for scores with ≤ 3 decimals, else within the tie bound "
                  + "in the note")
          .citing("scikit-learn `roc_auc_score`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor IMPACT_RATIO =
      METRICS
          .metric("impact_ratio")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ONE)
          .defined(
              "The group's favourable-outcome rate divided by the highest group's "
                  + "rate; below 0.8 fails the EEOC four-fifths rule of thumb.",
              "the group's favourable rate ÷ the highest group's; `p_value` of the two-proportion "
                  + "z-test (Fisher's exact test when an expected cell is below 5) against that group, "
                  + "adjusted by `fairness.p_adjust`")
          .citing(
              "EEOC Uniform Guidelines, 29 CFR 1607.4(D) (four-fifths rule); NYC LL "
                  + "144 rules, 6 RCNY §5-301")
          .topic("fairness/group")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor MEAN_PREDICTION =
      METRICS
          .metric("mean_prediction")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DATA_UNITS)
          .direction(NEUTRAL)
          .defined("Average predicted value of the group's records.", "mean prediction")
          .citing("Assay's definition")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor MEAN_LABEL =
      METRICS
          .metric("mean_label")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DATA_UNITS)
          .direction(NEUTRAL)
          .defined("Average true value (label) of the group's records.", "mean label")
          .citing("Assay's definition")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor MEAN_ERROR =
      METRICS
          .metric("mean_error")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DATA_UNITS)
          .direction(TOWARD_ZERO)
          .defined(
              "Average of prediction minus true value over the group's records: "
                  + "positive means the model over-predicts for the group, negative that it under-predicts.",
              "mean of e (positive: over-prediction)")
          .citing("Assay's definition")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor MAE =
      METRICS
          .metric("mae")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DATA_UNITS)
          .range(ValueRange.NON_NEGATIVE)
          .direction(LOWER_BETTER)
          .defined(
              "Mean absolute error: the average distance between prediction and true "
                  + "value over the group's records; lower is better.",
              "mean |e|")
          .citing("scikit-learn `mean_absolute_error`")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor RMSE =
      METRICS
          .metric("rmse")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DATA_UNITS)
          .range(ValueRange.NON_NEGATIVE)
          .direction(LOWER_BETTER)
          .defined(
              "Root mean squared error: the square root of the average squared "
                  + "distance between prediction and true value; it weighs large misses more than MAE does.",
              "√(mean e²)")
          .citing("scikit-learn `root_mean_squared_error`")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor ACCURACY_DIFFERENCE =
      METRICS
          .metric("accuracy_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined("Largest minus smallest accuracy over the groups.", "max − min accuracy")
          .citing("Fairlearn `MetricFrame.difference()` of accuracy")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor FALSE_DISCOVERY_RATE_DIFFERENCE =
      METRICS
          .metric("false_discovery_rate_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest false discovery rate over the groups.",
              "max − min `false_discovery_rate`")
          .citing("Aequitas FDR disparity (Saleiro et al. 2018), as a Fairlearn-style difference")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor FALSE_DISCOVERY_RATE_RATIO =
      METRICS
          .metric("false_discovery_rate_ratio")
          .at(ATTRIBUTE)
          .unit(MetricUnit.RATIO)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ONE)
          .defined(
              "Smallest divided by largest false discovery rate over the groups; 1 means "
                  + "parity.",
              "min ÷ max `false_discovery_rate`")
          .citing("Aequitas FDR disparity (Saleiro et al. 2018), as a Fairlearn-style ratio")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor FALSE_OMISSION_RATE_DIFFERENCE =
      METRICS
          .metric("false_omission_rate_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest false omission rate over the groups.",
              "max − min `false_omission_rate`")
          .citing("Aequitas FOR disparity (Saleiro et al. 2018), as a Fairlearn-style difference")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor FALSE_OMISSION_RATE_RATIO =
      METRICS
          .metric("false_omission_rate_ratio")
          .at(ATTRIBUTE)
          .unit(MetricUnit.RATIO)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ONE)
          .defined(
              "Smallest divided by largest false omission rate over the groups; 1 means "
                  + "parity.",
              "min ÷ max `false_omission_rate`")
          .citing("Aequitas FOR disparity (Saleiro et al. 2018), as a Fairlearn-style ratio")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor AUC_DIFFERENCE =
      METRICS
          .metric("auc_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined("Largest minus smallest AUC over the groups.", "max − min `auc`")
          .citing("Fairlearn `MetricFrame.difference()` of AUC")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor BALANCED_ACCURACY_DIFFERENCE =
      METRICS
          .metric("balanced_accuracy_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "With several classes: the gap between the groups' highest and lowest "
                  + "balanced accuracy; 0 means the model is equally accurate per class in every group.",
              "max − min `balanced_accuracy`")
          .citing("Fairlearn `MetricFrame.difference()`")
          .topic("fairness/multiclass")
          .add();

  public static final MetricDescriptor BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX =
      METRICS
          .metric("between_group_generalized_entropy_index")
          .at(ATTRIBUTE)
          .unit(MetricUnit.STATISTIC)
          .direction(LOWER_BETTER)
          .defined(
              "The part of the generalized entropy index that comes from differences "
                  + "between the groups' average benefit; 0 means every group gets the same average "
                  + "benefit.",
              "GE(2) with each row's benefit replaced by its group's mean benefit: the unequal "
                  + "benefit that comes from group differences")
          .citing("AIF360 `between_group_generalized_entropy_index(alpha=2)`")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor BRIER_SCORE =
      METRICS
          .metric("brier_score")
          .at(GROUP, DATASET)
          .unit(MetricUnit.SCORE)
          .direction(LOWER_BETTER)
          .defined(
              "Average squared gap between the predicted probability and the true "
                  + "outcome (0 or 1); 0 is perfect, lower is better.",
              "mean (score − label)², score a probability")
          .citing("Brier (1950); scikit-learn `brier_score_loss`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor CHALLENGER_ACCURACY_DIFFERENCE =
      METRICS
          .metric("challenger_accuracy_difference")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(HIGHER_BETTER)
          .defined(
              "Challenger's accuracy minus the champion's on the same labelled rows of the group; negative means the challenger is worse. `p_value` by McNemar's test.",
              "(c − b) ÷ labelled rows; b, c = rows only the champion, only the challenger classifies correctly")
          .citing("McNemar (1947); Dietterich (1998)")
          .topic("fairness/challenger")
          .add();

  public static final MetricDescriptor CHALLENGER_AUC_DIFFERENCE =
      METRICS
          .metric("challenger_auc_difference")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(HIGHER_BETTER)
          .defined(
              "Challenger's AUC minus the champion's on the same rows of the group; `p_value` by DeLong's test.",
              "AUC(challenger) − AUC(champion), exact score keys")
          .citing("DeLong, DeLong & Clarke-Pearson (1988); Sun & Xu (2014)")
          .topic("fairness/challenger")
          .add();

  public static final MetricDescriptor CHALLENGER_FALSE_POSITIVE_RATE_DIFFERENCE =
      METRICS
          .metric("challenger_false_positive_rate_difference")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(LOWER_BETTER)
          .defined(
              "Challenger's false positive rate minus the champion's on the group's truly negative rows; `p_value` by McNemar's test on them.",
              "(c − b) ÷ negatives; b, c = negatives only the champion, only the challenger predicts positive")
          .citing("McNemar (1947)")
          .topic("fairness/challenger")
          .add();

  public static final MetricDescriptor CHALLENGER_SELECTION_RATE_DIFFERENCE =
      METRICS
          .metric("challenger_selection_rate_difference")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(NEUTRAL)
          .defined(
              "Challenger's selection rate minus the champion's on the same rows of the group; `p_value` by McNemar's test.",
              "(c − b) ÷ rows; b, c = rows only the champion, only the challenger predicts positive")
          .citing("McNemar (1947)")
          .topic("fairness/challenger")
          .add();

  public static final MetricDescriptor CHALLENGER_TRUE_POSITIVE_RATE_DIFFERENCE =
      METRICS
          .metric("challenger_true_positive_rate_difference")
          .at(GROUP, DATASET)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(HIGHER_BETTER)
          .defined(
              "Challenger's true positive rate minus the champion's on the group's truly positive rows; `p_value` by McNemar's test on them.",
              "(c − b) ÷ positives; b, c = positives only the champion, only the challenger predicts positive")
          .citing("McNemar (1947)")
          .topic("fairness/challenger")
          .add();

  public static final MetricDescriptor CLARIFY_AD =
      METRICS
          .metric("clarify_ad")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Accuracy difference (Clarify AD): the rest's accuracy minus the " + "group's.",
              "accuracy difference: ACC_a − ACC_d")
          .citing("SageMaker Clarify AD")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_CDDL =
      METRICS
          .metric("clarify_cddl")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Conditional demographic disparity in labels (Clarify CDDL): within "
                  + "each stratum of the fairness.strata column, the group's share of the unfavourable "
                  + "labels minus its share of the favourable ones, averaged with the strata's sizes as "
                  + "weights; positive means the group gets more than its share of unfavourable outcomes.",
              "conditional demographic disparity in labels, with `fairness.strata`: Σ_strata (n_i ÷ "
                  + "n) · (share of the stratum's unfavourable labels that are the group's − share of its "
                  + "favourable labels that are the group's)")
          .citing("SageMaker Clarify CDDL (smclarify `CDD`)")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_CDDPL =
      METRICS
          .metric("clarify_cddpl")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Conditional demographic disparity in predicted labels (Clarify CDDPL): "
                  + "the same as clarify_cddl, computed on the model's predictions.",
              "the same on the predictions")
          .citing("SageMaker Clarify CDDPL")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_CI =
      METRICS
          .metric("clarify_ci")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(NEUTRAL)
          .defined(
              "Class imbalance (Clarify CI): (rest size - group size) / (rest size + "
                  + "group size); positive means the group is under-represented.",
              "class imbalance: (n_a − n_d) ÷ (n_a + n_d)")
          .citing("SageMaker Clarify CI")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_DAR =
      METRICS
          .metric("clarify_dar")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Difference in acceptance rates (Clarify DAR): the rest's precision "
                  + "minus the group's.",
              "difference in acceptance rates (precision): PPV_a − PPV_d")
          .citing("SageMaker Clarify DAR")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_DCA =
      METRICS
          .metric("clarify_dca")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .direction(TOWARD_ZERO)
          .defined(
              "Difference in conditional acceptance (Clarify DCA): favourable labels "
                  + "per favourable prediction, rest minus group.",
              "difference in conditional acceptance: n_a(1)/n̂_a(1) − n_d(1)/n̂_d(1) (favourable "
                  + "labels per favourable prediction)")
          .citing("SageMaker Clarify DCAcc")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_DCR =
      METRICS
          .metric("clarify_dcr")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .direction(TOWARD_ZERO)
          .defined(
              "Difference in conditional rejection (Clarify DCR): unfavourable labels "
                  + "per unfavourable prediction, group minus rest.",
              "difference in conditional rejection: n_d(0)/n̂_d(0) − n_a(0)/n̂_a(0)")
          .citing("SageMaker Clarify DCR")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_DI =
      METRICS
          .metric("clarify_di")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .direction(TOWARD_ONE)
          .defined(
              "Disparate impact (Clarify DI): the group's favourable-prediction rate "
                  + "divided by the rest's; 1 is parity, under 0.8 fails the four-fifths comparison.",
              "disparate impact: q̂_d ÷ q̂_a")
          .citing("SageMaker Clarify DI")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_DPL =
      METRICS
          .metric("clarify_dpl")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Difference in proportions of labels (Clarify DPL): the rest's share of "
                  + "favourable labels minus the group's.",
              "difference in proportions of labels: q_a − q_d (favourable label shares)")
          .citing("SageMaker Clarify DPL")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_DPPL =
      METRICS
          .metric("clarify_dppl")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Difference in positive proportions in predicted labels (Clarify DPPL): "
                  + "the rest's favourable-prediction rate minus the group's.",
              "difference in positive proportions in predicted labels: q̂_a − q̂_d")
          .citing("SageMaker Clarify DPPL")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_DRR =
      METRICS
          .metric("clarify_drr")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Difference in rejection rates (Clarify DRR): the group's negative "
                  + "predictive value minus the rest's.",
              "difference in rejection rates: NPV_d − NPV_a")
          .citing("SageMaker Clarify DRR")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_JS =
      METRICS
          .metric("clarify_js")
          .at(GROUP)
          .unit(MetricUnit.DISTANCE)
          .range(0, Math.log(2))
          .direction(TOWARD_ZERO)
          .defined(
              "Jensen-Shannon divergence (Clarify JS, in nats) between the group's "
                  + "and the rest's label distributions; 0 means the same, at most ln 2.",
              "Jensen–Shannon divergence of the label distributions")
          .citing("SageMaker Clarify JS")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_KL =
      METRICS
          .metric("clarify_kl")
          .at(GROUP)
          .unit(MetricUnit.DISTANCE)
          .direction(TOWARD_ZERO)
          .defined(
              "Kullback-Leibler divergence (Clarify KL, in nats) of the rest's label "
                  + "distribution from the group's; 0 means the same distribution.",
              "Kullback–Leibler divergence KL(P_a ‖ P_d) of the label distributions")
          .citing("SageMaker Clarify KL")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_KS =
      METRICS
          .metric("clarify_ks")
          .at(GROUP)
          .unit(MetricUnit.DISTANCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Kolmogorov-Smirnov distance (Clarify KS): the largest absolute "
                  + "difference between the group's and the rest's label probabilities.",
              "Kolmogorov–Smirnov distance: max |P_a − P_d| over label values")
          .citing("SageMaker Clarify KS")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_LP =
      METRICS
          .metric("clarify_lp")
          .at(GROUP)
          .unit(MetricUnit.DISTANCE)
          .range(0, Math.sqrt(2))
          .direction(TOWARD_ZERO)
          .defined(
              "L2 distance (Clarify Lp, p = 2) between the group's and the rest's "
                  + "label distributions.",
              "L2 distance of the label distributions")
          .citing("SageMaker Clarify LP")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_RD =
      METRICS
          .metric("clarify_rd")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Recall difference (Clarify RD): the rest's true positive rate minus "
                  + "the group's.",
              "recall difference: TPR_a − TPR_d")
          .citing("SageMaker Clarify RD")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_TE =
      METRICS
          .metric("clarify_te")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .direction(TOWARD_ZERO)
          .defined(
              "Treatment equality (Clarify TE): the group's false negatives per false "
                  + "positive minus the rest's.",
              "treatment equality: FN_d/FP_d − FN_a/FP_a")
          .citing("SageMaker Clarify TE")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor CLARIFY_TVD =
      METRICS
          .metric("clarify_tvd")
          .at(GROUP)
          .unit(MetricUnit.DISTANCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Total variation distance (Clarify TVD) between the group's and the "
                  + "rest's label distributions: half the sum of absolute differences.",
              "total variation distance of the label distributions, ½ Σ |P_a − P_d|")
          .citing("SageMaker Clarify TVD")
          .topic("fairness/clarify")
          .add();

  public static final MetricDescriptor DELONG_P_VALUE =
      METRICS
          .metric("delong_p_value")
          .at(GROUP, DATASET)
          .unit(MetricUnit.P_VALUE)
          .direction(NEUTRAL)
          .defined(
              "Two-sided p-value of DeLong's test that the challenger's and the champion's AUC are equal on the group's rows.",
              "2 · (1 − Φ(|ΔAUC| ÷ SE)), SE from the placements' covariances")
          .citing("DeLong, DeLong & Clarke-Pearson (1988); Sun & Xu (2014)")
          .topic("fairness/challenger")
          .add();

  public static final MetricDescriptor DEMOGRAPHIC_PARITY_DIFFERENCE =
      METRICS
          .metric("demographic_parity_difference")
          .at(ATTRIBUTE, CLASS)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest selection rate over the groups (0 = every group "
                  + "selected at the same rate).",
              "max − min `selection_rate`")
          .citing("Fairlearn `demographic_parity_difference`")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor DEMOGRAPHIC_PARITY_RATIO =
      METRICS
          .metric("demographic_parity_ratio")
          .at(ATTRIBUTE, CLASS)
          .unit(MetricUnit.RATIO)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ONE)
          .defined(
              "Smallest divided by largest selection rate over the groups (1 = equal "
                  + "rates; the four-fifths rule asks for at least 0.8).",
              "min ÷ max favourable rate (the selection rate when favourable = positive)")
          .citing("Fairlearn `demographic_parity_ratio`; four-fifths rule")
          .topic("fairness/attribute")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor EMPTY_INTERSECTION_CELLS =
      METRICS
          .metric("empty_intersection_cells")
          .at(ATTRIBUTE)
          .unit(MetricUnit.COUNT)
          .direction(NEUTRAL)
          .defined(
              "How many combinations of the attributes' observed values have no rows "
                  + "at all; the audit says nothing about those people.",
              "combinations of the attributes' observed values that have no row; the note lists the "
                  + "first 20 (intersections only)")
          .citing("Assay's definition")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor EQUAL_OPPORTUNITY_DIFFERENCE =
      METRICS
          .metric("equal_opportunity_difference")
          .at(ATTRIBUTE, CLASS)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined("Largest minus smallest true positive rate over the groups.", "max − min TPR")
          .citing("Fairlearn `equal_opportunity_difference`; Hardt et al. (2016)")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor EQUAL_OPPORTUNITY_RATIO =
      METRICS
          .metric("equal_opportunity_ratio")
          .at(ATTRIBUTE, CLASS)
          .unit(MetricUnit.RATIO)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ONE)
          .defined(
              "Smallest divided by largest true positive rate over the groups.", "min ÷ max TPR")
          .citing("Fairlearn `equal_opportunity_ratio`")
          .topic("fairness/attribute")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor EQUALIZED_ODDS_DIFFERENCE =
      METRICS
          .metric("equalized_odds_difference")
          .at(ATTRIBUTE, CLASS)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "The larger of the true-positive-rate difference and the "
                  + "false-positive-rate difference between groups (max − min of each).",
              "the larger of the TPR difference and the FPR difference")
          .citing("Fairlearn `equalized_odds_difference`")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor EQUALIZED_ODDS_RATIO =
      METRICS
          .metric("equalized_odds_ratio")
          .at(ATTRIBUTE, CLASS)
          .unit(MetricUnit.RATIO)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ONE)
          .defined(
              "The smaller of the true-positive-rate ratio and the "
                  + "false-positive-rate ratio between groups (min ÷ max of each).",
              "the smaller of the TPR ratio and the FPR ratio")
          .citing("Fairlearn `equalized_odds_ratio`")
          .topic("fairness/attribute")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor EXPECTED_CALIBRATION_ERROR =
      METRICS
          .metric("expected_calibration_error")
          .at(GROUP, DATASET)
          .unit(MetricUnit.SCORE)
          .direction(LOWER_BETTER)
          .defined(
              "How far predicted probabilities are from observed outcome rates, "
                  + "averaged over ten probability bins weighted by their size; 0 is perfectly calibrated.",
              "Σ_bins (n_b ÷ n) · |mean score_b − positive share_b| over 10 equal-width probability "
                  + "bins")
          .citing("Guo et al. (2017), \"On calibration of modern neural networks\"")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor FALSE_POSITIVE_RATE_DIFF_VS_OVERALL =
      METRICS
          .metric("false_positive_rate_diff_vs_overall")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "The group's false positive rate minus that of all rows; 0 means the " + "same rate.",
              "FPR − the FPR of all rows of its attribute")
          .citing("Fairlearn-style difference")
          .topic("fairness/reference")
          .add();

  public static final MetricDescriptor FALSE_POSITIVE_RATE_DIFF_VS_REF =
      METRICS
          .metric("false_positive_rate_diff_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "The group's false positive rate minus the reference group's; 0 means "
                  + "the same rate.",
              "FPR − the reference group's FPR")
          .citing("Fairlearn-style difference")
          .topic("fairness/reference")
          .add();

  public static final MetricDescriptor FALSE_POSITIVE_RATE_DIFFERENCE =
      METRICS
          .metric("false_positive_rate_difference")
          .at(ATTRIBUTE, CLASS)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined("Largest minus smallest false positive rate over the groups.", "max − min FPR")
          .citing("Fairlearn `MetricFrame.difference()` of `false_positive_rate`")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor FALSE_POSITIVE_RATE_RATIO_VS_OVERALL =
      METRICS
          .metric("false_positive_rate_ratio_vs_overall")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .direction(TOWARD_ONE)
          .defined(
              "The group's false positive rate divided by that of all rows; 1 means "
                  + "the same rate.",
              "FPR ÷ the FPR of all rows of its attribute")
          .citing("Fairlearn-style ratio")
          .topic("fairness/reference")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor FALSE_POSITIVE_RATE_RATIO_VS_REF =
      METRICS
          .metric("false_positive_rate_ratio_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .direction(TOWARD_ONE)
          .defined(
              "The group's false positive rate divided by the reference group's; 1 "
                  + "means the same rate.",
              "FPR ÷ the reference group's FPR")
          .citing("Fairlearn-style ratio")
          .topic("fairness/reference")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor GENERALIZED_ENTROPY_INDEX =
      METRICS
          .metric("generalized_entropy_index")
          .at(GROUP, DATASET)
          .unit(MetricUnit.STATISTIC)
          .direction(LOWER_BETTER)
          .defined(
              "How unequally the model's errors spread benefit over people (Speicher "
                  + "et al.'s index, alpha 2): 0 means everyone gets the same benefit, higher is more "
                  + "unequal.",
              "GE(2) = 1 ÷ (n·2·1) · Σ_i [(b_i ÷ μ)² − 1] with benefit b_i = ŷ_i − y_i + 1 "
                  + "(favourable = 1); 0 = everyone gets the same benefit")
          .citing("Speicher et al. (2018); AIF360 `generalized_entropy_index(alpha=2)`")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor MAE_DIFF_VS_REF =
      METRICS
          .metric("mae_diff_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .direction(TOWARD_ZERO)
          .defined(
              "The group's mean absolute error minus the reference group's; positive "
                  + "means the model misses by more for the group.",
              "`mae` − the reference group's")
          .citing("Assay's definition")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor MAE_DIFFERENCE =
      METRICS
          .metric("mae_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.NON_NEGATIVE)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest mean absolute error over the groups; 0 means "
                  + "the model is equally accurate for every group.",
              "max − min `mae`")
          .citing("Fairlearn `MetricFrame.difference()`")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor MAE_RATIO_VS_REF =
      METRICS
          .metric("mae_ratio_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .direction(TOWARD_ONE)
          .defined(
              "The group's mean absolute error divided by the reference group's; "
                  + "above 1 means the model misses by more for the group.",
              "`mae` ÷ the reference group's")
          .citing("Assay's definition")
          .topic("fairness/regression")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor MCNEMAR_P_VALUE =
      METRICS
          .metric("mcnemar_p_value")
          .at(GROUP, DATASET)
          .unit(MetricUnit.P_VALUE)
          .direction(NEUTRAL)
          .defined(
              "Two-sided p-value of McNemar's test that the challenger and the champion are equally accurate on the group's labelled rows: exact binomial below 25 discordant rows, else chi-square with continuity correction.",
              "McNemar's test of b and c of `challenger_accuracy_difference`")
          .citing("McNemar (1947); Edwards (1948)")
          .topic("fairness/challenger")
          .add();

  public static final MetricDescriptor MEAN_ERROR_DIFF_VS_REF =
      METRICS
          .metric("mean_error_diff_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .direction(TOWARD_ZERO)
          .defined(
              "The group's average error (prediction minus true value) minus the "
                  + "reference group's.",
              "`mean_error` − the reference group's")
          .citing("Assay's definition")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor MEAN_ERROR_DIFFERENCE =
      METRICS
          .metric("mean_error_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.NON_NEGATIVE)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest average error (prediction minus true value) "
                  + "over the groups; 0 means the model is equally biased for every group.",
              "max − min `mean_error`")
          .citing("Fairlearn `MetricFrame.difference()`")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor MEAN_PREDICTION_DIFF_VS_REF =
      METRICS
          .metric("mean_prediction_diff_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .direction(TOWARD_ZERO)
          .defined(
              "The group's average prediction minus the reference group's.",
              "`mean_prediction` − the reference group's")
          .citing("Assay's definition")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor MEAN_PREDICTION_DIFFERENCE =
      METRICS
          .metric("mean_prediction_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.NON_NEGATIVE)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest average prediction over the groups; 0 means "
                  + "every group is predicted the same on average.",
              "max − min `mean_prediction`")
          .citing("Fairlearn `MetricFrame.difference()`")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor PREDICTIVE_PARITY_DIFFERENCE =
      METRICS
          .metric("predictive_parity_difference")
          .at(ATTRIBUTE, CLASS)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest positive predictive value (precision) over the " + "groups.",
              "max − min positive predictive value")
          .citing("Chouldechova (2017)")
          .topic("fairness/attribute")
          .add();

  public static final MetricDescriptor RMSE_DIFF_VS_REF =
      METRICS
          .metric("rmse_diff_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .direction(TOWARD_ZERO)
          .defined(
              "The group's root mean squared error minus the reference group's.",
              "`rmse` − the reference group's")
          .citing("Assay's definition")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor RMSE_DIFFERENCE =
      METRICS
          .metric("rmse_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.NON_NEGATIVE)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest root mean squared error over the groups.", "max − min `rmse`")
          .citing("Fairlearn `MetricFrame.difference()`")
          .topic("fairness/regression")
          .add();

  public static final MetricDescriptor RMSE_RATIO_VS_REF =
      METRICS
          .metric("rmse_ratio_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .direction(TOWARD_ONE)
          .defined(
              "The group's root mean squared error divided by the reference group's; "
                  + "above 1 means larger misses for the group.",
              "`rmse` ÷ the reference group's")
          .citing("Assay's definition")
          .topic("fairness/regression")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor SCORING_IMPACT_RATIO =
      METRICS
          .metric("scoring_impact_ratio")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ONE)
          .defined(
              "The group's scoring rate divided by the highest group's scoring rate "
                  + "(NYC Local Law 144's impact ratio for a tool that scores); 1 means parity.",
              "the group's scoring rate ÷ the highest group's; `p_value` as for `impact_ratio`")
          .citing("NYC LL 144 rules, 6 RCNY §5-301")
          .topic("fairness/group")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor SCORING_RATE =
      METRICS
          .metric("scoring_rate")
          .at(GROUP, DATASET)
          .unit(MetricUnit.SHARE)
          .direction(NEUTRAL)
          .defined(
              "Share of the group's scored records whose score is strictly above the "
                  + "median score of all records (NYC Local Law 144's scoring rate).",
              "share of the group's scored rows whose score is strictly above the median score of "
                  + "all rows")
          .citing("NYC LL 144 rules, 6 RCNY §5-300 (\"scoring rate\")")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor SELECTION_RATE_DIFF_VS_OVERALL =
      METRICS
          .metric("selection_rate_diff_vs_overall")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "The group's selection rate minus the rate of all rows of its "
                  + "attribute; 0 means the group is selected like everyone.",
              "the group's selection rate − the rate of all rows of its attribute (interval of the "
                  + "group-vs-rest comparison, transformed)")
          .citing("Fairlearn-style difference")
          .topic("fairness/reference")
          .add();

  public static final MetricDescriptor SELECTION_RATE_DIFF_VS_REF =
      METRICS
          .metric("selection_rate_diff_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "The group's selection rate minus the reference group's "
                  + "(fairness.reference_group); 0 means the same rate.",
              "the group's selection rate − the reference group's (`fairness.reference_group`); "
                  + "Newcombe interval, `p_value` adjusted by `fairness.p_adjust`")
          .citing("Fairlearn-style difference")
          .topic("fairness/reference")
          .add();

  public static final MetricDescriptor SELECTION_RATE_RATIO_VS_OVERALL =
      METRICS
          .metric("selection_rate_ratio_vs_overall")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .direction(TOWARD_ONE)
          .defined(
              "The group's selection rate divided by the rate of all rows of its "
                  + "attribute; 1 means the group is selected like everyone.",
              "the group's selection rate ÷ the rate of all rows of its attribute")
          .citing("Fairlearn-style ratio")
          .topic("fairness/reference")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor SELECTION_RATE_RATIO_VS_REF =
      METRICS
          .metric("selection_rate_ratio_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .direction(TOWARD_ONE)
          .defined(
              "The group's selection rate divided by the reference group's; 1 means "
                  + "the same rate.",
              "the group's selection rate ÷ the reference group's; Katz interval")
          .citing("Fairlearn-style ratio")
          .topic("fairness/reference")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor STANDARDIZED_MEAN_DIFFERENCE =
      METRICS
          .metric("standardized_mean_difference")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .direction(TOWARD_ZERO)
          .defined(
              "Difference between the group's mean score and the reference group's, "
                  + "in units of their pooled standard deviation (Cohen's d); 0 means parity.",
              "(mean score of the group − mean score of the reference group) ÷ pooled standard "
                  + "deviation; the reference is `fairness.reference_group`, else the eligible group with "
                  + "the highest mean")
          .citing("Cohen's d; ECOA / Regulation B fair-lending practice")
          .topic("fairness/group")
          .add();

  public static final MetricDescriptor TRUE_POSITIVE_RATE_DIFF_VS_OVERALL =
      METRICS
          .metric("true_positive_rate_diff_vs_overall")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "The group's true positive rate minus that of all rows; 0 means the " + "same rate.",
              "TPR − the TPR of all rows of its attribute")
          .citing("Fairlearn-style difference")
          .topic("fairness/reference")
          .add();

  public static final MetricDescriptor TRUE_POSITIVE_RATE_DIFF_VS_REF =
      METRICS
          .metric("true_positive_rate_diff_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "The group's true positive rate minus the reference group's; 0 means "
                  + "the same rate.",
              "TPR − the reference group's TPR")
          .citing("Fairlearn-style difference")
          .topic("fairness/reference")
          .add();

  public static final MetricDescriptor TRUE_POSITIVE_RATE_RATIO_VS_OVERALL =
      METRICS
          .metric("true_positive_rate_ratio_vs_overall")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .direction(TOWARD_ONE)
          .defined(
              "The group's true positive rate divided by that of all rows; 1 means "
                  + "the same rate.",
              "TPR ÷ the TPR of all rows of its attribute")
          .citing("Fairlearn-style ratio")
          .topic("fairness/reference")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor TRUE_POSITIVE_RATE_RATIO_VS_REF =
      METRICS
          .metric("true_positive_rate_ratio_vs_ref")
          .at(GROUP)
          .unit(MetricUnit.RATIO)
          .direction(TOWARD_ONE)
          .defined(
              "The group's true positive rate divided by the reference group's; 1 "
                  + "means the same rate.",
              "TPR ÷ the reference group's TPR")
          .citing("Fairlearn-style ratio")
          .topic("fairness/reference")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor WORST_CLASS_DEMOGRAPHIC_PARITY_DIFFERENCE =
      METRICS
          .metric("worst_class_demographic_parity_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "With several classes: the largest, over the classes, of the gap "
                  + "between the groups' highest and lowest share predicted that class; 0 means every "
                  + "class is predicted equally often in every group.",
              "the largest `demographic_parity_difference` over the classes")
          .citing("one-vs-rest Fairlearn")
          .topic("fairness/multiclass")
          .add();

  public static final MetricDescriptor WORST_CLASS_DEMOGRAPHIC_PARITY_RATIO =
      METRICS
          .metric("worst_class_demographic_parity_ratio")
          .at(ATTRIBUTE)
          .unit(MetricUnit.RATIO)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ONE)
          .defined(
              "With several classes: the smallest, over the classes, of the lowest "
                  + "group's share predicted that class divided by the highest group's; 1 means parity for "
                  + "every class.",
              "the smallest `demographic_parity_ratio` over the classes")
          .citing("one-vs-rest Fairlearn")
          .topic("fairness/multiclass")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor WORST_CLASS_EQUAL_OPPORTUNITY_DIFFERENCE =
      METRICS
          .metric("worst_class_equal_opportunity_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "With several classes: the largest, over the classes, of the gap "
                  + "between the groups' highest and lowest share of that class's records recognised as "
                  + "that class (recall).",
              "the largest `equal_opportunity_difference` over the classes")
          .citing("one-vs-rest Fairlearn")
          .topic("fairness/multiclass")
          .add();

  public static final MetricDescriptor WORST_CLASS_EQUAL_OPPORTUNITY_RATIO =
      METRICS
          .metric("worst_class_equal_opportunity_ratio")
          .at(ATTRIBUTE)
          .unit(MetricUnit.RATIO)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ONE)
          .defined(
              "With several classes: the smallest, over the classes, of the lowest "
                  + "group's share of that class's records recognised as that class divided by the highest "
                  + "group's; 1 means equal recall for every class.",
              "the smallest `equal_opportunity_ratio` over the classes")
          .citing("one-vs-rest Fairlearn")
          .topic("fairness/multiclass")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor WORST_CLASS_EQUALIZED_ODDS_DIFFERENCE =
      METRICS
          .metric("worst_class_equalized_odds_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "With several classes: the largest, over the classes, of the bigger of "
                  + "the true and false positive rate gaps between groups for that class against the rest.",
              "the largest `equalized_odds_difference` over the classes")
          .citing("one-vs-rest Fairlearn")
          .topic("fairness/multiclass")
          .add();

  public static final MetricDescriptor WORST_CLASS_EQUALIZED_ODDS_RATIO =
      METRICS
          .metric("worst_class_equalized_odds_ratio")
          .at(ATTRIBUTE)
          .unit(MetricUnit.RATIO)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ONE)
          .defined(
              "With several classes: the smallest, over the classes, of the smaller "
                  + "of the true and false positive rate ratios (lowest group ÷ highest group) for that "
                  + "class against the rest; 1 means parity.",
              "the smallest `equalized_odds_ratio` over the classes")
          .citing("one-vs-rest Fairlearn")
          .topic("fairness/multiclass")
          .wording(Wording.GENERAL.asPercent())
          .add();

  public static final MetricDescriptor WORST_SLICE_RANK =
      METRICS
          .metric("worst_slice_rank")
          .at(GROUP)
          .unit(MetricUnit.RANK)
          .direction(NEUTRAL)
          .defined(
              "The group's place among the worst groups of every attribute and "
                  + "intersection by fairness.rank_by (1 = worst).",
              "with `fairness.top_k: k`: the group's place among the k worst groups of all "
                  + "attributes and intersections by `fairness.rank_by` (1 = worst); only the k groups get "
                  + "a row")
          .citing("Assay's definition")
          .topic("fairness/group")
          .add();

  private FairnessMetrics() {}

  /** Every metric of the family with a fixed name, in declaration order. */
  public static List<MetricDescriptor> all() {
    return METRICS.all();
  }

  /** The metric named {@code id}; a name the family does not declare is a programming error. */
  public static MetricDescriptor require(String id) {
    return METRICS.require(id);
  }
}
