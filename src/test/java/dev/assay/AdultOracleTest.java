package dev.assay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.ResolvedSpec;
import dev.assay.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The real UCI Adult data (test resource datasets/adult): a seeded Tribuo logistic regression
 * ({@link LinearSGDTrainer} with the log loss) is trained on {@code adult.data} and predicts {@code
 * adult.test}; the predictions (sex, race, label, prediction, probability of {@code >50K}) are
 * written to a temporary CSV and audited by Assay for sex, race and sex × race. Every count,
 * selection rate, TPR, FPR and impact ratio must equal what a plain Java loop over the predictions
 * gives, and the per-group confusion counts must equal Tribuo's own {@link LabelEvaluator} run on
 * each group's predictions — never values from the code under test.
 */
class AdultOracleTest {

  static final String[] NUMERIC = {
    "age", "education-num", "capital-gain", "capital-loss", "hours-per-week"
  };
  static final int[] NUMERIC_AT = {0, 4, 10, 11, 12};
  static final String[] CATEGORICAL = {
    "workclass",
    "education",
    "marital-status",
    "occupation",
    "relationship",
    "race",
    "sex",
    "native-country"
  };
  static final int[] CATEGORICAL_AT = {1, 3, 5, 6, 7, 8, 9, 13};
  static final int RACE = 8;
  static final int SEX = 9;
  static final int INCOME = 14;
  static final Label HIGH = new Label(">50K");

  /** One predicted test row: its groups, label and prediction (1 = >50K). */
  record Row(String sex, String race, int label, int prediction, Prediction<Label> tribuo) {}

  static List<Row> rows = new ArrayList<>();
  static AuditRun run;
  static Model<Label> model;

