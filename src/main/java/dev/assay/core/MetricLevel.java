package dev.assay.core;

/**
 * Where one value of a metric applies, which is which scope keys its results.json row carries: a
 * {@link #GROUP} ({@code attribute} and {@code group}), an {@link #ATTRIBUTE} (one sensitive
 * attribute or intersection), the whole {@link #DATASET} (no scope key), a {@link #COLUMN}, or a
 * {@link #CLASS} (with {@code fairness.task: multiclass}, on top of group or attribute).
 */
public enum MetricLevel {
  GROUP("group"),
  ATTRIBUTE("attribute"),
  DATASET("data set"),
  COLUMN("column"),
  CLASS("class");

  private final String words;

  MetricLevel(String words) {
    this.words = words;
  }

  /** The level as docs/metrics.md writes it ("data set"). */
  public String words() {
    return words;
  }
}
