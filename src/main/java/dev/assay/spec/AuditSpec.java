package dev.assay.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.assay.core.ModelInfo;
import java.util.List;
import java.util.Map;

/**
 * The audit spec ({@code version: 1}), as bound from YAML or JSON with snake_case keys. Unknown
 * keys are rejected at binding; {@link SpecLoader} checks the values and resolves paths. See
 * docs/contract.md §3 for the meaning of each key.
 */
public record AuditSpec(
    Integer version,
    String name,
    ModelInfo model,
    Data data,
    Columns columns,
    Fairness fairness,
    Drift drift,
    Privacy privacy,
    Llm llm,
    List<String> rules,
    Map<String, ModelColumns> models,
    String chunk) {

  /**
   * One model of a champion/challenger audit ({@code models:}, see {@link ModelSpecs}): its
   * prediction column, its score column, or both.
   */
  public record ModelColumns(String prediction, String score) {}

  /**
   * The data sets: {@code current} (required) and {@code reference} (optional), and the named
   * {@code inputs} a {@code query} of either reads (each a temporary view under its name).
   */
  public record Data(Source current, Source reference, Map<String, Source> inputs) {}

  /**
   * One data set, from exactly one place: a {@code path} (a Spark/Hadoop URI or a path relative to
   * the spec's folder; {@code format} csv, parquet, json, orc or delta, default from the
   * extension), a catalog {@code table}, a JDBC {@code url} ({@code format: jdbc}, with {@code
   * table} or {@code query} run by the database, the {@code user} and the environment variable
   * holding the password, {@code password_env}), or a Spark SQL {@code query} over the named {@code
   * data.inputs}. Delta time travel: {@code version} or {@code timestamp}. See {@link SourceSpec}.
   */
  public record Source(
      String path,
      String format,
      Map<String, String> options,
      String table,
      String query,
      String url,
      String user,
      String passwordEnv,
      Long version,
      String timestamp) {}

  /**
   * Column roles. Every field is optional; a family runs when the columns it needs are named. The
   * {@code timestamp} (a date or timestamp column) places each current row in a time chunk ({@code
   * chunk:}, see {@link Chunking}).
   */
  public record Columns(
      String label,
      String prediction,
      String score,
      Double threshold,
      String positive,
      String favourable,
      List<String> sensitive,
      List<List<String>> intersections,
      List<String> features,
      String member,
      String prompt,
      String response,
      String referenceAnswer,
      String contexts,
      String retrievedIds,
      String relevantIds,
      String latencyMs,
      String promptTokens,
      String completionTokens,
      String variant,
      String responseEmbedding,
      String referenceEmbedding,
      String contextEmbeddings,
      String promptEmbedding,
      String timestamp) {}

  /** Fairness options. */
  public record Fairness(
      Integer minGroupSize,
      Integer bootstrap,
      Double confidence,
      Double excludeBelowShare,
      Map<String, String> referenceGroup,
      Long bootstrapSeed,
      String pAdjust,
      Integer topK,
      String rankBy,
      String task,
      String pAdjustScope,
      String strata,
      Boolean scoreMetrics,
      Integer maxGroups,
      String auc) {}

  /**
   * Drift options: reference-quantile {@code bins} for the binned distances, the {@code
   * max_distinct} values per column kept exactly, and per-column overrides of the test that decides
   * {@code drift_detected}, and the {@code segment_by} attributes within whose groups the columns
   * are compared too, and the {@code classifier_sample} rows per side of the domain classifier (0
   * turns it off), and {@code column_types}, the kind of a column set by hand (numeric,
   * categorical, text or embedding).
   */
  public record Drift(
      Integer bins,
      Long maxDistinct,
      Map<String, DriftTest> tests,
      List<String> segmentBy,
      Integer classifierSample,
      Map<String, String> columnTypes) {}

  /** A per-column drift test: {@code method} and its {@code threshold}. */
  public record DriftTest(String method, Double threshold) {}

  /**
   * LLM options (all optional): phrases that mark a refusal, markers of prompt injection, whether
   * responses must be JSON, the cut-off {@code k} of the retrieval metrics, the {@code
   * support_threshold} of lexical groundedness, ROUGE stemming, a JSON Schema, token prices and
   * graded relevance. See {@link LlmOptions}. The optional {@code judge} (off when absent) is
   * checked into {@link JudgeOptions}.
   */
  public record Llm(
      List<String> refusalPhrases,
      List<String> injectionMarkers,
      Boolean expectJson,
      Integer k,
      Double supportThreshold,
      Boolean rougeUseStemmer,
      String jsonSchema,
      Prices prices,
      Boolean relevanceGrades,
      Judge judge,
      Safety safety,
      VectorSearch vectorSearch,
      Embeddings embeddings) {}

  /** The retriever's recall@k against the exact top k; see {@link VectorSearchOptions}. */
  public record VectorSearch(
      Source corpus,
      String id,
      String embedding,
      String queryEmbedding,
      String retrievedIds,
      Integer k,
      Long maxPairs) {}

  /** The embeddings endpoint that fills missing embedding columns; see {@link EmbeddingOptions}. */
  public record Embeddings(
      String api,
      String endpoint,
      String model,
      String deployment,
      String apiVersion,
      String keyEnv,
      String cache,
      Integer batchSize,
      Integer maxRequests,
      Integer timeoutSeconds,
      Integer maxRetries) {}

  /** The price of 1,000 prompt and completion tokens (the llm family's {@code cost_*} metrics). */
  public record Prices(
      @JsonProperty("prompt_per_1k") Double promptPer1k,
      @JsonProperty("completion_per_1k") Double completionPer1k) {}

  /** The optional LLM-as-judge endpoint; see {@link JudgeOptions}. */
  public record Judge(
      String endpoint,
      String model,
      String apiKeyEnv,
      String auth,
      String cache,
      Integer maxRecords,
      Integer timeoutSeconds,
      Integer maxRetries) {}

  /** The optional safety evaluators; see {@link SafetyOptions}. */
  public record Safety(
      String backend,
      String endpoint,
      String model,
      String keyEnv,
      String auth,
      List<String> categories,
      Integer severityThreshold,
      List<String> groupBy,
      String cache,
      Integer maxRequests,
      Integer timeoutSeconds,
      Integer maxRetries) {}

  /**
   * Privacy options (checked into {@link PrivacyOptions}): the quasi-identifiers and sensitive
   * attribute of the re-identification metrics, the {@code k} of {@code records_at_risk}, and the
   * string columns the PII scan reads (default: every string column), and the training text and
   * window ({@code memorization_chars}, default 50) of the memorization measure.
   */
  public record Privacy(
      List<String> quasiIdentifiers,
      String sensitiveAttribute,
      Integer k,
      List<String> piiColumns,
      TrainingText trainingText,
      Integer memorizationChars) {}

  /**
   * The training text of the memorization measure: a data set like {@link Source} and its text
   * {@code column} (default {@code text}).
   */
  public record TrainingText(
      String path, String format, String column, Map<String, String> options) {}
}
