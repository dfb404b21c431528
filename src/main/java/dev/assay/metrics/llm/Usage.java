package dev.assay.metrics.llm;

import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricResult;
import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.spec.LlmOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Latency and token cost of an LLM application, in ONE global aggregation of built-in expressions
 * (the llm family's second Spark job, run only when {@code columns.latency_ms}, {@code
 * columns.prompt_tokens} or {@code columns.completion_tokens} is named). Null values are left out
 * of each metric (counts say how many values each rests on).
 *
 * <ul>
 *   <li>{@code latency_ms_p50}, {@code latency_ms_p95}, {@code latency_ms_p99}: Spark's {@code
 *       percentile_approx(latency_ms, array(0.5, 0.95, 0.99), 10000)} — a Greenwald–Khanna summary
 *       whose rank error is at most n / 10000 (exact below about 10,000 values: the smallest value
 *       x such that at least ⌈p·n⌉ values are ≤ x, i.e. the nearest-rank percentile, no
 *       interpolation); milliseconds, lower is better; undefined without a latency.
 *   <li>{@code prompt_tokens_total}, {@code completion_tokens_total}: sums; {@code *_mean}: sum ÷
 *       the non-null values.
 *   <li>{@code cost_total} = Σ over records with both token counts of (prompt_tokens ·
 *       prompt_per_1k + completion_tokens · completion_per_1k) / 1000, with the prices of {@code
 *       llm.prices} (the currency of the price table); {@code cost_per_record} = cost_total ÷ those
 *       records. Both need both token columns and the price table; lower is cheaper.
 * </ul>
 */
final class Usage {

  /** The accuracy argument of {@code percentile_approx}: relative rank error 1/10000. */
  static final int ACCURACY = 10_000;

  private Usage() {}

  /**
   * Runs the aggregation (one Spark job) and returns the metrics; notes are added to {@code notes}.
   */
  static List<MetricResult> run(LlmInput in, List<String> notes) {
    LlmColumns.UsageColumns columns = in.columns().usage();
    Row r = aggregate(in.data(), columns);
    String[][] usageColumns = {
      {"latency_ms", columns.latencyMs()},
      {"prompt_tokens", columns.promptTokens()},
      {"completion_tokens", columns.completionTokens()}
    };
    for (int i = 0; i < usageColumns.length; i++) {
      String note =
          FiniteNumbers.note("llm", usageColumns[i][0], usageColumns[i][1], r.getLong(10 + i));
      if (note != null) {
        notes.add(note);
      }
    }
    List<MetricResult> out = new ArrayList<>();
    if (columns.latencyMs() != null) {
      out.addAll(latency(r.getLong(0), r.getList(1)));
    }
    tokens(
        out,
        columns.promptTokens(),
        r,
        2,
        LlmMetrics.PROMPT_TOKENS_TOTAL,
        LlmMetrics.PROMPT_TOKENS_MEAN);
    tokens(
        out,
        columns.completionTokens(),
        r,
        4,
        LlmMetrics.COMPLETION_TOKENS_TOTAL,
        LlmMetrics.COMPLETION_TOKENS_MEAN);
    if (in.options().hasPrices()) {
      if (columns.promptTokens() == null || columns.completionTokens() == null) {
        notes.add(
            "llm: llm.prices is set but cost_total and cost_per_record need both columns.prompt_tokens"
                + " and columns.completion_tokens; the cost is not computed.");
      } else {
        out.addAll(
            cost(
                in.options(),
                r.getLong(6),
                r.isNullAt(7) ? 0 : r.getDouble(7),
                r.isNullAt(8) ? 0 : r.getDouble(8)));
      }
    }
    long negative = r.getLong(9);
    if (negative > 0) {
      notes.add(
          "llm: "
              + negative
              + " records have a negative latency or token count; check the columns"
              + " (they are included as they are).");
    }
    return out;
  }

