package dev.assay.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's {@code anomaly} check against the metric's own past ({@code --history}), as in Deequ's
 * anomaly detection: the value may not change by more than {@code relativeChange} (a fraction of
 * the previous run's value), and may not lie more than {@code stddevs} standard deviations from the
 * mean of the last {@code last} runs. Either or both may be set.
 *
 * @param relativeChange the largest allowed |now − previous| / |previous|, or null
 * @param stddevs the largest allowed distance from the mean in sample standard deviations, or null
 * @param last how many earlier runs the mean and standard deviation are taken over
 */
public record Anomaly(Double relativeChange, Double stddevs, int last) {

  /** The runs the standard-deviation check looks back over when the rule does not say. */
  public static final int DEFAULT_LAST = 10;

  /** The fewest earlier values the standard-deviation check needs. */
  public static final int MIN_RUNS_FOR_STDDEV = 3;

  /** The check in words, for the verdict's "expected" column of a rule without {@code must}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (relativeChange != null) {
      parts.add("change from the previous run <= " + percent(relativeChange));
    }
    if (stddevs != null) {
      parts.add("within " + plain(stddevs) + " std devs of the last " + last + " runs");
    }
    return "no anomaly: " + String.join(", ", parts);
  }

  static String percent(double fraction) {
    return plain(fraction * 100) + "%";
  }

  static String plain(double value) {
    return java.math.BigDecimal.valueOf(value)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
