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
 * classifier is trained on (0: no domain classifier); {@code columnTypes}, kinds set by hand
 * (column name → one of {@link #COLUMN_TYPES}), which replace the kind the type or the text rule
 * would give.
 */
public record DriftOptions(
    int bins,
    long maxDistinct,
    Map<String, Test> tests,
    List<String> segmentBy,
    int classifierSample,
    Map<String, String> columnTypes) {

  /** The kinds {@code drift.column_types} may set. */
  public static final List<String> COLUMN_TYPES =
      List.of("numeric", "categorical", "text", "embedding");

  /** The default sample per side of the domain classifier. */
  public static final int CLASSIFIER_SAMPLE = 20_000;

  public static final DriftOptions DEFAULTS =
      new DriftOptions(10, 100_000, Map.of(), List.of(), CLASSIFIER_SAMPLE, Map.of());

  public DriftOptions {
    tests = Map.copyOf(tests);
    segmentBy = List.copyOf(segmentBy);
    columnTypes = Map.copyOf(columnTypes);
  }

  /** Options with every kind decided by the data. */
  public DriftOptions(
      int bins, long maxDistinct, Map<String, Test> tests, List<String> segmentBy, int sample) {
    this(bins, maxDistinct, tests, segmentBy, sample, Map.of());
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
    TOTAL_VARIATION("total_variation", "total_variation", false, 0.1),
    MMD("mmd", "embedding_mmd_p_value", true, 0.05),
    EMBEDDING_CLASSIFIER("embedding_classifier", "embedding_classifier_auc", false, 0.55),
    DRIFTED_COMPONENTS("drifted_components", "embedding_drifted_components_share", false, 0.2),
    TEXT_CLASSIFIER("text_classifier", "text_classifier_auc", false, 0.55);

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

    /** True for the methods of embedding columns. */
    public boolean embedding() {
      return this == MMD || this == EMBEDDING_CLASSIFIER || this == DRIFTED_COMPONENTS;
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
