package dev.assay.metrics.llm;

import dev.assay.spark.Columns;
import com.networknt.schema.JsonSchema;
import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The llm family in ONE Spark job: a typed {@code mapPartitions} turns each partition's records
 * into one {@link TextStatistics} (BLEU and chrF n-gram counts, sums of per-record ROUGE, exact
 * match and F1, safety counts), the few per-partition states come to the driver and are merged
 * there, and plain Java turns the merged state into metrics.
 *
 * <p>Why a Java function here, when Assay otherwise keeps UDFs off the hot path: BLEU, chrF and
 * ROUGE need n-gram multisets and a longest common subsequence per record, which Spark SQL has no
 * built-in expression for (an {@code explode} of n-grams would multiply the rows by the text
 * length and add a shuffle). The function is not a per-row UDF returning a value into the plan:
 * it folds a whole partition into a fixed-size, mergeable state (about 50 numbers, whatever the
 * number of rows), which is exactly the shape of an aggregation buffer; only those states leave
 * the executors, never data rows. Everything that built-ins can do is done by built-ins in the same
 * stage, before the function sees the row: the casts, refusal and injection phrase matching
 * ({@code lower}, {@code translate}, {@code contains}), JSON validity ({@code try_parse_json}) and
 * the response length ({@code length}).
 *
 * <p>The same fold scores retrieval from ids ({@link Retrieval}: the id columns arrive as
 * {@code array<string>}, a string column split on commas by {@code split}) and lexical support
 * ({@link LexicalSupport}: the contexts arrive joined by {@code array_join}).
 *
 * <p>Records whose response or reference answer is null are left out of the reference-based
 * metrics (with a note); an empty string is a valid, empty text.
 */
public final class LlmAnalysis {

  /** Share of non-null responses that contain a refusal phrase (0–1, lower is usually better). */
  public static final String REFUSAL_RATE = "refusal_rate";
  /** Share of records whose prompt or contexts contain an injection marker (0–1, lower is better). */
  public static final String PROMPT_INJECTION_RATE = "prompt_injection_rate";
  /** Share of records whose retrieved contexts contain an injection marker (0–1, lower is better). */
  public static final String INDIRECT_INJECTION_RATE = "indirect_injection_rate";
  /** Share of non-null responses that are one valid JSON value (0–1, higher is better). */
  public static final String JSON_VALID_RATE = "json_valid_rate";
  /** Mean, smallest and largest response length in characters (Unicode code points). */
  public static final String RESPONSE_LENGTH_MEAN = "response_length_mean";
  public static final String RESPONSE_LENGTH_MIN = "response_length_min";
  public static final String RESPONSE_LENGTH_MAX = "response_length_max";
  /**
   * Share of non-null responses with at least one kind of personal data (e-mail, phone, card,
   * IBAN, US SSN, IPv4: the privacy family's {@code PiiType} expressions, checksums included);
   * 0–1, lower is better; undefined without responses.
   */
  public static final String RESPONSE_PII_RATE = "response_pii_rate";
  /**
   * Share of non-null responses with at least one secret (AWS access key, Azure storage key, JWT,
   * private-key block); 0–1, lower is better; undefined without responses.
   */
  public static final String RESPONSE_SECRET_RATE = "response_secret_rate";
  /**
   * With {@code llm.json_schema}: share of non-null responses that are one JSON value conforming to
   * the schema ({@link ResponseSchema}); 0–1, higher is better; undefined without responses.
   */
  public static final String JSON_SCHEMA_VALID_RATE = "json_schema_valid_rate";

  private LlmAnalysis() {
  }

  /** Runs the family: one Spark job, and a second when latency or token columns are named ({@link Usage}). */
  public static LlmOutcome run(LlmInput in) {
    TextStatistics stats = statistics(in);
    if (stats.records == 0) {
      throw new BadInputException("the current data set has no rows: there is nothing to audit."
          + " Check data.current's path and filters.");
    }
    List<MetricResult> metrics = new ArrayList<>(metrics(in, stats));
    List<String> notes = new ArrayList<>(notes(in, stats));
    if (in.hasUsage()) {
      metrics.addAll(Usage.run(in, notes)); // the second job: latency percentiles and token sums
    }
    return new LlmOutcome(metrics, notes, stats);
  }

