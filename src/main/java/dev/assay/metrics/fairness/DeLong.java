package dev.assay.metrics.fairness;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.special.Erf;

/**
 * DeLong's test of two correlated AUCs on the same rows (DeLong, DeLong & Clarke-Pearson 1988,
 * "Comparing the areas under two or more correlated receiver operating characteristic curves: a
 * nonparametric approach", Biometrics 44:837–845), computed from midranks as in the fast algorithm
 * of Sun & Xu (2014, IEEE Signal Processing Letters 21(11):1389–1393).
 *
 * <p>Each positive row i has, per model r, the placement V10ʳ(i) = (negatives scored below it + ½ ·
 * negatives tied with it) ÷ n, and each negative row j the placement V01ʳ(j) = (positives scored
 * above it + ½ · tied) ÷ m. AUCʳ is the mean placement; with S10 and S01 the 2 × 2 sample
 * covariances of the placements, Var(AUCᴮ − AUCᴬ) = (S10ᴬᴬ + S10ᴮᴮ − 2·S10ᴬᴮ) ÷ m + (S01ᴬᴬ + S01ᴮᴮ
 * − 2·S01ᴬᴮ) ÷ n and z = (AUCᴮ − AUCᴬ) ÷ √Var is standard normal under equal AUCs.
 *
 * <p>The input is the group's joint score cells: per distinct (score of A, score of B), the
 * positives and negatives there. Rows of one cell share their placements, so the work is O(cells ·
 * log cells), never per row.
 */
public final class DeLong {

  private DeLong() {}

  /** One joint score cell: the two models' score keys (ordered as the scores) and its rows. */
  public record Cell(long a, long b, long positives, long negatives) {}

  /**
   * The test's result.
   *
   * @param aucA the champion's AUC
   * @param aucB the challenger's AUC
   * @param z (aucB − aucA) ÷ its standard error
   * @param pValue two-sided, 2 · (1 − Φ(|z|))
   */
  public record Result(double aucA, double aucB, double z, double pValue) {

    public double difference() {
      return aucB - aucA;
    }
  }

  /**
   * The test over {@code cells}; null when it is undefined: fewer than two positives or two
   * negatives, or a zero variance (both models rank every pair the same way).
   */
  public static Result test(Collection<Cell> cells) {
    long m = 0;
    long n = 0;
    for (Cell c : cells) {
      m += c.positives();
      n += c.negatives();
    }
    if (m < 2 || n < 2) {
      return null;
    }
    Placements a = Placements.of(cells, true, m, n);
    Placements b = Placements.of(cells, false, m, n);
    double[] s10 = new double[3]; // AA, BB, AB sums of products of centred placements
    double[] s01 = new double[3];
    for (Cell c : cells) {
      double xa = a.positive(c.a()) - a.auc();
      double xb = b.positive(c.b()) - b.auc();
      add(s10, c.positives(), xa, xb);
      double ya = a.negative(c.a()) - a.auc();
      double yb = b.negative(c.b()) - b.auc();
      add(s01, c.negatives(), ya, yb);
    }
    double variance =
        (s10[0] + s10[1] - 2 * s10[2]) / (m - 1) / m + (s01[0] + s01[1] - 2 * s01[2]) / (n - 1) / n;
    if (!(variance > 1e-300)) {
      return null;
    }
    double z = (b.auc() - a.auc()) / Math.sqrt(variance);
    return new Result(a.auc(), b.auc(), z, Math.min(1.0, Erf.erfc(Math.abs(z) / Math.sqrt(2))));
  }

  private static void add(double[] sums, long weight, double x, double y) {
    sums[0] += weight * x * x;
    sums[1] += weight * y * y;
    sums[2] += weight * x * y;
  }

  /** One model's placements by score key, from its marginal counts. */
  private record Placements(Map<Long, Double> positive, Map<Long, Double> negative, double auc) {

    static Placements of(Collection<Cell> cells, boolean modelA, long m, long n) {
      TreeMap<Long, long[]> byKey = new TreeMap<>();
      for (Cell c : cells) {
        long[] counts = byKey.computeIfAbsent(modelA ? c.a() : c.b(), k -> new long[2]);
        counts[0] += c.positives();
        counts[1] += c.negatives();
      }
      Map<Long, Double> pos = new TreeMap<>();
      Map<Long, Double> neg = new TreeMap<>();
      long negativesBelow = 0;
      long positivesBelow = 0;
      double aucSum = 0.0;
      for (Map.Entry<Long, long[]> e : byKey.entrySet()) {
        long p = e.getValue()[0];
        long q = e.getValue()[1];
        double v10 = (negativesBelow + 0.5 * q) / n;
        double v01 = (m - positivesBelow - p + 0.5 * p) / m;
        pos.put(e.getKey(), v10);
        neg.put(e.getKey(), v01);
        aucSum += p * v10;
        negativesBelow += q;
        positivesBelow += p;
      }
      return new Placements(pos, neg, aucSum / m);
    }

    double positive(long key) {
      return positive.get(key);
    }

    double negative(long key) {
      return negative.get(key);
    }
  }
}
