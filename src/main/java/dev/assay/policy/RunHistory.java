package dev.assay.policy;

import dev.assay.core.MetricKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The earlier runs of the same audit ({@code --history}), oldest first, as the rules see them: each
 * run's time, whether its gate was open and its computed metric values. Rules with {@code
 * must_not_worsen_by} compare with the last passing run; {@code anomaly} rules with the series of
 * earlier values.
 */
public record RunHistory(List<PastRun> runs) {

  /** No history: every history check is not applicable. */
  public static final RunHistory NONE = new RunHistory(List.of());

  public RunHistory {
    runs = List.copyOf(runs);
  }

  /**
   * One earlier run.
   *
   * @param runTime its start, ISO-8601
   * @param passed whether its gate was open
   */
  public record PastRun(String runTime, boolean passed, Map<MetricKey, Double> values) {

    public PastRun {
      values = Map.copyOf(values);
    }
  }

  public boolean isEmpty() {
    return runs.isEmpty();
  }

  /** The latest run whose gate was open. */
  public Optional<PastRun> lastPassing() {
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i).passed()) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  /** The earlier values of {@code key}, oldest first (runs without it are skipped). */
  public List<Double> series(MetricKey key) {
    List<Double> out = new ArrayList<>();
    for (PastRun run : runs) {
      Double value = run.values().get(key);
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }
}
