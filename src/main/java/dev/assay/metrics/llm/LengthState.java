package dev.assay.metrics.llm;

import dev.assay.core.MetricResult;
import java.io.Serializable;
import java.util.List;

/** The lengths of the non-null responses in characters (code points): count, sum, min and max. */
record LengthState(long count, long sum, long min, long max) implements Serializable {

  static final LengthState EMPTY = new LengthState(0, 0, Long.MAX_VALUE, Long.MIN_VALUE);

  static LengthState of(long length) {
    return new LengthState(1, length, length, length);
  }

  LengthState merge(LengthState o) {
    return new LengthState(
        count + o.count, sum + o.sum, Math.min(min, o.min), Math.max(max, o.max));
  }

  /** response_length_mean, _min and _max; none without a response. */
  List<MetricResult> metrics() {
    if (count == 0) {
      return List.of();
    }
    return List.of(
        LlmResults.computed(
            LlmAnalysis.RESPONSE_LENGTH_MEAN, (double) sum / count, count, "characters"),
        LlmResults.computed(LlmAnalysis.RESPONSE_LENGTH_MIN, min, count, "characters"),
        LlmResults.computed(LlmAnalysis.RESPONSE_LENGTH_MAX, max, count, "characters"));
  }
}