  /**
   * The one global aggregation: latency count and percentiles (0, 1), prompt and completion token
   * counts and sums (2–5), records with both counts and their sums (6–8), negative values (9) and
   * non-finite values per column (10–12).
   */
  private static Row aggregate(Dataset<Row> data, LlmColumns.UsageColumns columns) {
    Column rawLatency = numbers(columns.latencyMs());
    Column rawPrompt = numbers(columns.promptTokens());
    Column rawCompletion = numbers(columns.completionTokens());
    Column latency = FiniteNumbers.of(rawLatency);
    Column prompt = FiniteNumbers.of(rawPrompt);
    Column completion = FiniteNumbers.of(rawCompletion);
    Column both = prompt.isNotNull().and(completion.isNotNull());
    return data.agg(
            functions.count(latency),
            functions.percentile_approx(
                latency,
                functions.array(functions.lit(0.5), functions.lit(0.95), functions.lit(0.99)),
                functions.lit(ACCURACY)),
            functions.count(prompt),
            functions.sum(prompt),
            functions.count(completion),
            functions.sum(completion),
            functions.count_if(both),
            functions.sum(functions.when(both, prompt)),
            functions.sum(functions.when(both, completion)),
            functions.count_if(latency.lt(0).or(prompt.lt(0)).or(completion.lt(0))),
            FiniteNumbers.countNonFinite(rawLatency),
            FiniteNumbers.countNonFinite(rawPrompt),
            FiniteNumbers.countNonFinite(rawCompletion))
        .collectAsList()
        .get(0);
  }

  /** latency_ms_p50, _p95 and _p99 from {@code n} latencies and their percentiles. */
  private static List<MetricResult> latency(long n, List<Object> percentiles) {
    List<MetricResult> out = new ArrayList<>();
    String[] names = {
      LlmMetrics.LATENCY_MS_P50.id(), LlmMetrics.LATENCY_MS_P95.id(), LlmMetrics.LATENCY_MS_P99.id()
    };
    for (int i = 0; i < names.length; i++) {
      out.add(
          n == 0
              ? LlmResults.undefined(names[i], "every latency is empty (null)")
              : LlmResults.computed(
                  names[i],
                  percentiles.get(i) instanceof Double d ? d : Double.NaN,
                  n,
                  "percentile_approx, accuracy "
                      + ACCURACY
                      + " (rank error at most n/"
                      + ACCURACY
                      + ")"));
    }
    return out;
  }

  /** cost_total and cost_per_record of the {@code priced} records with both token counts. */
  private static List<MetricResult> cost(
      LlmOptions options, long priced, double promptTokens, double completionTokens) {
    double cost =
        (promptTokens * options.promptPer1k() + completionTokens * options.completionPer1k())
            / 1000.0;
    String note =
        String.format(
            Locale.ROOT,
            "prices per 1,000 tokens: prompt %s, completion %s; %d records with both counts",
            options.promptPer1k(),
            options.completionPer1k(),
            priced);
    return List.of(
        LlmResults.computed(LlmMetrics.COST_TOTAL.id(), cost, priced, note),
        LlmResults.mean(
            LlmMetrics.COST_PER_RECORD.id(),
            cost,
            priced,
            note,
            "no record has both token counts"));
  }

  /** The named column, or a null double without one. */
  private static Column numbers(String column) {
    return column == null ? functions.lit(null).cast("double") : Columns.named(column);
  }

  /**
   * The total and mean of one token column (nothing when it is not named): its non-null count and
   * its sum stand at {@code offset} and {@code offset + 1} of the usage row.
   */
  private static void tokens(
      List<MetricResult> out,
      String column,
      Row r,
      int offset,
      MetricDescriptor total,
      MetricDescriptor mean) {
    if (column == null) {
      return;
    }
    long n = r.getLong(offset);
    double sum = r.isNullAt(offset + 1) ? 0 : r.getDouble(offset + 1);
    out.add(LlmResults.computed(total.id(), sum, n, null));
    out.add(LlmResults.mean(mean.id(), sum, n, null, "every count is empty (null)"));
  }
}
