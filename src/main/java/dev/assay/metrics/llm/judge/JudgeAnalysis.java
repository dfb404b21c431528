package dev.assay.metrics.llm.judge;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.RunFailedException;
import dev.assay.core.Scope;
import dev.assay.metrics.llm.LlmInput;
import dev.assay.metrics.llm.LlmMetrics;
import dev.assay.metrics.llm.http.ServiceCache;
import dev.assay.spark.Columns;
import dev.assay.spark.RowByRow;
import dev.assay.spec.JudgeOptions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The optional LLM-as-judge: rates each record's groundedness, relevance and coherence (1–5, see
 * {@link JudgeRubric}) through a chat-completions endpoint, inside Spark tasks, and reports their
 * means.
 *
 * <p>How it runs: each record gets a key, the SHA-256 of the model, the rubric version and the
 * record's question, contexts and response. Keys already in the cache (a Parquet folder of earlier
 * verdicts) are not sent again, so a re-run costs nothing; the rest — distinct keys, at most {@code
 * max_records}, in key order — are spread over the cluster's partitions and sent one request at a
 * time per partition ({@link ChatCompletionsClient}, with retries and back-off). The new verdicts,
 * failures included, are appended to the cache in the same job (a failed key is retried on the next
 * run). The means are then one aggregation over the records joined with the cache. Records whose
 * response is null are not judged.
 *
 * <p>Metrics (llm family, data-set scope): {@code judge_groundedness}, {@code judge_relevance},
 * {@code judge_coherence} — the mean rating over the judged records, 1 to 5, higher is better;
 * {@code judge_coverage} — the share of records with a response that have a verdict, 0 to 1. With
 * no judged record the means are undefined with the reason.
 *
 * <p>Model judges are not deterministic across model versions and are not ground truth; the report
 * labels these as the judge model's opinion.
 */
public final class JudgeAnalysis {

  public static final String GROUNDEDNESS = "judge_groundedness";
  public static final String RELEVANCE = "judge_relevance";
  public static final String COHERENCE = "judge_coherence";
  public static final String COVERAGE = "judge_coverage";

  static final StructType VERDICT_SCHEMA =
      new StructType()
          .add("judge_key", DataTypes.StringType, false)
          .add("groundedness", DataTypes.IntegerType, true)
          .add("relevance", DataTypes.IntegerType, true)
          .add("coherence", DataTypes.IntegerType, true)
          .add("error", DataTypes.StringType, true)
          .add("answered", DataTypes.BooleanType, false)
          .add("attempts", DataTypes.IntegerType, false)
          .add("run_id", DataTypes.StringType, false);

  private JudgeAnalysis() {}

  /** The judge's metrics and notes, and how many requests this run sent. */
  public record JudgeOutcome(List<MetricResult> metrics, List<String> notes, long requests) {
    public JudgeOutcome {
      metrics = List.copyOf(metrics);
      notes = List.copyOf(notes);
    }
  }

