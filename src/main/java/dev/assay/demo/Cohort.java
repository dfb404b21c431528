package dev.assay.demo;

/**
 * The two demo data sets and the drift injected between them. Both come from the same generator
 * ({@link LendingApplicants}); only two inputs differ, so a drift audit should flag exactly {@code
 * income} and {@code employment_type} among the features:
 *
 * <ul>
 *   <li>{@code income}: the reference is scaled by {@value #REFERENCE_INCOME_FACTOR} (log-normal
 *       location shifted by ln 0.80 ≈ −0.223, the spread unchanged), so its expected mean is 20 %
 *       below the current one (≈ 49,860 vs ≈ 62,320).
 *   <li>{@code employment_type}: the current mix has fewer salaried and more contract workers
 *       (Salaried 55 %, Self-employed 15 %, Part-time 12 %, Contract 13 %, Unemployed 5 %) than the
 *       reference (68 %, 12 %, 10 %, 5 %, 5 %).
 * </ul>
 *
 * <p>Every other feature has the same distribution in both. {@code repaid}, {@code score} and
 * {@code approved} follow the same model in both, so their rates move with the shifted inputs.
 */
public enum Cohort {

  /** The predictions under audit ({@code current.parquet}): today's applicants. */
  CURRENT(
      "current.parquet",
      1.0,
      CategoricalDistribution.of(
          "Salaried",
          0.55,
          "Self-employed",
          0.15,
          "Part-time",
          0.12,
          "Contract",
          0.13,
          "Unemployed",
          0.05)),

  /** The drift baseline ({@code reference.parquet}): the applicants the model was built on. */
  REFERENCE(
      "reference.parquet",
      Cohort.REFERENCE_INCOME_FACTOR,
      CategoricalDistribution.of(
          "Salaried",
          0.68,
          "Self-employed",
          0.12,
          "Part-time",
          0.10,
          "Contract",
          0.05,
          "Unemployed",
          0.05));

  /** The reference's income relative to the current one (a multiplicative shift). */
  public static final double REFERENCE_INCOME_FACTOR = 0.80;

  private final String fileName;
  private final double incomeFactor;
  private final CategoricalDistribution employmentMix;

  Cohort(String fileName, double incomeFactor, CategoricalDistribution employmentMix) {
    this.fileName = fileName;
    this.incomeFactor = incomeFactor;
    this.employmentMix = employmentMix;
  }

  /** The Parquet file name of this cohort inside the demo folder. */
  public String fileName() {
    return fileName;
  }

  /** The factor applied to every income of this cohort (1 for the current data). */
  public double incomeFactor() {
    return incomeFactor;
  }

  /** The {@code employment_type} shares of this cohort. */
  public CategoricalDistribution employmentMix() {
    return employmentMix;
  }
}
