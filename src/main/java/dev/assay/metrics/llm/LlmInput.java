package dev.assay.metrics.llm;

import dev.assay.spec.LlmOptions;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checked input of the llm family: the data and the names of its text columns.
 *
 * @param reference the reference answer column, or null (then no reference-based metric)
 * @param prompt the prompt column, or null
 * @param contexts the retrieved contexts column (a string or an array of strings), or null
 * @param contextsIsArray true when {@code contexts} is {@code array<string>}
 * @param retrievedIds the ranked retrieved ids column ({@code array<string>} or a comma-separated
 *     string), or null; named together with {@code relevantIds}
 * @param retrievedIsArray true when {@code retrievedIds} is {@code array<string>}
 * @param relevantIds the relevant ids column (same types), or null
 * @param relevantIsArray true when {@code relevantIds} is {@code array<string>}
 * @param referenceIsArray true when {@code reference} is {@code array<string>} (several acceptable
 *     answers per record)
 * @param variant the variant column (the same prompt with swapped demographic terms), or null
 * @param latencyMs the latency column in milliseconds, or null
 * @param promptTokens the prompt token count column, or null
 * @param completionTokens the completion token count column, or null
 * @param scanners the PII and secret detectors applied to responses (empty: none)
 * @param jsonSchema the text of the JSON Schema responses must conform to, or null
 */
public record LlmInput(Dataset<Row> data, String response, String reference, String prompt,
                       String contexts, boolean contextsIsArray, String retrievedIds,
                       boolean retrievedIsArray, String relevantIds, boolean relevantIsArray,
                       LlmOptions options, boolean referenceIsArray, String variant, String latencyMs,
                       String promptTokens, String completionTokens, List<ResponseScanner> scanners,
                       String jsonSchema) {

  public LlmInput {
    scanners = List.copyOf(scanners);
  }

  /** An input with a single reference column and no variant, latency, token, scanner or schema. */
  public LlmInput(Dataset<Row> data, String response, String reference, String prompt,
                  String contexts, boolean contextsIsArray, String retrievedIds,
                  boolean retrievedIsArray, String relevantIds, boolean relevantIsArray,
                  LlmOptions options) {
    this(data, response, reference, prompt, contexts, contextsIsArray, retrievedIds, retrievedIsArray,
        relevantIds, relevantIsArray, options, false, null, null, null, null, List.of(), null);
  }

  /** An input without retrieval ids. */
  public LlmInput(Dataset<Row> data, String response, String reference, String prompt,
                  String contexts, boolean contextsIsArray, LlmOptions options) {
    this(data, response, reference, prompt, contexts, contextsIsArray, null, false, null, false, options);
  }

  /** True when both id columns are named: the retrieval metrics are computed. */
  public boolean hasRetrieval() {
    return retrievedIds != null && relevantIds != null;
  }

  /** True when a latency or token column is named: the second job (percentiles, token sums) runs. */
  public boolean hasUsage() {
    return latencyMs != null || promptTokens != null || completionTokens != null;
  }

  /** This input with another reference column. */
  public LlmInput withReference(String column, boolean isArray) {
    return new LlmInput(data, response, column, prompt, contexts, contextsIsArray, retrievedIds,
        retrievedIsArray, relevantIds, relevantIsArray, options, isArray, variant, latencyMs,
        promptTokens, completionTokens, scanners, jsonSchema);
  }

  /** This input with a variant column. */
  public LlmInput withVariant(String column) {
    return new LlmInput(data, response, reference, prompt, contexts, contextsIsArray, retrievedIds,
        retrievedIsArray, relevantIds, relevantIsArray, options, referenceIsArray, column, latencyMs,
        promptTokens, completionTokens, scanners, jsonSchema);
  }

  /** This input with latency and token columns (each may be null). */
  public LlmInput withUsage(String latency, String prompt, String completion) {
    return new LlmInput(data, response, reference, this.prompt, contexts, contextsIsArray, retrievedIds,
        retrievedIsArray, relevantIds, relevantIsArray, options, referenceIsArray, variant, latency,
        prompt, completion, scanners, jsonSchema);
  }

  /** This input with response scanners. */
  public LlmInput withScanners(List<ResponseScanner> list) {
    return new LlmInput(data, response, reference, prompt, contexts, contextsIsArray, retrievedIds,
        retrievedIsArray, relevantIds, relevantIsArray, options, referenceIsArray, variant, latencyMs,
        promptTokens, completionTokens, list, jsonSchema);
  }

  /** This input with a JSON Schema text. */
  public LlmInput withJsonSchema(String schema) {
    return new LlmInput(data, response, reference, prompt, contexts, contextsIsArray, retrievedIds,
        retrievedIsArray, relevantIds, relevantIsArray, options, referenceIsArray, variant, latencyMs,
        promptTokens, completionTokens, scanners, schema);
  }
}
