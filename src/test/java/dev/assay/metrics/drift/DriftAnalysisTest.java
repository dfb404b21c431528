package dev.assay.metrics.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.Histogram;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The drift family through Spark: hand-computed fixtures, an oracle on seeded data, the passes. */
class DriftAnalysisTest {

  private static final double EPS = 1e-12;

  private static final StructType SCHEMA =
      new StructType()
          .add("x", DataTypes.DoubleType)
          .add("k", DataTypes.StringType)
          .add("konst", DataTypes.IntegerType)
          .add("empty", DataTypes.DoubleType);

  /**
   * x: reference 1 2 2 3 4, current 2 3 3 5 and a null (the statistics of {@link
   * DriftStatisticsTest}'s numeric fixture). k: reference a a b c null, current a b b d null (d
   * unseen, c absent from current). konst: reference 7 ×5, current 7 ×4 and 8. empty: null in every
   * reference row, 1..5 in the current rows.
   */
  static final Object[][] REF = {
    {1.0, "a", 7, null},
    {2.0, "a", 7, null},
    {2.0, "b", 7, null},
    {3.0, "c", 7, null},
    {4.0, null, 7, null}
  };

  static final Object[][] CUR = {
    {2.0, "a", 7, 1.0},
    {3.0, "b", 7, 2.0},
    {3.0, "b", 8, 3.0},
    {5.0, "d", 7, 4.0},
    {null, null, 7, 5.0}
  };

  static final List<DriftColumn> COLUMNS =
      List.of(
          new DriftColumn("x", "feature", DriftColumn.Kind.NUMERIC),
          new DriftColumn("k", "feature", DriftColumn.Kind.CATEGORICAL),
          new DriftColumn("konst", "feature", DriftColumn.Kind.NUMERIC),
          new DriftColumn("empty", "feature", DriftColumn.Kind.NUMERIC));

