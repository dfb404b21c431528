package dev.assay.core;

import java.util.List;

/**
 * Reference and current counts of one column over the same bins, for the report's overlaid
 * histogram. A value, not a metric: rules never see it and results.json does not carry it.
 *
 * @param column the column the counts describe
 * @param binLabels one human label per bin, e.g. {@code (12.5, 20]} or a category
 * @param referenceCounts non-null reference values per bin, same length as {@code binLabels}
 * @param currentCounts non-null current values per bin, same length as {@code binLabels}
 */
public record Histogram(
    String column, List<String> binLabels, List<Long> referenceCounts, List<Long> currentCounts) {

  public Histogram {
    binLabels = List.copyOf(binLabels);
    referenceCounts = List.copyOf(referenceCounts);
    currentCounts = List.copyOf(currentCounts);
    if (referenceCounts.size() != binLabels.size() || currentCounts.size() != binLabels.size()) {
      throw new IllegalArgumentException(
          "histogram of "
              + column
              + ": "
              + binLabels.size()
              + " bins but "
              + referenceCounts.size()
              + " reference and "
              + currentCounts.size()
              + " current counts");
    }
  }
}
