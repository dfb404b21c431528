package dev.assay.metrics.drift;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the tested parts of a comparison (the columns of a scope, the components of an
 * embedding) drifted, for {@code drift_share} and {@code embedding_drifted_components_share}.
 *
 * @param defined how many parts have a defined {@code drift_detected}
 * @param drifted the indexes of the parts that drifted, ascending
 */
record DriftedShare(int defined, List<Integer> drifted) {

  DriftedShare {
    drifted = List.copyOf(drifted);
  }

  static DriftedShare of(List<ColumnDrift.Verdict> verdicts) {
    int defined = 0;
    List<Integer> drifted = new ArrayList<>();
    for (int i = 0; i < verdicts.size(); i++) {
      if (verdicts.get(i).defined()) {
        defined++;
        if (verdicts.get(i).drifted()) {
          drifted.add(i);
        }
      }
    }
    return new DriftedShare(defined, drifted);
  }

  /**
   * drifted ÷ defined over {@link #defined} parts, noted "n of m {@code parts} drifted" followed by
   * {@code detail}; only when {@link #defined} is not 0.
   */
  MetricResult.Computed metric(MetricKey key, String parts, String detail) {
    return MetricResult.Computed.of(key, (double) drifted.size() / defined, (long) defined)
        .withNote(drifted.size() + " of " + defined + " " + parts + " drifted" + detail);
  }
}
