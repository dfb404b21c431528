package dev.assay.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.assay.core.AuditRun;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricResult;
import dev.assay.core.ModelInfo;
import dev.assay.core.Scope;
import dev.assay.core.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes results.json, the machine-readable result of an audit (schema {@value #SCHEMA}: the JSON
 * Schema docs/results.schema.json, in the jar as {@link ResultsSchema}, printed by assay schema;
 * see docs/contract.md §7): every metric and every rule verdict, plus the model, the families'
 * outcomes, the row counts and the run notes. It holds no time or host detail (those live in
 * manifest.json), so two runs on the same inputs give byte-identical files that CI can diff or use
 * as a baseline.
 */
public final class ResultsJson {

  /** The schema id written in the file's {@code schema} key. */
  public static final String SCHEMA = "assay.results/1";

  /** The file's name in a report bundle. */
  public static final String FILE_NAME = "results.json";

  /**
   * Renders the run. Key order is fixed: {@code schema, audit, verdict, model, families,
   * row_counts, notes, metrics, rules}; metric rows carry {@code family, metric}, the scope keys,
   * {@code value}, then {@code count, ci_low, ci_high, p_value, max_group, min_group, note} when
   * present (the two group keys on between-group metrics only: the groups that attain the maximum
   * and the minimum compared); doubles keep full precision.
   */
  public byte[] render(AuditRun run) {
    return PrettyJson.write(json -> body(json, run));
  }

  /**
   * Streams the same bytes as {@link #render} to {@code out} (flushed, not closed): one metric row
   * at a time, so the file's size never has to fit in memory.
   */
  public void writeTo(AuditRun run, OutputStream out) throws IOException {
    PrettyJson.write(out, json -> body(json, run));
  }

  private static void body(JsonGenerator json, AuditRun run) throws IOException {
    json.writeStartObject();
    json.writeStringField("schema", SCHEMA);
    json.writeStringField("audit", run.name());
    json.writeStringField("verdict", run.verdict());
    writeModel(json, run.model());
    writeFamilies(json, run);
    json.writeObjectFieldStart("row_counts");
    for (Map.Entry<String, Long> rows : run.rowCounts().entrySet()) {
      json.writeNumberField(rows.getKey(), rows.getValue());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("notes");
    for (String note : run.notes()) {
      json.writeString(note);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("metrics");
    for (MetricResult metric : run.metrics()) {
      writeMetric(json, metric, run.baseline().get(metric.key()));
    }
    json.writeEndArray();
    json.writeArrayFieldStart("rules");
    for (Verdict verdict : run.verdicts()) {
      writeRule(json, verdict);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** The model card keys as a {@code model} object, left out when the spec gives none. */
  static void writeModel(JsonGenerator json, ModelInfo model) throws IOException {
    if (model == null || model.isEmpty()) {
      return;
    }
    json.writeObjectFieldStart("model");
    PrettyJson.optional(json, "name", model.name());
    PrettyJson.optional(json, "version", model.version());
    PrettyJson.optional(json, "owner", model.owner());
    PrettyJson.optional(json, "intended_use", model.intendedUse());
    PrettyJson.optional(json, "limitations", model.limitations());
    PrettyJson.optional(json, "risk_class", model.riskClass());
    PrettyJson.optional(json, "registry_uri", model.registryUri());
    json.writeEndObject();
  }

  private static void writeFamilies(JsonGenerator json, AuditRun run) throws IOException {
    json.writeArrayFieldStart("families");
    for (FamilyOutcome outcome : run.families()) {
      json.writeStartObject();
      json.writeStringField("id", outcome.family().id());
      json.writeBooleanField("applicable", outcome.applicable());
      PrettyJson.optional(json, "reason", outcome.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeScope(JsonGenerator json, Scope scope) throws IOException {
    if (scope == null) {
      return;
    }
    for (Map.Entry<String, String> key : scope.keys().entrySet()) {
      json.writeStringField(key.getKey(), key.getValue());
    }
  }

  /**
   * One metric row; with a {@code --baseline}, also {@code baseline} (the earlier value) and {@code
   * change} (this value minus it) when both runs computed the metric.
   */
  private static void writeMetric(JsonGenerator json, MetricResult metric, Double baseline)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("family", metric.key().family().id());
    json.writeStringField("metric", metric.key().metric());
    writeScope(json, metric.key().scope());
    json.writeFieldName("value");
    if (metric instanceof MetricResult.Computed computed) {
      json.writeNumber(computed.value());
    } else {
      json.writeNull();
    }
    PrettyJson.optional(json, "count", metric.count());
    if (metric instanceof MetricResult.Computed computed) {
      PrettyJson.optional(json, "ci_low", computed.ciLow());
      PrettyJson.optional(json, "ci_high", computed.ciHigh());
      PrettyJson.optional(json, "p_value", computed.pValue());
      PrettyJson.optional(json, "max_group", computed.maxGroup());
      PrettyJson.optional(json, "min_group", computed.minGroup());
    }
    PrettyJson.optional(json, "note", metric.note());
    if (baseline != null && metric instanceof MetricResult.Computed computed) {
      json.writeNumberField("baseline", baseline);
      json.writeNumberField("change", computed.value() - baseline);
    }
    json.writeEndObject();
  }

  private static void writeRule(JsonGenerator json, Verdict verdict) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", verdict.ruleId());
    json.writeStringField("status", verdict.status().name());
    json.writeStringField("severity", verdict.severity().id());
    PrettyJson.optional(json, "metric", verdict.metric());
    writeScope(json, verdict.scope());
    json.writeFieldName("observed");
    if (verdict.observed() == null || !Double.isFinite(verdict.observed())) {
      json.writeNull();
    } else {
      json.writeNumber(verdict.observed());
    }
    PrettyJson.optional(json, "expected", verdict.expected());
    PrettyJson.optional(json, "message", verdict.message());
    PrettyJson.optional(json, "title", verdict.ruleTitle());
    PrettyJson.optional(json, "pack", verdict.pack());
    PrettyJson.optional(json, "rationale", verdict.rationale());
    PrettyJson.optional(json, "reference", verdict.reference());
    Verdict.Waiver waiver = verdict.waiver();
    if (waiver != null) {
      json.writeObjectFieldStart("waiver");
      PrettyJson.optional(json, "reason", waiver.reason());
      PrettyJson.optional(json, "approved_by", waiver.approvedBy());
      PrettyJson.optional(json, "expires", waiver.expires());
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