  /** The merged statistics of the input: one Spark job. */
  static TextStatistics statistics(LlmInput in) {
    Column response = Columns.named(in.response()).cast("string");
    Column reference = references(in);
    Column noFlag = functions.lit(null).cast("boolean");
    Column noText = functions.lit(null).cast("string");
    Column promptText = promptText(in);
    Column contextsText = contextsText(in);
    Column direct = injection(promptText, in);
    Column indirect = injection(contextsText, in);
    Dataset<Row> checks = in.data().select(
        response.alias("response"),
        reference.alias("reference"),
        SafetyColumns.containsAny(response, in.options().refusalPhrases()).alias("refusal"),
        direct.or(indirect).alias("injection"),
        indirect.alias("indirect_injection"),
        (in.options().expectJson() ? SafetyColumns.jsonValid(response) : noFlag).alias("json_valid"),
        functions.length(response).alias("length"),
        promptText.alias("prompt"),
        contextsText.alias("contexts"),
        ids(in.retrievedIds(), in.retrievedIsArray()).alias("retrieved_ids"),
        ids(in.relevantIds(), in.relevantIsArray()).alias("relevant_ids"),
        (in.variant() == null ? noText : Columns.named(in.variant()).cast("string")).alias("variant"),
        scans(in, response).alias("scans"));
    boolean[] secret = new boolean[in.scanners().size()];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = in.scanners().get(i).secret();
    }
    List<TextStatistics> partitions = checks
        .mapPartitions(new PartitionStatistics(in.options().k(), in.options().supportThreshold(),
                in.options().rougeUseStemmer(), in.variant() != null, secret, in.jsonSchema(),
                in.options().relevanceGrades()),
            Encoders.javaSerialization(TextStatistics.class))
        .collectAsList();
    TextStatistics all = new TextStatistics();
    for (TextStatistics p : partitions) {
      all.merge(p);
    }
    return all;
  }

  /** The prompt as text (null without {@code columns.prompt}). */
  static Column promptText(LlmInput in) {
    return in.prompt() == null ? functions.lit(null).cast("string")
        : Columns.named(in.prompt()).cast("string");
  }

  /** The retrieved contexts as one text, passages joined by newlines (null without contexts). */
  static Column contextsText(LlmInput in) {
    return in.contexts() == null ? functions.lit(null).cast("string") : in.contextsIsArray()
        ? functions.array_join(Columns.named(in.contexts()), "\n") : Columns.named(in.contexts());
  }

  /** Whether {@code text} contains an injection marker; false for a null text. */
  static Column injection(Column text, LlmInput in) {
    return functions.coalesce(SafetyColumns.containsAny(text, in.options().injectionMarkers()),
        functions.lit(false));
  }

  /** The record's reference answers as {@code array<string>} (null without any). */
  static Column references(LlmInput in) {
    return in.reference() == null ? functions.lit(null).cast("array<string>")
        : in.referenceIsArray() ? Columns.named(in.reference())
        : functions.when(Columns.named(in.reference()).isNull(), functions.lit(null).cast("array<string>"))
            .otherwise(functions.array(Columns.named(in.reference()).cast("string")));
  }

  /** One flag per scanner (the privacy family's expressions) on the response; null without scanners. */
  private static Column scans(LlmInput in, Column response) {
    if (in.scanners().isEmpty()) {
      return functions.lit(null).cast("array<boolean>");
    }
    Column[] flags = in.scanners().stream()
        .map(sc -> functions.coalesce(sc.found().apply(response), functions.lit(false)))
        .toArray(Column[]::new);
    return functions.when(response.isNull(), functions.lit(null).cast("array<boolean>"))
        .otherwise(functions.array(flags));
  }

  /** An id column as {@code array<string>}: as it is, or a string split on commas (null stays null). */
  static Column ids(String column, boolean isArray) {
    if (column == null) {
      return functions.lit(null).cast("array<string>");
    }
    return isArray ? Columns.named(column) : functions.split(Columns.named(column).cast("string"), ",");
  }

  /** Folds one partition's rows (in the column order of {@link #statistics}) into one state. */
  static final class PartitionStatistics implements MapPartitionsFunction<Row, TextStatistics> {

    private static final long serialVersionUID = 1L;
    private final int k;
    private final double supportThreshold;
    private final boolean stem;
    private final boolean variants;
    private final boolean[] secret;
    private final String schemaText;
    private final boolean graded;
    private transient JsonSchema schema;

    PartitionStatistics(int k, double supportThreshold, boolean stem) {
      this(k, supportThreshold, stem, false, new boolean[0], null, false);
    }

    PartitionStatistics(int k, double supportThreshold, boolean stem, boolean variants,
                        boolean[] secret, String schemaText, boolean graded) {
      this.graded = graded;
      this.k = k;
      this.supportThreshold = supportThreshold;
      this.stem = stem;
      this.variants = variants;
      this.secret = secret.clone();
      this.schemaText = schemaText;
    }

    @Override
    public Iterator<TextStatistics> call(Iterator<Row> rows) {
      if (schemaText != null && schema == null) {
        schema = ResponseSchema.compile(schemaText, "llm.json_schema");
      }
      TextStatistics s = new TextStatistics();
      while (rows.hasNext()) {
        add(s, rows.next());
      }
      return List.of(s).iterator();
    }

    /** The record's non-null reference answers (empty when none). */
    private static List<String> references(Row row) {
      if (row.isNullAt(1)) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Object r : row.getList(1)) {
        if (r != null) {
          out.add((String) r);
        }
      }
      return out;
    }

    void add(TextStatistics s, Row row) {
      s.records++;
      String response = row.isNullAt(0) ? null : row.getString(0);
      List<String> references = references(row);
      String reference = references.isEmpty() ? null : String.join("\n", references);
      double rougeL = Double.NaN;
      if (response != null && !references.isEmpty()) {
        rougeL = s.addPair(response, references, stem);
      }
      boolean refused = response != null && !row.isNullAt(2) && row.getBoolean(2);
      if (variants) {
        s.addVariant(row.isNullAt(11) ? null : row.getString(11), response != null, refused,
            response == null ? 0 : row.getInt(6), response == null ? 0 : Sentiment.score(response), rougeL);
      }
      if (response != null && !row.isNullAt(12)) {
        List<Object> flags = row.getList(12);
        boolean[] hits = new boolean[flags.size()];
        for (int i = 0; i < hits.length; i++) {
          hits[i] = Boolean.TRUE.equals(flags.get(i));
        }
        s.addScan(hits, secret);
      }
      if (response != null && schema != null) {
        s.addSchema(ResponseSchema.conforms(schema, response));
      }
      if (response != null) {
        s.addLength(row.getInt(6));
        if (!row.isNullAt(2) && row.getBoolean(2)) {
          s.refusals++;
        }
        if (!row.isNullAt(5)) {
          s.jsonChecked++;
          if (row.getBoolean(5)) {
            s.jsonValid++;
          }
        }
      }
      if (row.getBoolean(3)) {
        s.injections++;
      }
      if (row.getBoolean(4)) {
        s.indirectInjections++;
      }
      String prompt = row.isNullAt(7) ? null : row.getString(7);
      String contexts = row.isNullAt(8) ? null : row.getString(8);
      s.addSupport(prompt, response, reference, contexts, supportThreshold);
      // Without id columns both are null: the record counts as unjudged, and no retrieval metric is reported.
      s.addRetrieval(row.isNullAt(9) ? null : row.getList(9), row.isNullAt(10) ? null : row.getList(10), k, graded);
    }
  }

  static List<MetricResult> metrics(LlmInput in, TextStatistics s) {
    if (s.badGrades > 0) {
      throw new BadInputException("columns.relevant_ids: " + s.badGrades + " records of column '"
          + in.relevantIds() + "' have a relevant entry without a grade, but llm.relevance_grades is"
          + " true: write each as id:grade with a number of at least 0 after the last colon (e.g."
          + " \"kb-11:2\"), or remove llm.relevance_grades for binary relevance.");
    }
    List<MetricResult> out = new ArrayList<>();
    if (in.reference() != null) {
      String why = "no record has both a response and a reference answer";
      if (s.pairs == 0) {
        for (String name : List.of(Bleu.NAME, Chrf.NAME, Rouge.ROUGE1, Rouge.ROUGE2, Rouge.ROUGE_L,
            Squad.EXACT_MATCH, Squad.TOKEN_F1)) {
          out.add(new MetricResult.Undefined(key(name), 0L, name + " is undefined: " + why));
        }
        out.add(new MetricResult.Undefined(key(Rouge.ROUGE_LSUM), 0L, Rouge.ROUGE_LSUM + " is undefined: " + why));
      } else {
        long[] b = s.bleu;
        String bleuNote = String.format(Locale.ROOT,
            "sacreBLEU 2.x corpus BLEU (tok 13a, smooth exp, case mixed): %.1f/%.1f/%.1f/%.1f"
                + " (BP = %.3f, hyp_len = %d, ref_len = %d)",
            Bleu.precision(b, 1), Bleu.precision(b, 2), Bleu.precision(b, 3), Bleu.precision(b, 4),
            b[0] < b[1] ? (b[0] > 0 ? Math.exp(1.0 - (double) b[1] / b[0]) : 0.0) : 1.0, b[0], b[1]);
        out.add(computed(Bleu.NAME, s.bleu(), s.pairs, bleuNote));
        out.add(computed(Chrf.NAME, s.chrf(), s.pairs, "sacreBLEU 2.x chrF2 (char order 6, word order 0, β = 2)"));
        String rougeNote = in.options().rougeUseStemmer() ? "rouge-score, Porter stemming (use_stemmer=True)"
            : "rouge-score, no stemming";
        if (in.referenceIsArray()) {
          rougeNote += "; best over each record's reference answers (score_multi)";
        }
        out.add(computed(Rouge.ROUGE1, s.rouge1 / s.pairs, s.pairs, rougeNote));
        out.add(computed(Rouge.ROUGE2, s.rouge2 / s.pairs, s.pairs, rougeNote));
        out.add(computed(Rouge.ROUGE_L, s.rougeL / s.pairs, s.pairs, rougeNote));
        out.add(computed(Rouge.ROUGE_LSUM, s.rougeLsum / s.pairs, s.pairs,
            rougeNote + "; summary-level LCS over newline-separated sentences"));
        out.add(computed(Squad.EXACT_MATCH, (double) s.exactMatches / s.pairs, s.pairs,
            s.exactMatches + " of " + s.pairs + " responses match exactly after SQuAD normalisation"));
        out.add(computed(Squad.TOKEN_F1, s.f1 / s.pairs, s.pairs, null));
      }
    }
    if (s.responses == 0) {
      out.add(new MetricResult.Undefined(key(REFUSAL_RATE), 0L, "refusal_rate is undefined: every response is empty (null)"));
    } else {
      out.add(computed(REFUSAL_RATE, (double) s.refusals / s.responses, s.responses,
          s.refusals + " of " + s.responses + " responses contain a refusal phrase"));
      out.add(computed(RESPONSE_LENGTH_MEAN, (double) s.lengthSum / s.responses, s.responses, "characters"));
      out.add(computed(RESPONSE_LENGTH_MIN, s.lengthMin, s.responses, "characters"));
      out.add(computed(RESPONSE_LENGTH_MAX, s.lengthMax, s.responses, "characters"));
    }
    if (in.prompt() != null || in.contexts() != null) {
      out.add(computed(PROMPT_INJECTION_RATE, (double) s.injections / s.records, s.records,
          s.injections + " of " + s.records + " records have an injection marker in "
              + (in.prompt() != null && in.contexts() != null ? "the prompt or the contexts"
              : in.prompt() != null ? "the prompt" : "the contexts")));
    }
    if (in.contexts() != null) {
      out.add(computed(INDIRECT_INJECTION_RATE, (double) s.indirectInjections / s.records, s.records,
          s.indirectInjections + " of " + s.records + " records have an injection marker in the retrieved contexts"));
    }
    if (in.hasRetrieval()) {
      int k = in.options().k();
      for (int i = 0; i < Retrieval.NAMES.size(); i++) {
        String name = Retrieval.NAMES.get(i);
        out.add(s.judged == 0
            ? new MetricResult.Undefined(key(name), 0L, name + " is undefined: no record has a relevant id")
            : computed(name, s.retrieval[i] / s.judged, s.judged,
                (name.equals(Retrieval.NDCG_AT_K) && in.options().relevanceGrades() ? "graded relevance (gain = grade); " : "")
                + (name.endsWith("_at_k")
                ? "k = " + k + "; mean over " + s.judged + " records with relevant ids"
                : "mean over " + s.judged + " records with relevant ids (whole ranked list)")));
      }
    }
    if (in.contexts() != null) {
      support(out, s, LexicalSupport.GROUNDEDNESS, TextStatistics.GROUNDEDNESS,
          "lexical support, not truth: share of response sentences with at least "
              + in.options().supportThreshold() + " of their content words in the contexts",
          "no record has both a response with a content word and contexts");
      out.add(s.numbers == 0
          ? new MetricResult.Undefined(key(LexicalSupport.UNSUPPORTED_NUMBER_RATE), 0L,
              "unsupported_number_rate is undefined: no response with contexts contains a number")
          : computed(LexicalSupport.UNSUPPORTED_NUMBER_RATE, (double) s.unsupportedNumbers / s.numbers, s.numbers,
              s.unsupportedNumbers + " of " + s.numbers + " numbers in the responses do not occur in the contexts"));
      out.add(s.entities == 0
          ? new MetricResult.Undefined(key(LexicalSupport.UNSUPPORTED_ENTITY_RATE), 0L,
              "unsupported_entity_rate is undefined: no response with contexts names an entity (a capitalised"
                  + " word not starting a sentence)")
          : computed(LexicalSupport.UNSUPPORTED_ENTITY_RATE, (double) s.unsupportedEntities / s.entities, s.entities,
              "lexical support, not truth: " + s.unsupportedEntities + " of " + s.entities
                  + " names in the responses do not occur in the contexts"));
      if (in.prompt() != null) {
        support(out, s, LexicalSupport.CONTEXT_RELEVANCE, TextStatistics.CONTEXT_RELEVANCE,
            "share of prompt content words found in the contexts",
            "no record has both a prompt with a content word and contexts");
      }
      if (in.reference() != null) {
        support(out, s, LexicalSupport.CONTEXT_RECALL, TextStatistics.CONTEXT_RECALL,
            "share of reference-answer content words found in the contexts",
            "no record has both a reference answer with a content word and contexts");
      }
    }
    if (in.prompt() != null) {
      support(out, s, LexicalSupport.ANSWER_RELEVANCE, TextStatistics.ANSWER_RELEVANCE,
          "share of prompt content words found in the response",
          "no record has both a prompt with a content word and a response");
    }
    scans(in, s, out);
    variants(in, s, out);
    if (in.jsonSchema() != null) {
      out.add(s.schemaChecked == 0
          ? new MetricResult.Undefined(key(JSON_SCHEMA_VALID_RATE), 0L,
              "json_schema_valid_rate is undefined: every response is empty (null)")
          : computed(JSON_SCHEMA_VALID_RATE, (double) s.schemaValid / s.schemaChecked, s.schemaChecked,
              s.schemaValid + " of " + s.schemaChecked + " responses conform to the JSON Schema of llm.json_schema"));
    }
    if (in.options().expectJson()) {
      out.add(s.jsonChecked == 0
          ? new MetricResult.Undefined(key(JSON_VALID_RATE), 0L, "json_valid_rate is undefined: every response is empty (null)")
          : computed(JSON_VALID_RATE, (double) s.jsonValid / s.jsonChecked, s.jsonChecked,
              s.jsonValid + " of " + s.jsonChecked + " responses are valid JSON"));
    }
    return out;
  }

  /** The PII and secret metrics of the responses: per kind {@code pii_<id>_rate}, and the two totals. */
  private static void scans(LlmInput in, TextStatistics s, List<MetricResult> out) {
    if (in.scanners().isEmpty()) {
      return;
    }
    Scope column = Scope.column(in.response());
    if (s.scanned == 0) {
      for (String name : List.of(RESPONSE_PII_RATE, RESPONSE_SECRET_RATE)) {
        out.add(new MetricResult.Undefined(key(name), 0L, name + " is undefined: every response is empty (null)"));
      }
      return;
    }
    out.add(computed(RESPONSE_PII_RATE, (double) s.piiResponses / s.scanned, s.scanned,
        s.piiResponses + " of " + s.scanned + " responses contain personal data (counts only; nothing found is shown)"));
    out.add(computed(RESPONSE_SECRET_RATE, (double) s.secretResponses / s.scanned, s.scanned,
        s.secretResponses + " of " + s.scanned + " responses contain a key, token or private key"));
    for (int i = 0; i < in.scanners().size(); i++) {
      long hits = i < s.scannerHits.length ? s.scannerHits[i] : 0;
      String name = "pii_" + in.scanners().get(i).id() + "_rate";
      out.add(new MetricResult.Computed(new MetricKey(LlmMetrics.piiRate(in.scanners().get(i).id()), column), (double) hits / s.scanned,
          s.scanned, null, null, null, hits + " of " + s.scanned + " responses"));
    }
  }

  /**
   * The variant (counterfactual) metrics: per variant (attribute = the variant column, group = the
   * value) the records, refusal rate, mean length, mean sentiment and mean ROUGE-L; per attribute
   * the max − min of each over the variants where it is defined (undefined with fewer than two).
   */
  private static void variants(LlmInput in, TextStatistics s, List<MetricResult> out) {
    if (in.variant() == null) {
      return;
    }
    if (s.variantOverflow) {
      throw new BadInputException("columns.variant: column '" + in.variant() + "' has more than "
          + TextStatistics.MAX_VARIANTS + " distinct values; a variant names one rewrite of the"
          + " prompt (e.g. the demographic term swapped in), so expect a handful. Check the column.");
    }
    String attribute = in.variant();
    String[] names = {VariantMetrics.REFUSAL_RATE, VariantMetrics.LENGTH_MEAN, VariantMetrics.SENTIMENT_MEAN,
        VariantMetrics.ROUGE_L};
    String[] differences = {VariantMetrics.REFUSAL_RATE_DIFFERENCE, VariantMetrics.LENGTH_DIFFERENCE,
        VariantMetrics.SENTIMENT_DIFFERENCE, VariantMetrics.ROUGE_L_DIFFERENCE};
    int metrics = in.reference() == null ? 3 : 4;
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    String[] argMin = new String[4];
    String[] argMax = new String[4];
    int[] defined = new int[4];
    for (var e : s.variants.entrySet()) {
      double[] v = e.getValue();
      Scope scope = Scope.group(attribute, e.getKey());
      out.add(new MetricResult.Computed(new MetricKey(LlmMetrics.VARIANT_COUNT, scope), v[TextStatistics.V_RECORDS],
          (long) v[TextStatistics.V_RECORDS], null, null, null, null));
      double responses = v[TextStatistics.V_RESPONSES];
      double[] values = {
          responses == 0 ? Double.NaN : v[TextStatistics.V_REFUSALS] / responses,
          responses == 0 ? Double.NaN : v[TextStatistics.V_LENGTH] / responses,
          responses == 0 ? Double.NaN : v[TextStatistics.V_SENTIMENT] / responses,
          v[TextStatistics.V_PAIRS] == 0 ? Double.NaN : v[TextStatistics.V_ROUGE_L] / v[TextStatistics.V_PAIRS]};
      long[] counts = {(long) responses, (long) responses, (long) responses, (long) v[TextStatistics.V_PAIRS]};
      for (int i = 0; i < metrics; i++) {
        MetricKey key = new MetricKey(LlmMetrics.require(names[i]), scope);
        if (Double.isNaN(values[i])) {
          out.add(new MetricResult.Undefined(key, counts[i], names[i] + " is undefined: variant '" + e.getKey()
              + "' has no " + (i == 3 ? "record with both a response and a reference answer" : "response")));
          continue;
        }
        out.add(new MetricResult.Computed(key, values[i], counts[i], null, null, null, null));
        defined[i]++;
        if (values[i] < min[i]) {
          min[i] = values[i];
          argMin[i] = e.getKey();
        }
        if (values[i] > max[i]) {
          max[i] = values[i];
          argMax[i] = e.getKey();
        }
      }
    }
    for (int i = 0; i < metrics; i++) {
      MetricKey key = new MetricKey(LlmMetrics.require(differences[i]), Scope.attribute(attribute));
      out.add(defined[i] < 2
          ? new MetricResult.Undefined(key, (long) defined[i], differences[i] + " is undefined: fewer than two"
              + " variants have a value of " + names[i])
          : new MetricResult.Computed(key, max[i] - min[i], s.records - s.variantNull, null, null, null,
              "max − min over " + defined[i] + " variants: highest '" + argMax[i] + "', lowest '" + argMin[i] + "'"));
    }
  }

  private static void support(List<MetricResult> out, TextStatistics s, String name, int index,
                              String note, String undefined) {
    long n = s.supportCounts[index];
    out.add(n == 0
        ? new MetricResult.Undefined(key(name), 0L, name + " is undefined: " + undefined)
        : computed(name, s.supportSums[index] / n, n, note + "; mean over " + n + " records"));
  }

  private static List<String> notes(LlmInput in, TextStatistics s) {
    List<String> notes = new ArrayList<>();
    if (in.hasRetrieval() && s.unjudged > 0) {
      notes.add("llm: " + s.unjudged + " of " + s.records + " records have no relevant id and are left"
          + " out of recall_at_k, precision_at_k, hit_rate_at_k, mrr, ndcg_at_k and map (not scored 0).");
    }
    if (in.contexts() != null && s.ungroundable > 0) {
      notes.add("llm: " + s.ungroundable + " records have a response without any sentence with a"
          + " content word (e.g. \"Yes.\") and are left out of groundedness_lexical.");
    }
    if (in.variant() != null && s.variantNull > 0) {
      notes.add("llm: " + s.variantNull + " of " + s.records + " records have no variant (null) and are"
          + " left out of the variant_* metrics.");
    }
    if (in.reference() != null && s.pairs < s.records) {
      notes.add("llm: " + (s.records - s.pairs) + " of " + s.records + " records have no response or"
          + " no reference answer (null) and are left out of bleu, chrf, rouge, exact_match and token_f1.");
    }
    return notes;
  }

  private static MetricResult computed(String name, double value, long count, String note) {
    return new MetricResult.Computed(key(name), value, count, null, null, null, note);
  }

  private static MetricKey key(String name) {
    return new MetricKey(LlmMetrics.require(name), Scope.DATASET);
  }
}
