package dev.assay.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.Scope;
import java.util.List;

/**
 * A {@link HistoryRow} as one JSON object on one line (JSON Lines), the format of the history's
 * part files: snake_case keys, absent values as null, a {@code schema} key {@value #SCHEMA} on
 * every row. Spark reads such a folder as it is ({@code spark.read.json(LOCATION)}).
 */
public final class HistoryJson {

  /** The row schema; a reader refuses rows of another. */
  public static final String SCHEMA = "assay.history/1";

  /** Every key of a row, in the order written (also the CSV header). */
  public static final List<String> KEYS =
      List.of(
          "schema",
          "run_id",
          "audit",
          "run_time",
          "run_verdict",
          "model_name",
          "model_version",
          "intended_use",
          "limitations",
          "risk_class",
          "registry_uri",
          "data_snapshot",
          "kind",
          "metric",
          "attribute",
          "group",
          "class",
          "column",
          "value",
          "count",
          "rule",
          "status",
          "severity",
          "expected");

  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryJson() {}

  /** The row as an object with every key of {@link #KEYS}. */
  public static ObjectNode toNode(HistoryRow row) {
    ObjectNode node = JSON.createObjectNode();
    node.put("schema", SCHEMA);
    node.put("run_id", row.runId());
    node.put("audit", row.audit());
    node.put("run_time", row.runTime());
    node.put("run_verdict", row.runVerdict());
    node.put("model_name", row.modelName());
    node.put("model_version", row.modelVersion());
    node.put("intended_use", row.intendedUse());
    node.put("limitations", row.limitations());
    node.put("risk_class", row.riskClass());
    node.put("registry_uri", row.registryUri());
    node.put("data_snapshot", row.dataSnapshot());
    node.put("kind", row.kind());
    node.put("metric", row.metric());
    node.put("attribute", row.scope().attribute());
    node.put("group", row.scope().group());
    node.put("class", row.scope().classLabel());
    node.put("column", row.scope().column());
    Double value = row.value();
    node.put("value", value == null || !Double.isFinite(value) ? null : value);
    node.put("count", row.count());
    node.put("rule", row.rule());
    node.put("status", row.status());
    node.put("severity", row.severity());
    node.put("expected", row.expected());
    return node;
  }

  /** The row as one line of JSON (no line break inside: JSON escapes them). */
  public static String toLine(HistoryRow row) {
    try {
      return JSON.writeValueAsString(toNode(row));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads one line.
   *
   * @throws IllegalArgumentException saying what is wrong, when it is not a row of {@link #SCHEMA}
   */
  public static HistoryRow fromLine(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (!SCHEMA.equals(text(node, "schema"))) {
      throw new IllegalArgumentException(
          "not a history row of schema " + SCHEMA + " (schema: " + text(node, "schema") + ")");
    }
    for (String key : List.of("run_id", "audit", "run_time", "kind", "metric")) {
      if (text(node, key) == null) {
        throw new IllegalArgumentException("the row has no " + key);
      }
    }
    JsonNode value = node.get("value");
    JsonNode count = node.get("count");
    return new HistoryRow(
        text(node, "run_id"),
        text(node, "audit"),
        text(node, "run_time"),
        text(node, "run_verdict"),
        text(node, "model_name"),
        text(node, "model_version"),
        text(node, "intended_use"),
        text(node, "limitations"),
        text(node, "risk_class"),
        text(node, "registry_uri"),
        text(node, "data_snapshot"),
        text(node, "kind"),
        text(node, "metric"),
        new Scope(
            text(node, "attribute"),
            text(node, "group"),
            text(node, "column"),
            text(node, "class")),
        value == null || !value.isNumber() ? null : value.doubleValue(),
        count == null || !count.canConvertToLong() || !count.isIntegralNumber()
            ? null
            : count.longValue(),
        text(node, "rule"),
        text(node, "status"),
        text(node, "severity"),
        text(node, "expected"));
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }
}
