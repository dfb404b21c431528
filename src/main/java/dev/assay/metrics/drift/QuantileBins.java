package dev.assay.metrics.drift;

import java.util.Arrays;

/**
 * The reference-quantile bins of a numeric column. Edge k (k = 1 … B−1) is the reference's
 * k/B-quantile taken as the smallest value with at least k·n/B values at or below it (what Spark's
 * {@code approxQuantile} returns with relative error 0); duplicate edges are merged; the outer bins
 * are open-ended and every bin is closed on the right: (−∞, e₁], (e₁, e₂], …, (e_last, ∞).
 */
public final class QuantileBins {

  private QuantileBins() {}

  /**
   * The distinct edges from sorted distinct {@code values} with reference {@code counts}; empty
   * when the reference has no value.
   */
  public static double[] edges(double[] values, long[] counts, int bins) {
    long n = KolmogorovSmirnov.sum(counts);
    if (n == 0) {
      return new double[0];
    }
    double[] edges = new double[bins - 1];
    int size = 0;
    int j = 0;
    long cum = counts[0];
    for (int k = 1; k < bins; k++) {
      // smallest j with cum_j >= k·n/B, in exact integer arithmetic: B·cum_j >= k·n
      while ((long) bins * cum < (long) k * n) {
        j++;
        cum += counts[j];
      }
      if (size == 0 || edges[size - 1] != values[j]) {
        edges[size++] = values[j];
      }
    }
    return Arrays.copyOf(edges, size);
  }

  /**
   * Counts per bin (edges.length + 1 bins) of sorted distinct {@code values} with {@code counts}.
   */
  public static long[] binCounts(double[] values, long[] counts, double[] edges) {
    long[] out = new long[edges.length + 1];
    int bin = 0;
    for (int i = 0; i < values.length; i++) {
      while (bin < edges.length && values[i] > edges[bin]) {
        bin++;
      }
      out[bin] += counts[i];
    }
    return out;
  }
}
