package dev.assay.metrics.llm;

import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Folds one partition's rows (in the column order of {@code LlmAnalysis.checks}: response,
 * references, refusal, injection, indirect injection, JSON validity, length, prompt, contexts,
 * retrieved ids and relevant ids (null in the SQL form with binary relevance), variant, scan flags,
 * the three semantic scores, then — in the SQL form only, else null — the SQuAD struct of {@link
 * SquadColumns#best}, the retrieval scores of {@link RetrievalColumns#scores}, the BLEU statistics
 * of {@link BleuColumns#stats}, the chrF statistics of {@link ChrfColumns#stats} and the lexical
 * support statistics of {@link SupportColumns#stats}; the prompt and the contexts are null in the
 * SQL form) into one {@link LlmState}: per record, each concern's state of that record is merged
 * into the running one, in row order. In the CPU form the fold computes BLEU, chrF, SQuAD,
 * retrieval and lexical support itself, in Java.
 */
final class PartitionFold implements MapPartitionsFunction<Row, LlmState> {

  private static final long serialVersionUID = 1L;
  private final RecordScoring scoring;
  private final boolean sql;
  private final boolean variants;
  private final boolean[] secret;
  private final String schemaText;
  private transient JsonSchema schema;

  /**
   * @param sql whether the rows carry the SQL form's per-record statistics (else computed here)
   */
  PartitionFold(LlmInput in, boolean sql) {
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
    if (!row.isNullAt(index)) {
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
    if (row.isNullAt(index)) {
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

  private static Double score(Row row, int index) {
    return row.isNullAt(index) ? null : row.getDouble(index);
  }

  private static String text(Row row, int index) {
    return row.isNullAt(index) ? null : row.getString(index);
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
      String response = text(row, 0);
      List<String> references = references(row, 1);
      double rougeL = Double.NaN;
      if (response != null && !references.isEmpty()) {
        OverlapState pair;
        if (sql) {
          Row squad = row.getStruct(16);
          pair =
              OverlapState.of(
                  response,
                  references,
                  scoring.stem(),
                  counts(row, 18),
                  counts(row, 19),
                  squad.getBoolean(0),
                  squad.getDouble(1));
        } else {
          pair = OverlapState.of(response, references, scoring.stem());
        }
        overlap = overlap.merge(pair);
        rougeL = pair.rougeL();
      }
      boolean refused = response != null && !row.isNullAt(2) && row.getBoolean(2);
      safety =
          safety.merge(
              SafetyState.of(response != null, refused, row.getBoolean(3), row.getBoolean(4)));
      if (variants) {
        long length = response == null ? 0 : row.getInt(6);
        double sentiment = response == null ? 0 : Sentiment.score(response);
        variantFold.add(
            text(row, 11), VariantState.sums(response != null, refused, length, sentiment, rougeL));
      }
      semanticFold.add(
          new Double[] {score(row, 13), score(row, 14), score(row, 15)}, text(row, 11));
      if (response != null) {
        addResponse(row, response);
      }
      if (sql) {
        support = support.merge(SupportState.of(row.<Double>getList(20)));
      } else {
        String reference = references.isEmpty() ? null : String.join("\n", references);
        support =
            support.merge(
                SupportState.of(
                    text(row, 7), response, reference, text(row, 8), scoring.supportThreshold()));
      }
      // Without id columns both are null: the record counts as unjudged, and no retrieval metric is
      // reported.
      List<String> retrieved = row.isNullAt(9) ? null : row.getList(9);
      List<String> relevant = row.isNullAt(10) ? null : row.getList(10);
      retrieval =
          retrieval.merge(
              scoring.graded()
                  ? RetrievalState.graded(retrieved, relevant, scoring.k())
                  : RetrievalState.of(
                      sql ? scores(row, 17) : Retrieval.scores(retrieved, relevant, scoring.k())));
    }

    /** The checks of a non-null response: length, JSON, schema and scans. */
    private void addResponse(Row row, String response) {
      lengths = lengths.merge(LengthState.of(row.getInt(6)));
      Boolean json = row.isNullAt(5) ? null : row.getBoolean(5);
      Boolean conforms = schema == null ? null : ResponseSchema.conforms(schema, response);
      format = format.merge(FormatState.of(json, conforms));
      if (!row.isNullAt(12)) {
        List<Object> flags = row.getList(12);
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
