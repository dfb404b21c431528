package dev.assay.metrics.llm;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;

/**
 * The data-set-level results of the llm family: one key, computed and undefined shape for all
 * states.
 */
final class LlmResults {

  /** The reason a share of the responses is undefined. */
  static final String EMPTY_RESPONSES = "every response is empty (null)";

  private LlmResults() {}

  static MetricKey key(String name) {
    return new MetricKey(LlmMetrics.require(name), Scope.DATASET);
  }

  static MetricResult computed(String name, double value, long count, String note) {
    return MetricResult.Computed.of(key(name), value, count, note);
  }

  /** {@code name} is undefined because {@code why} (the message reads "name is undefined: why"). */
  static MetricResult undefined(String name, String why) {
    return new MetricResult.Undefined(key(name), 0L, name + " is undefined: " + why);
  }

  /**
   * A share of the non-empty responses: {@code hits ÷ responses} with the note "hits of responses
   * responses {@code what}", undefined when every response is empty (null).
   */
  static MetricResult responseShare(String name, long hits, long responses, String what) {
    return responses == 0
        ? undefined(name, EMPTY_RESPONSES)
        : computed(
            name,
            (double) hits / responses,
            responses,
            hits + " of " + responses + " responses " + what);
  }

  /** A mean: undefined (with {@code why}) when {@code count} is 0, else {@code sum / count}. */
  static MetricResult mean(String name, double sum, long count, String note, String why) {
    return count == 0 ? undefined(name, why) : computed(name, sum / count, count, note);
  }
}
