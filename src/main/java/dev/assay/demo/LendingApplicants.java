package dev.assay.demo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Synthetic consumer-lending applicants with a known, deliberately injected bias: the demo data
 * behind {@code assay demo-data}.
 *
 * <p>Each row is a pure function of ({@code id}, seed, cohort): every random draw is {@code
 * xxhash64(id, seed, stream)} mapped to a uniform in (0,1) (the top 53 bits, plus one half, over
 * 2^53), normals come from Box–Muller, and only built-in Spark SQL expressions are used (no UDF).
 * So the rows are identical whatever the partitioning, on one core or a cluster.
 *
 * <p>The model, with every constant:
 *
 * <ul>
 *   <li>{@code sex}: Female 48 %, Male 52 %. {@code race}: White 60 %, Black 13 %, Hispanic 18 %,
 *       Asian 6 %, Other 3 %. {@code age_band}: 18-25 13 %, 26-40 35 %, 41-60 35 %, 61+ 17 %.
 *   <li>{@code income} = 55,000 × cohort factor × exp(0.5 z), rounded to whole units. {@code
 *       debt_to_income} = logistic(−1.0 + 0.5 z), 3 decimals. {@code credit_history_years} = ⌊u ×
 *       cap⌋ with cap 8, 20, 35, 45 by age band. {@code loan_amount} = 15,000 × exp(0.6 z), rounded
 *       to hundreds. {@code employment_type} from the cohort's mix. The features are independent of
 *       sex and race; only credit history depends on age band.
 *   <li>Repayment logit η = {@value #INTERCEPT} + 1.6 ln(income / 55,000) − 4.0 (dti − 0.27) − 0.8
 *       ln(loan / 15,000) + 0.1 (ln(1 + years) − 2.3) + employment effect (Salaried 0,
 *       Self-employed −0.2, Part-time −0.4, Contract −0.3, Unemployed −1.0), computed from the
 *       published (rounded) feature values. {@code repaid} = 1 with probability logistic(η): the
 *       label depends on the features only, never on a sensitive attribute.
 *   <li>{@code score} = logistic(η + 0.5 z − {@value #BIAS_LOGIT_PENALTY} × [race = Black]), 4
 *       decimals: the model sees η with some error, and <b>the injected bias</b> lowers the score
 *       of Black applicants by {@value #BIAS_LOGIT_PENALTY} on the logit scale, although their
 *       repayment does not differ. {@code approved} = 1 when score ≥ 0.5.
 * </ul>
 *
 * <p>Expected result on the current cohort: approval ≈ 0.63–0.64 for every race but Black and ≈
 * 0.43 for Black, so the race impact ratio is ≈ 0.68 and fails the EEOC four-fifths rule; sex ratio
 * ≈ 1.0 and age-band ratio ≈ 0.92 pass.
 */
public final class LendingApplicants {

  /** The race group whose score the generator lowers: the injected, known bias. */
  public static final String BIASED_GROUP = "Black";

  /** How much the biased group's score is lowered, on the logit scale. */
  public static final double BIAS_LOGIT_PENALTY = 0.6;

  /** The repayment logit's intercept (sets the overall repayment and approval rates). */
  public static final double INTERCEPT = 0.6;

  /** The median income of the current cohort (the log-normal's scale). */
  public static final double MEDIAN_INCOME = 55_000;

  /** The median loan amount (the log-normal's scale). */
  public static final double MEDIAN_LOAN = 15_000;

  /** The score at and above which an application is approved. */
  public static final double APPROVAL_THRESHOLD = 0.5;

  static final CategoricalDistribution SEX =
      CategoricalDistribution.of("Female", 0.48, "Male", 0.52);
  static final CategoricalDistribution RACE =
      CategoricalDistribution.of(
          "White", 0.60, "Black", 0.13, "Hispanic", 0.18, "Asian", 0.06, "Other", 0.03);
  static final CategoricalDistribution AGE_BAND =
      CategoricalDistribution.of("18-25", 0.13, "26-40", 0.35, "41-60", 0.35, "61+", 0.17);
  private static final Map<String, Integer> HISTORY_CAP =
      Map.of("18-25", 8, "26-40", 20, "41-60", 35, "61+", 45);
  private static final Map<String, Double> EMPLOYMENT_EFFECT =
      Map.of(
          "Salaried",
          0.0,
          "Self-employed",
          -0.2,
          "Part-time",
          -0.4,
          "Contract",
          -0.3,
          "Unemployed",
          -1.0);

  /** The independent random streams; their numbers are part of the generator's definition. */
  private enum Stream {
    SEX,
    RACE,
    AGE_BAND,
    INCOME_R,
    INCOME_THETA,
    DTI_R,
    DTI_THETA,
    HISTORY,
    LOAN_R,
    LOAN_THETA,
    EMPLOYMENT,
    REPAID,
    SCORE_R,
    SCORE_THETA
  }

  private static final double TWO_POW_53 = 9007199254740992.0;

  private final long seed;

  private LendingApplicants(long seed) {
    this.seed = seed;
  }

  /**
   * The applicants of {@code cohort}, one per {@code id} (a {@code spark.range}); the {@code
   * applicant_id} is {@code id + 1}. Columns, in order: applicant_id, sex, race, age_band, income,
   * debt_to_income, credit_history_years, loan_amount, employment_type, repaid, score, approved.
   */
  public static Dataset<Row> of(Dataset<Long> ids, long seed, Cohort cohort) {
    return new LendingApplicants(seed).build(ids.toDF("id"), cohort);
  }

  private Dataset<Row> build(Dataset<Row> ids, Cohort cohort) {
    Column income =
        round(
            lit(MEDIAN_INCOME * cohort.incomeFactor())
                .multiply(exp(normal(Stream.INCOME_R, Stream.INCOME_THETA).multiply(0.5))),
            0);
    Column debtToIncome =
        round(logistic(lit(-1.0).plus(normal(Stream.DTI_R, Stream.DTI_THETA).multiply(0.5))), 3);
    Column loanAmount =
        round(
                lit(MEDIAN_LOAN)
                    .multiply(exp(normal(Stream.LOAN_R, Stream.LOAN_THETA).multiply(0.6)))
                    .divide(100),
                0)
            .multiply(100);

    Dataset<Row> applicants =
        ids.select(
            col("id").plus(1).as("applicant_id"),
            SEX.draw(uniform(Stream.SEX)).as("sex"),
            RACE.draw(uniform(Stream.RACE)).as("race"),
            AGE_BAND.draw(uniform(Stream.AGE_BAND)).as("age_band"),
            income.as("income"),
            debtToIncome.as("debt_to_income"),
            floor(uniform(Stream.HISTORY).multiply(byCategory(col("age_band"), HISTORY_CAP)))
                .cast("int")
                .as("credit_history_years"),
            loanAmount.as("loan_amount"),
            cohort.employmentMix().draw(uniform(Stream.EMPLOYMENT)).as("employment_type"),
            uniform(Stream.REPAID).as("u_repaid"),
            normal(Stream.SCORE_R, Stream.SCORE_THETA).as("z_score"));

    Column logit =
        lit(INTERCEPT)
            .plus(log(col("income").divide(MEDIAN_INCOME)).multiply(1.6))
            .minus(col("debt_to_income").minus(0.27).multiply(4.0))
            .minus(log(col("loan_amount").divide(MEDIAN_LOAN)).multiply(0.8))
            .plus(log1p(col("credit_history_years")).minus(2.3).multiply(0.1))
            .plus(byCategory(col("employment_type"), EMPLOYMENT_EFFECT));
    Column biasedLogit =
        logit
            .plus(col("z_score").multiply(0.5))
            .minus(when(col("race").equalTo(BIASED_GROUP), BIAS_LOGIT_PENALTY).otherwise(0.0));

    return applicants
        .withColumn("repaid", when(col("u_repaid").lt(logistic(logit)), 1).otherwise(0))
        .withColumn("score", round(logistic(biasedLogit), 4))
        .withColumn("approved", when(col("score").geq(APPROVAL_THRESHOLD), 1).otherwise(0))
        .drop("u_repaid", "z_score");
  }

  /** A uniform in (0,1) from the row's id, the seed and the stream: never exactly 0 or 1. */
  private Column uniform(Stream stream) {
    Column bits = shiftrightunsigned(xxhash64(col("id"), lit(seed), lit(stream.ordinal())), 11);
    return bits.cast("double").plus(0.5).divide(TWO_POW_53);
  }

  /** A standard normal by Box–Muller from two independent uniform streams. */
  private Column normal(Stream radius, Stream angle) {
    return sqrt(log(uniform(radius)).multiply(-2.0))
        .multiply(cos(uniform(angle).multiply(2 * Math.PI)));
  }

  private static Column logistic(Column x) {
    return lit(1.0).divide(lit(1.0).plus(exp(x.multiply(-1.0))));
  }

  private static Column byCategory(Column category, Map<String, ? extends Number> values) {
    Column result = null;
    for (Map.Entry<String, ? extends Number> e : new TreeMap<>(values).entrySet()) {
      Column branch = category.equalTo(e.getKey());
      Object value = e.getValue();
      result = result == null ? when(branch, value) : result.when(branch, value);
    }
    return result;
  }
}
