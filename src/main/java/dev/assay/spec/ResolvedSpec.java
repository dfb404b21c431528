package dev.assay.spec;

import dev.assay.core.ModelInfo;
import dev.assay.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked audit spec with its paths resolved: what the rest of Assay runs on. The {@link
 * #document()} keeps the lines of every key, so later checks (a column missing from the data) can
 * name the line of the spec to fix.
 *
 * @param reference the reference data set, or null when the spec has none
 * @param ruleFiles the rule packs, resolved from the spec's folder, then the project's {@code
 *     rules/}
 */
public record ResolvedSpec(
    Path file,
    YamlDocument document,
    AuditSpec raw,
    String name,
    ModelInfo model,
    DataSource current,
    DataSource reference,
    ColumnRoles columns,
    FairnessOptions fairness,
    DriftOptions drift,
    List<Path> ruleFiles) {

  public ResolvedSpec {
    ruleFiles = List.copyOf(ruleFiles);
  }

  /**
   * Every data set the audit reads from files, by the spec key that names it ({@code data.current},
   * {@code data.reference}, {@code data.inputs.NAME} under a query, {@code privacy.training_text}),
   * in that order; absent ones and those not read from files (catalog tables, JDBC, a query itself)
   * left out: these are what the outputs are kept apart from and what a damaged-file message names.
   */
  public Map<String, DataSource> dataInputs() {
    Map<String, DataSource> inputs = new LinkedHashMap<>();
    addFiles(inputs, current);
    if (reference != null) {
      addFiles(inputs, reference);
    }
    if (privacy().trainingText() != null) {
      addFiles(inputs, privacy().trainingText());
    }
    if (vectorSearch() != null) {
      addFiles(inputs, vectorSearch().corpus());
    }
    return inputs;
  }

  /** Every data set of the spec as given (files, table, JDBC or query), by its spec key. */
  public Map<String, DataSource> sources() {
    Map<String, DataSource> sources = new LinkedHashMap<>();
    sources.put("data.current", current);
    if (reference != null) {
      sources.put("data.reference", reference);
    }
    return sources;
  }

  private static void addFiles(Map<String, DataSource> inputs, DataSource source) {
    if (source.isFiles()) {
      inputs.put(source.key(), source);
    }
    source.views().values().forEach(view -> addFiles(inputs, view));
  }

  /** The time chunks of the current data ({@code chunk:}), or null without them. */
  public Chunking chunking() {
    return Chunking.of(document, raw);
  }

  /** The checked llm options (defaults where the spec's {@code llm:} block is silent). */
  public LlmOptions llm() {
    return LlmOptions.from(document, raw.llm());
  }

  /**
   * The checked safety evaluator options, or null when the spec has no {@code llm.safety} (off).
   */
  public SafetyOptions safety() {
    return SafetyOptions.from(document, raw.llm(), file.getParent());
  }

  /** The checked LLM-as-judge options, or null when the spec has no {@code llm.judge} (off). */
  public JudgeOptions judge() {
    return JudgeOptions.from(document, raw.llm(), file.getParent());
  }

  /** The checked {@code llm.vector_search} options, or null when the spec has none (off). */
  public VectorSearchOptions vectorSearch() {
    return VectorSearchOptions.from(document, raw, file.toAbsolutePath().getParent());
  }

  /** The checked {@code llm.embeddings} endpoint, or null when the spec has none (off). */
  public EmbeddingOptions embeddings() {
    return EmbeddingOptions.from(document, raw.llm(), file.toAbsolutePath().getParent());
  }

  /** The checked privacy options (the {@code privacy:} block and {@code columns.member}). */
  public PrivacyOptions privacy() {
    return PrivacyOptions.of(document, raw, file.toAbsolutePath().getParent());
  }
}
