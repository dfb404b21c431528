package dev.assay.metrics.llm;

import dev.assay.spec.LlmOptions;
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
 */
public record LlmInput(Dataset<Row> data, String response, String reference, String prompt,
                       String contexts, boolean contextsIsArray, String retrievedIds,
                       boolean retrievedIsArray, String relevantIds, boolean relevantIsArray,
                       LlmOptions options) {

  /** An input without retrieval ids. */
  public LlmInput(Dataset<Row> data, String response, String reference, String prompt,
                  String contexts, boolean contextsIsArray, LlmOptions options) {
    this(data, response, reference, prompt, contexts, contextsIsArray, null, false, null, false, options);
  }

  /** True when both id columns are named: the retrieval metrics are computed. */
  public boolean hasRetrieval() {
    return retrievedIds != null && relevantIds != null;
  }
}
