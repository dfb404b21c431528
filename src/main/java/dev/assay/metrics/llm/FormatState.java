package dev.assay.metrics.llm;

import dev.assay.core.MetricResult;
import java.io.Serializable;

/** Responses checked for JSON validity and against the JSON Schema, and those that pass. */
record FormatState(long jsonChecked, long jsonValid, long schemaChecked, long schemaValid)
    implements Serializable {

  static final FormatState EMPTY = new FormatState(0, 0, 0, 0);

  /** One response's results; null where the check is off. */
  static FormatState of(Boolean json, Boolean schema) {
    return new FormatState(
        json == null ? 0 : 1,
        Boolean.TRUE.equals(json) ? 1 : 0,
        schema == null ? 0 : 1,
        Boolean.TRUE.equals(schema) ? 1 : 0);
  }

  FormatState merge(FormatState o) {
    return new FormatState(
        jsonChecked + o.jsonChecked,
        jsonValid + o.jsonValid,
        schemaChecked + o.schemaChecked,
        schemaValid + o.schemaValid);
  }

  /** json_schema_valid_rate, undefined without a response. */
  MetricResult schemaValidRate() {
    return LlmResults.responseShare(
        LlmAnalysis.JSON_SCHEMA_VALID_RATE,
        schemaValid,
        schemaChecked,
        "conform to the JSON Schema of llm.json_schema");
  }

  /** json_valid_rate, undefined without a response. */
  MetricResult jsonValidRate() {
    return LlmResults.responseShare(
        LlmAnalysis.JSON_VALID_RATE, jsonValid, jsonChecked, "are valid JSON");
  }
}
