package dev.assay.metrics.llm;

import com.networknt.schema.JsonSchema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Folds one partition's rows of {@code LlmAnalysis.checks} into one {@link LlmState}: per record,
 * each concern's state of that record is merged into the running one, in row order. In the CPU form
 * the fold computes BLEU, chrF, SQuAD, retrieval and lexical support itself, in Java; in the SQL
 * form it reads their per-record statistics from columns: the SQuAD struct of {@link
 * SquadColumns#best}, the retrieval scores of {@link RetrievalColumns#scores}, the BLEU statistics
 * of {@link BleuColumns#stats}, the chrF statistics of {@link ChrfColumns#stats} and the lexical
 * support statistics of {@link SupportColumns#stats}.
 *
 * <p>The columns are read <b>by name</b> (the constants below; positions resolved once from the
 * schema given to the constructor), and a column the checks do not select reads as null. So each
 * form selects only what its fold reads: the SQL form leaves out the prompt, the contexts and, with
 * the retrieval scores as a column, the id lists, and neither form selects a column of nulls for an
 * option the spec does not use (JSON validity, variant, scans, semantic scores). On GPU executors
 * every column the fold reads is converted row by row into Java objects on the CPU (the plan's
 * {@code DeserializeToObject}), so a column that is not selected is work and plan reports saved.
 */
final class PartitionFold implements MapPartitionsFunction<Row, LlmState> {

  /** The response text. */
  static final String RESPONSE = "response";

  /** The reference answers, {@code array<string>}. */
  static final String REFERENCE = "reference";

  static final String REFUSAL = "refusal";
  static final String INJECTION = "injection";
  static final String INDIRECT_INJECTION = "indirect_injection";
  static final String JSON_VALID = "json_valid";
  static final String LENGTH = "length";
  static final String PROMPT = "prompt";
  static final String CONTEXTS = "contexts";
  static final String RETRIEVED_IDS = "retrieved_ids";
  static final String RELEVANT_IDS = "relevant_ids";
  static final String VARIANT = "variant";
  static final String SCANS = "scans";

  /** The three semantic scores, in the order of {@code LlmAnalysis.semantic}. */
  static final List<String> SEMANTIC =
      List.of(
          "semantic_answer_similarity", "semantic_context_support", "semantic_context_relevance");

  /**
   * The response's sentiment-lexicon score ({@link Sentiment#score(org.apache.spark.sql.Column)}),
   * with variants.
   */
  static final String SENTIMENT = "sentiment";

  /** The SQuAD exact match and F1 of {@link SquadColumns#best}, its two fields as two columns. */
  static final String SQUAD_EXACT = "squad_exact";

  static final String SQUAD_F1 = "squad_f1";
  static final String RETRIEVAL = "retrieval";
  static final String BLEU = "bleu";
  static final String CHRF = "chrf";
  static final String SUPPORT = "support";

  private static final long serialVersionUID = 1L;
  private final Layout at;
  private final RecordScoring scoring;
  private final boolean sql;
  private final boolean variants;
  private final boolean[] secret;
  private final String schemaText;
  private transient JsonSchema schema;

  /**
   * @param sql whether the rows carry the SQL form's per-record statistics (else computed here)
   * @param schema the schema of the rows ({@code LlmAnalysis.checks}), whose names give the columns
   */
  PartitionFold(LlmInput in, boolean sql, StructType schema) {
    this.at = Layout.of(schema);
    this.scoring = RecordScoring.of(in.options());
    this.sql = sql;
    this.variants = in.columns().variant() != null;
    List<ResponseScanner> scanners = in.checks().scanners();
    this.secret = new boolean[scanners.size()];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = scanners.get(i).secret();
    }
    this.schemaText = in.checks().jsonSchema();
  }

  @Override
  public Iterator<LlmState> call(Iterator<Row> rows) {
    if (schemaText != null && schema == null) {
      schema = ResponseSchema.compile(schemaText, "llm.json_schema");
    }
    Running running = new Running();
    while (rows.hasNext()) {
      running.add(rows.next());
    }
    return List.of(running.state()).iterator();
  }

  /**
   * The record's non-null reference answers (empty when none), from an {@code array<string>} cell.
   */
  static List<String> references(Row row, int index) {
    List<String> out = new ArrayList<>();
    if (!isNull(row, index)) {
      for (Object r : row.getList(index)) {
        if (r != null) {
          out.add((String) r);
        }
      }
    }
    return out;
  }

  /** An {@code array<double>} cell as a {@code double[]}, null for null. */
  static double[] scores(Row row, int index) {
    if (isNull(row, index)) {
      return null;
    }
    List<Double> values = row.getList(index);
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** An {@code array<bigint>} cell as a {@code long[]}. */
  static long[] counts(Row row, int index) {
    List<Long> values = row.getList(index);
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** Whether the cell is null or its column not selected ({@code index} -1). */
  static boolean isNull(Row row, int index) {
    return index < 0 || row.isNullAt(index);
  }

  private static Double score(Row row, int index) {
    return isNull(row, index) ? null : row.getDouble(index);
  }

  private static String text(Row row, int index) {
    return isNull(row, index) ? null : row.getString(index);
  }

  private static boolean flag(Row row, int index) {
    return !isNull(row, index) && row.getBoolean(index);
  }

  private static List<String> list(Row row, int index) {
    return isNull(row, index) ? null : row.getList(index);
  }

  /** The position of each column the fold reads, -1 for a column the rows do not hold. */
  private record Layout(
      int response,
      int reference,
      int refusal,
      int injection,
      int indirectInjection,
      int jsonValid,
      int length,
      int prompt,
      int contexts,
      int retrievedIds,
      int relevantIds,
      int variant,
      int scans,
      int[] semantic,
      int sentiment,
      int squadExact,
      int squadF1,
      int retrieval,
      int bleu,
      int chrf,
      int support)
      implements Serializable {

    static Layout of(StructType schema) {
      List<String> names = List.of(schema.fieldNames());
      return new Layout(
          names.indexOf(RESPONSE),
          names.indexOf(REFERENCE),
          names.indexOf(REFUSAL),
          names.indexOf(INJECTION),
          names.indexOf(INDIRECT_INJECTION),
          names.indexOf(JSON_VALID),
          names.indexOf(LENGTH),
          names.indexOf(PROMPT),
          names.indexOf(CONTEXTS),
          names.indexOf(RETRIEVED_IDS),
          names.indexOf(RELEVANT_IDS),
          names.indexOf(VARIANT),
          names.indexOf(SCANS),
          SEMANTIC.stream().mapToInt(names::indexOf).toArray(),
          names.indexOf(SENTIMENT),
          names.indexOf(SQUAD_EXACT),
          names.indexOf(SQUAD_F1),
          names.indexOf(RETRIEVAL),
          names.indexOf(BLEU),
          names.indexOf(CHRF),
          names.indexOf(SUPPORT));
    }
  }

  /** The partition's states so far, one per concern. */
  private final class Running {
    private long records;
    private OverlapState overlap = OverlapState.EMPTY;
    private SafetyState safety = SafetyState.EMPTY;
    private LengthState lengths = LengthState.EMPTY;
    private FormatState format = FormatState.EMPTY;
    private ScanState scans = ScanState.EMPTY;
    private RetrievalState retrieval = RetrievalState.EMPTY;
    private SupportState support = SupportState.EMPTY;
    private final VariantState.Fold variantFold = new VariantState.Fold();
    private final SemanticState.Fold semanticFold = new SemanticState.Fold();

    void add(Row row) {
      records++;
      String response = text(row, at.response());
      List<String> references = references(row, at.reference());
      double rougeL = Double.NaN;
      if (response != null && !references.isEmpty()) {
        OverlapState pair;
        if (sql) {
          pair =
              OverlapState.of(
                  response,
                  references,
                  scoring.stem(),
                  counts(row, at.bleu()),
                  counts(row, at.chrf()),
                  row.getBoolean(at.squadExact()),
                  row.getDouble(at.squadF1()));
        } else {
          pair = OverlapState.of(response, references, scoring.stem());
        }
        overlap = overlap.merge(pair);
        rougeL = pair.rougeL();
      }
      boolean refused = response != null && flag(row, at.refusal());
      safety =
          safety.merge(
              SafetyState.of(
                  response != null,
                  refused,
                  flag(row, at.injection()),
                  flag(row, at.indirectInjection())));
      String variant = text(row, at.variant());
      if (variants) {
        long length = response == null ? 0 : row.getInt(at.length());
        double sentiment =
            response == null
                ? 0
                : at.sentiment() >= 0 ? row.getDouble(at.sentiment()) : Sentiment.score(response);
        variantFold.add(
            variant, VariantState.sums(response != null, refused, length, sentiment, rougeL));
      }
      int[] semantic = at.semantic();
      semanticFold.add(
          new Double[] {score(row, semantic[0]), score(row, semantic[1]), score(row, semantic[2])},
          variant);
      if (response != null) {
        addResponse(row, response);
      }
      if (sql) {
        support = support.merge(SupportState.of(row.<Double>getList(at.support())));
      } else {
        String reference = references.isEmpty() ? null : String.join("\n", references);
        support =
            support.merge(
                SupportState.of(
                    text(row, at.prompt()),
                    response,
                    reference,
                    text(row, at.contexts()),
                    scoring.supportThreshold()));
      }
      // Without id columns both are null: the record counts as unjudged, and no retrieval metric is
      // reported.
      List<String> retrieved = list(row, at.retrievedIds());
      List<String> relevant = list(row, at.relevantIds());
      retrieval =
          retrieval.merge(
              at.retrieval() >= 0
                  ? RetrievalState.ofColumn(scores(row, at.retrieval()))
                  : scoring.graded()
                      ? RetrievalState.graded(retrieved, relevant, scoring.k())
                      : RetrievalState.of(Retrieval.scores(retrieved, relevant, scoring.k())));
    }

    /** The checks of a non-null response: length, JSON, schema and scans. */
    private void addResponse(Row row, String response) {
      lengths = lengths.merge(LengthState.of(row.getInt(at.length())));
      Boolean json = isNull(row, at.jsonValid()) ? null : row.getBoolean(at.jsonValid());
      Boolean conforms = schema == null ? null : ResponseSchema.conforms(schema, response);
      format = format.merge(FormatState.of(json, conforms));
      if (!isNull(row, at.scans())) {
        List<Object> flags = row.getList(at.scans());
        boolean[] hits = new boolean[flags.size()];
        for (int i = 0; i < hits.length; i++) {
          hits[i] = Boolean.TRUE.equals(flags.get(i));
        }
        scans = scans.merge(ScanState.of(hits, secret));
      }
    }

    LlmState state() {
      return new LlmState(
          records,
          overlap,
          safety,
          lengths,
          format,
          scans,
          retrieval,
          support,
          variantFold.state(),
          semanticFold.state());
    }
  }
}