  @BeforeAll
  static void trainPredictAndAudit(@TempDir Path dir) throws IOException {
    List<String[]> train = read(TestDatasets.path("adult/adult.data.gz"));
    List<String[]> test = read(TestDatasets.path("adult/adult.test.gz"));
    assertEquals(32_561, train.size());
    assertEquals(16_281, test.size());
    double[] mean = new double[NUMERIC.length];
    double[] sd = new double[NUMERIC.length];
    for (int j = 0; j < NUMERIC.length; j++) {
      double s = 0;
      double ss = 0;
      for (String[] r : train) {
        double v = numeric(r, j);
        s += v;
        ss += v * v;
      }
      mean[j] = s / train.size();
      sd[j] = Math.sqrt(ss / train.size() - mean[j] * mean[j]);
    }
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("adult.data", factory), factory);
    for (String[] r : train) {
      data.add(example(r, mean, sd));
    }
    // A few seconds at most: 32,561 rows, two epochs, seeded.
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new LogMulticlass(), new AdaGrad(0.1, 0.1), 2, Integer.MAX_VALUE, 1, 42L);
    model = trainer.train(data);

    StringBuilder csv = new StringBuilder("sex,race,label,prediction,score\n");
    for (String[] r : test) {
      Prediction<Label> p = model.predict(example(r, mean, sd));
      int y = r[INCOME].startsWith(">50K") ? 1 : 0;
      int yhat = p.getOutput().getLabel().equals(">50K") ? 1 : 0;
      double score = p.getOutputScores().get(">50K").getScore();
      rows.add(new Row(r[SEX], r[RACE], y, yhat, p));
      csv.append(r[SEX])
          .append(',')
          .append(r[RACE])
          .append(',')
          .append(y)
          .append(',')
          .append(yhat)
          .append(',')
          .append(String.format(Locale.ROOT, "%.17g", score))
          .append('\n');
    }
    Path predictions = dir.resolve("adult-predictions.csv");
    Files.writeString(predictions, csv);
    Path spec = dir.resolve("adult.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: adult-income",
            "data:",
            "  current: {path: \""
                + predictions
                + "\", options: {header: \"true\", inferSchema: \"true\"}}",
            "columns:",
            "  label: label",
            "  prediction: prediction",
            "  score: score",
            "  sensitive: [sex, race]",
            "  intersections: [[sex, race]]",
            "fairness: {min_group_size: 30}",
            ""));
    ResolvedSpec resolved = new SpecLoader(Path.of("rules").toAbsolutePath()).load(spec);
    run = Audit.of(resolved).run(SharedSpark.get());
  }

  /**
   * The records of a gzipped UCI file: fields split on ", ", the junk first line and empty lines
   * skipped.
   */
  static List<String[]> read(Path file) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String line : TestDatasets.gunzipLines(file)) {
      if (line.isBlank() || line.startsWith("|")) {
        continue;
      }
      String[] f = line.split(",");
      for (int i = 0; i < f.length; i++) {
        f[i] = f[i].trim();
      }
      out.add(f);
    }
    return out;
  }

  static double numeric(String[] r, int j) {
    double v = Double.parseDouble(r[NUMERIC_AT[j]]);
    return j == 2 || j == 3 ? Math.log1p(v) : v;
  }

  static Example<Label> example(String[] r, double[] mean, double[] sd) {
    String[] names = new String[NUMERIC.length + CATEGORICAL.length];
    double[] values = new double[names.length];
    for (int j = 0; j < NUMERIC.length; j++) {
      names[j] = NUMERIC[j];
      values[j] = (numeric(r, j) - mean[j]) / sd[j];
    }
    for (int j = 0; j < CATEGORICAL.length; j++) {
      names[NUMERIC.length + j] = CATEGORICAL[j] + "=" + r[CATEGORICAL_AT[j]];
      values[NUMERIC.length + j] = 1.0;
    }
    Label label = new Label(r[INCOME].startsWith(">50K") ? ">50K" : "<=50K");
    return new ArrayExample<>(label, names, values);
  }

  static Map<String, List<Row>> groups(Function<Row, String> by) {
    Map<String, List<Row>> out = new TreeMap<>();
    rows.forEach(r -> out.computeIfAbsent(by.apply(r), k -> new ArrayList<>()).add(r));
    return out;
  }

  static MetricResult metric(String metric, Scope scope) {
    return run.metrics().stream()
        .filter(m -> m.key().metric().equals(metric) && m.key().scope().equals(scope))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + scope));
  }

  static double value(String metric, Scope scope) {
    return metric(metric, scope)
        .number()
        .orElseThrow(() -> new AssertionError(metric + " undefined for " + scope));
  }

  static final Map<String, Function<Row, String>> SLICES =
      Map.of("sex", Row::sex, "race", Row::race, "sex & race", r -> r.sex() + " & " + r.race());

  /** results.json of this run (fairness with a score and an intersection) is the pinned one. */
  @Test
  void resultsAreThePinnedOnes() {
    GoldenResults.assertPinned("adult", run);
  }

  @Test
  void theModelIsARealModel() {
    long correct = rows.stream().filter(r -> r.label() == r.prediction()).count();
    double accuracy = (double) correct / rows.size();
    assertTrue(
        accuracy > 0.8 && accuracy < 0.9,
        "logistic regression on Adult is about 85 % accurate: " + accuracy);
    assertEquals(16_281, run.rowCounts().get("current"));
    assertEquals(2, groups(Row::sex).size());
    assertEquals(5, groups(Row::race).size());
    assertEquals(10, groups(SLICES.get("sex & race")).size());
  }

  /** Counts, selection rate, TPR and FPR per group from one plain loop per group. */
  @Test
  void perGroupRatesEqualAPlainLoopOverThePredictions() {
    SLICES.forEach(
        (attribute, by) ->
            groups(by)
                .forEach(
                    (group, list) -> {
                      Scope s = Scope.group(attribute, group);
                      long n = list.size();
                      long selected = 0;
                      long positives = 0;
                      long tp = 0;
                      long fp = 0;
                      for (Row r : list) {
                        selected += r.prediction();
                        positives += r.label();
                        tp += r.label() == 1 && r.prediction() == 1 ? 1 : 0;
                        fp += r.label() == 0 && r.prediction() == 1 ? 1 : 0;
                      }
                      assertEquals(n, value("count", s), 0, s.label());
                      assertEquals(
                          (double) selected / n, value("selection_rate", s), 1e-12, s.label());
                      assertEquals((double) positives / n, value("base_rate", s), 1e-12, s.label());
                      assertEquals(
                          (double) tp / positives,
                          value("true_positive_rate", s),
                          1e-12,
                          s.label());
                      assertEquals(
                          (double) fp / (n - positives),
                          value("false_positive_rate", s),
                          1e-12,
                          s.label());
                    }));
  }

  /** Tribuo's LabelEvaluator on each group's own predictions gives the same confusion metrics. */
  @Test
  void perGroupConfusionMetricsEqualTribuosLabelEvaluator() {
    LabelEvaluator evaluator = new LabelEvaluator();
    LabelFactory factory = new LabelFactory();
    SLICES.forEach(
        (attribute, by) ->
            groups(by)
                .forEach(
                    (group, list) -> {
                      Scope s = Scope.group(attribute, group);
                      List<Prediction<Label>> predictions = list.stream().map(Row::tribuo).toList();
                      LabelEvaluation e =
                          evaluator.evaluate(
                              model,
                              predictions,
                              new SimpleDataSourceProvenance(s.label(), factory));
                      double tp = e.tp(HIGH);
                      double fp = e.fp(HIGH);
                      double fn = e.fn(HIGH);
                      double tn = e.tn(HIGH);
                      double n = tp + fp + fn + tn;
                      assertEquals(list.size(), n, 0, s.label());
                      assertEquals((tp + fp) / n, value("selection_rate", s), 1e-12, s.label());
                      assertEquals(
                          e.recall(HIGH), value("true_positive_rate", s), 1e-12, s.label());
                      assertEquals(
                          fp / (fp + tn), value("false_positive_rate", s), 1e-12, s.label());
                      assertEquals(e.accuracy(), value("accuracy", s), 1e-12, s.label());
                      if (tp + fp > 0) {
                        assertEquals(
                            e.precision(HIGH),
                            value("positive_predictive_value", s),
                            1e-12,
                            s.label());
                      }
                    }));
  }

  /**
   * impact_ratio = a group's selection rate ÷ the highest selection rate among groups with at least
   * min_group_size (30) rows; demographic_parity_ratio/difference over the same groups.
   */
  @Test
  void impactRatiosAndParityEqualThePlainLoop() {
    SLICES.forEach(
        (attribute, by) -> {
          Map<String, Double> rates = new HashMap<>();
          Map<String, Integer> sizes = new HashMap<>();
          groups(by)
              .forEach(
                  (g, list) -> {
                    rates.put(
                        g, list.stream().mapToInt(Row::prediction).sum() / (double) list.size());
                    sizes.put(g, list.size());
                  });
          double max =
              rates.entrySet().stream()
                  .filter(e -> sizes.get(e.getKey()) >= 30)
                  .mapToDouble(Map.Entry::getValue)
                  .max()
                  .orElseThrow();
          double min =
              rates.entrySet().stream()
                  .filter(e -> sizes.get(e.getKey()) >= 30)
                  .mapToDouble(Map.Entry::getValue)
                  .min()
                  .orElseThrow();
          for (String g : new TreeSet<>(rates.keySet())) {
            assertEquals(
                rates.get(g) / max, value("impact_ratio", Scope.group(attribute, g)), 1e-12, g);
          }
          assertEquals(
              min / max,
              value("demographic_parity_ratio", Scope.attribute(attribute)),
              1e-12,
              attribute);
          assertEquals(
              max - min,
              value("demographic_parity_difference", Scope.attribute(attribute)),
              1e-12,
              attribute);
        });
    // The well-known Adult gap: women are selected far less often than men.
    assertTrue(value("impact_ratio", Scope.group("sex", "Female")) < 0.5);
  }

  /**
   * Every group's AUC (sex, race, sex × race) from its pairwise definition on the probabilities
   * (sorted scores, ties ½: scikit-learn's {@code roc_auc_score}) to 1e-9, as {@code fairness.auc:
   * exact} (the default) promises for continuous scores; the note says it is exact.
   */
  @Test
  void perGroupAucEqualsThePairwiseDefinition() {
    SLICES.forEach(
        (slice, by) ->
            groups(by)
                .forEach(
                    (g, list) -> {
                      Scope scope = Scope.group(slice, g);
                      double[] pos = scores(list, 1);
                      double[] neg = scores(list, 0);
                      if (pos.length == 0 || neg.length == 0) {
                        assertTrue(metric("auc", scope).number().isEmpty(), scope.label());
                        return;
                      }
                      assertEquals(pairwiseAuc(pos, neg), value("auc", scope), 1e-9, scope.label());
                      assertTrue(metric("auc", scope).note().contains("(exact;"), scope.label());
                    }));
  }

  /**
   * Every group's LL 144 scoring rate (rows strictly above the median of all scores) and expected
   * calibration error (10 bins of floor(10 s)) from plain loops over the raw probabilities.
   */
  @Test
  void scoringRateAndCalibrationBinsAreExact() {
    double[] all = rows.stream().mapToDouble(AdultOracleTest::score).sorted().toArray();
    int n = all.length;
    double median = n % 2 == 1 ? all[n / 2] : (all[n / 2 - 1] + all[n / 2]) / 2;
    SLICES.forEach(
        (slice, by) ->
            groups(by)
                .forEach(
                    (g, list) -> {
                      Scope scope = Scope.group(slice, g);
                      long above = list.stream().filter(r -> score(r) > median).count();
                      assertEquals(
                          (double) above / list.size(),
                          value("scoring_rate", scope),
                          1e-12,
                          scope.label());
                      assertEquals(
                          expectedCalibrationError(list),
                          value("expected_calibration_error", scope),
                          1e-9,
                          scope.label());
                    }));
  }

  static double score(Row r) {
    return r.tribuo().getOutputScores().get(">50K").getScore();
  }

  static double[] scores(List<Row> list, int label) {
    return list.stream()
        .filter(r -> r.label() == label)
        .mapToDouble(AdultOracleTest::score)
        .sorted()
        .toArray();
  }

  /** Σ over positives of (negatives below + ½ negatives equal) ÷ (P · N), both sorted. */
  static double pairwiseAuc(double[] pos, double[] neg) {
    double wins = 0;
    int lo = 0;
    int hi = 0;
    for (double p : pos) {
      while (lo < neg.length && neg[lo] < p) {
        lo++;
      }
      hi = Math.max(hi, lo);
      while (hi < neg.length && neg[hi] <= p) {
        hi++;
      }
      wins += lo + 0.5 * (hi - lo);
    }
    return wins / ((double) pos.length * neg.length);
  }

  static double expectedCalibrationError(List<Row> list) {
    long[] count = new long[10];
    long[] positives = new long[10];
    double[] sum = new double[10];
    for (Row r : list) {
      int bin = (int) Math.min(9, Math.floor(score(r) * 10));
      count[bin]++;
      positives[bin] += r.label();
      sum[bin] += score(r);
    }
    double ece = 0;
    for (int b = 0; b < 10; b++) {
      if (count[b] > 0) {
        ece +=
            (double) count[b]
                / list.size()
                * Math.abs(sum[b] / count[b] - (double) positives[b] / count[b]);
      }
    }
    return ece;
  }
}
