package dev.assay.report;

import dev.assay.core.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The confusion matrices of one sensitive attribute's groups, in the order of its table, at most
 * {@link #MAX_SHOWN}; groups whose metrics do not give a matrix (no label column, an undefined
 * rate) are counted in {@code missing}.
 *
 * @param matrices the groups' matrices, in table order
 * @param hidden groups with a matrix left out because of the cap
 * @param missing groups for which no matrix could be recovered from the metrics
 */
public record ConfusionMatrices(List<ConfusionMatrix> matrices, int hidden, int missing) {

  /** The most matrices shown per attribute; each takes a small table. */
  public static final int MAX_SHOWN = 24;

  public ConfusionMatrices {
    matrices = List.copyOf(matrices);
  }

  /** The matrices of the groups in {@code byGroup} (group name to its metrics by name). */
  static ConfusionMatrices of(Map<String, Map<String, MetricResult>> byGroup) {
    List<ConfusionMatrix> all = new ArrayList<>();
    int missing = 0;
    for (Map.Entry<String, Map<String, MetricResult>> g : byGroup.entrySet()) {
      ConfusionMatrix m = ConfusionMatrix.of(g.getKey(), g.getValue());
      if (m == null) {
        missing++;
      } else {
        all.add(m);
      }
    }
    int shown = Math.min(all.size(), MAX_SHOWN);
    return new ConfusionMatrices(all.subList(0, shown), all.size() - shown, missing);
  }
}
