package dev.assay.metrics.llm;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.spark.SchemaCheck;
import dev.assay.spec.AuditSpec;
import dev.assay.spec.VectorSearchOptions;
import dev.assay.yaml.YamlDocument;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The {@code llm.vector_search} block wired to {@link VectorSearchRecall}: opens the corpus, checks
 * its id and embedding columns and the current data's query embedding and retrieved ids columns
 * against their schemas ({@link #plan}, no Spark job: a missing column or a wrong type is exit 2
 * with the spec line), then computes the retriever's recall@k ({@link Plan#recall}).
 */
public final class VectorSearchAudit {

  private VectorSearchAudit() {}

  /** The checked inputs of the recall, ready to run. */
  public record Plan(
      Dataset<Row> current,
      VectorSearchOptions options,
      LlmColumns.TextColumn retrieved,
      VectorSearchRecall.Corpus corpus) {

    /** The retriever's recall@k (one Spark job after counting both sides). */
    public MetricResult recall() {
      return VectorSearchRecall.recall(
          current, options.queryEmbedding(), retrieved, corpus, options.k(), options.maxPairs());
    }
  }

  /**
   * Checks every named column of the corpus (opened by the caller from {@code o.corpus()}) and of
   * the current data.
   *
   * @param source the current data's location, for messages
   * @throws BadInputException naming the spec line of a missing column or a wrong type
   */
  public static Plan plan(
      Dataset<Row> corpus,
      Dataset<Row> current,
      VectorSearchOptions o,
      AuditSpec raw,
      YamlDocument doc,
      String source) {
    String corpusSource = o.corpus().key() + " (" + o.corpus().where() + ")";
    SchemaCheck corpusCheck = new SchemaCheck(corpus.schema(), corpusSource);
    corpusCheck.requireAtomic(
        o.id(), "corpus document id", VectorSearchOptions.at(doc, raw, "id", null));
    vector(corpusCheck, o.embedding(), "corpus embedding", "embedding", null, raw, doc);
    SchemaCheck currentCheck = new SchemaCheck(current.schema(), source);
    vector(
        currentCheck,
        o.queryEmbedding(),
        "query embedding",
        "query_embedding",
        "prompt_embedding",
        raw,
        doc);
    String at = VectorSearchOptions.at(doc, raw, "retrieved_ids", "retrieved_ids");
    DataType ids = currentCheck.require(o.retrievedIds(), "retrieved ids", at);
    boolean isArray = ids instanceof ArrayType a && a.elementType().equals(DataTypes.StringType);
    if (!isArray && !ids.equals(DataTypes.StringType)) {
      throw currentCheck.wrongType(
          o.retrievedIds(),
          "retrieved ids",
          at,
          ids,
          "it must be a string of comma-separated ids or an array of strings, best first.");
    }
    return new Plan(
        current,
        o,
        new LlmColumns.TextColumn(o.retrievedIds(), isArray),
        new VectorSearchRecall.Corpus(corpus, o.id(), o.embedding()));
  }

  private static void vector(
      SchemaCheck check,
      String column,
      String role,
      String key,
      String columnsKey,
      AuditSpec raw,
      YamlDocument doc) {
    String at = VectorSearchOptions.at(doc, raw, key, columnsKey);
    DataType type = check.require(column, role, at);
    if (!EmbeddingColumns.isVector(type)) {
      throw check.wrongType(
          column, role, at, type, "it must be an embedding, array<float> or array<double>.");
    }
  }
}
