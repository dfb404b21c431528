package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-group bootstrap intervals ({@link GroupBootstrap}) of {@code auc} and the Clarify values,
 * against a plain-Java bootstrap that draws the same Poisson weights as {@link BootstrapTest}
 * (xxhash64 of the row, then of (row hash, r)) and recomputes each value by weighted loops.
 */
class GroupBootstrapTest {

  private static final String[] GROUPS = {"A", "B", "C"};

  static MetricResult.Computed computed(List<MetricResult> metrics, String metric, String group) {
    return (MetricResult.Computed)
        metrics.stream()
            .filter(
                m ->
                    m.key().metric().equals(metric)
                        && m.key().scope().equals(Scope.group("sex", group)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + metric + " for " + group));
  }

  /** Names of the checked values, in the order of {@link #plain}'s first index. */
  static final String[] NAMES = {
    "auc", "clarify_dppl", "clarify_di", "clarify_rd", "clarify_kl", "clarify_te"
  };

  /**
   * values[metric][group][replicate] from weighted plain loops (favourable = positive = 1): auc = Σ
   * over weighted (positive, negative) pairs of the group of [s+ > s−] + ½[s+ = s−], over P·N; for
   * facet d = the group and rest a = the other two groups, q̂ = predicted positives / n, DPPL =
   * q̂_a − q̂_d, DI = q̂_d / q̂_a, RD = TPR_a − TPR_d, KL = Σ_y P_a(y) ln(P_a(y)/P_d(y)), TE =
   * FN_d/FP_d − FN_a/FP_a. NaN where a denominator is 0.
   */
  static double[][][] plain(List<Object[]> rows, int replicates, long seed) {
    long[] hashes = rows.stream().mapToLong(r -> BootstrapTest.rowHash(r, seed)).toArray();
    double[][][] out = new double[NAMES.length][3][replicates];
    for (int b = 0; b < replicates; b++) {
      double[] n = new double[3];
      double[] sel = new double[3];
      double[] pos = new double[3];
      double[] tp = new double[3];
      double[] wins = new double[3];
      int[] w = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        w[i] = BootstrapTest.weight(hashes[i], b);
      }
      for (int i = 0; i < rows.size(); i++) {
        Object[] r = rows.get(i);
        int g = ((String) r[1]).charAt(0) - 'A';
        int y = (Integer) r[2];
        int p = (Integer) r[3];
        n[g] += w[i];
        sel[g] += w[i] * p;
        pos[g] += w[i] * y;
        tp[g] += w[i] * y * p;
        if (y == 1 && w[i] > 0) {
          for (int j = 0; j < rows.size(); j++) {
            Object[] o = rows.get(j);
            if ((Integer) o[2] == 0 && o[1].equals(r[1])) {
              int cmp = Double.compare((Double) r[4], (Double) o[4]);
              wins[g] += w[i] * w[j] * (cmp > 0 ? 1 : cmp == 0 ? 0.5 : 0);
            }
          }
        }
      }
      for (int d = 0; d < 3; d++) {
        double na = 0;
        double sa = 0;
        double pa = 0;
        double ta = 0;
        for (int a = 0; a < 3; a++) {
          if (a != d) {
            na += n[a];
            sa += sel[a];
            pa += pos[a];
            ta += tp[a];
          }
        }
        double negD = n[d] - pos[d];
        out[0][d][b] = pos[d] == 0 || negD == 0 ? Double.NaN : wins[d] / (pos[d] * negD);
        out[1][d][b] = sa / na - sel[d] / n[d];
        out[2][d][b] = sa == 0 ? Double.NaN : (sel[d] / n[d]) / (sa / na);
        out[3][d][b] = pos[d] == 0 || pa == 0 ? Double.NaN : ta / pa - tp[d] / pos[d];
        double qa = pa / na;
        double qd = pos[d] / n[d];
        out[4][d][b] = qa * Math.log(qa / qd) + (1 - qa) * Math.log((1 - qa) / (1 - qd));
        double fpD = sel[d] - tp[d];
        double fpA = sa - ta;
        out[5][d][b] = fpD == 0 || fpA == 0 ? Double.NaN : (pos[d] - tp[d]) / fpD - (pa - ta) / fpA;
      }
    }
    return out;
  }

  @Test
  void perGroupAucAndClarifyIntervalsEqualAPlainJavaBootstrapInOneJob(@TempDir Path dir) {
    List<Object[]> rows = BootstrapTest.rows(240, 17);
    var df = BootstrapTest.parquet(dir, "g", rows, 3);
    int replicates = 30;
    List<List<MetricResult>> out = new ArrayList<>();
    int jobs =
        JobCounter.count(
            SharedSpark.get(),
            () -> out.add(FairnessAnalysis.run(BootstrapTest.input(df, replicates, 7L)).metrics()));
    assertEquals(1, jobs, "per-group bootstrap intervals add no job");
    List<MetricResult> m = out.get(0);
    double[][][] expected = plain(rows, replicates, 7L);
    for (int k = 0; k < NAMES.length; k++) {
      for (int g = 0; g < 3; g++) {
        String what = NAMES[k] + " " + GROUPS[g];
        double[] sorted =
            Arrays.stream(expected[k][g]).filter(x -> !Double.isNaN(x)).sorted().toArray();
        assertTrue(sorted.length >= 2, what);
        MetricResult.Computed c = computed(m, NAMES[k], GROUPS[g]);
        assertEquals(BootstrapTest.quantile7(sorted, 0.025), c.ciLow(), 1e-12, what);
        assertEquals(BootstrapTest.quantile7(sorted, 0.975), c.ciHigh(), 1e-12, what);
        assertTrue(
            c.note().contains("bootstrap percentile interval (30 Poisson replicates, seed 7"),
            c.note());
        long undefined = replicates - sorted.length;
        assertEquals(undefined > 0, c.note().contains(undefined + " undefined left out"), c.note());
      }
    }
    // without the bootstrap the per-group auc and Clarify rows carry no interval, as before
    List<MetricResult> plainRun = FairnessAnalysis.run(BootstrapTest.input(df, 0, 7L)).metrics();
    assertNull(computed(plainRun, "auc", "A").ciLow());
    assertNull(computed(plainRun, "clarify_dppl", "A").ciLow());
    assertEquals(computed(plainRun, "auc", "B").value(), computed(m, "auc", "B").value(), 0.0);
  }

  /*
   * Hand fixture: group A ranks perfectly (every positive scores 0.9, every negative 0.1), so in any
   * replicate that keeps a positive and a negative of A its AUC is exactly 1: the interval is
   * [1, 1]. Group B scores every row 0.5: every pair is a tie, AUC ½ in every defined replicate,
   * interval [0.5, 0.5].
   */
  @Test
  void aPerfectRankingHasTheDegenerateIntervalOne(@TempDir Path dir) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int y = i % 2;
      rows.add(new Object[] {i, i < 20 ? "A" : "B", y, y, i < 20 ? (y == 1 ? 0.9 : 0.1) : 0.5});
    }
    List<MetricResult> m =
        FairnessAnalysis.run(BootstrapTest.input(BootstrapTest.parquet(dir, "h", rows, 2), 25, 1L))
            .metrics();
    MetricResult.Computed a = computed(m, "auc", "A");
    assertEquals(1.0, a.value(), 0.0);
    assertEquals(1.0, a.ciLow(), 0.0);
    assertEquals(1.0, a.ciHigh(), 0.0);
    MetricResult.Computed b = computed(m, "auc", "B");
    assertEquals(0.5, b.ciLow(), 0.0);
    assertEquals(0.5, b.ciHigh(), 0.0);
  }
}
