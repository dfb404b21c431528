package dev.assay.metrics.llm;

import dev.assay.spec.LlmOptions;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checked input of the llm family: the data, its columns, the spec's options and the checks
 * applied to each response.
 *
 * @param columns the columns read, by concern
 * @param options the spec's {@code llm:} block
 * @param checks the PII/secret scanners and the JSON Schema of the responses
 */
public record LlmInput(
    Dataset<Row> data, LlmColumns columns, LlmOptions options, ResponseChecks checks) {

  public LlmInput {
    checks = checks == null ? ResponseChecks.NONE : checks;
  }

  /** An input without scanners or schema. */
  public LlmInput(Dataset<Row> data, LlmColumns columns, LlmOptions options) {
    this(data, columns, options, ResponseChecks.NONE);
  }

  /**
   * The detectors and schema applied to each non-null response.
   *
   * @param scanners the PII and secret detectors (empty: none)
   * @param jsonSchema the text of the JSON Schema responses must conform to, or null
   */
  public record ResponseChecks(List<ResponseScanner> scanners, String jsonSchema) {

    public static final ResponseChecks NONE = new ResponseChecks(List.of(), null);

    public ResponseChecks {
      scanners = List.copyOf(scanners);
    }
  }

  /** This input with response scanners. */
  public LlmInput withScanners(List<ResponseScanner> list) {
    return new LlmInput(data, columns, options, new ResponseChecks(list, checks.jsonSchema()));
  }

  /** This input with a JSON Schema text. */
  public LlmInput withJsonSchema(String schema) {
    return new LlmInput(data, columns, options, new ResponseChecks(checks.scanners(), schema));
  }

  /** This input with other columns (e.g. {@code in.withColumns(in.columns().withVariant("v"))}). */
  public LlmInput withColumns(LlmColumns other) {
    return new LlmInput(data, other, options, checks);
  }

  /** The response column (shorthand for {@code columns().texts().response()}). */
  public String response() {
    return columns.texts().response();
  }

  /** The prompt column, or null. */
  public String prompt() {
    return columns.texts().prompt();
  }

  /** The contexts column, or null. */
  public String contexts() {
    LlmColumns.TextColumn c = columns.texts().contexts();
    return c == null ? null : c.name();
  }

  /** True when the contexts are {@code array<string>}. */
  public boolean contextsIsArray() {
    LlmColumns.TextColumn c = columns.texts().contexts();
    return c != null && c.isArray();
  }

  /** The reference answer column, or null. */
  public String reference() {
    LlmColumns.TextColumn c = columns.texts().reference();
    return c == null ? null : c.name();
  }
}
