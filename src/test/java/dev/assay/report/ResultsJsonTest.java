package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.assay.ContractSchema;
import dev.assay.core.AuditRun;
import dev.assay.core.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResultsJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  private final ResultsJson results = new ResultsJson();

  /** The schema the jar ships (docs/results.schema.json), from the class path. */
  @BeforeAll
  static void loadSchema() {
    schema = ContractSchema.schema();
  }

  static Set<ValidationMessage> validate(byte[] json) throws IOException {
    return schema.validate(MAPPER.readTree(json));
  }

  @Test
  void fullRunWithEveryStatusValidatesAgainstTheContractSchema() throws IOException {
    byte[] json = results.render(SampleRuns.full());
    assertEquals(Set.of(), validate(json));
    JsonNode root = MAPPER.readTree(json);
    List<String> statuses = new ArrayList<>();
    root.get("rules").forEach(r -> statuses.add(r.get("status").asText()));
    assertTrue(
        statuses.containsAll(List.of("PASS", "FAIL", "WARN", "WAIVED", "NOT_APPLICABLE", "ERROR")),
        statuses.toString());
  }

  @Test
  void theModelCardFieldsAreWrittenInTheModelObjectAndValidate() throws IOException {
    byte[] json = results.render(SampleRuns.withModelCard(SampleRuns.full()));
    assertEquals(Set.of(), validate(json));
    JsonNode model = MAPPER.readTree(json).get("model");
    List<String> keys = new ArrayList<>();
    model.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "name",
            "version",
            "owner",
            "intended_use",
            "limitations",
            "risk_class",
            "registry_uri"),
        keys);
    assertEquals(
        "Pre-screening of pre-trial cases.\nNot for final decisions.",
        model.get("intended_use").asText());
    assertEquals("EU AI Act: high-risk (Annex III)", model.get("risk_class").asText());
    assertEquals(
        "https://registry.example.com/models/compas/2016", model.get("registry_uri").asText());
    ObjectNode wrong = (ObjectNode) MAPPER.readTree(json);
    ((ObjectNode) wrong.get("model")).put("risk_level", "high");
    ((ObjectNode) wrong.get("model")).put("limitations", 3);
    assertEquals(2, schema.validate(wrong).size(), schema.validate(wrong).toString());
  }

  @Test
  void schemaValidationRejectsABrokenDocument() throws IOException {
    ObjectNode root = (ObjectNode) MAPPER.readTree(results.render(SampleRuns.full()));
    root.put("verdict", "MAYBE");
    ((ObjectNode) root.get("rules").get(0)).put("severity", "BLOCKING");
    Set<ValidationMessage> errors = schema.validate(root);
    assertEquals(2, errors.size(), errors.toString());
  }

  /**
   * The schema describes the file exactly: a key it does not list, a baseline without its change, a
   * WAIVED rule without its waiver and a waiver on a rule that is not WAIVED are each one error.
   */
  @Test
  void schemaRejectsUndescribedKeysAndInconsistentRows() throws IOException {
    byte[] json = results.render(SampleRuns.full());
    ObjectNode extraKey = (ObjectNode) MAPPER.readTree(json);
    extraKey.put("provenance", "not in results.json");
    assertEquals(1, schema.validate(extraKey).size());

    ObjectNode baselineOnly = (ObjectNode) MAPPER.readTree(json);
    ((ObjectNode) baselineOnly.get("metrics").get(0)).put("baseline", 0.5);
    assertEquals(1, schema.validate(baselineOnly).size());

    ObjectNode waivedWithout = (ObjectNode) MAPPER.readTree(json);
    ObjectNode waived = rule(waivedWithout, "WAIVED");
    JsonNode waiver = waived.remove("waiver");
    assertEquals(1, schema.validate(waivedWithout).size());

    ObjectNode passWith = (ObjectNode) MAPPER.readTree(json);
    rule(passWith, "PASS").set("waiver", waiver);
    assertEquals(1, schema.validate(passWith).size(), schema.validate(passWith).toString());
  }

  private static ObjectNode rule(JsonNode root, String status) {
    for (JsonNode rule : root.get("rules")) {
      if (rule.get("status").asText().equals(status)) {
        return (ObjectNode) rule;
      }
    }
    throw new AssertionError("no " + status + " rule");
  }

  @Test
  void tinyRunMatchesTheGoldenFile() throws IOException {
    String golden;
    try (InputStream in =
        Objects.requireNonNull(
            getClass().getResourceAsStream("/dev/assay/report/tiny-results.json"))) {
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    byte[] json = results.render(SampleRuns.tiny());
    assertEquals(golden, new String(json, StandardCharsets.UTF_8));
    assertEquals(Set.of(), validate(json));
  }

  @Test
  void sameInputsGiveByteIdenticalFilesWhateverTheRunTimes() {
    AuditRun first = SampleRuns.full();
    Provenance p = first.provenance();
    AuditRun later =
        SampleRuns.full()
            .withProvenance(
                new Provenance(
                    p.toolVersion(),
                    p.javaVersion(),
                    p.sparkVersion(),
                    "spark://elsewhere:7077",
                    Instant.parse("2030-05-06T07:08:09Z"),
                    Instant.parse("2030-05-06T08:00:00Z"),
                    p.files(),
                    p.sources()));
    byte[] once = results.render(first);
    assertArrayEquals(once, results.render(SampleRuns.full()));
    assertArrayEquals(once, results.render(later));
    String text = new String(once, StandardCharsets.UTF_8);
    assertFalse(text.contains("2026-01-02"), "no timestamp in results.json");
    assertFalse(text.contains("local[2]"), "no host detail in results.json");
    assertTrue(text.endsWith("}\n"), "pretty-printed with a trailing newline");
    assertFalse(text.contains("\r"), "Unix line ends on every platform");
  }

  @Test
  void undefinedMetricHasNullValueAndItsReason() throws IOException {
    JsonNode row =
        metric(
            MAPPER.readTree(results.render(SampleRuns.full())),
            "true_positive_rate",
            SampleRuns.SCRIPT_GROUP);
    assertTrue(row.get("value").isNull());
    assertEquals("no truly positive record in the group", row.get("note").asText());
    assertEquals(3, row.get("count").asLong());
    assertFalse(row.has("ci_low"), "absent optional keys are omitted, not null");
  }

  @Test
  void computedMetricKeepsFullPrecisionAndItsOptionalKeys() throws IOException {
    JsonNode root = MAPPER.readTree(results.render(SampleRuns.full()));
    JsonNode row = metric(root, "selection_rate", "African-American");
    assertEquals(0.5767316017316018, row.get("value").doubleValue());
    assertEquals(0.56, row.get("ci_low").doubleValue());
    assertEquals(0.59, row.get("ci_high").doubleValue());
    assertEquals(3696, row.get("count").asLong());
    List<String> keys = new ArrayList<>();
    row.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of("family", "metric", "attribute", "group", "value", "count", "ci_low", "ci_high"),
        keys);
  }

  @Test
  void intersectionUsesTheContractsJoinedNames() throws IOException {
    JsonNode root = MAPPER.readTree(results.render(SampleRuns.full()));
    JsonNode row = metric(root, "selection_rate", "African-American & Male");
    assertEquals("race & sex", row.get("attribute").asText());
    assertEquals(0.61, row.get("value").doubleValue());
  }

  @Test
  void ruleRowsCarryScopeSeverityAndWaiver() throws IOException {
    JsonNode root = MAPPER.readTree(results.render(SampleRuns.full()));
    JsonNode waived = null;
    for (JsonNode rule : root.get("rules")) {
      if (rule.get("status").asText().equals("WAIVED")) {
        waived = rule;
      }
    }
    assertEquals("blocking", waived.get("severity").asText());
    assertEquals("race & sex", waived.get("attribute").asText());
    assertEquals(0.21, waived.get("observed").doubleValue());
    assertEquals("Jane Doe (CRO)", waived.at("/waiver/approved_by").asText());
    assertEquals("2027-06-30", waived.at("/waiver/expires").asText());
    JsonNode notApplicable = root.get("rules").get(2);
    assertEquals("k-anon", notApplicable.get("id").asText());
    assertTrue(notApplicable.get("observed").isNull());
    assertEquals("FAIL", root.get("verdict").asText());
    assertEquals("privacy", root.at("/families/2/id").asText());
    assertFalse(root.at("/families/2/applicable").asBoolean());
    assertEquals(6172, root.at("/row_counts/current").asLong());
  }

  private static JsonNode metric(JsonNode root, String name, String group) {
    for (JsonNode m : root.get("metrics")) {
      if (m.get("metric").asText().equals(name)
          && m.has("group")
          && m.get("group").asText().equals(group)) {
        return m;
      }
    }
    throw new AssertionError("no metric " + name + " for group " + group);
  }
}
