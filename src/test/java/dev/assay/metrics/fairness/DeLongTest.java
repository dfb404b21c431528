package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * DeLong's test from joint score cells against an independent, textbook O(m·n) implementation
 * written here: every (positive, negative) pair compared directly, the placements V10 and V01 per
 * row, their sample covariances (DeLong, DeLong & Clarke-Pearson 1988, eqs. 2–5).
 */
class DeLongTest {

  /** One row: the two scores (small integers, so ties are common) and the label. */
  record Scored(long a, long b, boolean positive) {}

  @Test
  void matchesPairwisePlacementsOnRandomDataWithTies() {
    Random r = new Random(11);
    for (int trial = 0; trial < 50; trial++) {
      List<Scored> rows = new ArrayList<>();
      int n = 6 + r.nextInt(40);
      for (int i = 0; i < n; i++) {
        boolean positive = r.nextBoolean();
        long a = r.nextInt(8) + (positive ? 2 : 0);
        long b = r.nextInt(8) + (positive ? r.nextInt(4) : 0);
        rows.add(new Scored(a, b, positive));
      }
      double[] expected = pairwise(rows);
      DeLong.Result got = DeLong.test(cells(rows));
      if (expected == null) {
        assertNull(got, "trial " + trial);
        continue;
      }
      assertEquals(expected[0], got.aucA(), 1e-12, "AUC A, trial " + trial);
      assertEquals(expected[1], got.aucB(), 1e-12, "AUC B, trial " + trial);
      assertEquals(expected[2], got.z(), 1e-9, "z, trial " + trial);
      assertEquals(expected[3], got.pValue(), 1e-9, "p, trial " + trial);
    }
  }

  @Test
  void handWorkedExample() {
    // Positives (a, b): (3, 2), (2, 3); negatives: (1, 1), (2, 2). Model A: pairs 3>1, 3>2, 2>1,
    // 2=2 -> AUC 3.5/4; model B: 2>1, 2=2, 3>1, 3>2 -> 3.5/4. Equal AUCs: z = 0, p = 1.
    List<Scored> rows =
        List.of(
            new Scored(3, 2, true),
            new Scored(2, 3, true),
            new Scored(1, 1, false),
            new Scored(2, 2, false));
    DeLong.Result got = DeLong.test(cells(rows));
    assertEquals(0.875, got.aucA(), 1e-15);
    assertEquals(0.875, got.aucB(), 1e-15);
    assertEquals(0.0, got.z(), 1e-15);
    assertEquals(1.0, got.pValue(), 1e-15);
  }

  @Test
  void undefinedWithoutTwoOfEachClassOrWithIdenticalRankings() {
    assertNull(DeLong.test(cells(List.of(new Scored(1, 1, true), new Scored(0, 0, false)))));
    List<Scored> same = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      same.add(new Scored(i, i, i >= 3));
    }
    assertNull(DeLong.test(cells(same)), "the same ranking: zero variance of the difference");
  }

  /** The rows as joint cells, the way the fairness job aggregates them. */
  static List<DeLong.Cell> cells(List<Scored> rows) {
    Map<List<Long>, long[]> counts = new LinkedHashMap<>();
    for (Scored s : rows) {
      long[] c = counts.computeIfAbsent(List.of(s.a(), s.b()), k -> new long[2]);
      c[s.positive() ? 0 : 1]++;
    }
    List<DeLong.Cell> out = new ArrayList<>();
    counts.forEach((k, c) -> out.add(new DeLong.Cell(k.get(0), k.get(1), c[0], c[1])));
    return out;
  }

  /** AUC A, AUC B, z and p by direct pairwise comparison; null when undefined. */
  static double[] pairwise(List<Scored> rows) {
    List<Scored> pos = rows.stream().filter(Scored::positive).toList();
    List<Scored> neg = rows.stream().filter(s -> !s.positive()).toList();
    int m = pos.size();
    int n = neg.size();
    if (m < 2 || n < 2) {
      return null;
    }
    double[][] v10 = new double[2][m];
    double[][] v01 = new double[2][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double psiA = psi(pos.get(i).a(), neg.get(j).a());
        double psiB = psi(pos.get(i).b(), neg.get(j).b());
        v10[0][i] += psiA / n;
        v10[1][i] += psiB / n;
        v01[0][j] += psiA / m;
        v01[1][j] += psiB / m;
      }
    }
    double aucA = mean(v10[0]);
    double aucB = mean(v10[1]);
    double s10aa = cov(v10[0], v10[0]);
    double s10bb = cov(v10[1], v10[1]);
    double s10ab = cov(v10[0], v10[1]);
    double s01aa = cov(v01[0], v01[0]);
    double s01bb = cov(v01[1], v01[1]);
    double s01ab = cov(v01[0], v01[1]);
    double variance = (s10aa + s10bb - 2 * s10ab) / m + (s01aa + s01bb - 2 * s01ab) / n;
    if (!(variance > 1e-300)) {
      return null;
    }
    double z = (aucB - aucA) / Math.sqrt(variance);
    return new double[] {aucA, aucB, z, Erf.erfc(Math.abs(z) / Math.sqrt(2))};
  }

  private static double psi(long x, long y) {
    return x > y ? 1.0 : x == y ? 0.5 : 0.0;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double cov(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += (x[i] - mx) * (y[i] - my);
    }
    return s / (x.length - 1);
  }
}
