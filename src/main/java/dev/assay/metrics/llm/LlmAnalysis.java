package dev.assay.metrics.llm;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.spark.Columns;
import dev.assay.spec.LlmOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The llm family in ONE Spark job: a typed {@code mapPartitions} folds each partition's records
 * into one immutable {@link LlmState} (one small state per concern: reference overlap, safety,
 * lengths, format, scans, retrieval, lexical support, variants), the few per-partition states come
 * to the driver and are merged there in partition order, and each concern's state turns itself into
 * metrics.
 *
 * <p>Why a Java function here, when Assay otherwise keeps UDFs off the hot path: ROUGE needs a
 * longest common subsequence per record, which Spark SQL has no built-in expression for, and on CPU
 * executors BLEU's and chrF's n-gram multisets cost less in Java (an {@code explode} of n-grams
 * would multiply the rows by the text length and add a shuffle). The function is not a per-row UDF
 * returning a value into the plan: it folds a whole partition into a fixed-size, mergeable state
 * (about 100 numbers and at most 100 variants, whatever the number of rows), which is exactly the
 * shape of an aggregation buffer; only those states leave the executors, never data rows. Summing
 * per-row values with built-in aggregates instead would add a shuffle (a second job) and make the
 * double sums depend on the order partial sums arrive in; merged here in partition order, they are
 * the same on any run. Everything that built-ins can do cheaply is done by built-ins in the same
 * stage, before the function sees the row: the casts, the refusal and injection detectors ({@link
 * RefusalDetector}, {@link InjectionDetector}: {@code translate}, {@code lower}, {@code unbase64},
 * {@code rlike}), JSON validity ({@code try_parse_json}) and the response length ({@code length}).
 *
 * <p>The per-record statistics of BLEU, chrF, SQuAD, retrieval (binary and graded), lexical support
 * and the variants' sentiment come in two forms, chosen by the executors ({@link #sqlForm}): with
 * the RAPIDS Accelerator, as column expressions in the same select ({@link BleuColumns}, {@link
 * ChrfColumns}, {@link SquadColumns}, {@link RetrievalColumns}, {@link SupportColumns}, {@link
 * Sentiment#score(Column)}), so that they can run on the GPU, and the fold only adds them up in row
 * order (the prompt, the contexts and the id lists then do not reach it: it reads its columns by
 * name and the SQL form does not select them); without it, computed by the fold in Java ({@link
 * LexicalSupport}: the contexts arrive joined by {@code array_join}), which costs less executor CPU
 * than Spark's interpreted higher-order functions. Both forms give the same numbers bit for bit
 * (LlmFormsEquivalenceTest). What the fold computes in Java in both forms: ROUGE (longest common
 * subsequences, which the RAPIDS Accelerator cannot run as a SQL fold, and Porter stemming; with it
 * the per-variant ROUGE-L) and the JSON schema check (docs/gpu.md lists why).
 *
 * <p>Records whose response or reference answer is null are left out of the reference-based metrics
 * (with a note); an empty string is a valid, empty text.
 */
public final class LlmAnalysis {

  /** Share of non-null responses that contain a refusal phrase (0–1, lower is usually better). */
  public static final String REFUSAL_RATE = "refusal_rate";

  /**
   * Share of records whose prompt or contexts contain an injection marker (0–1, lower is better).
   */
  public static final String PROMPT_INJECTION_RATE = "prompt_injection_rate";

  /**
   * Share of records whose retrieved contexts contain an injection marker (0–1, lower is better).
   */
  public static final String INDIRECT_INJECTION_RATE = "indirect_injection_rate";

  /** Share of non-null responses that are one valid JSON value (0–1, higher is better). */
  public static final String JSON_VALID_RATE = "json_valid_rate";

  /** Mean, smallest and largest response length in characters (Unicode code points). */
  public static final String RESPONSE_LENGTH_MEAN = "response_length_mean";

  public static final String RESPONSE_LENGTH_MIN = "response_length_min";
  public static final String RESPONSE_LENGTH_MAX = "response_length_max";

  /**
   * Share of non-null responses with at least one kind of personal data (e-mail, phone, card, IBAN,
   * US SSN, IPv4: the privacy family's {@code PiiType} expressions, checksums included); 0–1, lower
   * is better; undefined without responses.
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

  /**
   * The column of the per-record retrieval scores ({@link RetrievalColumns}) in {@link #checks}.
   */
  private static final String RETRIEVAL = "__assay_retrieval";

  /** The column of the per-record SQuAD struct ({@link SquadColumns#best}). */
  private static final String SQUAD = "__assay_squad";

  /** The column of the per-record lexical-support statistics ({@link SupportColumns#stats}). */
  private static final String SUPPORT = "__assay_support";

  /**
   * The RAPIDS Accelerator's plugin class, whose presence in {@code spark.plugins} selects the SQL
   * form.
   */
  static final String RAPIDS_PLUGIN = "com.nvidia.spark.SQLPlugin";

  private LlmAnalysis() {}

  /**
   * Runs the family: one Spark job, and a second when latency or token columns are named ({@link
   * Usage}).
   */
  public static LlmOutcome run(LlmInput in) {
    LlmState state = statistics(in);
    if (state.records() == 0) {
      throw new BadInputException(
          "the current data set has no rows: there is nothing to audit."
              + " Check data.current's path and filters.");
    }
    List<MetricResult> metrics = new ArrayList<>(metrics(in, state));
    List<String> notes = new ArrayList<>(notes(in, state));
    if (in.columns().usage().named()) {
      metrics.addAll(Usage.run(in, notes)); // the second job: latency percentiles and token sums
    }
    return new LlmOutcome(metrics, notes, state);
  }

  /**
   * The merged state of the input: one Spark job, per-partition states merged in partition order.
   */
  static LlmState statistics(LlmInput in) {
    return statistics(in, sqlForm(in.data().sparkSession()));
  }

  /**
   * Whether the session's executors run the RAPIDS Accelerator ({@code spark.plugins} names {@value
   * #RAPIDS_PLUGIN}, as {@code submit.sh --gpu} sets it): then the per-record statistics are
   * computed by column expressions (the SQL form), else by the Java fold (the CPU form, cheaper on
   * CPU executors: Spark interprets higher-order functions). Both give the same numbers, bit for
   * bit (LlmFormsEquivalenceTest).
   */
  static boolean sqlForm(SparkSession spark) {
    return spark.sparkContext().getConf().get("spark.plugins", "").contains(RAPIDS_PLUGIN);
  }

  /**
   * The merged state of the input in the SQL form ({@code sql}: BLEU, chrF, SQuAD and binary
   * retrieval per record by column expressions) or the CPU form (by the Java fold).
   */
  static LlmState statistics(LlmInput in, boolean sql) {
    Dataset<Row> checks = checks(in, sql);
    List<LlmState> partitions =
        checks
            .mapPartitions(
                new PartitionFold(in, sql, checks.schema()),
                Encoders.javaSerialization(LlmState.class))
            .collectAsList();
    LlmState all = LlmState.EMPTY;
    for (LlmState p : partitions) {
      all = all.merge(p);
    }
    return all;
  }

  /**
   * The record's texts and built-in checks under the names {@link PartitionFold} reads them by:
   * only the columns this form and this spec use.
   */
  static Dataset<Row> checks(LlmInput in, boolean sql) {
    Column response = Columns.named(in.response()).cast("string");
    Column promptText = promptText(in);
    Column contextsText = contextsText(in);
    Column direct = injection(Columns.named(SafetyColumns.PROMPT_FORM), in);
    Column indirect = injection(Columns.named(SafetyColumns.CONTEXTS_FORM), in);
    LlmColumns.Ids ids = in.columns().ids();
    String variant = in.columns().variant();
    boolean graded = in.options().relevanceGrades();
    Dataset<Row> data =
        SafetyColumns.withCheckForms(in.data(), response, promptText, contextsText, in.options());
    boolean sqlReference = sql && in.reference() != null;
    boolean sqlRetrieval = sql && ids.named();
    if (sqlReference) {
      data = SquadColumns.withTokens(data, response, references(in));
      data = data.withColumn(SQUAD, SquadColumns.best());
      data = BleuColumns.withGrams(data, response, references(in));
      data = ChrfColumns.withGrams(data, response, references(in));
    }
    if (sqlRetrieval) {
      // a column of its own: inside the select below, the lambdas' references to the id columns
      // would resolve to that select's aliases of the same names (lateral column aliases)
      Column retrieved = ids(ids.retrieved());
      Column relevant = ids(ids.relevant());
      int k = in.options().k();
      data =
          data.withColumn(
              RETRIEVAL,
              graded
                  ? RetrievalColumns.gradedScores(retrieved, relevant, k)
                  : RetrievalColumns.scores(retrieved, relevant, k));
    }
    if (sql) {
      // a column of its own too (the select below aliases prompt and contexts to nulls)
      data =
          SupportColumns.withWords(data, promptText, response, contextsText)
              .withColumn(
                  SUPPORT,
                  SupportColumns.stats(
                      response, referenceText(in), contextsText, in.options().supportThreshold()));
    }
    // Only what the fold reads, by name (PartitionFold): no column of nulls for what this form or
    // this spec does not use; on GPU executors each selected column is converted on the CPU.
    List<Column> out = new ArrayList<>();
    out.add(response.alias(PartitionFold.RESPONSE));
    if (in.reference() != null) {
      out.add(references(in).alias(PartitionFold.REFERENCE));
    }
    out.add(refusal(in).alias(PartitionFold.REFUSAL));
    out.add(direct.or(indirect).alias(PartitionFold.INJECTION));
    out.add(indirect.alias(PartitionFold.INDIRECT_INJECTION));
    if (in.options().expectJson()) {
      out.add(SafetyColumns.jsonValid(response).alias(PartitionFold.JSON_VALID));
    }
    out.add(functions.length(response).alias(PartitionFold.LENGTH));
    if (!sql) {
      out.add(promptText.alias(PartitionFold.PROMPT));
      out.add(contextsText.alias(PartitionFold.CONTEXTS));
    }
    if (ids.named() && !sqlRetrieval) {
      out.add(ids(ids.retrieved()).alias(PartitionFold.RETRIEVED_IDS));
      out.add(ids(ids.relevant()).alias(PartitionFold.RELEVANT_IDS));
    }
    if (variant != null) {
      out.add(Columns.named(variant).cast("string").alias(PartitionFold.VARIANT));
      if (sql) {
        out.add(Sentiment.score(response).alias(PartitionFold.SENTIMENT));
      }
    }
    if (!in.checks().scanners().isEmpty()) {
      out.add(scans(in, response).alias(PartitionFold.SCANS));
    }
    for (int i = 0; i < PartitionFold.SEMANTIC.size(); i++) {
      if (in.columns().embeddings().scored()[i]) {
        out.add(semantic(in, i).alias(PartitionFold.SEMANTIC.get(i)));
      }
    }
    if (sqlReference) {
      // the struct's two fields as two columns: a struct reaches the fold through a row of its own
      // (If, isNullAt and a null of each field's type per field, all on the CPU)
      Column squad = Columns.named(SQUAD);
      out.add(squad.getField("exact").alias(PartitionFold.SQUAD_EXACT));
      out.add(squad.getField("f1").alias(PartitionFold.SQUAD_F1));
      out.add(BleuColumns.stats().alias(PartitionFold.BLEU));
      out.add(ChrfColumns.stats().alias(PartitionFold.CHRF));
    }
    if (sqlRetrieval) {
      out.add(Columns.named(RETRIEVAL).alias(PartitionFold.RETRIEVAL));
    }
    if (sql) {
      out.add(Columns.named(SUPPORT).alias(PartitionFold.SUPPORT));
    }
    return data.select(out.toArray(Column[]::new));
  }

  /**
   * Semantic score {@code i} (answer–reference, answer–context, context–question; {@link
   * SemanticColumns}), or a null double when its embedding columns are not named.
   */
  static Column semantic(LlmInput in, int i) {
    LlmColumns.Embeddings e = in.columns().embeddings();
    if (!e.scored()[i]) {
      return functions.lit(null).cast("double");
    }
    return i == 0
        ? SemanticColumns.answerReference(e)
        : i == 1 ? SemanticColumns.answerContext(e) : SemanticColumns.contextQuestion(e);
  }

  /** The prompt as text (null without {@code columns.prompt}). */
  static Column promptText(LlmInput in) {
    return in.prompt() == null
        ? functions.lit(null).cast("string")
        : Columns.named(in.prompt()).cast("string");
  }

  /** The retrieved contexts as one text, passages joined by newlines (null without contexts). */
  static Column contextsText(LlmInput in) {
    return in.contexts() == null
        ? functions.lit(null).cast("string")
        : in.contextsIsArray()
            ? functions.array_join(Columns.named(in.contexts()), "\n")
            : Columns.named(in.contexts());
  }

  /**
   * Whether the response is a refusal; reads {@link SafetyColumns#RESPONSE_FORM} (see {@link
   * SafetyColumns#withCheckForms}).
   */
  static Column refusal(LlmInput in) {
    return SafetyColumns.refusal(
        Columns.named(SafetyColumns.RESPONSE_FORM), in.options().refusalPhrases());
  }

  /**
   * Whether a text in its check form ({@link SafetyColumns#withCheckForms}) carries a prompt
   * injection; false for a null text.
   */
  static Column injection(Column text, LlmInput in) {
    return functions.coalesce(
        SafetyColumns.injection(text, in.options().injectionMarkers()), functions.lit(false));
  }

  /** The record's reference answers as {@code array<string>} (null without any). */
  static Column references(LlmInput in) {
    LlmColumns.TextColumn reference = in.columns().texts().reference();
    if (reference == null) {
      return functions.lit(null).cast("array<string>");
    }
    Column column = Columns.named(reference.name());
    return reference.isArray()
        ? column
        : functions
            .when(column.isNull(), functions.lit(null).cast("array<string>"))
            .otherwise(functions.array(column.cast("string")));
  }

  /**
   * The record's non-null reference answers joined by newlines, as the fold joins them for lexical
   * support (null without any).
   */
  static Column referenceText(LlmInput in) {
    Column given = functions.filter(references(in), Column::isNotNull);
    return functions.when(
        functions.coalesce(functions.size(given), functions.lit(0)).gt(0),
        functions.array_join(given, "\n"));
  }

  /**
   * One flag per scanner (the privacy family's expressions) on the response; null without scanners.
   */
  private static Column scans(LlmInput in, Column response) {
    List<ResponseScanner> scanners = in.checks().scanners();
    if (scanners.isEmpty()) {
      return functions.lit(null).cast("array<boolean>");
    }
    Column[] flags =
        scanners.stream()
            .map(sc -> functions.coalesce(sc.found().apply(response), functions.lit(false)))
            .toArray(Column[]::new);
    return functions
        .when(response.isNull(), functions.lit(null).cast("array<boolean>"))
        .otherwise(functions.array(flags));
  }

  /**
   * An id column as {@code array<string>}: as it is, or a string split on commas (null stays null).
   */
  static Column ids(LlmColumns.TextColumn column) {
    if (column == null) {
      return functions.lit(null).cast("array<string>");
    }
    return column.isArray()
        ? Columns.named(column.name())
        : functions.split(Columns.named(column.name()).cast("string"), ",");
  }

  /**
   * The metrics of a merged state, concern by concern: reference overlap (with a reference column),
   * refusals and lengths, injections, retrieval (with ids), lexical support, scans, variants (with
   * a variant column) and format.
   */
  static List<MetricResult> metrics(LlmInput in, LlmState s) {
    LlmColumns c = in.columns();
    LlmOptions o = in.options();
    if (c.ids().named() && o.relevanceGrades()) {
      s.retrieval().requireGrades(c.ids().relevant().name());
    }
    List<MetricResult> out = new ArrayList<>();
    if (in.reference() != null) {
      out.addAll(s.overlap().metrics(o.rougeUseStemmer(), c.texts().reference().isArray()));
    }
    out.add(s.safety().refusalRate());
    out.addAll(s.lengths().metrics());
    out.addAll(s.safety().injectionRates(s.records(), in.prompt() != null, in.contexts() != null));
    if (c.ids().named()) {
      out.addAll(s.retrieval().metrics(o.k(), o.relevanceGrades()));
    }
    out.addAll(
        s.support()
            .metrics(
                in.prompt() != null,
                in.contexts() != null,
                in.reference() != null,
                o.supportThreshold()));
    if (!in.checks().scanners().isEmpty()) {
      out.addAll(s.scans().metrics(in.checks().scanners(), in.response()));
    }
    if (c.variant() != null) {
      s.variants().requireFew(c.variant());
      out.addAll(s.variants().metrics(c.variant(), in.reference() != null, s.records()));
    }
    if (c.embeddings().any()) {
      out.addAll(s.semantic().metrics(c.embeddings().scored(), c.variant()));
    }
    if (in.checks().jsonSchema() != null) {
      out.add(s.format().schemaValidRate());
    }
    if (o.expectJson()) {
      out.add(s.format().jsonValidRate());
    }
    return out;
  }

  /** Notes on the records left out of a metric. */
  private static List<String> notes(LlmInput in, LlmState s) {
    List<String> notes = new ArrayList<>();
    long records = s.records();
    if (in.columns().ids().named() && s.retrieval().unjudged() > 0) {
      notes.add(
          "llm: "
              + s.retrieval().unjudged()
              + " of "
              + records
              + " records have no relevant id and are left"
              + " out of recall_at_k, precision_at_k, hit_rate_at_k, mrr, ndcg_at_k and map (not scored 0).");
    }
    if (in.contexts() != null && s.support().ungroundable() > 0) {
      notes.add(
          "llm: "
              + s.support().ungroundable()
              + " records have a response without any sentence with a"
              + " content word (e.g. \"Yes.\") and are left out of groundedness_lexical.");
    }
    if (in.columns().variant() != null && s.variants().nulls() > 0) {
      notes.add(
          "llm: "
              + s.variants().nulls()
              + " of "
              + records
              + " records have no variant (null) and are"
              + " left out of the variant_* metrics.");
    }
    if (in.reference() != null && s.overlap().pairs() < records) {
      notes.add(
          "llm: "
              + (records - s.overlap().pairs())
              + " of "
              + records
              + " records have no response or"
              + " no reference answer (null) and are left out of bleu, chrf, rouge, exact_match and token_f1.");
    }
    return notes;
  }
}
