package dev.assay.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What {@link DemoData#generate} wrote: the two files, the size and seed, and the approval rate per
 * group of the current data, from which the impact ratios the demo audit checks follow.
 *
 * @param current the current (audited) Parquet file
 * @param reference the reference (drift baseline) Parquet file
 * @param rows the number of rows in each file
 * @param seed the seed both were generated from
 * @param currentRates approval rate per group of each sensitive attribute in the current data,
 *     sorted by attribute and group
 */
public record DemoSummary(
    Path current, Path reference, long rows, long seed, List<GroupApprovalRate> currentRates) {

  public DemoSummary {
    currentRates = List.copyOf(currentRates);
  }

  /**
   * The lowest group approval rate of {@code attribute} divided by its highest (the four-fifths
   * rule's impact ratio), or empty when the attribute is unknown or no group is approved.
   */
  public OptionalDouble impactRatio(String attribute) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (GroupApprovalRate rate : currentRates) {
      if (rate.attribute().equals(attribute)) {
        min = Math.min(min, rate.approvalRate());
        max = Math.max(max, rate.approvalRate());
      }
    }
    return max > 0 ? OptionalDouble.of(min / max) : OptionalDouble.empty();
  }
}
