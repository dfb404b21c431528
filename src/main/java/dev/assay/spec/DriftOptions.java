package dev.assay.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drift options: {@code bins} reference-quantile bins for the binned distances of numeric columns;
 * {@code maxDistinct}, the most distinct values per column kept exactly (above it a numeric column
 * is compared on that many equal-width cells); {@code tests}, per-column overrides of the test that
 * decides {@code drift_detected} (column name → test); {@code segmentBy}, the columns (usually
 * sensitive attributes) within each of whose groups every drift column is compared as well (empty:
 * no segment drift, the default); {@code classifierSample}, the most rows per side the domain
 * classifier is trained on (0: no domain classifier).
 */
public record DriftOptions(
    int bins,
    long maxDistinct,
    Map<String, Test> tests,
    List<String> segmentBy,
    int classifierSample) {

  /** The default sample per side of the domain classifier. */
  public static final int CLASSIFIER_SAMPLE = 20_000;

  public static final DriftOptions DEFAULTS =
      new DriftOptions(10, 100_000, Map.of(), List.of(), CLASSIFIER_SAMPLE);

  public DriftOptions {
    tests = Map.copyOf(tests);
    segmentBy = List.copyOf(segmentBy);
  }

  /** Options without segment drift, with the default domain classifier sample. */
  public DriftOptions(int bins, long maxDistinct, Map<String, Test> tests) {
    this(bins, maxDistinct, tests, List.of(), CLASSIFIER_SAMPLE);
  }

  /** Options with the default domain classifier sample. */
  public DriftOptions(int bins, long maxDistinct, Map<String, Test> tests, List<String> segmentBy) {
    this(bins, maxDistinct, tests, segmentBy, CLASSIFIER_SAMPLE);
  }

  /** A drift test chosen in the spec: its method and threshold. */
  public record Test(Method method, double threshold) {}

  /**
   * The methods a column's {@code drift_detected} can use. A p-value method detects drift when p
   * &lt; threshold; a distance method when the distance ≥ threshold (Evidently's convention).
   */
  public enum Method {
    KS("ks", "ks_p_value", true, 0.05),
    CHI2("chi2", "chi2_p_value", true, 0.05),
    WASSERSTEIN("wasserstein", "wasserstein_normed", false, 0.1),
    JENSEN_SHANNON("jensen_shannon", "jensen_shannon", false, 0.1),
    PSI("psi", "psi", false, 0.1),
    HELLINGER("hellinger", "hellinger", false, 0.1),
    TOTAL_VARIATION("total_variation", "total_variation", false, 0.1);

    private final String id;
    private final String metric;
    private final boolean pValue;
    private final double defaultThreshold;

    Method(String id, String metric, boolean pValue, double defaultThreshold) {
      this.id = id;
      this.metric = metric;
      this.pValue = pValue;
      this.defaultThreshold = defaultThreshold;
    }

    public String id() {
      return id;
    }

    /** The drift metric the method reads. */
    public String metric() {
      return metric;
    }

    /** True when drift means a value below the threshold (a p-value). */
    public boolean pValue() {
      return pValue;
    }

    public double defaultThreshold() {
      return defaultThreshold;
    }

    /** The method named {@code text}, or null. */
    public static Method parse(String text) {
      if (text == null) {
        return null;
      }
      for (Method m : values()) {
        if (m.id.equals(text.toLowerCase(Locale.ROOT))) {
          return m;
        }
      }
      return null;
    }

    public static List<String> ids() {
      return Arrays.stream(values()).map(Method::id).toList();
    }
  }
}
