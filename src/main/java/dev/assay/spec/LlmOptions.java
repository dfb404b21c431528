package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checked options of the llm family (the spec's {@code llm:} block; unknown keys are rejected
 * when the spec is bound).
 *
 * <ul>
 *   <li>{@code refusal_phrases}: a response that contains any of them (case-insensitive, curly
 *       apostrophes read as straight ones) counts as a refusal; without the key, the built-in
 *       refusal detector decides ({@link #BUILT_IN});
 *   <li>{@code injection_markers}: a record whose prompt or contexts contain any of them (same
 *       matching) counts as a prompt-injection attempt; without the key, the built-in injection
 *       detector decides ({@link #BUILT_IN});
 *   <li>{@code expect_json}: when true, the responses must be JSON and {@code json_valid_rate} is
 *       reported; default false;
 *   <li>{@code k}: the cut-off of {@code recall_at_k}, {@code precision_at_k}, {@code
 *       hit_rate_at_k} and {@code ndcg_at_k}; an integer of at least 1, default {@value
 *       #DEFAULT_K};
 *   <li>{@code support_threshold}: the share of a response sentence's content words that must occur
 *       in the contexts for the sentence to count as lexically supported ({@code
 *       groundedness_lexical}); more than 0 and at most 1, default {@value
 *       #DEFAULT_SUPPORT_THRESHOLD};
 *   <li>{@code rouge_use_stemmer}: when true, ROUGE tokens longer than 3 characters are
 *       Porter-stemmed, as rouge-score's {@code use_stemmer=True}; default false;
 *   <li>{@code json_schema}: the path (relative to the spec's folder) of a JSON Schema the
 *       responses must conform to; adds {@code json_schema_valid_rate}; default none;
 *   <li>{@code prices}: {@code {prompt_per_1k: p, completion_per_1k: c}}, the price of 1,000 prompt
 *       and completion tokens (any currency, both at least 0); with the token columns adds {@code
 *       cost_total} and {@code cost_per_record}; default none;
 *   <li>{@code relevance_grades}: when true, each relevant id is written {@code id:grade} (a number
 *       ≥ 0 after the last colon) and {@code ndcg_at_k} uses the grades as gains; default false
 *       (binary relevance).
 * </ul>
 *
 * Phrases are stored lower-cased with straight apostrophes, the form they are matched in.
 */
public record LlmOptions(
    List<String> refusalPhrases,
    List<String> injectionMarkers,
    boolean expectJson,
    int k,
    double supportThreshold,
    boolean rougeUseStemmer,
    String jsonSchema,
    Double promptPer1k,
    Double completionPer1k,
    boolean relevanceGrades) {

  public static final int DEFAULT_K = 5;
  public static final double DEFAULT_SUPPORT_THRESHOLD = 0.5;

  /**
   * The phrase list that stands for "no list given": the built-in refusal and injection detectors
   * (weighted, multilingual cues over normalised text, in the llm package) are used instead of a
   * substring match.
   */
  public static final List<String> BUILT_IN = List.of();

  /** Every option at its default. */
  public static final LlmOptions DEFAULTS = builder().build();

  public LlmOptions {
    refusalPhrases = List.copyOf(refusalPhrases);
    injectionMarkers = List.copyOf(injectionMarkers);
  }

  /** A builder that starts from the defaults; set only what differs. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** These options with ROUGE stemming switched on or off. */
  public LlmOptions withRougeUseStemmer(boolean stem) {
    return toBuilder().rougeUseStemmer(stem).build();
  }

  /** These options with a JSON Schema file (an absolute path, or null). */
  public LlmOptions withJsonSchema(String path) {
    return toBuilder().jsonSchema(path).build();
  }

  /** These options with token prices per 1,000 tokens. */
  public LlmOptions withPrices(Double prompt, Double completion) {
    return toBuilder().prices(prompt, completion).build();
  }

  /** These options with graded relevance switched on or off. */
  public LlmOptions withRelevanceGrades(boolean graded) {
    return toBuilder().relevanceGrades(graded).build();
  }

  /** True when the spec gives a price table. */
  public boolean hasPrices() {
    return promptPer1k != null && completionPer1k != null;
  }

  /** Llm options one key at a time, starting from the defaults. */
  public static final class Builder {
    private List<String> refusalPhrases = BUILT_IN;
    private List<String> injectionMarkers = BUILT_IN;
    private boolean expectJson;
    private int k = DEFAULT_K;
    private double supportThreshold = DEFAULT_SUPPORT_THRESHOLD;
    private boolean rougeUseStemmer;
    private String jsonSchema;
    private Double promptPer1k;
    private Double completionPer1k;
    private boolean relevanceGrades;

    private Builder() {}

    private Builder(LlmOptions from) {
      refusalPhrases = from.refusalPhrases;
      injectionMarkers = from.injectionMarkers;
      expectJson = from.expectJson;
      k = from.k;
      supportThreshold = from.supportThreshold;
      rougeUseStemmer = from.rougeUseStemmer;
      jsonSchema = from.jsonSchema;
      promptPer1k = from.promptPer1k;
      completionPer1k = from.completionPer1k;
      relevanceGrades = from.relevanceGrades;
    }

    /** The refusal phrases and injection markers ({@link #BUILT_IN}: the built-in detector). */
    public Builder phrases(List<String> refusals, List<String> markers) {
      refusalPhrases = refusals;
      injectionMarkers = markers;
      return this;
    }

    public Builder expectJson(boolean value) {
      expectJson = value;
      return this;
    }

    public Builder k(int value) {
      k = value;
      return this;
    }

    public Builder supportThreshold(double value) {
      supportThreshold = value;
      return this;
    }

    public Builder rougeUseStemmer(boolean value) {
      rougeUseStemmer = value;
      return this;
    }

    /** An absolute path, or null for none. */
    public Builder jsonSchema(String path) {
      jsonSchema = path;
      return this;
    }

    /** Prices per 1,000 prompt and completion tokens; null for none. */
    public Builder prices(Double prompt, Double completion) {
      promptPer1k = prompt;
      completionPer1k = completion;
      return this;
    }

    public Builder relevanceGrades(boolean value) {
      relevanceGrades = value;
      return this;
    }

    public LlmOptions build() {
      return new LlmOptions(
          refusalPhrases,
          injectionMarkers,
          expectJson,
          k,
          supportThreshold,
          rougeUseStemmer,
          jsonSchema,
          promptPer1k,
          completionPer1k,
          relevanceGrades);
    }
  }

  /**
   * Checks the spec's {@code llm:} block.
   *
   * @throws BadInputException naming the file and line of a bad value
   */
  public static LlmOptions from(YamlDocument doc, AuditSpec.Llm llm) {
    if (llm == null) {
      return DEFAULTS;
    }
    List<String> refusals =
        llm.refusalPhrases() == null
            ? BUILT_IN
            : phrases(doc, "refusal_phrases", llm.refusalPhrases());
    List<String> markers =
        llm.injectionMarkers() == null
            ? BUILT_IN
            : phrases(doc, "injection_markers", llm.injectionMarkers());
    int k = llm.k() == null ? DEFAULT_K : llm.k();
    if (k < 1) {
      throw new BadInputException(
          doc.at("llm", "k")
              + ": llm.k must be at least 1 (found "
              + k
              + "); it is the number of top-ranked retrieved ids that recall_at_k, precision_at_k,"
              + " hit_rate_at_k and ndcg_at_k look at, e.g. k: 5.");
    }
    double threshold =
        llm.supportThreshold() == null ? DEFAULT_SUPPORT_THRESHOLD : llm.supportThreshold();
    if (!(threshold > 0 && threshold <= 1)) {
      throw new BadInputException(
          doc.at("llm", "support_threshold")
              + ": llm.support_threshold must"
              + " be more than 0 and at most 1 (found "
              + threshold
              + "); it is the share of a response"
              + " sentence's content words that the contexts must contain, e.g. 0.5.");
    }
    String schema = null;
    if (llm.jsonSchema() != null) {
      if (llm.jsonSchema().isBlank()) {
        throw new BadInputException(
            doc.at("llm", "json_schema")
                + ": llm.json_schema is empty; give"
                + " the path of a JSON Schema file (relative to the spec's folder), e.g. json_schema: answer.schema.json.");
      }
      Path folder = Path.of(doc.source()).toAbsolutePath().getParent();
      Path file =
          folder == null ? Path.of(llm.jsonSchema()) : folder.resolve(llm.jsonSchema()).normalize();
      if (!Files.isRegularFile(file)) {
        throw new BadInputException(
            doc.at("llm", "json_schema")
                + ": JSON Schema file not found: "
                + file
                + " (relative paths resolve from the spec's folder). Check llm.json_schema.");
      }
      schema = file.toString();
    }
    Double prompt = null;
    Double completion = null;
    if (llm.prices() != null) {
      prompt = price(doc, "prompt_per_1k", llm.prices().promptPer1k());
      completion = price(doc, "completion_per_1k", llm.prices().completionPer1k());
    }
    return builder()
        .phrases(refusals, markers)
        .expectJson(Boolean.TRUE.equals(llm.expectJson()))
        .k(k)
        .supportThreshold(threshold)
        .rougeUseStemmer(Boolean.TRUE.equals(llm.rougeUseStemmer()))
        .jsonSchema(schema)
        .prices(prompt, completion)
        .relevanceGrades(Boolean.TRUE.equals(llm.relevanceGrades()))
        .build();
  }

  private static double price(YamlDocument doc, String key, Double value) {
    if (value == null || !(value >= 0) || Double.isInfinite(value)) {
      throw new BadInputException(
          doc.at("llm", "prices")
              + ": llm.prices."
              + key
              + " must be a number"
              + " of at least 0 (found "
              + value
              + "): the price of 1,000 tokens, e.g. prices: {prompt_per_1k:"
              + " 0.003, completion_per_1k: 0.015}.");
    }
    return value;
  }

  /** The form a phrase is matched in: lower case, curly apostrophes straightened. */
  public static String matchForm(String text) {
    return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
  }

  private static List<String> phrases(YamlDocument doc, String key, List<String> given) {
    if (given.isEmpty()) {
      throw new BadInputException(
          doc.at("llm", key)
              + ": llm."
              + key
              + " is empty; list at least"
              + " one phrase, or remove the key to use the built-in detector.");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String phrase = given.get(i);
      if (phrase == null || phrase.isBlank()) {
        throw new BadInputException(
            doc.at("llm", key, i)
                + ": llm."
                + key
                + "["
                + i
                + "] is"
                + " empty; every entry must be a phrase such as \"i cannot help\".");
      }
      out.add(matchForm(phrase));
    }
    return out;
  }
}