  static Dataset<Row> frame(Object[][] rows, StructType schema) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return SharedSpark.get().createDataFrame(list, schema);
  }

  static DriftOptions options(int bins, Map<String, DriftOptions.Test> tests) {
    return new DriftOptions(bins, DriftOptions.DEFAULTS.maxDistinct(), tests);
  }

  static MetricResult result(List<MetricResult> m, String metric, String column) {
    Scope scope = column == null ? Scope.DATASET : Scope.column(column);
    return m.stream()
        .filter(r -> r.key().metric().equals(metric) && r.key().scope().equals(scope))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + column));
  }

  static double value(List<MetricResult> m, String metric, String column) {
    return result(m, metric, column)
        .number()
        .orElseThrow(() -> new AssertionError(metric + " undefined for " + column));
  }

  @Test
  void handComputedFixtureThroughSpark() {
    DriftOutcome out =
        DriftAnalysis.run(
            new DriftInput(
                frame(REF, SCHEMA), frame(CUR, SCHEMA), COLUMNS, options(4, Map.of()), List.of()));
    List<MetricResult> m = out.metrics();
    assertEquals(5, out.referenceRows());
    assertEquals(5, out.currentRows());
    // numeric with ties (arithmetic in DriftStatisticsTest); the current null is left out
    assertEquals(0.35, value(m, "ks_statistic", "x"), EPS);
    assertEquals(0.9483081109654531, value(m, "ks_p_value", "x"), 1e-12);
    assertEquals(0.85, value(m, "wasserstein", "x"), EPS);
    assertEquals(0.8334935743372822, value(m, "wasserstein_normed", "x"), EPS);
    assertEquals(0.5924584552018219, value(m, "psi", "x"), EPS);
    assertEquals(0.321673346865966, value(m, "jensen_shannon", "x"), EPS);
    assertEquals(0.26993907018518354, value(m, "hellinger", "x"), EPS);
    assertEquals(0.35, value(m, "total_variation", "x"), EPS);
    assertEquals(0.0, value(m, "null_rate_reference", "x"), EPS);
    assertEquals(0.2, value(m, "null_rate_current", "x"), EPS); // 1 of 5
    assertEquals(4, result(m, "ks_statistic", "x").count()); // non-null current values

    // categorical: a category absent from each side; nulls left out (1 of 5 on each side)
    assertEquals(8.0 / 3, value(m, "chi2_statistic", "k"), EPS);
    assertEquals(0.4459216983631228, value(m, "chi2_p_value", "k"), 1e-12);
    assertEquals(0.25, value(m, "unseen_share_current", "k"), EPS); // d: 1 of 4
    assertTrue(result(m, "unseen_share_current", "k").note().contains("d"));
    assertEquals(4.257031786505947, value(m, "psi", "k"), 1e-12);
    assertEquals(0.5579230452841438, value(m, "jensen_shannon", "k"), EPS);
    assertEquals(0.541196100146197, value(m, "hellinger", "k"), EPS);
    assertEquals(0.5, value(m, "total_variation", "k"), EPS); // ½ (.25 + .25 + .25 + .25)
    assertEquals(0.2, value(m, "null_rate_reference", "k"), EPS);

    // constant reference: D = 1 − 4/5, W = 0.2 · (8 − 7), σ = 0 floored at 0.001 → 200
    assertEquals(0.2, value(m, "ks_statistic", "konst"), EPS);
    assertEquals(0.9999652306540077, value(m, "ks_p_value", "konst"), 1e-12);
    assertEquals(0.2, value(m, "wasserstein", "konst"), EPS);
    assertEquals(200.0, value(m, "wasserstein_normed", "konst"), 1e-9);
    // one edge (7), bins (−∞,7] (7,∞): p = [1, 0→0.0001], q = [.8, .2]
    assertEquals(1.5640491119253044, value(m, "psi", "konst"), 1e-12);
    assertEquals(0.32868152693085756, value(m, "jensen_shannon", "konst"), EPS);

    // all-null reference column: rates defined, distributions undefined with the reason
    assertEquals(1.0, value(m, "null_rate_reference", "empty"), EPS);
    assertEquals(0.0, value(m, "null_rate_current", "empty"), EPS);
    for (String metric :
        List.of(
            "ks_statistic",
            "ks_p_value",
            "wasserstein",
            "wasserstein_normed",
            "psi",
            "jensen_shannon",
            "hellinger",
            "total_variation",
            "drift_detected")) {
      MetricResult r = result(m, metric, "empty");
      assertInstanceOf(MetricResult.Undefined.class, r, metric);
      assertTrue(r.note().contains("no non-null value"), r.note());
    }

    // 5 reference rows ≤ 1000: KS / chi-squared at p < 0.05, none drifted
    assertEquals(0.0, value(m, "drift_detected", "x"), EPS);
    assertTrue(result(m, "drift_detected", "x").note().contains("ks_p_value"));
    assertEquals(0.0, value(m, "drift_detected", "k"), EPS);
    assertTrue(result(m, "drift_detected", "k").note().contains("chi2_p_value"));
    assertEquals(0.0, value(m, "drift_detected", "konst"), EPS);
    // drift_share over the 3 columns with a defined drift_detected
    assertEquals(0.0, value(m, "drift_share", null), EPS);
    assertEquals(3, result(m, "drift_share", null).count());

    // histograms from the same counts: x's 4 quantile bins have edges 2, 2 (merged), 3
    // (4·cum ≥ k·5: cum 3 at value 2 for k = 1, 2; cum 4 at value 3 for k = 3), so
    // reference 1 2 2 | 3 | 4 and current 2 | 3 3 | 5; k by total count, ties by name
    Histogram x = out.histograms().get(0);
    assertEquals(List.of("≤ 2", "(2, 3]", "> 3"), x.binLabels());
    assertEquals(List.of(3L, 1L, 1L), x.referenceCounts());
    assertEquals(List.of(1L, 2L, 1L), x.currentCounts());
    Histogram k = out.histograms().get(1);
    assertEquals(List.of("a", "b", "c", "d"), k.binLabels());
    assertEquals(List.of(2L, 1L, 1L, 0L), k.referenceCounts());
    assertEquals(List.of(1L, 2L, 0L, 1L), k.currentCounts());
    assertEquals(List.of("all values"), out.histograms().get(3).binLabels());
  }

  @Test
  void aPerColumnTestOverridesTheDefault() {
    DriftOutcome out =
        DriftAnalysis.run(
            new DriftInput(
                frame(REF, SCHEMA),
                frame(CUR, SCHEMA),
                COLUMNS,
                options(4, Map.of("konst", new DriftOptions.Test(DriftOptions.Method.PSI, 0.2))),
                List.of()));
    // konst: psi 1.564 ≥ 0.2 → drifted; 1 of 3 columns
    assertEquals(1.0, value(out.metrics(), "drift_detected", "konst"), EPS);
    assertTrue(result(out.metrics(), "drift_detected", "konst").note().contains("drift.tests"));
    assertEquals(1.0 / 3, value(out.metrics(), "drift_share", null), EPS);
  }

  @Test
  void driftRunsInTwoSparkJobsForAllColumnsOfBothDataSetsAndOneMoreForTheClassifierSample() {
    Dataset<Row> ref = frame(REF, SCHEMA);
    Dataset<Row> cur = frame(CUR, SCHEMA);
    DriftInput in =
        new DriftInput(
            ref, cur, COLUMNS, new DriftOptions(10, 100_000, Map.of(), List.of(), 0), List.of());
    assertEquals(2, JobCounter.count(SharedSpark.get(), () -> DriftAnalysis.run(in)));
    DriftInput withClassifier = new DriftInput(ref, cur, COLUMNS, options(10, Map.of()), List.of());
    assertEquals(3, JobCounter.count(SharedSpark.get(), () -> DriftAnalysis.run(withClassifier)));
  }

  @Test
  void anEmptyReferenceIsBadInput() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                DriftAnalysis.run(
                    new DriftInput(
                        frame(new Object[0][], SCHEMA),
                        frame(CUR, SCHEMA),
                        COLUMNS,
                        options(10, Map.of()),
                        List.of())));
    assertTrue(e.getMessage().contains("reference data set has no rows"), e.getMessage());
  }

  // ---- a seeded synthetic pair against plain-Java computations from the definitions ----

  static final StructType SYNTH =
      new StructType()
          .add("x", DataTypes.DoubleType)
          .add("raw", DataTypes.DoubleType)
          .add("cat", DataTypes.StringType);

  /** Reference N(0,1), current N(0.3, 1.5²) with 5 % nulls (x to 2 decimals, so many ties). */
  static Object[][] synthetic(long seed, int n, boolean shifted) {
    Random r = new Random(seed);
    String[] refCats = {"A", "B", "C"};
    String[] curCats = {"A", "B", "C", "D"};
    Object[][] rows = new Object[n][];
    for (int i = 0; i < n; i++) {
      double z = r.nextGaussian();
      double v = shifted ? 0.3 + 1.5 * z : z;
      boolean missing = shifted && r.nextDouble() < 0.05;
      String c = shifted ? curCats[r.nextInt(r.nextDouble() < 0.5 ? 2 : 4)] : refCats[r.nextInt(3)];
      rows[i] =
          new Object[] {
            missing ? null : Math.round(v * 100) / 100.0,
            missing ? null : v * 1000,
            missing ? null : c
          };
    }
    return rows;
  }

  static double[] numbers(Object[][] rows, int col) {
    return Arrays.stream(rows)
        .filter(r -> r[col] != null)
        .mapToDouble(r -> (Double) r[col])
        .sorted()
        .toArray();
  }

  /** #values ≤ x in a sorted array. */
  static int atOrBelow(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static double ks(double[] a, double[] b) {
    double d = 0;
    for (double[] side : List.of(a, b)) {
      for (double x : side) {
        d =
            Math.max(
                d,
                Math.abs(
                    (double) atOrBelow(a, x) / a.length - (double) atOrBelow(b, x) / b.length));
      }
    }
    return d;
  }

  /** scipy's wasserstein_distance: Σ |F_a − F_b| · Δ over the sorted pooled values. */
  static double wasserstein(double[] a, double[] b) {
    double[] all = new double[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    Arrays.sort(all);
    double w = 0;
    for (int i = 0; i + 1 < all.length; i++) {
      w +=
          Math.abs(
                  (double) atOrBelow(a, all[i]) / a.length
                      - (double) atOrBelow(b, all[i]) / b.length)
              * (all[i + 1] - all[i]);
    }
    return w;
  }

  @Test
  void seededPairMatchesPlainJavaFromTheDefinitions() {
    Object[][] refRows = synthetic(7, 3000, false);
    Object[][] curRows = synthetic(8, 2500, true);
    List<DriftColumn> columns =
        List.of(
            new DriftColumn("x", "feature", DriftColumn.Kind.NUMERIC),
            new DriftColumn("cat", "feature", DriftColumn.Kind.CATEGORICAL));
    List<MetricResult> m =
        DriftAnalysis.run(
                new DriftInput(
                    frame(refRows, SYNTH),
                    frame(curRows, SYNTH),
                    columns,
                    options(10, Map.of()),
                    List.of()))
            .metrics();

    double[] a = numbers(refRows, 0);
    double[] b = numbers(curRows, 0);
    double d = ks(a, b);
    assertEquals(d, value(m, "ks_statistic", "x"), 1e-12);
    double en = (double) a.length * b.length / (a.length + b.length);
    assertEquals(
        KolmogorovSmirnov.kolmogorovSurvival(Math.sqrt(en) * d),
        value(m, "ks_p_value", "x"),
        1e-15);
    double w = wasserstein(a, b);
    assertEquals(w, value(m, "wasserstein", "x"), 1e-9);
    double mean = Arrays.stream(a).average().orElseThrow();
    double std = Math.sqrt(Arrays.stream(a).map(v -> (v - mean) * (v - mean)).sum() / a.length);
    assertEquals(w / std, value(m, "wasserstein_normed", "x"), 1e-9);

    // deciles of the sorted reference: the ⌈k·n/10⌉-th smallest value, duplicates merged
    List<Double> edges = new ArrayList<>();
    for (int k = 1; k < 10; k++) {
      double e = a[(int) Math.ceil(k * a.length / 10.0) - 1];
      if (edges.isEmpty() || edges.get(edges.size() - 1) != e) {
        edges.add(e);
      }
    }
    double[] p = shares(a, edges);
    double[] q = shares(b, edges);
    assertEquals(psi(p, q), value(m, "psi", "x"), 1e-12);
    assertEquals(js(p, q), value(m, "jensen_shannon", "x"), 1e-12);
    assertEquals(hellinger(p, q), value(m, "hellinger", "x"), 1e-12);
    assertEquals(tv(p, q), value(m, "total_variation", "x"), 1e-12);
    long nulls = Arrays.stream(curRows).filter(r -> r[0] == null).count();
    assertEquals((double) nulls / 2500, value(m, "null_rate_current", "x"), 1e-15);
    assertTrue(nulls > 50, "the fixture has nulls");

    // categorical: A B C in the reference, D also in the current
    String[] cats = {"A", "B", "C", "D"};
    long[] rc = new long[4];
    long[] cc = new long[4];
    for (Object[] r : refRows) {
      rc[Arrays.asList(cats).indexOf((String) r[2])]++;
    }
    for (Object[] r : curRows) {
      if (r[2] != null) {
        cc[Arrays.asList(cats).indexOf((String) r[2])]++;
      }
    }
    long n = Arrays.stream(rc).sum();
    long mm = Arrays.stream(cc).sum();
    double chi2 = 0;
    for (int i = 0; i < 4; i++) {
      double col = rc[i] + cc[i];
      double er = n * col / (n + mm);
      double ec = mm * col / (n + mm);
      chi2 += (rc[i] - er) * (rc[i] - er) / er + (cc[i] - ec) * (cc[i] - ec) / ec;
    }
    assertEquals(chi2, value(m, "chi2_statistic", "cat"), 1e-9);
    assertEquals((double) cc[3] / mm, value(m, "unseen_share_current", "cat"), 1e-15);
    double[] pc = new double[4];
    double[] qc = new double[4];
    for (int i = 0; i < 4; i++) {
      pc[i] = (double) rc[i] / n;
      qc[i] = (double) cc[i] / mm;
    }
    assertEquals(psi(pc, qc), value(m, "psi", "cat"), 1e-12);
    assertEquals(js(pc, qc), value(m, "jensen_shannon", "cat"), 1e-12);
    // more than 1000 reference rows: Evidently's distances decide; the shift is large
    assertEquals(w / std >= 0.1 ? 1.0 : 0.0, value(m, "drift_detected", "x"), 0);
    assertEquals(js(pc, qc) >= 0.1 ? 1.0 : 0.0, value(m, "drift_detected", "cat"), 0);
    assertTrue(result(m, "drift_detected", "x").note().contains("wasserstein_normed"));
  }

  @Test
  void tooManyDistinctValuesAreCountedOnAGridWithinTheStatedBounds() {
    Object[][] refRows = synthetic(7, 3000, false);
    Object[][] curRows = synthetic(8, 2500, true);
    List<DriftColumn> columns =
        List.of(new DriftColumn("raw", "feature", DriftColumn.Kind.NUMERIC));
    DriftOutcome out =
        DriftAnalysis.run(
            new DriftInput(
                frame(refRows, SYNTH),
                frame(curRows, SYNTH),
                columns,
                new DriftOptions(10, 100, Map.of()),
                List.of()));
    double[] a = numbers(refRows, 1);
    double[] b = numbers(curRows, 1);
    // 100 cells of width h over [min, max] of both sides; a value moves at most h/2, so
    // Wasserstein is within h, and KS within the largest share of one cell on either side
    double low = Math.min(a[0], b[0]);
    double h = (Math.max(a[a.length - 1], b[b.length - 1]) - low) / 100;
    double cellShare = Math.max(largestCellShare(a, low, h), largestCellShare(b, low, h));
    MetricResult ks = result(out.metrics(), "ks_statistic", "raw");
    assertTrue(ks.note().startsWith("approximate"), ks.note());
    double exactKs = ks(a, b);
    assertTrue(
        Math.abs(exactKs - ks.number().orElseThrow()) <= cellShare + 1e-12,
        exactKs + " vs " + ks.number() + ", bound " + cellShare);
    double exactW = wasserstein(a, b);
    double w = value(out.metrics(), "wasserstein", "raw");
    assertTrue(Math.abs(exactW - w) <= h, exactW + " vs " + w + ", bound " + h);
    assertTrue(
        out.notes().stream().anyMatch(s -> s.contains("equal-width cells")),
        out.notes().toString());
    // missing values stay missing on the grid (least() alone would put them in the last cell)
    long nulls = Arrays.stream(curRows).filter(r -> r[1] == null).count();
    assertEquals((double) nulls / 2500, value(out.metrics(), "null_rate_current", "raw"), 1e-15);
    assertEquals(b.length, result(out.metrics(), "ks_statistic", "raw").count());
  }

  /**
   * An identifier-like string column (400 distinct values per side, disjoint) with
   * drift.max_distinct 50: it is counted only as null or not null, so at most one value per side
   * reaches the driver whatever the rows; null rates stay exact (reference 3 of 403, current 0 of
   * 400), the distribution metrics are undefined naming the option, no histogram is drawn, and
   * drift_share leaves the column out.
   */
  @Test
  void aCategoricalColumnAboveMaxDistinctKeepsOnlyItsNullRates() {
    StructType schema =
        new StructType().add("id", DataTypes.StringType).add("x", DataTypes.DoubleType);
    Object[][] ref = new Object[403][];
    Object[][] cur = new Object[400][];
    for (int i = 0; i < 403; i++) {
      ref[i] = new Object[] {i < 400 ? "r" + i : null, (double) (i % 7)};
    }
    for (int i = 0; i < 400; i++) {
      cur[i] = new Object[] {"c" + i, (double) (i % 7)};
    }
    List<DriftColumn> columns =
        List.of(
            new DriftColumn("id", "feature", DriftColumn.Kind.CATEGORICAL),
            new DriftColumn("x", "feature", DriftColumn.Kind.NUMERIC));
    DriftOutcome out =
        DriftAnalysis.run(
            new DriftInput(
                frame(ref, schema),
                frame(cur, schema),
                columns,
                new DriftOptions(10, 50, Map.of()),
                List.of()));
    List<MetricResult> m = out.metrics();
    assertEquals(3.0 / 403, value(m, "null_rate_reference", "id"), 1e-15);
    assertEquals(0.0, value(m, "null_rate_current", "id"), 0);
    for (String metric :
        List.of(
            "chi2_statistic",
            "chi2_p_value",
            "unseen_share_current",
            "psi",
            "jensen_shannon",
            "hellinger",
            "total_variation",
            "drift_detected")) {
      MetricResult r = result(m, metric, "id");
      assertInstanceOf(MetricResult.Undefined.class, r, metric);
      assertTrue(r.note().contains("drift.max_distinct"), r.note());
    }
    assertTrue(
        out.notes().stream().anyMatch(n -> n.contains("'id'") && n.contains("identifier")),
        out.notes().toString());
    assertEquals(List.of("x"), out.histograms().stream().map(Histogram::column).toList());
    // x (7 values, exact) is the only column in drift_share
    assertEquals(1, result(m, "drift_share", null).count());
  }

  static double largestCellShare(double[] values, double low, double h) {
    Map<Long, Integer> cells = new java.util.HashMap<>();
    for (double v : values) {
      cells.merge(Math.min((long) Math.floor((v - low) / h), 99), 1, Integer::sum);
    }
    return (double) cells.values().stream().mapToInt(Integer::intValue).max().orElseThrow()
        / values.length;
  }

  static double[] shares(double[] sorted, List<Double> edges) {
    double[] s = new double[edges.size() + 1];
    for (double v : sorted) {
      int bin = 0;
      while (bin < edges.size() && v > edges.get(bin)) {
        bin++;
      }
      s[bin] += 1.0 / sorted.length;
    }
    return s;
  }

  static double psi(double[] p, double[] q) {
    double[] pp = floor(p);
    double[] qq = floor(q);
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += (qq[i] - pp[i]) * Math.log(qq[i] / pp[i]);
    }
    return s;
  }

  static double[] floor(double[] x) {
    double min = Arrays.stream(x).filter(v -> v > 0).min().orElse(1);
    double[] out = x.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0) {
        out[i] = min <= 1e-4 ? min / 1e6 : 1e-4;
      }
    }
    return out;
  }

  static double js(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double mid = (p[i] + q[i]) / 2;
      s +=
          (p[i] > 0 ? p[i] * Math.log(p[i] / mid) / Math.log(2) : 0)
              + (q[i] > 0 ? q[i] * Math.log(q[i] / mid) / Math.log(2) : 0);
    }
    return Math.sqrt(s / 2);
  }

  static double hellinger(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += Math.pow(Math.sqrt(p[i]) - Math.sqrt(q[i]), 2);
    }
    return Math.sqrt(s / 2);
  }

  static double tv(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += Math.abs(p[i] - q[i]);
    }
    return s / 2;
  }
}
