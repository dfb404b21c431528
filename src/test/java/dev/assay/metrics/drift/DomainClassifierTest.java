package dev.assay.metrics.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.DriftOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** domain_classifier_auc: Tribuo's logistic regression telling current rows from reference rows. */
class DomainClassifierTest {

  static final List<DriftColumn> COLUMNS =
      List.of(
          new DriftColumn("x", "feature", DriftColumn.Kind.NUMERIC),
          new DriftColumn("y", "feature", DriftColumn.Kind.NUMERIC),
          new DriftColumn("k", "feature", DriftColumn.Kind.CATEGORICAL));

  /**
   * n rows per side: x ~ N(0, 1) (+ shift in current), y ~ N(5, 2) with 5 % missing, k in a b c.
   */
  static List<Row> rows(long seed, int n, double shift) {
    Random r = new Random(seed);
    List<Row> out = new ArrayList<>();
    for (int side = 0; side < 2; side++) {
      for (int i = 0; i < n; i++) {
        Double y = r.nextDouble() < 0.05 ? null : 5 + 2 * r.nextGaussian();
        out.add(
            RowFactory.create(
                side,
                r.nextGaussian() + side * shift,
                y,
                new String[] {"a", "b", "c"}[r.nextInt(3)]));
      }
    }
    return out;
  }

  /**
   * Identical distributions, 2000 rows per side: each held-out fold has 400 + 400 rows, whose AUC
   * under no difference has standard deviation √((400 + 400 + 1) / (12 · 400 · 400)) ≈ 0.020
   * (Mann-Whitney); the mean of 5 folds ≈ 0.009. The bound 0.05 is more than 5 of those.
   */
  @Test
  void identicalDistributionsGiveAnAucNearOneHalf() {
    MetricResult m = DomainClassifier.fit(COLUMNS, rows(3, 2000, 0), 20_000);
    double auc = m.number().orElseThrow();
    assertEquals(0.5, auc, 0.05, m.note());
    assertEquals(4000, m.count());
    assertTrue(m.note().contains("2000 reference from 2000 current"), m.note());
  }

  /** A 3-standard-deviation mean shift in x: the best AUC is Φ(3 / √2) ≈ 0.983. */
  @Test
  void aStrongMeanShiftGivesAnAucNearOneAndNamesTheColumn() {
    MetricResult m = DomainClassifier.fit(COLUMNS, rows(4, 1000, 3), 20_000);
    double auc = m.number().orElseThrow();
    assertTrue(auc > 0.95 && auc <= 1, "auc " + auc);
    String leaned = m.note().substring(m.note().indexOf("leaned on most"));
    assertTrue(
        leaned.matches("leaned on most \\(absolute weight on standardised features\\): x .*"),
        m.note());
  }

  @Test
  void theSameRowsInAnotherOrderGiveTheSameResult() {
    List<Row> rows = rows(5, 300, 0.5);
    List<Row> reversed = new ArrayList<>(rows);
    java.util.Collections.reverse(reversed);
    assertEquals(
        DomainClassifier.fit(COLUMNS, rows, 1000), DomainClassifier.fit(COLUMNS, reversed, 1000));
  }

  /**
   * sklearn's roc_auc_score example: scores .1 .4 .35 .8 with classes 0 0 1 1 → 0.75 (3 of the 4
   * positive-negative pairs are ordered right). A tie counts one half.
   */
  @Test
  void rocAucByHand() {
    assertEquals(
        0.75,
        DomainClassifier.rocAuc(
            new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}),
        1e-15);
    assertEquals(
        0.5, DomainClassifier.rocAuc(new double[] {0.5, 0.5}, new boolean[] {true, false}), 1e-15);
    assertTrue(Double.isNaN(DomainClassifier.rocAuc(new double[] {0.5}, new boolean[] {true})));
  }

  @Test
  void tooFewRowsOnASideIsUndefinedWithTheReason() {
    List<Row> rows = new ArrayList<>(rows(6, 50, 0).subList(0, 53)); // 50 reference, 3 current
    MetricResult m = DomainClassifier.fit(COLUMNS, rows, 1000);
    assertInstanceOf(MetricResult.Undefined.class, m);
    assertTrue(m.note().contains("3 current rows"), m.note());
  }

  /** Through Spark: at most classifier_sample rows per side reach the driver, in one more job. */
  @Test
  void theSampleIsBoundedPerSideAndCostsOneJob() {
    Object[][] ref = DriftAnalysisTest.synthetic(31, 600, false);
    Object[][] cur = DriftAnalysisTest.synthetic(32, 500, true);
    List<DriftColumn> columns =
        List.of(
            new DriftColumn("x", "feature", DriftColumn.Kind.NUMERIC),
            new DriftColumn("cat", "feature", DriftColumn.Kind.CATEGORICAL));
    DriftInput in =
        new DriftInput(
            DriftAnalysisTest.frame(ref, DriftAnalysisTest.SYNTH),
            DriftAnalysisTest.frame(cur, DriftAnalysisTest.SYNTH),
            columns,
            new DriftOptions(10, 100_000, Map.of(), List.of(), 100),
            List.of());
    DriftOutcome[] out = new DriftOutcome[1];
    assertEquals(3, JobCounter.count(SharedSpark.get(), () -> out[0] = DriftAnalysis.run(in)));
    MetricResult m = DriftAnalysisTest.result(out[0].metrics(), "domain_classifier_auc", null);
    assertTrue(m.count() <= 200 && m.count() >= 150, "sampled rows " + m.count());
    DriftInput off =
        new DriftInput(
            in.reference(),
            in.current(),
            columns,
            new DriftOptions(10, 100_000, Map.of(), List.of(), 0),
            List.of());
    assertEquals(2, JobCounter.count(SharedSpark.get(), () -> out[0] = DriftAnalysis.run(off)));
    assertTrue(
        out[0].metrics().stream().noneMatch(r -> r.key().metric().equals("domain_classifier_auc")));
  }
}
