package dev.assay.policy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricKey;
import dev.assay.core.Scope;
import dev.assay.metrics.MetricCatalog;
import dev.assay.yaml.InputFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code --baseline} results.json strictly: the shared {@link InputFile} rules (size limit
 * before reading, strict UTF-8), JSON without duplicate keys or trailing content, and the shape
 * Assay writes ({@code schema: assay.results/1}, a {@code metrics} list of objects, each with a
 * known {@code family}, a {@code metric} name and a numeric or null {@code value}, and text scope
 * fields). A file of another shape is one message naming the file and the field, never a silent
 * "nothing to compare".
 */
final class BaselineFile {

  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final List<String> SCOPE_FIELDS =
      List.of("attribute", "group", "column", "class", "model", "chunk");

  private BaselineFile() {}

  /** The computed metric values of the results.json at {@code file}, by key. */
  static Map<MetricKey, Double> values(Path file) {
    String source = "--baseline " + file;
    JsonNode root = parse(file, source);
    if (root == null || !root.isObject()) {
      throw bad(
          source,
          "not an Assay results.json: expected a JSON object with \"schema\":"
              + " \"assay.results/1\"");
    }
    if (!"assay.results/1".equals(root.path("schema").asText(null))) {
      throw bad(source, "not an Assay results.json (expected \"schema\": \"assay.results/1\")");
    }
    JsonNode metrics = root.get("metrics");
    if (metrics == null || !metrics.isArray()) {
      throw bad(
          source, "field 'metrics' must be a list of metric objects, found " + describe(metrics));
    }
    Map<MetricKey, Double> values = new HashMap<>();
    for (int i = 0; i < metrics.size(); i++) {
      readMetric(source, "metrics[" + i + "]", metrics.get(i), values);
    }
    return values;
  }

  private static JsonNode parse(Path file, String source) {
    String text = InputFile.read(file, "baseline results.json", InputFile.MAX_BASELINE_BYTES);
    try {
      return STRICT.readTree(text);
    } catch (JsonParseException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String what = duplicateKey(e.getOriginalMessage());
      throw bad(source + (line > 0 ? ":" + line : ""), what + (line > 0 ? " at line " + line : ""));
    } catch (JsonProcessingException e) {
      throw bad(source, "malformed JSON");
    }
  }

  /**
   * {@code the key 'metrics' appears twice in one object} for Jackson's duplicate-field error, else
   * {@code malformed JSON}.
   */
  private static String duplicateKey(String message) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "^Duplicate (?:field|Object property)" + " ['\"]([^'\"]{1,60})['\"]")
            .matcher(message == null ? "" : message);
    return m.find() ? "the key '" + m.group(1) + "' appears twice in one object" : "malformed JSON";
  }

  private static void readMetric(
      String source, String field, JsonNode m, Map<MetricKey, Double> values) {
    if (!m.isObject()) {
      throw bad(source, "field '" + field + "' must be a metric object, found " + describe(m));
    }
    JsonNode familyNode = m.get("family");
    Family family =
        familyNode != null && familyNode.isTextual() ? Family.byId(familyNode.asText()) : null;
    if (family == null) {
      throw bad(
          source,
          "field '"
              + field
              + ".family' must be one of "
              + Arrays.stream(Family.values()).map(Family::id).toList()
              + ", found "
              + describe(familyNode));
    }
    JsonNode metric = m.get("metric");
    if (metric == null || !metric.isTextual() || metric.asText().isBlank()) {
      throw bad(
          source, "field '" + field + ".metric' must be a metric name, found " + describe(metric));
    }
    JsonNode value = m.get("value");
    if (value == null || !(value.isNumber() || value.isNull())) {
      throw bad(
          source, "field '" + field + ".value' must be a number or null, found " + describe(value));
    }
    String[] scope = new String[SCOPE_FIELDS.size()];
    for (int i = 0; i < scope.length; i++) {
      JsonNode part = m.get(SCOPE_FIELDS.get(i));
      if (part != null && !part.isNull() && !part.isTextual()) {
        throw bad(
            source,
            "field '"
                + field
                + "."
                + SCOPE_FIELDS.get(i)
                + "' must be text or null,"
                + " found "
                + describe(part));
      }
      scope[i] = part == null || part.isNull() ? null : part.asText();
    }
    // a metric this version does not know (an older or newer run) can never match: it is left out
    MetricDescriptor descriptor = MetricCatalog.find(family, metric.asText()).orElse(null);
    if (value.isNumber() && descriptor != null) {
      values.put(
          new MetricKey(
              descriptor, new Scope(scope[0], scope[1], scope[2], scope[3], scope[4], scope[5])),
          value.asDouble());
    }
  }

  /** What a JSON value is, without quoting it. */
  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "another kind of value";
    };
  }

  private static BadInputException bad(String where, String message) {
    return new BadInputException(
        where + ": " + message + ". Give the results.json of an earlier" + " Assay run.");
  }
}
