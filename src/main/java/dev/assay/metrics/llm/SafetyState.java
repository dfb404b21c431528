package dev.assay.metrics.llm;

import dev.assay.core.MetricResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety counts of a set of records: non-null responses and those with a refusal phrase, and
 * records with an injection marker in the prompt or contexts (and in the contexts alone).
 */
record SafetyState(long responses, long refusals, long injections, long indirectInjections)
    implements Serializable {

  static final SafetyState EMPTY = new SafetyState(0, 0, 0, 0);

  /** One record: whether it has a response, refused, and carries an injection marker. */
  static SafetyState of(boolean response, boolean refused, boolean injection, boolean indirect) {
    return new SafetyState(
        response ? 1 : 0, response && refused ? 1 : 0, injection ? 1 : 0, indirect ? 1 : 0);
  }

  SafetyState merge(SafetyState o) {
    return new SafetyState(
        responses + o.responses,
        refusals + o.refusals,
        injections + o.injections,
        indirectInjections + o.indirectInjections);
  }

  /** refusal_rate, undefined without a response. */
  MetricResult refusalRate() {
    return LlmResults.responseShare(
        LlmAnalysis.REFUSAL_RATE, refusals, responses, "contain a refusal phrase");
  }

  /**
   * prompt_injection_rate (when a prompt or contexts column is named) and indirect_injection_rate
   * (when contexts are), over {@code records}.
   */
  List<MetricResult> injectionRates(long records, boolean prompt, boolean contexts) {
    List<MetricResult> out = new ArrayList<>();
    if (prompt || contexts) {
      out.add(
          LlmResults.computed(
              LlmAnalysis.PROMPT_INJECTION_RATE,
              (double) injections / records,
              records,
              injections
                  + " of "
                  + records
                  + " records have an injection marker in "
                  + (prompt && contexts
                      ? "the prompt or the contexts"
                      : prompt ? "the prompt" : "the contexts")));
    }
    if (contexts) {
      out.add(
          LlmResults.computed(
              LlmAnalysis.INDIRECT_INJECTION_RATE,
              (double) indirectInjections / records,
              records,
              indirectInjections
                  + " of "
                  + records
                  + " records have an injection marker in the retrieved contexts"));
    }
    return out;
  }
}
