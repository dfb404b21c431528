package dev.assay.metrics.llm;

import dev.assay.spark.SchemaCheck;
import dev.assay.spec.AuditSpec;
import dev.assay.yaml.YamlDocument;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Checks the embedding columns a spec names ({@code columns.response_embedding}, {@code
 * reference_embedding}, {@code prompt_embedding}: {@code array<float|double>}; {@code
 * context_embeddings}: an array of such vectors, one per retrieved passage) against the schema,
 * before any job, naming the spec line of a bad column.
 */
final class EmbeddingColumns {

  private EmbeddingColumns() {}

  /** The checked embedding columns ({@link LlmColumns.Embeddings#NONE} when none is named). */
  static LlmColumns.Embeddings of(SchemaCheck check, AuditSpec.Columns columns, YamlDocument spec) {
    vector(check, columns.responseEmbedding(), "response_embedding", spec, false);
    vector(check, columns.referenceEmbedding(), "reference_embedding", spec, false);
    vector(check, columns.promptEmbedding(), "prompt_embedding", spec, false);
    vector(check, columns.contextEmbeddings(), "context_embeddings", spec, true);
    return new LlmColumns.Embeddings(
        columns.responseEmbedding(),
        columns.referenceEmbedding(),
        columns.contextEmbeddings(),
        columns.promptEmbedding());
  }

  private static void vector(
      SchemaCheck check, String column, String key, YamlDocument spec, boolean nested) {
    if (column == null) {
      return;
    }
    String at = spec.at("columns", key);
    DataType type = check.require(column, key.replace('_', ' '), at);
    boolean ok =
        nested ? type instanceof ArrayType outer && isVector(outer.elementType()) : isVector(type);
    if (!ok) {
      throw check.wrongType(
          column,
          "columns." + key,
          at,
          type,
          "it must be "
              + (nested
                  ? "an array of embeddings, array<array<float>> or array<array<double>> (one vector"
                      + " per retrieved passage)"
                  : "an embedding, array<float> or array<double>")
              + ".");
    }
  }

  static boolean isVector(DataType type) {
    return type instanceof ArrayType a
        && (a.elementType().equals(DataTypes.FloatType)
            || a.elementType().equals(DataTypes.DoubleType));
  }
}
