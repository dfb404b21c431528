package dev.assay.metrics.fairness;

import java.util.List;

/**
 * The between-group metrics of one attribute for one class of {@code fairness.task: multiclass}:
 * Fairlearn's definitions ({@code fairlearn.metrics.demographic_parity_difference}, ...) applied to
 * the one-vs-rest binary problem of the class, over the groups with at least {@code min_group_size}
 * rows where the rate is defined. A difference is max − min of a {@link ClassRate} (range [0, 1], 0
 * is parity, lower is better), a ratio min ÷ max (range [0, 1], 1 is parity, higher is better;
 * undefined when the max is 0); equalized odds take the larger of the TPR and FPR differences, or
 * the smaller of their ratios (Fairlearn's {@code agg="worst_case"}). Undefined (a reason, never 0)
 * with fewer than two such groups. The result names the groups that attain the max and the min
 * ({@code max_group}, {@code min_group}; for equalized odds those of the component rate that
 * attains the value), as the binary path does.
 *
 * <p>All but {@link #FALSE_POSITIVE_RATE_DIFFERENCE} and {@link #PREDICTIVE_PARITY_DIFFERENCE} also
 * have a worst-class form per attribute, {@code worst_class_<id>}: the largest difference (the
 * smallest ratio) over the classes where it is defined, the class and its groups named in the note.
 * The worst class is the multi-class summary Fairlearn leaves to the user (its {@code MetricFrame}
 * over per-class metrics, then {@code .max()} or {@code .min()}); it is what a rule gates.
 * Undefined when the metric is undefined for every class.
 */
public enum ClassDisparity {
  /**
   * max − min over the groups of P(ŷ = c | group); range [0, 1], 0 is parity, lower is better
   * (Fairlearn {@code demographic_parity_difference} on {@code y == c, ŷ == c}). Always defined
   * with two eligible groups (a class never predicted gives 0).
   */
  DEMOGRAPHIC_PARITY_DIFFERENCE(
      "demographic_parity_difference", false, true, List.of(ClassRate.SELECTION_RATE)),
  /**
   * min ÷ max over the groups of P(ŷ = c | group); range [0, 1], 1 is parity, higher is better
   * (Fairlearn {@code demographic_parity_ratio}); undefined when no eligible group is predicted c.
   */
  DEMOGRAPHIC_PARITY_RATIO(
      "demographic_parity_ratio", true, true, List.of(ClassRate.SELECTION_RATE)),
  /**
   * max − min over the groups of P(ŷ = c | y = c); range [0, 1], 0 is parity, lower is better
   * (Fairlearn {@code true_positive_rate_difference}, Hardt et al. 2016's equal opportunity);
   * groups without a row labelled c are left out.
   */
  EQUAL_OPPORTUNITY_DIFFERENCE(
      "equal_opportunity_difference", false, true, List.of(ClassRate.TRUE_POSITIVE_RATE)),
  /**
   * min ÷ max over the groups of P(ŷ = c | y = c); range [0, 1], 1 is parity, higher is better
   * (Fairlearn {@code true_positive_rate_ratio} on {@code y == c, ŷ == c}, the binary path's {@code
   * equal_opportunity_ratio}); groups without a row labelled c are left out; undefined when no
   * eligible group has a row of c predicted c (max TPR 0).
   */
  EQUAL_OPPORTUNITY_RATIO(
      "equal_opportunity_ratio", true, true, List.of(ClassRate.TRUE_POSITIVE_RATE)),
  /**
   * max(TPR difference, FPR difference) over the groups; range [0, 1], 0 is parity, lower is better
   * (Fairlearn {@code equalized_odds_difference}); undefined when either rate is defined in fewer
   * than two eligible groups.
   */
  EQUALIZED_ODDS_DIFFERENCE(
      "equalized_odds_difference",
      false,
      true,
      List.of(ClassRate.TRUE_POSITIVE_RATE, ClassRate.FALSE_POSITIVE_RATE)),
  /**
   * min(TPR ratio, FPR ratio) over the groups, each min ÷ max; range [0, 1], 1 is parity, higher is
   * better (Fairlearn {@code equalized_odds_ratio}); undefined when either rate is defined in fewer
   * than two eligible groups or has max 0 (no eligible group has a false positive for c, say), as
   * Fairlearn's 0 ÷ 0 would be NaN.
   */
  EQUALIZED_ODDS_RATIO(
      "equalized_odds_ratio",
      true,
      true,
      List.of(ClassRate.TRUE_POSITIVE_RATE, ClassRate.FALSE_POSITIVE_RATE)),
  /**
   * max − min over the groups of P(ŷ = c | y ≠ c); range [0, 1], 0 is parity, lower is better
   * (Fairlearn {@code false_positive_rate_difference}); groups where every row is labelled c are
   * left out. No worst-class form (the equalized-odds one covers it).
   */
  FALSE_POSITIVE_RATE_DIFFERENCE(
      "false_positive_rate_difference", false, false, List.of(ClassRate.FALSE_POSITIVE_RATE)),
  /**
   * max − min over the groups of P(y = c | ŷ = c); range [0, 1], 0 is parity, lower is better
   * (predictive parity, Chouldechova 2017; the binary path's {@code predictive_parity_difference},
   * Fairlearn's {@code MetricFrame(precision_score).difference()}); groups with no row predicted c
   * are left out. No worst-class form.
   */
  PREDICTIVE_PARITY_DIFFERENCE(
      "predictive_parity_difference", false, false, List.of(ClassRate.POSITIVE_PREDICTIVE_VALUE));

  private final String id;
  private final boolean ratio;
  private final boolean worstClass;
  private final List<ClassRate> rates;

  ClassDisparity(String id, boolean ratio, boolean worstClass, List<ClassRate> rates) {
    this.id = id;
    this.ratio = ratio;
    this.worstClass = worstClass;
    this.rates = rates;
  }

  /** Whether the attribute also gets its {@link #worstId() worst class}. */
  public boolean hasWorstClass() {
    return worstClass;
  }

  /** The per-class results.json name (the binary path's name; the row carries the class). */
  public String id() {
    return id;
  }

  /** The per-attribute name of the worst class. */
  public String worstId() {
    return "worst_class_" + id;
  }

  /** Whether it is a ratio (worst = smallest) rather than a difference (worst = largest). */
  public boolean ratio() {
    return ratio;
  }

  public List<ClassRate> rates() {
    return rates;
  }
}
