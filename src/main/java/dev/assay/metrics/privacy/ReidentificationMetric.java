package dev.assay.metrics.privacy;

import java.util.function.ToDoubleFunction;

/**
 * The re-identification metrics over the equivalence classes of the quasi-identifiers: records that
 * share all quasi-identifier values (a missing value is a value) form one class. Definitions follow
 * ARX (Prasser et al., "ARX — A Comprehensive Tool for Anonymizing Biomedical Data", AMIA 2014)
 * with the data set as its own population (prosecutor model). Let N be the records, C the classes
 * and n_c the size of class c. Empty data has no classes: every metric is undefined.
 */
public enum ReidentificationMetric {

  /**
   * min_c n_c: every record hides among at least k records (Sweeney 2002). Range 1..N; higher is
   * safer.
   */
  K_ANONYMITY("k_anonymity", c -> c.smallest()),

  /** C, the number of distinct quasi-identifier combinations. Range 1..N; fewer is safer. */
  EQUIVALENCE_CLASSES("equivalence_classes", c -> c.classes()),

  /**
   * 1 / min_c n_c: the highest chance a prosecutor who knows a person is in the data re-identifies
   * their record (ARX "highest prosecutor risk"). Range (0, 1]; lower is safer.
   */
  REIDENTIFICATION_RISK_PROSECUTOR_MAX(
      "reidentification_risk_prosecutor_max", c -> 1.0 / c.smallest()),

  /**
   * (1/N) Σ_records 1/n_c = C / N: the average prosecutor risk (ARX "average prosecutor risk").
   * Range (0, 1]; lower is safer.
   */
  REIDENTIFICATION_RISK_PROSECUTOR_AVG(
      "reidentification_risk_prosecutor_avg", c -> (double) c.classes() / c.records()),

  /** |{records in classes of size 1}| / N (ARX "sample uniques"). Range [0, 1]; lower is safer. */
  SAMPLE_UNIQUENESS("sample_uniqueness", c -> (double) c.uniques() / c.records()),

  /**
   * |{records in classes with n_c &lt; privacy.k}| / N: the records that break k-anonymity at the
   * spec's k (ARX "records at risk" for the threshold 1/k). Range [0, 1]; lower is safer.
   */
  RECORDS_AT_RISK("records_at_risk", c -> (double) c.atRisk() / c.records()),

  /**
   * min_c |distinct sensitive values in c| (distinct l-diversity, Machanavajjhala et al. 2007); a
   * missing sensitive value counts as a value. Range 1..; higher is safer.
   */
  L_DIVERSITY("l_diversity", c -> orNaN(c.minDistinct())),

  /**
   * min_c exp(H_c), H_c = −Σ_s p_cs ln p_cs the natural-log entropy of the sensitive values in
   * class c (entropy l-diversity, Machanavajjhala et al. 2007; ARX reports the same exp of the
   * entropy). Range [1, l_diversity]; higher is safer.
   */
  ENTROPY_L_DIVERSITY("entropy_l_diversity", c -> orNaN(c.minEntropyL())),

  /**
   * max_c ½ Σ_s |p_cs − q_s|, the largest total-variation distance between a class's sensitive
   * distribution p_c and the whole data set's q (t-closeness with the equal-distance ground metric,
   * Li, Li &amp; Venkatasubramanian 2007, which equals total variation). For a numeric sensitive
   * attribute, ARX's ordered-distance EMD instead: values sorted ascending (a missing value first),
   * max_c Σ_{i=1}^{m−1} |Σ_{j ≤ i} (p_cj − q_j)| / (m − 1) over the m distinct values (0 when m =
   * 1); the metric's note says which was used. Range [0, 1); lower is safer.
   */
  T_CLOSENESS("t_closeness", c -> orNaN(c.maxTotalVariation()));

  private final String id;
  private final ToDoubleFunction<EquivalenceClasses> value;

  ReidentificationMetric(String id, ToDoubleFunction<EquivalenceClasses> value) {
    this.id = id;
    this.value = value;
  }

  /** The stable snake_case name. */
  public String id() {
    return id;
  }

  /** True for the metrics that need a sensitive attribute. */
  public boolean needsSensitive() {
    return this == L_DIVERSITY || this == ENTROPY_L_DIVERSITY || this == T_CLOSENESS;
  }

  /**
   * The metric's value on {@code classes}, or NaN when it is undefined (no records, or no sensitive
   * attribute, or t-closeness not computed).
   */
  public double of(EquivalenceClasses classes) {
    return classes.classes() == 0 ? Double.NaN : value.applyAsDouble(classes);
  }

  private static double orNaN(Number n) {
    return n == null ? Double.NaN : n.doubleValue();
  }
}
