package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CompasCsv;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multi-class fairness on the real COMPAS data: prediction = {@code score_text} (Low, Medium,
 * High), label = the two-year outcome in three classes (High: violent recidivism within two years,
 * Medium: other recidivism within two years, Low: none), audited by race, sex and race × sex with
 * min_group_size 30. Every expected value comes from a plain Java loop over the CSV (its own line
 * splitter) and the definitions written out below, never from the code under test.
 */
class MulticlassCompasOracleTest {

  private static final List<String> CLASSES = List.of("High", "Low", "Medium");
  private static final int MIN_GROUP = 30;
  private static final double EPS = 1e-12;

  /** Per attribute, per group: counts[label][prediction] over CLASSES. */
  private static final Map<String, Map<String, long[][]>> EXPECTED = new TreeMap<>();

  private static List<MetricResult> metrics;

  private static String outcome(String twoYear, String violent) {
    return !twoYear.equals("1") ? "Low" : violent.equals("1") ? "High" : "Medium";
  }

  @BeforeAll
  static void audit() throws IOException {
    List<String> lines = CompasCsv.lines();
    List<String> header = CompasCsv.split(lines.get(0));
    int race = header.indexOf("race");
    int sex = header.indexOf("sex");
    int text = header.indexOf("score_text");
    int recid = header.indexOf("two_year_recid");
    int violent = header.indexOf("is_violent_recid");
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = CompasCsv.split(line);
      int y = CLASSES.indexOf(outcome(f.get(recid), f.get(violent)));
      int p = CLASSES.indexOf(f.get(text));
      String[][] keys = {
        {"race", f.get(race)}, {"sex", f.get(sex)}, {"race & sex", f.get(race) + " & " + f.get(sex)}
      };
      for (String[] k : keys) {
        EXPECTED.computeIfAbsent(k[0], a -> new TreeMap<>())
            .computeIfAbsent(k[1], g -> new long[3][3])[y][p]++;
      }
    }
    Dataset<Row> data =
        SharedSpark.get()
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .csv(CompasCsv.CSV.toString());
    Column y =
        functions
            .when(functions.col("two_year_recid").notEqual(1), "Low")
            .when(functions.col("is_violent_recid").equalTo(1), "High")
            .otherwise("Medium");
    data = data.withColumn("outcome", y);
    metrics =
        MulticlassAnalysis.run(
                new MulticlassInput(
                    data,
                    "outcome",
                    "score_text",
                    List.of(
                        new Slice(List.of("race")),
                        new Slice(List.of("sex")),
                        new Slice(List.of("race", "sex"))),
                    new MulticlassInput.SpecPlaces("compas", "spec:1", "spec:2"),
                    GroupOptions.minSize(MIN_GROUP),
                    0.95))
            .metrics();
  }

  private static long n(long[][] m) {
    long n = 0;
    for (long[] row : m) {
      for (long v : row) {
        n += v;
      }
    }
    return n;
  }

  /**
   * The one-vs-rest rates of class c: selection, base, TPR, FPR, PPV, FNR, TNR, NPV (NaN when 0 ÷
   * 0).
   */
  private static double[] rates(long[][] m, int c) {
    long n = n(m);
    long predicted = 0;
    long labelled = 0;
    for (int i = 0; i < 3; i++) {
      predicted += m[i][c];
      labelled += m[c][i];
    }
    long tp = m[c][c];
    long fp = predicted - tp;
    long tn = n - predicted - labelled + tp;
    long fn = labelled - tp;
    return new double[] {
      (double) predicted / n,
      (double) labelled / n,
      div(tp, labelled),
      div(fp, fp + tn),
      div(tp, predicted),
      div(fn, tp + fn),
      div(tn, tn + fp),
      div(tn, tn + fn)
    };
  }

  private static double div(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  private static double accuracy(long[][] m) {
    return (double) (m[0][0] + m[1][1] + m[2][2]) / n(m);
  }

  /** scikit-learn's balanced_accuracy_score: mean recall over the classes with a labelled row. */
  private static double balancedAccuracy(long[][] m) {
    double sum = 0;
    int classes = 0;
    for (int c = 0; c < 3; c++) {
      long labelled = m[c][0] + m[c][1] + m[c][2];
      if (labelled > 0) {
        sum += (double) m[c][c] / labelled;
        classes++;
      }
    }
    return sum / classes;
  }

  private static MetricResult find(String metric, Scope scope) {
    return metrics.stream()
        .filter(m -> m.key().metric().equals(metric) && m.key().scope().equals(scope))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + scope));
  }

  private static void check(double expected, String metric, Scope scope) {
    MetricResult r = find(metric, scope);
    if (Double.isNaN(expected)) {
      assertInstanceOf(MetricResult.Undefined.class, r, metric + " " + scope.label());
    } else {
      assertEquals(
          expected,
          r.number()
              .orElseThrow(
                  () -> new AssertionError(metric + " " + scope.label() + ": " + r.note())),
          EPS,
          metric + " " + scope.label());
    }
  }

  @Test
  void everyPerGroupRateEqualsThePlainLoop() {
    String[] names = {
      "selection_rate",
      "base_rate",
      "true_positive_rate",
      "false_positive_rate",
      "positive_predictive_value",
      "false_negative_rate",
      "true_negative_rate",
      "negative_predictive_value"
    };
    int checked = 0;
    for (Map.Entry<String, Map<String, long[][]>> a : EXPECTED.entrySet()) {
      for (Map.Entry<String, long[][]> g : a.getValue().entrySet()) {
        Scope s = Scope.group(a.getKey(), g.getKey());
        check(n(g.getValue()), "count", s);
        check(accuracy(g.getValue()), "accuracy", s);
        check(balancedAccuracy(g.getValue()), "balanced_accuracy", s);
        for (int c = 0; c < 3; c++) {
          double[] r = rates(g.getValue(), c);
          for (int i = 0; i < names.length; i++) {
            check(r[i], names[i], s.withClass(CLASSES.get(c)));
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 350, "rates checked: " + checked);
    // the whole data set: the sum of the sex groups' matrices
    long[][] whole = new long[3][3];
    for (long[][] m : EXPECTED.get("sex").values()) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          whole[i][j] += m[i][j];
        }
      }
    }
    check(balancedAccuracy(whole), "balanced_accuracy", Scope.DATASET);
    check(accuracy(whole), "accuracy", Scope.DATASET);
  }

  /** Fairlearn's definitions per class over the groups with n >= 30 and a defined rate. */
  @Test
  void perClassParityAndTheWorstClassEqualThePlainLoop() {
    for (Map.Entry<String, Map<String, long[][]>> a : EXPECTED.entrySet()) {
      Map<String, long[][]> eligible = new TreeMap<>();
      a.getValue()
          .forEach(
              (g, m) -> {
                if (n(m) >= MIN_GROUP) {
                  eligible.put(g, m);
                }
              });
      double worstDpd = Double.NaN;
      double worstDpr = Double.NaN;
      double worstEod = Double.NaN;
      double worstEqOdds = Double.NaN;
      double worstEor = Double.NaN;
      double worstEqOddsRatio = Double.NaN;
      for (int c = 0; c < 3; c++) {
        double[] sel = spread(eligible, c, 0);
        double[] tpr = spread(eligible, c, 2);
        double[] fpr = spread(eligible, c, 3);
        double[] ppv = spread(eligible, c, 4);
        double dpd = sel[1] - sel[0];
        double dpr = sel[1] == 0 ? Double.NaN : sel[0] / sel[1];
        double eod = tpr[1] - tpr[0];
        double eqOdds = Math.max(tpr[1] - tpr[0], fpr[1] - fpr[0]);
        // Fairlearn: true_positive_rate ratio min/max; equalized_odds_ratio = min(TPR, FPR ratios)
        double eor = tpr[1] == 0 ? Double.NaN : tpr[0] / tpr[1];
        double fprRatio = fpr[1] == 0 ? Double.NaN : fpr[0] / fpr[1];
        double eqOddsRatio =
            Double.isNaN(eor) || Double.isNaN(fprRatio) ? Double.NaN : Math.min(eor, fprRatio);
        Scope s = Scope.attribute(a.getKey()).withClass(CLASSES.get(c));
        check(dpd, "demographic_parity_difference", s);
        check(dpr, "demographic_parity_ratio", s);
        check(eod, "equal_opportunity_difference", s);
        check(eqOdds, "equalized_odds_difference", s);
        check(eor, "equal_opportunity_ratio", s);
        check(eqOddsRatio, "equalized_odds_ratio", s);
        check(fpr[1] - fpr[0], "false_positive_rate_difference", s);
        check(ppv[1] - ppv[0], "predictive_parity_difference", s);
        // the named groups attain the max and the min of the rate
        extremeGroups(eligible, c, 0, sel, "demographic_parity_difference", s);
        extremeGroups(eligible, c, 2, tpr, "equal_opportunity_ratio", s);
        extremeGroups(eligible, c, 3, fpr, "false_positive_rate_difference", s);
        extremeGroups(eligible, c, 4, ppv, "predictive_parity_difference", s);
        worstDpd = worse(worstDpd, dpd, true);
        worstDpr = worse(worstDpr, dpr, false);
        worstEod = worse(worstEod, eod, true);
        worstEqOdds = worse(worstEqOdds, eqOdds, true);
        worstEor = worse(worstEor, eor, false);
        worstEqOddsRatio = worse(worstEqOddsRatio, eqOddsRatio, false);
      }
      Scope s = Scope.attribute(a.getKey());
      check(worstDpd, "worst_class_demographic_parity_difference", s);
      check(worstDpr, "worst_class_demographic_parity_ratio", s);
      check(worstEod, "worst_class_equal_opportunity_difference", s);
      check(worstEqOdds, "worst_class_equalized_odds_difference", s);
      check(worstEor, "worst_class_equal_opportunity_ratio", s);
      check(worstEqOddsRatio, "worst_class_equalized_odds_ratio", s);
      double hi =
          eligible.values().stream()
              .mapToDouble(MulticlassCompasOracleTest::accuracy)
              .max()
              .orElseThrow();
      double lo =
          eligible.values().stream()
              .mapToDouble(MulticlassCompasOracleTest::accuracy)
              .min()
              .orElseThrow();
      check(hi - lo, "accuracy_difference", s);
      double baHi =
          eligible.values().stream()
              .mapToDouble(MulticlassCompasOracleTest::balancedAccuracy)
              .max()
              .orElseThrow();
      double baLo =
          eligible.values().stream()
              .mapToDouble(MulticlassCompasOracleTest::balancedAccuracy)
              .min()
              .orElseThrow();
      check(baHi - baLo, "balanced_accuracy_difference", s);
      MetricResult.Computed bad = (MetricResult.Computed) find("balanced_accuracy_difference", s);
      assertEquals(baHi, balancedAccuracy(eligible.get(bad.maxGroup())), EPS);
      assertEquals(baLo, balancedAccuracy(eligible.get(bad.minGroup())), EPS);
    }
    // Native American (18 rows) is below min_group_size and said to be left out
    assertTrue(
        find("demographic_parity_difference", Scope.attribute("race").withClass("High"))
            .note()
            .contains("excluded (too small): Native American (n=18)"));
  }

  /** The groups in max_group / min_group have the highest and the lowest rate of the loop. */
  private static void extremeGroups(
      Map<String, long[][]> groups, int c, int rate, double[] spread, String metric, Scope s) {
    if (!(find(metric, s) instanceof MetricResult.Computed r)) {
      return;
    }
    assertEquals(
        spread[1],
        rates(groups.get(r.maxGroup()), c)[rate],
        EPS,
        metric + " max_group " + s.label());
    assertEquals(
        spread[0],
        rates(groups.get(r.minGroup()), c)[rate],
        EPS,
        metric + " min_group " + s.label());
    assertTrue(!r.maxGroup().equals(r.minGroup()), metric + " " + s.label());
  }

  /** min and max of a rate over the groups where it is defined; NaNs when fewer than two. */
  private static double[] spread(Map<String, long[][]> groups, int c, int rate) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int defined = 0;
    for (long[][] m : groups.values()) {
      double v = rates(m, c)[rate];
      if (!Double.isNaN(v)) {
        defined++;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return defined < 2 ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
  }

  private static double worse(double current, double v, boolean larger) {
    if (Double.isNaN(v)) {
      return current;
    }
    if (Double.isNaN(current)) {
      return v;
    }
    return larger ? Math.max(current, v) : Math.min(current, v);
  }
}
