package dev.assay.metrics.privacy;

import static dev.assay.core.Direction.HIGHER_BETTER;
import static dev.assay.core.Direction.LOWER_BETTER;
import static dev.assay.core.Direction.NEUTRAL;
import static dev.assay.core.MetricLevel.COLUMN;
import static dev.assay.core.MetricLevel.DATASET;
import static dev.assay.core.MetricLevel.GROUP;

import dev.assay.core.Family;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricList;
import dev.assay.core.MetricUnit;
import dev.assay.core.Observation;
import dev.assay.core.PiiMetrics;
import dev.assay.core.Scope;
import dev.assay.core.ValueRange;
import dev.assay.core.Wording;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The privacy family's metrics, declared beside the code that computes them (re-identification, PII
 * scan, membership inference, memorization), in report order. The PII metrics are one pair per
 * {@link PiiType} ({@link #piiCount}, {@link #piiRate}).
 */
public final class PrivacyMetrics {

  private static final MetricList METRICS = new MetricList(Family.PRIVACY);

  public static final MetricDescriptor K_ANONYMITY =
      reidentification("k_anonymity")
          .unit(MetricUnit.COUNT)
          .range(1, Double.POSITIVE_INFINITY)
          .direction(HIGHER_BETTER)
          .defined(
              "Size of the smallest group of records that share the same "
                  + "quasi-identifier values; each person hides among at least k records.",
              "size of the smallest class")
          .citing("Sweeney (2002); ARX")
          .wording(Wording.of(PrivacyMetrics::kAnonymity))
          .add();

  public static final MetricDescriptor EQUIVALENCE_CLASSES =
      reidentification("equivalence_classes")
          .unit(MetricUnit.COUNT)
          .range(1, Double.POSITIVE_INFINITY)
          .direction(NEUTRAL)
          .defined(
              "Number of distinct combinations of quasi-identifier values.", "number of classes C")
          .citing("ARX")
          .wording(
              Wording.of(
                  o ->
                      "the records fall into "
                          + o.number()
                          + " distinct combinations of "
                          + facts(o)))
          .add();

  public static final MetricDescriptor REIDENTIFICATION_RISK_PROSECUTOR_MAX =
      reidentification("reidentification_risk_prosecutor_max")
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Highest chance of re-identifying a record by its quasi-identifiers: 1 "
                  + "÷ size of its group (prosecutor model).",
              "1 ÷ size of the smallest class")
          .citing("ARX \"highest prosecutor risk\"")
          .wording(
              Wording.of(
                      o ->
                          "someone who knows a person is in the data, and knows their "
                              + facts(o)
                              + ", could pick out that person's record with a chance of up to "
                              + o.percent()
                              + " (highest re-identification risk "
                              + o.number()
                              + ")")
                  .asPercent())
          .add();

  public static final MetricDescriptor REIDENTIFICATION_RISK_PROSECUTOR_AVG =
      reidentification("reidentification_risk_prosecutor_avg")
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Average over records of 1 ÷ size of their quasi-identifier group "
                  + "(prosecutor model).",
              "C ÷ N, the mean over records of 1 ÷ their class size")
          .citing("ARX \"average prosecutor risk\"")
          .wording(
              Wording.of(
                      o ->
                          "someone who knows a person is in the data, and knows their "
                              + facts(o)
                              + ", could pick out that person's record with a chance of "
                              + o.percent()
                              + " on average (average re-identification risk "
                              + o.number()
                              + ")")
                  .asPercent())
          .add();

  public static final MetricDescriptor SAMPLE_UNIQUENESS =
      reidentification("sample_uniqueness")
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of records that are unique on their quasi-identifiers.",
              "share of records alone in their class")
          .citing("ARX \"sample uniques\"")
          .wording(
              Wording.of(
                      o ->
                          o.percent()
                              + " of records are the only one with their "
                              + facts(o)
                              + ", so each of those people could be re-identified (sample uniqueness "
                              + o.number()
                              + ")")
                  .asPercent())
          .add();

  public static final MetricDescriptor RECORDS_AT_RISK =
      reidentification("records_at_risk")
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of records in quasi-identifier groups smaller than the required " + "k.",
              "share of records in classes smaller than `privacy.k`")
          .citing("ARX \"records at risk\"")
          .wording(Wording.of(PrivacyMetrics::recordsAtRisk).asPercent())
          .add();

  public static final MetricDescriptor L_DIVERSITY =
      reidentification("l_diversity")
          .unit(MetricUnit.COUNT)
          .range(1, Double.POSITIVE_INFINITY)
          .direction(HIGHER_BETTER)
          .defined(
              "Smallest number of distinct sensitive values within any "
                  + "quasi-identifier group (distinct l-diversity).",
              "smallest number of distinct sensitive values in a class")
          .citing("Machanavajjhala et al. (2007), distinct l-diversity")
          .wording(Wording.of(PrivacyMetrics::lDiversity))
          .add();

  public static final MetricDescriptor ENTROPY_L_DIVERSITY =
      reidentification("entropy_l_diversity")
          .unit(MetricUnit.STATISTIC)
          .range(1, Double.POSITIVE_INFINITY)
          .direction(HIGHER_BETTER)
          .defined(
              "Smallest exp(entropy) of the sensitive values within any "
                  + "quasi-identifier group.",
              "smallest exp(entropy) of the sensitive values in a class (natural log)")
          .citing("Machanavajjhala et al. (2007); ARX")
          .wording(
              Wording.of(
                  o ->
                      "entropy l-diversity is "
                          + o.number()
                          + ": the least varied group of records with the same "
                          + facts(o)
                          + " is as varied as "
                          + o.number()
                          + " equally common values of "
                          + sensitive(o)
                          + " (1 means one value, fully revealed)"))
          .add();

  public static final MetricDescriptor T_CLOSENESS =
      reidentification("t_closeness")
          .unit(MetricUnit.DISTANCE)
          .range(ValueRange.UNIT)
          .direction(LOWER_BETTER)
          .defined(
              "Largest distance between a group's distribution of the sensitive value "
                  + "and the whole data set's (0 = no group reveals anything).",
              "largest distance between a class's sensitive distribution and the whole data set's: "
                  + "total variation for a categorical attribute, ordered-distance EMD for a numeric one")
          .citing("Li, Li & Venkatasubramanian (2007); ARX")
          .wording(
              Wording.of(
                  o ->
                      "t-closeness is "
                          + o.number()
                          + ": in the most telling group of records with the same "
                          + facts(o)
                          + ", the spread of "
                          + sensitive(o)
                          + " differs from the whole data set's by "
                          + o.percent()
                          + " (0 means a group reveals nothing, 100\u00a0% means completely different)"))
          .add();

  public static final MetricDescriptor MEMBERSHIP_AUC =
      membership("membership_auc")
          .at(DATASET, GROUP)
          .unit(MetricUnit.SCORE)
          .direction(LOWER_BETTER)
          .defined(
              "How well an attacker's score separates records used in training from "
                  + "others (0.5 = no better than chance).",
              "ROC AUC of the signal separating members from non-members (0.5 = no leakage)")
          .citing("Yeom et al. (2018) threshold attack")
          .wording(
              Wording.template(
                  "an attacker guessing from the model's output "
                      + "whether a person's record was used in training does so with an AUC of {value} (0.5 is "
                      + "no better than a coin toss, 1 is always right)"))
          .add();

  public static final MetricDescriptor MEMBERSHIP_ADVANTAGE =
      membership("membership_advantage")
          .at(DATASET, GROUP)
          .unit(MetricUnit.SCORE)
          .direction(LOWER_BETTER)
          .defined(
              "Membership-inference advantage: true positive rate minus false "
                  + "positive rate of the best attack threshold (0 = no leakage).",
              "max over thresholds of TPR − FPR")
          .citing("Yeom et al. (2018), membership advantage")
          .wording(
              Wording.template(
                  "an attacker guessing whether a person's record was "
                      + "used in training is right for {percent} more of the members than of the others "
                      + "(membership advantage {value}; 0 means the model leaks nothing this way)"))
          .add();

  public static final MetricDescriptor MEMBERSHIP_TPR_AT_0_1_FPR =
      membership("membership_tpr_at_0_1_fpr")
          .at(DATASET, GROUP)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of training records the confidence attack identifies while "
                  + "wrongly flagging at most 0.1% of non-training records (0 = none identified safely).",
              "largest TPR at a threshold with FPR ≤ 0.1 %")
          .citing(
              "Carlini et al. (2022), \"Membership inference attacks from first " + "principles\"")
          .wording(
              Wording.template(
                  "an attacker who may wrongly accuse at most 1 in "
                      + "1,000 people of being in the training data still finds {percent} of those who were "
                      + "(true-positive rate {value} at a 0.1\u00a0% false-positive rate)"))
          .add();

  public static final MetricDescriptor MEMBERSHIP_TPR_AT_1_FPR =
      membership("membership_tpr_at_1_fpr")
          .at(DATASET, GROUP)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of training records the confidence attack identifies while "
                  + "wrongly flagging at most 1% of non-training records.",
              "largest TPR at a threshold with FPR ≤ 1 %")
          .citing("Carlini et al. (2022)")
          .wording(
              Wording.template(
                  "an attacker who may wrongly accuse at most 1 in 100 "
                      + "people of being in the training data still finds {percent} of those who were "
                      + "(true-positive rate {value} at a 1\u00a0% false-positive rate)"))
          .add();

  public static final MetricDescriptor MEMBERSHIP_ATTACK_AUC =
      membership("membership_attack_auc")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .direction(LOWER_BETTER)
          .defined(
              "How well a logistic-regression attack trained on the model's "
                  + "confidence, loss, entropy and label tells training records from others, "
                  + "cross-validated (0.5 = no better than chance, 1 = always).",
              "cross-validated (5 folds) AUC of a trained logistic-regression attack on confidence, "
                  + "loss, entropy and label, on a sample of up to 20,000 rows")
          .citing("Shokri et al. (2017), trained attack; Tribuo")
          .wording(
              Wording.template(
                  "an attack model trained on the model's confidence "
                      + "and loss tells training records from others with an AUC of {value} (0.5 is no better "
                      + "than a coin toss, 1 is always right)"))
          .add();

  public static final MetricDescriptor MEMORIZATION_RATE =
      membership("memorization_rate")
          .at(COLUMN)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of the model's responses that repeat a long passage (50 "
                  + "characters by default) of the training text word for word.",
              "share of responses that repeat, word for word, a window of "
                  + "`privacy.memorization_chars` characters (default 50) of `privacy.training_text` (the "
                  + "response column)")
          .citing(
              "Carlini et al. (2021), \"Extracting training data from large language " + "models\"")
          .wording(
              Wording.template(
                  "{percent} of responses repeat a long passage of the "
                      + "training text word for word (memorization rate {value})"))
          .add();

  private PrivacyMetrics() {}

  /**
   * Starts a re-identification metric: one per quasi-identifier set (column level), in the
   * privacy/reidentification table of docs/metrics.md.
   */
  private static MetricDescriptor.Builder reidentification(String id) {
    return METRICS.metric(id).at(COLUMN).topic("privacy/reidentification");
  }

  /** Starts a membership-inference or memorization metric, in the privacy/membership table. */
  private static MetricDescriptor.Builder membership(String id) {
    return METRICS.metric(id).topic("privacy/membership");
  }

  /** Every metric of the family with a fixed name, in declaration order. */
  public static List<MetricDescriptor> all() {
    return METRICS.all();
  }

  /** The metric named {@code id}; a name the family does not declare is a programming error. */
  public static MetricDescriptor require(String id) {
    return METRICS.require(id);
  }

  private static final Map<String, MetricDescriptor> PII = new ConcurrentHashMap<>();

  /** {@code pii_<type>_count} of the PII scan, per scanned column. */
  public static MetricDescriptor piiCount(String type) {
    return PII.computeIfAbsent(
        type + "_count", k -> PiiMetrics.count(Family.PRIVACY, type, "privacy/pii"));
  }

  /** {@code pii_<type>_rate} of the PII scan, per scanned column. */
  public static MetricDescriptor piiRate(String type) {
    return PII.computeIfAbsent(
        type + "_rate", k -> PiiMetrics.rate(Family.PRIVACY, type, "privacy/pii"));
  }

  private static String kAnonymity(Observation o) {
    String facts = facts(o);
    double v = o.value();
    if (v <= 1) {
      return "k-anonymity is "
          + o.number()
          + ": at least one person is unique on "
          + facts
          + " and could be re-identified by anyone who knows those facts about them";
    }
    return "k-anonymity is "
        + o.number()
        + ": every record shares its "
        + facts
        + " with at least "
        + o.number(v - 1)
        + " other "
        + (v - 1 == 1 ? "record" : "records")
        + ", and the smallest such group has "
        + o.number()
        + " records";
  }

  private static String recordsAtRisk(Observation o) {
    String note = o.note();
    String k = note != null && note.startsWith("k = ") ? note.substring(4) : "k";
    return o.percent()
        + " of records share their "
        + facts(o)
        + " with fewer than "
        + k
        + " records in all, too few to hide among (records at risk "
        + o.number()
        + ")";
  }

  private static String lDiversity(Observation o) {
    String facts = facts(o);
    String s = sensitive(o);
    if (o.value() <= 1) {
      return "l-diversity is "
          + o.number()
          + ": in at least one group of records with the same "
          + facts
          + ", everyone has the same "
          + s
          + ", so knowing those facts about a person reveals it";
    }
    return "l-diversity is "
        + o.number()
        + ": every group of records with the same "
        + facts
        + " holds at least "
        + o.number()
        + " different values of "
        + s;
  }

  /** The quasi-identifiers of the scope in words ("age, sex and race"). */
  private static String facts(Observation o) {
    String column = o.scope().column();
    if (column == null) {
      return "their quasi-identifiers";
    }
    List<String> names =
        Arrays.asList(column.split(java.util.regex.Pattern.quote(Scope.INTERSECTION_SEPARATOR)));
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  /** The sensitive attribute named in the metric's note. */
  private static String sensitive(Observation o) {
    String prefix = "sensitive attribute ";
    String note = o.note();
    return note != null && note.startsWith(prefix)
        ? note.substring(prefix.length())
        : "the sensitive attribute";
  }
}
