package dev.assay.metrics.llm;

import dev.assay.core.BadInputException;
import dev.assay.spark.Columns;
import dev.assay.spark.RowByRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The per-record scores of the llm family ({@code --records DIR}): every row of the data with its
 * own columns (so it can be joined back by any id) plus the record's scores, written as Parquet by
 * one Spark job, so an engineer can find the worst answers behind a data-set figure.
 *
 * <p>Columns added (null where a record has no response, or no reference answer for the
 * reference-based ones):
 *
 * <ul>
 *   <li>{@code assay_sentence_bleu}: sacreBLEU's {@code sentence_bleu} (effective order, exp
 *       smoothing, 0–100) against all the record's references — the corpus {@code bleu} is not
 *       their mean;
 *   <li>{@code assay_chrf}: sacreBLEU's sentence chrF (0–100);
 *   <li>{@code assay_rouge1}, {@code assay_rouge2}, {@code assay_rougeL}, {@code assay_rougeLsum}:
 *       rouge-score F-measures, best over the references (the data-set figures are their means);
 *   <li>{@code assay_exact_match} (0 or 1) and {@code assay_token_f1}: the SQuAD v1.1 script, best
 *       over the references (the data-set figures are their means);
 *   <li>{@code assay_refusal}: the response contains a refusal phrase ({@code
 *       llm.refusal_phrases});
 *   <li>{@code assay_injection}: the prompt or the contexts contain an injection marker;
 *   <li>{@code assay_groundedness_lexical}, {@code assay_context_relevance}, {@code
 *       assay_answer_relevance}, {@code assay_context_recall}: the record's lexical support scores
 *       ({@link LexicalSupport#scores}; null where a text they need is missing);
 *   <li>{@code assay_recall_at_k} … {@code assay_map}: the record's retrieval scores at {@code
 *       llm.k} ({@link Retrieval}; null without ids or without a relevant id);
 *   <li>{@code assay_semantic_answer_similarity}, {@code assay_semantic_context_support}, {@code
 *       assay_semantic_context_relevance}: the record's cosine scores from embedding columns
 *       ({@link SemanticColumns}; null where a vector is missing or the columns are not named);
 *   <li>with {@link MoreColumns} (the audit passes the safety classifiers'): {@code
 *       assay_safety_<category>}, the record's severity 0–7 for a harm category or detected
 *       (true/false) for a detection, null when safety did not run or has no verdict for it.
 * </ul>
 *
 * The same functions compute the data-set metrics, so the per-record values and the metrics cannot
 * disagree; the records are written with Spark's committer (a folder that appears whole).
 */
public final class LlmRecords {

  /** The score columns, in order. */
  public static final StructType SCORES =
      new StructType()
          .add("assay_sentence_bleu", DataTypes.DoubleType, true)
          .add("assay_chrf", DataTypes.DoubleType, true)
          .add("assay_rouge1", DataTypes.DoubleType, true)
          .add("assay_rouge2", DataTypes.DoubleType, true)
          .add("assay_rougeL", DataTypes.DoubleType, true)
          .add("assay_rougeLsum", DataTypes.DoubleType, true)
          .add("assay_exact_match", DataTypes.DoubleType, true)
          .add("assay_token_f1", DataTypes.DoubleType, true)
          .add("assay_refusal", DataTypes.BooleanType, true)
          .add("assay_injection", DataTypes.BooleanType, false)
          .add("assay_groundedness_lexical", DataTypes.DoubleType, true)
          .add("assay_context_relevance", DataTypes.DoubleType, true)
          .add("assay_answer_relevance", DataTypes.DoubleType, true)
          .add("assay_context_recall", DataTypes.DoubleType, true)
          .add("assay_recall_at_k", DataTypes.DoubleType, true)
          .add("assay_precision_at_k", DataTypes.DoubleType, true)
          .add("assay_hit_rate_at_k", DataTypes.DoubleType, true)
          .add("assay_mrr", DataTypes.DoubleType, true)
          .add("assay_ndcg_at_k", DataTypes.DoubleType, true)
          .add("assay_map", DataTypes.DoubleType, true);

  /**
   * The semantic score columns, appended after {@link #SCORES} by built-in expressions ({@link
   * SemanticColumns}; null where the embedding columns are not named or a vector is missing).
   */
  public static final List<String> SEMANTIC =
      List.of(
          "assay_semantic_answer_similarity",
          "assay_semantic_context_support",
          "assay_semantic_context_relevance");

  private LlmRecords() {}

  /**
   * Writes the records with their scores to {@code path} (a Parquet folder, replaced if present).
   *
   * @throws BadInputException when the data already has a column named like a score column
   */
  public static void write(LlmInput in, String path) {
    write(in, path, MoreColumns.NONE);
  }

  /**
   * Writes the records with their scores and the columns {@code more} adds after them (the safety
   * severities, which live in a package that depends on this one).
   *
   * @throws BadInputException when the data already has a column named like an added column
   */
  public static void write(LlmInput in, String path, MoreColumns more) {
    StructType schema = in.data().schema();
    List<String> added = new ArrayList<>(Arrays.asList(SCORES.fieldNames()));
    added.addAll(SEMANTIC);
    added.addAll(more.names());
    for (String name : added) {
      if (Arrays.asList(schema.fieldNames()).contains(name)) {
        throw new BadInputException(
            "--records: the data already has a column '"
                + name
                + "', the"
                + " name of a per-record score column; rename that column in the data.");
      }
    }
    Column response = Columns.named(in.response()).cast("string");
    Column prompt = LlmAnalysis.promptText(in);
    Column contexts = LlmAnalysis.contextsText(in);
    Column injection =
        LlmAnalysis.injection(Columns.named(SafetyColumns.PROMPT_FORM), in)
            .or(LlmAnalysis.injection(Columns.named(SafetyColumns.CONTEXTS_FORM), in));
    List<Column> columns = new ArrayList<>();
    for (String name : schema.fieldNames()) {
      columns.add(Columns.named(name));
    }
    columns.add(response.as("__assay_response"));
    columns.add(LlmAnalysis.references(in).as("__assay_references"));
    columns.add(LlmAnalysis.refusal(in).as("__assay_refusal"));
    columns.add(injection.as("__assay_injection"));
    columns.add(prompt.as("__assay_prompt"));
    columns.add(contexts.as("__assay_contexts"));
    boolean graded = in.options().relevanceGrades();
    Column retrieved = LlmAnalysis.ids(in.columns().ids().retrieved());
    Column relevant = LlmAnalysis.ids(in.columns().ids().relevant());
    Column noIds = functions.lit(null).cast("array<string>");
    columns.add((graded ? retrieved : noIds).as("__assay_retrieved"));
    columns.add((graded ? relevant : noIds).as("__assay_relevant"));
    columns.add(
        (in.reference() == null
                ? functions.lit(null).cast("struct<exact:boolean,f1:double>")
                : SquadColumns.best())
            .as("__assay_squad"));
    columns.add(
        (graded
                ? functions.lit(null).cast("array<double>")
                : RetrievalColumns.scores(retrieved, relevant, in.options().k()))
            .as("__assay_retrieval"));
    StructType out = schema;
    for (StructField f : SCORES.fields()) {
      out = out.add(f);
    }
    Dataset<Row> checked =
        SafetyColumns.withCheckForms(in.data(), response, prompt, contexts, in.options());
    if (in.reference() != null) {
      checked = SquadColumns.withTokens(checked, response, LlmAnalysis.references(in));
    }
    Dataset<Row> scored =
        checked
            .select(columns.toArray(Column[]::new))
            .mapPartitions(
                new Scoring(schema.size(), RecordScoring.of(in.options())), Encoders.row(out))
            .select(withSemantic(in, out));
    more.addTo(scored).write().mode(SaveMode.Overwrite).parquet(path);
  }

  /**
   * Columns appended to the records after the scores, computed with built-in expressions over the
   * data's own columns (which the records keep under their names).
   */
  public interface MoreColumns {
    /** No further column. */
    MoreColumns NONE =
        new MoreColumns() {
          @Override
          public List<String> names() {
            return List.of();
          }

          @Override
          public Dataset<Row> addTo(Dataset<Row> records) {
            return records;
          }
        };

    /** The names of the columns added, checked against the data's before any job. */
    List<String> names();

    /** {@code records} with the columns appended. */
    Dataset<Row> addTo(Dataset<Row> records);
  }

  /** Every column of {@code scored}, then the semantic scores computed from the data's columns. */
  private static Column[] withSemantic(LlmInput in, StructType scored) {
    List<Column> columns = new ArrayList<>();
    for (String name : scored.fieldNames()) {
      columns.add(Columns.named(name));
    }
    for (int i = 0; i < SEMANTIC.size(); i++) {
      columns.add(LlmAnalysis.semantic(in, i).as(SEMANTIC.get(i)));
    }
    return columns.toArray(Column[]::new);
  }

  /** The scores of one record: the data columns as they are, then {@link #SCORES}. */
  record Scoring(int width, RecordScoring scoring) implements RowByRow {

    @Override
    public Row apply(Row row) {
      Object[] values = new Object[width + SCORES.size()];
      for (int i = 0; i < width; i++) {
        values[i] = row.get(i);
      }
      String response = row.isNullAt(width) ? null : row.getString(width);
      List<String> references = PartitionFold.references(row, width + 1);
      int at = width;
      if (response != null && !references.isEmpty()) {
        List<String> nonEmpty = references.stream().filter(r -> !r.isEmpty()).toList();
        List<String> bleuRefs = nonEmpty.isEmpty() ? List.of("") : nonEmpty;
        double[] rouge = Rouge.best(references, response, scoring.stem());
        Row squad = row.getStruct(width + 8);
        values[at] = Bleu.score(Bleu.segment(response, bleuRefs), true);
        values[at + 1] = Chrf.score(Chrf.segment(response, bleuRefs));
        values[at + 2] = rouge[0];
        values[at + 3] = rouge[1];
        values[at + 4] = rouge[2];
        values[at + 5] = rouge[3];
        values[at + 6] = squad.getBoolean(0) ? 1.0 : 0.0;
        values[at + 7] = squad.getDouble(1);
      }
      values[at + 8] =
          response == null || row.isNullAt(width + 2) ? null : row.getBoolean(width + 2);
      values[at + 9] = row.getBoolean(width + 3);
      String prompt = row.isNullAt(width + 4) ? null : row.getString(width + 4);
      String contexts = row.isNullAt(width + 5) ? null : row.getString(width + 5);
      OptionalDouble[] support =
          LexicalSupport.scores(
              prompt,
              response,
              references.isEmpty() ? null : String.join("\n", references),
              contexts,
              scoring.supportThreshold());
      for (int i = 0; i < support.length; i++) {
        values[at + 10 + i] = support[i].isPresent() ? support[i].getAsDouble() : null;
      }
      double[] retrieval = PartitionFold.scores(row, width + 9);
      if (scoring.graded()) {
        List<String> retrieved = row.isNullAt(width + 6) ? null : row.getList(width + 6);
        List<String> relevant = row.isNullAt(width + 7) ? null : row.getList(width + 7);
        Map<String, Double> grades = Retrieval.grades(relevant);
        retrieval = grades == null ? null : Retrieval.gradedScores(retrieved, grades, scoring.k());
      }
      for (int i = 0; retrieval != null && i < retrieval.length; i++) {
        values[at + 14 + i] = retrieval[i];
      }
      return RowFactory.create(values);
    }
  }
}
