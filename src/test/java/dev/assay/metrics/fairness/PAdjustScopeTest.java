package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * {@code fairness.p_adjust_scope: audit}: Holm and Benjamini–Hochberg over every p-value of the
 * audit (all attributes and the intersection together), against the textbook step-down and step-up
 * formulas applied by plain loops to the raw p-values of an unadjusted run.
 */
class PAdjustScopeTest {

  static final StructType SCHEMA =
      new StructType()
          .add("sex", DataTypes.StringType)
          .add("race", DataTypes.StringType)
          .add("y", DataTypes.IntegerType)
          .add("p", DataTypes.IntegerType);

  /**
   * Seeded rows: selection rates differ by sex and race, so the impact-ratio tests give small and
   * large p.
   */
  static Dataset<Row> frame() {
    Random rnd = new Random(42);
    String[] races = {"A", "B", "C"};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      String sex = rnd.nextBoolean() ? "F" : "M";
      int r = rnd.nextInt(3);
      double rate = 0.3 + (sex.equals("M") ? 0.1 : 0) + 0.1 * r;
      rows.add(RowFactory.create(sex, races[r], rnd.nextInt(2), rnd.nextDouble() < rate ? 1 : 0));
    }
    return SharedSpark.get().createDataFrame(rows, SCHEMA);
  }

  static FairnessInput input(Dataset<Row> df) {
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    BinaryColumn prediction =
        BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test");
    return FairnessInput.of(
        df,
        FairnessInput.Outcomes.of(label, prediction, null),
        List.of(
            new Slice(List.of("sex")),
            new Slice(List.of("race")),
            new Slice(List.of("sex", "race"))),
        30);
  }

  static Map<MetricKey, MetricResult.Computed> withP(List<MetricResult> metrics) {
    Map<MetricKey, MetricResult.Computed> out = new LinkedHashMap<>();
    for (MetricResult m : metrics) {
      if (m instanceof MetricResult.Computed c && c.pValue() != null) {
        out.put(m.key(), c);
      }
    }
    return out;
  }

  /** Holm: p_(i) sorted ascending, adjusted = max over j ≤ i of min(1, (m − j + 1) · p_(j)). */
  static double holm(double[] p, int i) {
    double[] s = p.clone();
    Arrays.sort(s);
    int m = s.length;
    int rank = rankOf(s, p[i]);
    double best = 0;
    for (int j = 0; j <= rank; j++) {
      best = Math.max(best, Math.min(1, (m - j) * s[j]));
    }
    return best;
  }

  /** Benjamini–Hochberg: adjusted = min over j ≥ i of min(1, m / j · p_(j)) (ranks from 1). */
  static double bh(double[] p, int i) {
    double[] s = p.clone();
    Arrays.sort(s);
    int m = s.length;
    // the last rank holding this value: tied p-values share the step-up minimum from there
    int rank = m - 1;
    while (s[rank] != p[i]) {
      rank--;
    }
    double best = 1;
    for (int j = rank; j < m; j++) {
      best = Math.min(best, Math.min(1, (double) m / (j + 1) * s[j]));
    }
    return best;
  }

  private static int rankOf(double[] sorted, double v) {
    int last = 0;
    for (int j = 0; j < sorted.length; j++) {
      if (sorted[j] == v) {
        last = j;
      }
    }
    return last;
  }

  @Test
  void auditScopeAdjustsEveryPValueOfTheFamilyTogetherInOneJob() {
    Dataset<Row> df = frame();
    Map<MetricKey, MetricResult.Computed> raw =
        withP(
            FairnessAnalysis.run(FairnessAnalysisTest.withPAdjust(input(df), PAdjust.NONE))
                .metrics());
    assertTrue(
        raw.keySet().stream().map(k -> k.scope().attribute()).distinct().count() == 3,
        "p-values from sex, race and sex & race: " + raw.keySet());
    double[] p = raw.values().stream().mapToDouble(MetricResult.Computed::pValue).toArray();
    assertTrue(p.length >= 8, "1 + 2 + 5 impact-ratio tests at least: " + p.length);
    assertTrue(
        Arrays.stream(p).min().orElseThrow() < 0.05 / p.length, "some comparison survives Holm");

    List<List<MetricResult>> out = new ArrayList<>();
    int jobs =
        JobCounter.count(
            SharedSpark.get(),
            () ->
                out.add(
                    FairnessAnalysis.run(
                            input(df)
                                .withInference(
                                    new FairnessInput.Inference(
                                        0.95,
                                        PAdjust.HOLM,
                                        PAdjustScope.AUDIT,
                                        FairnessInput.Bootstrap.NONE)))
                        .metrics()));
    assertEquals(1, jobs);
    Map<MetricKey, MetricResult.Computed> holm = withP(out.get(0));
    Map<MetricKey, MetricResult.Computed> bh =
        withP(
            FairnessAnalysis.run(
                    input(df)
                        .withInference(
                            new FairnessInput.Inference(
                                0.95,
                                PAdjust.BH,
                                PAdjustScope.AUDIT,
                                FairnessInput.Bootstrap.NONE)))
                .metrics());
    Map<MetricKey, MetricResult.Computed> perAttribute =
        withP(FairnessAnalysis.run(input(df)).metrics());
    int i = 0;
    for (MetricKey k : raw.keySet()) {
      assertEquals(holm(p, i), holm.get(k).pValue(), 1e-12, k.toString());
      assertEquals(bh(p, i), bh.get(k).pValue(), 1e-12, k.toString());
      assertEquals(raw.get(k).value(), holm.get(k).value(), 0.0);
      assertTrue(
          holm.get(k)
              .note()
              .contains(
                  "Holm-adjusted over "
                      + p.length
                      + " comparisons of the audit (every attribute and intersection; groups × metrics)"),
          holm.get(k).note());
      assertTrue(
          perAttribute.get(k).pValue() <= holm.get(k).pValue() + 1e-15,
          "the audit family is larger, so Holm's adjustment is at least as strong: " + k);
      i++;
    }
  }
}
