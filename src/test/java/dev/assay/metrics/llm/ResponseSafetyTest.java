package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.Audit;
import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.LlmOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** PII and secrets in responses (the privacy family's expressions) and JSON-Schema conformance. */
class ResponseSafetyTest {

  static final StructType SCHEMA = new StructType().add("response", DataTypes.StringType);

  static Dataset<Row> data(int partitions, String... responses) {
    List<Row> rows = Arrays.stream(responses).map(r -> RowFactory.create(r)).toList();
    return SharedSpark.get().createDataFrame(rows, SCHEMA).repartition(partitions);
  }

  static Map<String, MetricResult> byName(LlmOutcome o) {
    return o.metrics().stream().collect(Collectors.toMap(m -> m.key().metric(), m -> m));
  }

  /**
   * Four records: an e-mail address, an AWS access key id (AKIA + 16), plain text, null. Scanned
   * responses 3; personal data 1 (e-mail) → 1/3; secrets 1 (the key) → 1/3; per kind pii_email_rate
   * = pii_aws_access_key_rate = 1/3, pii_phone_rate = 0. Still one job.
   */
  @Test
  void piiAndSecretsInResponsesInTheSameJob() {
    Dataset<Row> data =
        data(2, "Mail me at bob@example.com", "use key AKIAIOSFODNN7EXAMPLE here", "plain", null);
    LlmInput in =
        TestInputs.texts(data, "response", null, null, null, false, LlmOptions.DEFAULTS)
            .withScanners(Audit.responseScanners());
    LlmOutcome[] out = new LlmOutcome[1];
    assertEquals(1, JobCounter.count(SharedSpark.get(), () -> out[0] = LlmAnalysis.run(in)));
    Map<String, MetricResult> m = byName(out[0]);
    assertEquals(1.0 / 3, m.get("response_pii_rate").number().orElseThrow(), 1e-12);
    assertEquals(1.0 / 3, m.get("response_secret_rate").number().orElseThrow(), 1e-12);
    assertEquals(3L, m.get("response_secret_rate").count());
    assertEquals(1.0 / 3, m.get("pii_email_rate").number().orElseThrow(), 1e-12);
    assertEquals(1.0 / 3, m.get("pii_aws_access_key_rate").number().orElseThrow(), 1e-12);
    assertEquals(0.0, m.get("pii_phone_rate").number().orElseThrow(), 0.0);
    assertEquals(Scope.column("response"), m.get("pii_email_rate").key().scope());
    assertEquals(Scope.DATASET, m.get("response_pii_rate").key().scope());
  }

  static final String SCHEMA_TEXT =
      "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
          + " \"type\": \"object\", \"required\": [\"answer\"],"
          + " \"properties\": {\"answer\": {\"type\": \"string\"}}}";

  /**
   * Schema: an object with a string "answer". Responses: {"answer":"x"} conforms; {"answer":1}
   * (wrong type), "not json", {"answer":"y"} followed by prose (not one value), and [] do not; null
   * is not checked → 1 of 5.
   */
  @Test
  void jsonSchemaConformanceInTheSameJob() {
    Dataset<Row> data =
        data(
            2,
            "{\"answer\": \"x\"}",
            "{\"answer\": 1}",
            "not json",
            "{\"answer\": \"y\"} and more",
            "[]",
            null);
    LlmInput in =
        TestInputs.texts(data, "response", null, null, null, false, LlmOptions.DEFAULTS)
            .withJsonSchema(SCHEMA_TEXT);
    LlmOutcome[] out = new LlmOutcome[1];
    assertEquals(1, JobCounter.count(SharedSpark.get(), () -> out[0] = LlmAnalysis.run(in)));
    MetricResult rate = byName(out[0]).get("json_schema_valid_rate");
    assertEquals(0.2, rate.number().orElseThrow(), 1e-12);
    assertEquals(5L, rate.count());
  }

  @Test
  void draftSevenAndNoDeclaredDraft() {
    var seven =
        ResponseSchema.compile(
            "{\"$schema\": \"http://json-schema.org/draft-07/schema#\","
                + " \"type\": \"array\", \"maxItems\": 2}",
            "s.json");
    assertTrue(ResponseSchema.conforms(seven, "[1, 2]"));
    assertFalse(ResponseSchema.conforms(seven, "[1, 2, 3]"));
    var none = ResponseSchema.compile("{\"required\": [\"a\"]}", "s.json");
    assertTrue(ResponseSchema.conforms(none, "{\"a\": null}"));
    assertFalse(ResponseSchema.conforms(none, "{}"));
    assertFalse(ResponseSchema.conforms(none, ""));
  }

  @Test
  void badSchemasNameTheFile() {
    BadInputException notJson =
        assertThrows(
            BadInputException.class,
            () -> ResponseSchema.compile("{\"type\": ", "answer.schema.json"));
    assertTrue(notJson.getMessage().startsWith("answer.schema.json: "), notJson.getMessage());
    assertTrue(notJson.getMessage().contains("not valid JSON"), notJson.getMessage());
    BadInputException badType =
        assertThrows(
            BadInputException.class,
            () -> ResponseSchema.compile("{\"type\": 12}", "answer.schema.json"));
    assertTrue(badType.getMessage().contains("not a valid JSON Schema"), badType.getMessage());
    BadInputException array =
        assertThrows(
            BadInputException.class, () -> ResponseSchema.compile("[1]", "answer.schema.json"));
    assertTrue(array.getMessage().contains("must be a JSON object"), array.getMessage());
    BadInputException remote =
        assertThrows(
            BadInputException.class,
            () ->
                ResponseSchema.compile(
                    "{\"$ref\": \"https://example.com/other.json\"}", "answer.schema.json"));
    assertTrue(remote.getMessage().contains("answer.schema.json"), remote.getMessage());
  }
}
