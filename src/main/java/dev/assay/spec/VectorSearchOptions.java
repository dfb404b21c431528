package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.Map;

/**
 * The checked {@code llm.vector_search} block: the retriever's recall@k against the exact cosine
 * top k over a corpus of embeddings. Off unless the block is present.
 *
 * @param corpus {@code corpus}, a data set declared like {@code data.current} (path, table, url or
 *     query over {@code data.inputs}), role {@link DataSource#CORPUS_ROLE}
 * @param id {@code id}: the corpus column of document ids (default {@value #DEFAULT_ID})
 * @param embedding {@code embedding}: the corpus column of vectors (default {@value
 *     #DEFAULT_EMBEDDING})
 * @param queryEmbedding {@code query_embedding}: the current data's query vector column (default
 *     {@code columns.prompt_embedding})
 * @param retrievedIds {@code retrieved_ids}: the current data's ranked retrieved ids (default
 *     {@code columns.retrieved_ids})
 * @param k {@code k} (default {@code llm.k})
 * @param maxPairs {@code max_pairs}: the most query × corpus pairs compared (default {@value
 *     #DEFAULT_MAX_PAIRS})
 */
public record VectorSearchOptions(
    DataSource corpus,
    String id,
    String embedding,
    String queryEmbedding,
    String retrievedIds,
    int k,
    long maxPairs) {

  public static final String DEFAULT_ID = "id";
  public static final String DEFAULT_EMBEDDING = "embedding";
  public static final long DEFAULT_MAX_PAIRS = 50_000_000L;

  /**
   * Checks the block; null when the spec has no {@code llm.vector_search}.
   *
   * @param folder the spec's folder, against which a relative corpus path is resolved
   * @throws BadInputException naming the file and line of a bad value
   */
  public static VectorSearchOptions from(YamlDocument doc, AuditSpec raw, Path folder) {
    AuditSpec.Llm llm = raw.llm();
    if (llm == null || llm.vectorSearch() == null) {
      return null;
    }
    AuditSpec.VectorSearch v = llm.vectorSearch();
    if (v.corpus() == null) {
      throw bad(
          doc,
          null,
          "llm.vector_search.corpus is required: the data set of corpus vectors, e.g."
              + " '{path: corpus.parquet}'.");
    }
    SourceSpec sources = new SourceSpec(doc, folder);
    Map<String, DataSource> views = sources.inputs(raw.data() == null ? null : raw.data().inputs());
    DataSource corpus = sources.resolve(DataSource.CORPUS_ROLE, v.corpus(), views);
    AuditSpec.Columns columns = raw.columns();
    String query = given(v.queryEmbedding(), columns == null ? null : columns.promptEmbedding());
    String retrieved = given(v.retrievedIds(), columns == null ? null : columns.retrievedIds());
    if (query == null || retrieved == null) {
      String missing = query == null ? "query_embedding" : "retrieved_ids";
      String fallback = query == null ? "columns.prompt_embedding" : "columns.retrieved_ids";
      throw bad(
          doc,
          null,
          "llm.vector_search."
              + missing
              + " is required (or "
              + fallback
              + "): the column of the current data the recall is measured from.");
    }
    int k = v.k() != null ? v.k() : LlmOptions.from(doc, llm).k();
    if (k < 1) {
      throw bad(doc, "k", "llm.vector_search.k must be at least 1 (found " + k + ").");
    }
    long maxPairs = v.maxPairs() == null ? DEFAULT_MAX_PAIRS : v.maxPairs();
    if (maxPairs < 1) {
      throw bad(
          doc,
          "max_pairs",
          "llm.vector_search.max_pairs must be at least 1 (found " + maxPairs + ").");
    }
    return new VectorSearchOptions(
        corpus,
        given(v.id(), DEFAULT_ID),
        given(v.embedding(), DEFAULT_EMBEDDING),
        query,
        retrieved,
        k,
        maxPairs);
  }

  /**
   * The spec line that names a column of the block: {@code llm.vector_search.KEY} when the block
   * gives it, else {@code columns.COLUMNS_KEY} it fell back to (or the block's line).
   */
  public static String at(YamlDocument doc, AuditSpec raw, String key, String columnsKey) {
    AuditSpec.VectorSearch v = raw.llm().vectorSearch();
    String given =
        switch (key) {
          case "id" -> v.id();
          case "embedding" -> v.embedding();
          case "query_embedding" -> v.queryEmbedding();
          default -> v.retrievedIds();
        };
    if (given == null && columnsKey != null) {
      return doc.at("columns", columnsKey);
    }
    return doc.at("llm", "vector_search", key);
  }

  private static String given(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static BadInputException bad(YamlDocument doc, String key, String message) {
    String at = key == null ? doc.at("llm", "vector_search") : doc.at("llm", "vector_search", key);
    return new BadInputException(at + ": " + message);
  }
}
