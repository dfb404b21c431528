package dev.assay.metrics.llm;

/**
 * The columns the llm family reads, grouped by concern; every part but {@code texts} may be absent
 * ({@link #NO_IDS}, {@link UsageColumns#NONE}, a null variant).
 *
 * @param texts the response and the texts it is compared with
 * @param ids the ranked retrieved ids and the relevant ids, or {@link #NO_IDS}
 * @param variant the variant column (the same prompt with swapped demographic terms), or null
 * @param usage the latency and token columns, each may be null
 * @param embeddings the embedding columns of the semantic scores, or {@link Embeddings#NONE}
 */
public record LlmColumns(
    Texts texts, Ids ids, String variant, UsageColumns usage, Embeddings embeddings) {

  /** No retrieval id columns: no retrieval metric. */
  public static final Ids NO_IDS = new Ids(null, null);

  public LlmColumns {
    ids = ids == null ? NO_IDS : ids;
    usage = usage == null ? UsageColumns.NONE : usage;
    embeddings = embeddings == null ? Embeddings.NONE : embeddings;
  }

  /** Columns without embeddings. */
  public LlmColumns(Texts texts, Ids ids, String variant, UsageColumns usage) {
    this(texts, ids, variant, usage, Embeddings.NONE);
  }

  /** Only the given texts: no retrieval, variant or usage columns. */
  public static LlmColumns of(Texts texts) {
    return new LlmColumns(texts, NO_IDS, null, UsageColumns.NONE);
  }

  public LlmColumns withIds(Ids retrievedAndRelevant) {
    return new LlmColumns(texts, retrievedAndRelevant, variant, usage, embeddings);
  }

  public LlmColumns withVariant(String column) {
    return new LlmColumns(texts, ids, column, usage, embeddings);
  }

  public LlmColumns withUsage(UsageColumns columns) {
    return new LlmColumns(texts, ids, variant, columns, embeddings);
  }

  public LlmColumns withEmbeddings(Embeddings columns) {
    return new LlmColumns(texts, ids, variant, usage, columns);
  }

  /**
   * The embedding columns ({@code array<float|double>}; the contexts' an array of such vectors),
   * each may be null; a semantic score is computed when both columns it needs are named.
   *
   * @param response {@code columns.response_embedding}
   * @param reference {@code columns.reference_embedding}
   * @param contexts {@code columns.context_embeddings}
   * @param prompt {@code columns.prompt_embedding}
   */
  public record Embeddings(String response, String reference, String contexts, String prompt) {

    public static final Embeddings NONE = new Embeddings(null, null, null, null);

    /**
     * Which of the semantic scores (answer–reference, answer–context, context–question) have both
     * their columns named.
     */
    public boolean[] scored() {
      return new boolean[] {
        response != null && reference != null,
        response != null && contexts != null,
        prompt != null && contexts != null
      };
    }

    /** True when any semantic score is computed. */
    public boolean any() {
      for (boolean b : scored()) {
        if (b) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A column that holds a string or an {@code array<string>}.
   *
   * @param name the column
   * @param isArray true for {@code array<string>}
   */
  public record TextColumn(String name, boolean isArray) {

    /** A column of the given type, or null when {@code name} is null (not named). */
    public static TextColumn of(String name, boolean isArray) {
      return name == null ? null : new TextColumn(name, isArray);
    }
  }

  /**
   * @param response the response column (required)
   * @param reference the reference answers (a string, or an array of acceptable answers), or null
   *     (then no reference-based metric)
   * @param prompt the prompt column, or null
   * @param contexts the retrieved contexts (a string or an array of passages), or null
   */
  public record Texts(String response, TextColumn reference, String prompt, TextColumn contexts) {

    /**
     * Texts from plain names: a string reference and contexts of the given type (each may be null).
     */
    public static Texts of(
        String response,
        String reference,
        String prompt,
        String contexts,
        boolean contextsIsArray) {
      return new Texts(
          response,
          TextColumn.of(reference, false),
          prompt,
          TextColumn.of(contexts, contextsIsArray));
    }
  }

  /**
   * @param retrieved the ranked retrieved ids ({@code array<string>} or a comma-separated string)
   * @param relevant the relevant ids (same types)
   */
  public record Ids(TextColumn retrieved, TextColumn relevant) {

    /** True when both columns are named: the retrieval metrics are computed. */
    public boolean named() {
      return retrieved != null && relevant != null;
    }
  }

  /**
   * @param latencyMs the latency in milliseconds, or null
   * @param promptTokens the prompt token counts, or null
   * @param completionTokens the completion token counts, or null
   */
  public record UsageColumns(String latencyMs, String promptTokens, String completionTokens) {

    public static final UsageColumns NONE = new UsageColumns(null, null, null);

    /** True when any column is named: the second job (percentiles, token sums) runs. */
    public boolean named() {
      return latencyMs != null || promptTokens != null || completionTokens != null;
    }
  }
}
