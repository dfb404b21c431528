package dev.assay.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.ModelInfo;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import dev.assay.metrics.llm.LlmMetrics;
import dev.assay.metrics.privacy.PrivacyMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real audit's {@link AuditRun} read back from its committed results.json (the golden files of
 * src/test/resources/golden/results/), so a report test can render the demo's or the RAG demo's
 * page from their pinned numbers in milliseconds instead of re-running the audit. Everything
 * results.json holds comes back (families, model, metrics with scope, count, interval, p-value,
 * note and extreme groups, verdicts with their waivers, row counts, notes); what it does not hold
 * (provenance, drift histograms, PII examples) is absent.
 */
final class ResultsRun {

  private ResultsRun() {}

  /** The run of {@code golden/results/NAME.json}. */
  static AuditRun golden(String name) {
    return read(Path.of("src/test/resources/golden/results", name + ".json"));
  }

  static AuditRun read(Path resultsJson) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(resultsJson.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<FamilyOutcome> families = new ArrayList<>();
    root.get("families")
        .forEach(
            f ->
                families.add(
                    new FamilyOutcome(
                        Family.byId(f.get("id").asText()),
                        f.get("applicable").asBoolean(),
                        text(f, "reason"))));
    List<MetricResult> metrics = new ArrayList<>();
    root.get("metrics").forEach(m -> metrics.add(metric(m)));
    List<Verdict> verdicts = new ArrayList<>();
    root.get("rules").forEach(r -> verdicts.add(verdict(r)));
    Map<String, Long> rows = new LinkedHashMap<>();
    root.path("row_counts")
        .fields()
        .forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
    List<String> notes = new ArrayList<>();
    root.path("notes").forEach(n -> notes.add(n.asText()));
    JsonNode model = root.path("model");
    return new AuditRun(
        root.get("audit").asText(),
        model.isMissingNode()
            ? null
            : new ModelInfo(text(model, "name"), text(model, "version"), text(model, "owner")),
        families,
        metrics,
        verdicts,
        rows,
        notes,
        null,
        Map.of(),
        null);
  }

  /** A metric row back as a {@link MetricResult}: computed when it has a value, else undefined. */
  static MetricResult metric(JsonNode m) {
    Family family = Family.byId(m.get("family").asText());
    MetricKey key = new MetricKey(descriptor(family, m.get("metric").asText()), scope(m));
    Long count = m.hasNonNull("count") ? m.get("count").asLong() : null;
    if (!m.hasNonNull("value")) {
      return new MetricResult.Undefined(key, count, text(m, "note"));
    }
    return new MetricResult.Computed(
        key,
        m.get("value").asDouble(),
        count,
        number(m, "ci_low"),
        number(m, "ci_high"),
        number(m, "p_value"),
        text(m, "note"),
        text(m, "max_group"),
        text(m, "min_group"));
  }

  static Scope scope(JsonNode m) {
    return new Scope(text(m, "attribute"), text(m, "group"), text(m, "column"), text(m, "class"));
  }

  private static MetricDescriptor descriptor(Family family, String id) {
    return MetricCatalog.find(family, id)
        .orElseGet(
            () -> {
              String type = id.replaceFirst("^pii_", "").replaceFirst("_(rate|count)$", "");
              if (family == Family.LLM) {
                return LlmMetrics.piiRate(type);
              }
              return id.endsWith("_count")
                  ? PrivacyMetrics.piiCount(type)
                  : PrivacyMetrics.piiRate(type);
            });
  }

  private static Verdict verdict(JsonNode r) {
    JsonNode w = r.path("waiver");
    return new Verdict(
        r.get("id").asText(),
        text(r, "title"),
        text(r, "pack"),
        Severity.parse(r.get("severity").asText()),
        Status.valueOf(r.get("status").asText().toUpperCase(Locale.ROOT)),
        text(r, "metric"),
        scope(r),
        number(r, "observed"),
        text(r, "expected"),
        text(r, "message"),
        text(r, "rationale"),
        text(r, "reference"),
        w.isMissingNode() || w.isNull()
            ? null
            : new Verdict.Waiver(text(w, "reason"), text(w, "approved_by"), text(w, "expires")));
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static Double number(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asDouble() : null;
  }
}
