package dev.assay.metrics.drift;

/**
 * One column compared between reference and current: its name, why it is compared ({@code feature},
 * {@code label}, {@code prediction} or {@code score}) and how.
 */
public record DriftColumn(String name, String role, Kind kind) {

  /** Numeric columns get KS, Wasserstein and quantile bins; categorical ones chi-squared. */
  public enum Kind {
    NUMERIC,
    CATEGORICAL
  }
}
