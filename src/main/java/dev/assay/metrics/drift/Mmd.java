package dev.assay.metrics.drift;

import java.util.Arrays;
import java.util.Random;

/**
 * The maximum mean discrepancy two-sample test (Gretton, Borgwardt, Rasch, Schölkopf and Smola, "A
 * Kernel Two-Sample Test", JMLR 13, 2012) with the RBF kernel k(a, b) = exp(−‖a − b‖² / σ²):
 *
 * <p>MMD²_u = 1/(m(m−1)) Σ_{i≠j} k(x_i, x_j) + 1/(n(n−1)) Σ_{i≠j} k(y_i, y_j) − 2/(mn) Σ_{i,j}
 * k(x_i, y_j)
 *
 * <p>σ is the median of the Euclidean distances between the m reference and n current vectors (the
 * median heuristic; numpy's median, the mean of the two middle values for an even count), as
 * Evidently's {@code mmd} method sets {@code gamma = 1 / median²}; 1 when that median is 0. The
 * p-value is (1 + #{b : MMD²_u of permutation b ≥ observed}) ÷ (1 + B) over B permutations of the
 * pooled vectors drawn with {@code new Random(seed)}: a valid p-value, uniform under no change up
 * to the 1/(B+1) grid.
 *
 * @param mmd2 the unbiased MMD² (can be slightly negative under no change)
 * @param pValue the permutation p-value
 * @param sigma2 the kernel's σ²
 */
record Mmd(double mmd2, double pValue, double sigma2) {

  /** The statistic and its permutation p-value. */
  static Mmd test(double[][] x, double[][] y, int permutations, long seed) {
    int m = x.length;
    int n = y.length;
    double[][] z = new double[m + n][];
    System.arraycopy(x, 0, z, 0, m);
    System.arraycopy(y, 0, z, m, n);
    double[][] d2 = new double[m + n][m + n];
    for (int i = 0; i < z.length; i++) {
      for (int j = i + 1; j < z.length; j++) {
        double s = 0;
        for (int k = 0; k < z[i].length; k++) {
          double t = z[i][k] - z[j][k];
          s += t * t;
        }
        d2[i][j] = s;
        d2[j][i] = s;
      }
    }
    double[] cross = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        cross[i * n + j] = Math.sqrt(d2[i][m + j]);
      }
    }
    double median = median(cross);
    double sigma2 = median > 0 ? median * median : 1;
    double[][] k = new double[m + n][m + n];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < z.length; j++) {
        k[i][j] = Math.exp(-d2[i][j] / sigma2);
      }
    }
    int[] order = new int[m + n];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double observed = statistic(k, order, m);
    Random random = new Random(seed);
    int atLeast = 0;
    for (int b = 0; b < permutations; b++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      if (statistic(k, order, m) >= observed) {
        atLeast++;
      }
    }
    return new Mmd(observed, (1.0 + atLeast) / (1.0 + permutations), sigma2);
  }

  /** MMD²_u of the kernel matrix with the first m of {@code order} as one sample. */
  static double statistic(double[][] k, int[] order, int m) {
    int n = order.length - m;
    double xx = 0;
    double yy = 0;
    double xy = 0;
    for (int a = 0; a < order.length; a++) {
      double[] row = k[order[a]];
      for (int b = 0; b < order.length; b++) {
        if (a == b) {
          continue;
        }
        double v = row[order[b]];
        if (a < m && b < m) {
          xx += v;
        } else if (a >= m && b >= m) {
          yy += v;
        } else if (a < m) {
          xy += v;
        }
      }
    }
    return xx / ((double) m * (m - 1)) + yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int h = s.length / 2;
    return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
  }
}