  /**
   * Judges the records of {@code input}.
   *
   * @param key the API key read from the environment (empty for none); only sent in a header
   * @throws RunFailedException when the endpoint answered none of this run's requests (a network or
   *     HTTP error every time: exit 3); answers that cannot be read are failed verdicts
   */
  public static JudgeOutcome run(LlmInput input, JudgeOptions options, String key) {
    SparkSession spark = input.data().sparkSession();
    String cache = options.cache().toUri().toString();
    boolean cached = Files.isDirectory(options.cache());
    if (cached && !ServiceCache.holds(spark, options.cache(), VERDICT_SCHEMA)) {
      throw new BadInputException(
          "llm.judge.cache: "
              + options.cache()
              + " exists but is not an"
              + " Assay judge cache (a Parquet folder with columns judge_key, groundedness, relevance,"
              + " coherence, error, answered, attempts, run_id); point llm.judge.cache at a new or an earlier"
              + " cache folder.");
    }

    Dataset<Row> records = records(input, options);
    Dataset<Row> keys = records.dropDuplicates("judge_key");
    Dataset<Row> todo =
        cached
            ? keys.join(
                verdicts(spark, cache).select("v_key"),
                keys.col("judge_key").equalTo(col("v_key")),
                "left_anti")
            : keys;
    long missing = todo.count();
    long sending = Math.min(missing, options.maxRecords());
    String runId = UUID.randomUUID().toString();
    if (sending > 0) {
      int partitions =
          Math.max(1, Math.min((int) sending, spark.sparkContext().defaultParallelism()));
      ChatCompletionsClient client =
          new ChatCompletionsClient(
              options.endpoint(),
              options.model(),
              options.auth(),
              key,
              options.timeoutSeconds(),
              options.maxRetries());
      todo.orderBy("judge_key")
          .limit(options.maxRecords())
          .repartition(partitions, col("judge_key"))
          .mapPartitions(new JudgePartition(client, runId), Encoders.row(VERDICT_SCHEMA))
          .write()
          .mode(SaveMode.Append)
          .parquet(cache);
    }

    List<String> notes = new ArrayList<>();
    long failed = 0;
    if (sending > 0) {
      ServiceCache.Run run =
          ServiceCache.Run.of(
              spark, cache, runId, col("error").isNotNull(), col("answered").equalTo(true));
      failed = run.failed();
      run.requireAnswers(
          "the LLM judge at " + where(options),
          "requests",
          "Check llm.judge.endpoint and the key, or remove llm.judge.");
      run.noteFailures("LLM judge", "requests", "failed and are retried on the next run", notes);
    }

    Dataset<Row> scores = verdicts(spark, cache);
    Row agg =
        records
            .join(scores, records.col("judge_key").equalTo(scores.col("v_key")), "left")
            .agg(count(lit(1)), count(col("g")), avg(col("g")), avg(col("r")), avg(col("c")))
            .first();
    long total = agg.getLong(0);
    long judged = agg.getLong(1);
    notes.add(
        String.format(
            Locale.ROOT,
            "LLM judge (%s%s): %d of %d records with a response have"
                + " a verdict; %d requests sent in this run, %d failed; %d not sent because of"
                + " llm.judge.max_records (%d). Ratings are the judge model's opinion (rubric %s),"
                + " not ground truth.",
            where(options),
            options.model().isEmpty() ? "" : ", model " + options.model(),
            judged,
            total,
            sending,
            failed,
            missing - sending,
            options.maxRecords(),
            JudgeRubric.VERSION));

    List<MetricResult> metrics = new ArrayList<>();
    String[] names = {GROUNDEDNESS, RELEVANCE, COHERENCE};
    for (int i = 0; i < names.length; i++) {
      metrics.add(
          judged == 0
              ? new MetricResult.Undefined(
                  key(names[i]),
                  0L,
                  names[i]
                      + " is undefined: no record"
                      + (total == 0 ? " has a response" : " has a judge verdict yet"))
              : MetricResult.Computed.of(
                  key(names[i]),
                  agg.getDouble(2 + i),
                  judged,
                  "mean 1-5 rating by the LLM judge over " + judged + " records"));
    }
    metrics.add(
        total == 0
            ? new MetricResult.Undefined(
                key(COVERAGE), 0L, COVERAGE + " is undefined: no record has a response")
            : MetricResult.Computed.of(
                key(COVERAGE),
                (double) judged / total,
                total,
                judged + " of " + total + " records judged"));
    return new JudgeOutcome(metrics, notes, sending);
  }

  /** One row per record with a response: its key and the three texts the judge sees. */
  static Dataset<Row> records(LlmInput input, JudgeOptions options) {
    Column question =
        input.prompt() == null
            ? lit("")
            : coalesce(Columns.named(input.prompt()).cast("string"), lit(""));
    Column contexts =
        input.contexts() == null
            ? lit("")
            : input.contextsIsArray()
                ? concat_ws("\n\n", Columns.named(input.contexts()))
                : coalesce(Columns.named(input.contexts()), lit(""));
    Column response = Columns.named(input.response()).cast("string");
    Dataset<Row> texts =
        input
            .data()
            .filter(Columns.named(input.response()).isNotNull())
            .select(question.as("q"), contexts.as("ctx"), response.as("resp"));
    return texts.withColumn(
        "judge_key",
        sha2(
            concat_ws(
                "\u0001",
                lit(options.model()),
                lit(JudgeRubric.VERSION),
                col("q"),
                col("ctx"),
                col("resp")),
            256));
  }

  /** The cache's successful verdicts, one per key. */
  private static Dataset<Row> verdicts(SparkSession spark, String cache) {
    return spark
        .read()
        .parquet(cache)
        .filter(col("error").isNull())
        .groupBy(col("judge_key").as("v_key"))
        .agg(first("groundedness").as("g"), first("relevance").as("r"), first("coherence").as("c"));
  }

  private static String where(JudgeOptions options) {
    return options.endpoint().getScheme()
        + "://"
        + options.endpoint().getAuthority()
        + options.endpoint().getPath();
  }

  private static MetricKey key(String name) {
    return new MetricKey(LlmMetrics.require(name), Scope.DATASET);
  }

  /** Sends one partition's records, one request each, and yields a verdict row per record. */
  record JudgePartition(ChatCompletionsClient client, String runId) implements RowByRow {

    @Override
    public Row apply(Row r) {
      String k = r.getAs("judge_key");
      ChatCompletionsClient.Reply reply =
          client.complete(JudgeRubric.messages(r.getAs("q"), r.getAs("ctx"), r.getAs("resp")));
      if (reply.error() != null) {
        return RowFactory.create(
            k, null, null, null, reply.error(), false, reply.attempts(), runId);
      }
      try {
        JudgeScores s = JudgeRubric.read(reply.content());
        return RowFactory.create(
            k, s.groundedness(), s.relevance(), s.coherence(), null, true, reply.attempts(), runId);
      } catch (IllegalArgumentException e) {
        return RowFactory.create(
            k, null, null, null, e.getMessage(), true, reply.attempts(), runId);
      }
    }
  }
}
