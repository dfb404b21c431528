package dev.assay.metrics.llm;

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

  private LlmAnalysis() {
  }

  /** Runs the family: one Spark job. */
  public static LlmOutcome run(LlmInput in) {
    TextStatistics stats = statistics(in);
    if (stats.records == 0) {
      throw new BadInputException("the current data set has no rows: there is nothing to audit."
          + " Check data.current's path and filters.");
    }
    return new LlmOutcome(metrics(in, stats), notes(in, stats), stats);
  }

  /** The merged statistics of the input: one Spark job. */
  static TextStatistics statistics(LlmInput in) {
    Column response = functions.col(in.response()).cast("string");
    Column reference = in.reference() == null ? functions.lit(null).cast("array<string>")
        : in.referenceIsArray() ? functions.col(in.reference())
        : functions.when(functions.col(in.reference()).isNull(), functions.lit(null).cast("array<string>"))
            .otherwise(functions.array(functions.col(in.reference()).cast("string")));
    Column noFlag = functions.lit(null).cast("boolean");
    Column noText = functions.lit(null).cast("string");
    Column promptText = in.prompt() == null ? noText : functions.col(in.prompt()).cast("string");
    Column contextsText = in.contexts() == null ? noText : in.contextsIsArray()
        ? functions.array_join(functions.col(in.contexts()), "\n") : functions.col(in.contexts());
    Column prompt = in.prompt() == null ? null
        : SafetyColumns.containsAny(promptText, in.options().injectionMarkers());
    Column contexts = in.contexts() == null ? null
        : SafetyColumns.containsAny(contextsText, in.options().injectionMarkers());
    Column direct = prompt == null ? functions.lit(false) : functions.coalesce(prompt, functions.lit(false));
    Column indirect = contexts == null ? functions.lit(false) : functions.coalesce(contexts, functions.lit(false));
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
        ids(in.relevantIds(), in.relevantIsArray()).alias("relevant_ids"));
    List<TextStatistics> partitions = checks
        .mapPartitions(new PartitionStatistics(in.options().k(), in.options().supportThreshold(),
                in.options().rougeUseStemmer()),
            Encoders.javaSerialization(TextStatistics.class))
        .collectAsList();
    TextStatistics all = new TextStatistics();
    for (TextStatistics p : partitions) {
      all.merge(p);
    }
    return all;
  }

  /** An id column as {@code array<string>}: as it is, or a string split on commas (null stays null). */
  private static Column ids(String column, boolean isArray) {
    if (column == null) {
      return functions.lit(null).cast("array<string>");
    }
    return isArray ? functions.col(column) : functions.split(functions.col(column).cast("string"), ",");
  }

  /** Folds one partition's rows (in the column order of {@link #statistics}) into one state. */
  static final class PartitionStatistics implements MapPartitionsFunction<Row, TextStatistics> {

    private static final long serialVersionUID = 1L;
    private final int k;
    private final double supportThreshold;
    private final boolean stem;

    PartitionStatistics(int k, double supportThreshold, boolean stem) {
      this.k = k;
      this.supportThreshold = supportThreshold;
      this.stem = stem;
    }

    @Override
    public Iterator<TextStatistics> call(Iterator<Row> rows) {
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
      if (response != null && !references.isEmpty()) {
        s.addPair(response, references, stem);
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
      s.addRetrieval(row.isNullAt(9) ? null : row.getList(9), row.isNullAt(10) ? null : row.getList(10), k);
    }
  }

  static List<MetricResult> metrics(LlmInput in, TextStatistics s) {
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
            : computed(name, s.retrieval[i] / s.judged, s.judged, name.endsWith("_at_k")
                ? "k = " + k + "; mean over " + s.judged + " records with relevant ids"
                : "mean over " + s.judged + " records with relevant ids (whole ranked list)"));
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
    if (in.options().expectJson()) {
      out.add(s.jsonChecked == 0
          ? new MetricResult.Undefined(key(JSON_VALID_RATE), 0L, "json_valid_rate is undefined: every response is empty (null)")
          : computed(JSON_VALID_RATE, (double) s.jsonValid / s.jsonChecked, s.jsonChecked,
              s.jsonValid + " of " + s.jsonChecked + " responses are valid JSON"));
    }
    return out;
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
    return new MetricKey(Family.LLM, name, Scope.DATASET);
  }
}
