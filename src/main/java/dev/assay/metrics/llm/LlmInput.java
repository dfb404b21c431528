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
 */
public record LlmInput(Dataset<Row> data, String response, String reference, String prompt,
                       String contexts, boolean contextsIsArray, LlmOptions options) {
}
