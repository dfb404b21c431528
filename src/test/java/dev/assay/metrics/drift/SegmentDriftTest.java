package dev.assay.metrics.drift;

import static dev.assay.metrics.drift.DriftAnalysisTest.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.DriftOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Segment drift: every drift metric within each group of drift.segment_by, in the same jobs. */
class SegmentDriftTest {

  static final StructType SCHEMA =
      new StructType()
          .add("x", DataTypes.DoubleType)
          .add("cat", DataTypes.StringType)
          .add("sex", DataTypes.StringType);

  static final List<DriftColumn> COLUMNS =
      List.of(
          new DriftColumn("x", "feature", DriftColumn.Kind.NUMERIC),
          new DriftColumn("cat", "feature", DriftColumn.Kind.CATEGORICAL));

  /**
   * sex F / M (and 3 % missing). Reference: x ~ N(0, 1) to 2 decimals, cat A B C evenly. Current: x
   * of F shifted by +1 (M unchanged), cat of F drawn from A and D, 4 % of x missing in M.
   */
  static Object[][] rows(long seed, int n, boolean current) {
    Random r = new Random(seed);
    Object[][] out = new Object[n][];
    for (int i = 0; i < n; i++) {
      String sex = r.nextDouble() < 0.03 ? null : r.nextBoolean() ? "F" : "M";
      double x = Math.round(r.nextGaussian() * 100) / 100.0;
      String cat = new String[] {"A", "B", "C"}[r.nextInt(3)];
      if (current && "F".equals(sex)) {
        x += 1;
        cat = r.nextBoolean() ? "A" : "D";
      }
      boolean missing = current && "M".equals(sex) && r.nextDouble() < 0.04;
      out[i] = new Object[] {missing ? null : x, cat, sex};
    }
    return out;
  }

  private static MetricResult result(List<MetricResult> m, String metric, Scope scope) {
    return m.stream()
        .filter(r -> r.key().metric().equals(metric) && r.key().scope().equals(scope))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " in " + scope));
  }

  private static double value(List<MetricResult> m, String metric, Scope scope) {
    return result(m, metric, scope)
        .number()
        .orElseThrow(() -> new AssertionError(metric + " undefined in " + scope));
  }

  private static DriftInput input(Object[][] ref, Object[][] cur, List<String> segments) {
    return new DriftInput(
        frame(ref, SCHEMA),
        frame(cur, SCHEMA),
        COLUMNS,
        new DriftOptions(10, DriftOptions.DEFAULTS.maxDistinct(), Map.of(), segments),
        List.of());
  }

  @Test
  void eachGroupMatchesPlainJavaOnItsOwnRowsInTheSameJobs() {
    Object[][] ref = rows(11, 2400, false);
    Object[][] cur = rows(12, 2000, true);
    DriftInput in = input(ref, cur, List.of("sex"));
    DriftOutcome[] out = new DriftOutcome[1];
    // two jobs for the counts (segments included) and one for the domain classifier's sample
    assertEquals(3, JobCounter.count(SharedSpark.get(), () -> out[0] = DriftAnalysis.run(in)));
    List<MetricResult> m = out[0].metrics();

    for (String group : List.of("F", "M")) {
      Predicate<Object[]> in1 = r -> group.equals(r[2]);
      Object[][] a = Arrays.stream(ref).filter(in1).toArray(Object[][]::new);
      Object[][] b = Arrays.stream(cur).filter(in1).toArray(Object[][]::new);
      Scope x = new Scope("sex", group, "x");
      double[] ra = DriftAnalysisTest.numbers(a, 0);
      double[] cb = DriftAnalysisTest.numbers(b, 0);
      double d = DriftAnalysisTest.ks(ra, cb);
      assertEquals(d, value(m, "ks_statistic", x), 1e-12);
      double w = DriftAnalysisTest.wasserstein(ra, cb);
      assertEquals(w, value(m, "wasserstein", x), 1e-9);
      double mean = Arrays.stream(ra).average().orElseThrow();
      double std = Math.sqrt(Arrays.stream(ra).map(v -> (v - mean) * (v - mean)).sum() / ra.length);
      assertEquals(w / std, value(m, "wasserstein_normed", x), 1e-9);
      // deciles of the group's own reference
      List<Double> edges = new ArrayList<>();
      for (int k = 1; k < 10; k++) {
        double e = ra[(int) Math.ceil(k * ra.length / 10.0) - 1];
        if (edges.isEmpty() || edges.get(edges.size() - 1) != e) {
          edges.add(e);
        }
      }
      double[] p = DriftAnalysisTest.shares(ra, edges);
      double[] q = DriftAnalysisTest.shares(cb, edges);
      assertEquals(DriftAnalysisTest.psi(p, q), value(m, "psi", x), 1e-12);
      assertEquals(DriftAnalysisTest.js(p, q), value(m, "jensen_shannon", x), 1e-12);
      long missing = Arrays.stream(b).filter(r -> r[0] == null).count();
      assertEquals((double) missing / b.length, value(m, "null_rate_current", x), 1e-15);
      assertEquals(cb.length, result(m, "ks_statistic", x).count());
      // the test is chosen by the whole reference (2400 rows > 1000): wasserstein_normed ≥ 0.1
      assertEquals(w / std >= 0.1 ? 1.0 : 0.0, value(m, "drift_detected", x), 0);

      Scope cat = new Scope("sex", group, "cat");
      String[] names = {"A", "B", "C", "D"};
      double[] pc = new double[4];
      double[] qc = new double[4];
      for (Object[] r : a) {
        pc[Arrays.asList(names).indexOf((String) r[1])] += 1.0 / a.length;
      }
      for (Object[] r : b) {
        qc[Arrays.asList(names).indexOf((String) r[1])] += 1.0 / b.length;
      }
      assertEquals(DriftAnalysisTest.js(pc, qc), value(m, "jensen_shannon", cat), 1e-12);
      assertEquals(DriftAnalysisTest.tv(pc, qc), value(m, "total_variation", cat), 1e-12);
      assertEquals(qc[3], value(m, "unseen_share_current", cat), 1e-12);
      double drifted = value(m, "drift_detected", x) + value(m, "drift_detected", cat);
      assertEquals(drifted / 2, value(m, "drift_share", Scope.group("sex", group)), 1e-15);
    }
    // the shift hits F only
    assertEquals(1.0, value(m, "drift_detected", new Scope("sex", "F", "x")), 0);
    assertEquals(1.0, value(m, "drift_detected", new Scope("sex", "F", "cat")), 0);
    assertEquals(0.0, value(m, "drift_detected", new Scope("sex", "M", "cat")), 0);
    // rows with a missing sex are in no segment; the whole-data-set metrics are unchanged
    assertFalse(
        m.stream()
            .anyMatch(
                r ->
                    "sex".equals(r.key().scope().attribute())
                        && !List.of("F", "M").contains(r.key().scope().group())));
    List<MetricResult> plain = DriftAnalysis.run(input(ref, cur, List.of())).metrics();
    assertEquals(plain, m.stream().filter(r -> r.key().scope().attribute() == null).toList());
  }

  @Test
  void aSegmentAttributeWithTooManyGroupsIsBadInput() {
    Object[][] ref = rows(1, 300, false);
    Object[][] cur = rows(2, 300, true);
    for (int i = 0; i < ref.length; i++) {
      ref[i][2] = "g" + i;
    }
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> DriftAnalysis.run(input(ref, cur, List.of("sex"))));
    assertTrue(
        e.getMessage().contains("drift.segment_by") && e.getMessage().contains("'sex'"),
        e.getMessage());
  }
}
