package dev.assay.metrics.drift;

/**
 * Distances between two binned distributions: shares p (reference) and q (current) over the same
 * bins (reference-quantile bins for numeric columns, categories for categorical ones). Each is 0
 * for identical shares and grows with drift. Empty input (a side without non-null values) has no
 * shares: the metric is undefined.
 */
public enum BinnedDistance {

  /**
   * Population stability index, Σ (q_i − p_i) · ln(q_i / p_i) (Evidently's {@code psi}). A share of
   * 0 is replaced, per side, by 0.0001 — or by that side's smallest non-zero share ÷ 10⁶ when that
   * share is itself ≤ 0.0001 — without renormalising. Range 0 to ∞; common reading: below 0.1
   * stable, 0.1–0.25 moderate, above 0.25 large shift (Siddiqi, Credit Risk Scorecards, 2006).
   */
  PSI("psi") {
    @Override
    public double value(double[] p, double[] q) {
      double[] pp = floored(p);
      double[] qq = floored(q);
      double s = 0;
      for (int i = 0; i < p.length; i++) {
        s += (qq[i] - pp[i]) * Math.log(qq[i] / pp[i]);
      }
      return s;
    }
  },

  /**
   * Jensen–Shannon distance with base-2 logarithms, √(½ KL(p‖m) + ½ KL(q‖m)) with m = (p + q)/2 and
   * 0·log 0 = 0 (scipy's {@code spatial.distance.jensenshannon(p, q, base=2)}). Range 0 to 1 (1 =
   * disjoint supports). Evidently calls scipy with the natural logarithm, whose value is this one ×
   * √(ln 2) ≈ 0.833.
   */
  JENSEN_SHANNON("jensen_shannon") {
    @Override
    public double value(double[] p, double[] q) {
      double s = 0;
      for (int i = 0; i < p.length; i++) {
        double m = (p[i] + q[i]) / 2;
        if (p[i] > 0) {
          s += p[i] * Math.log(p[i] / m);
        }
        if (q[i] > 0) {
          s += q[i] * Math.log(q[i] / m);
        }
      }
      return Math.sqrt(Math.max(0, s / 2 / Math.log(2)));
    }
  },

  /**
   * Hellinger distance, √(½ Σ (√p_i − √q_i)²) (Evidently's {@code hellinger}). Range 0 to 1 (1 =
   * disjoint supports).
   */
  HELLINGER("hellinger") {
    @Override
    public double value(double[] p, double[] q) {
      double s = 0;
      for (int i = 0; i < p.length; i++) {
        double d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
        s += d * d;
      }
      return Math.sqrt(s / 2);
    }
  },

  /**
   * Total variation distance, ½ Σ |p_i − q_i|: the largest difference in probability the two
   * distributions give any set of bins. Range 0 to 1 (1 = disjoint supports).
   */
  TOTAL_VARIATION("total_variation") {
    @Override
    public double value(double[] p, double[] q) {
      double s = 0;
      for (int i = 0; i < p.length; i++) {
        s += Math.abs(p[i] - q[i]);
      }
      return s / 2;
    }
  };

  /** PSI's replacement of an empty share, unless the side's smallest share is smaller. */
  public static final double PSI_EMPTY_SHARE = 0.0001;

  private final String id;

  BinnedDistance(String id) {
    this.id = id;
  }

  /** The metric name in results.json. */
  public String id() {
    return id;
  }

  /** The distance between shares {@code p} (reference) and {@code q} (current), same length. */
  public abstract double value(double[] p, double[] q);

  /** Shares of counts; all zero when the counts sum to 0. */
  public static double[] shares(long[] counts) {
    long n = KolmogorovSmirnov.sum(counts);
    double[] s = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      s[i] = n == 0 ? 0 : (double) counts[i] / n;
    }
    return s;
  }

  /** PSI's rule for empty shares, applied to one side. */
  static double[] floored(double[] shares) {
    double smallest = Double.POSITIVE_INFINITY;
    for (double s : shares) {
      if (s > 0) {
        smallest = Math.min(smallest, s);
      }
    }
    double replacement = smallest <= PSI_EMPTY_SHARE ? smallest / 1e6 : PSI_EMPTY_SHARE;
    double[] out = shares.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0) {
        out[i] = replacement;
      }
    }
    return out;
  }
}
