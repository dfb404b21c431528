package dev.assay.metrics.llm.safety;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.when;

import dev.assay.core.BadInputException;
import dev.assay.core.RunFailedException;
import dev.assay.core.SafetyCategory;
import dev.assay.core.SafetyExample;
import dev.assay.metrics.llm.LlmInput;
import dev.assay.metrics.llm.http.JsonPoster;
import dev.assay.metrics.llm.http.ServiceCache;
import dev.assay.metrics.llm.judge.ChatCompletionsClient;
import dev.assay.spark.Columns;
import dev.assay.spec.SafetyOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The optional safety evaluators: classifies each distinct response (harm categories, protected
 * material) and each distinct prompt with its contexts (jailbreak, indirect attack) through the
 * backend chosen in {@code llm.safety}, inside Spark tasks, and reports per category the defect
 * rate with its Wilson interval and the maximum severity, overall and per group ({@link
 * SafetyRates}).
 *
 * <p>How it runs, as the judge: each unit of work gets a key, the SHA-256 of the backend's identity
 * (service and API version, or model and rubric version), the categories and the texts. Keys
 * already in the cache are not sent again; the rest, in key order and at most {@code max_requests}
 * HTTP requests, are spread over the partitions and sent one at a time per partition with retries
 * ({@link JsonPoster}, {@link ChatCompletionsClient}). New verdicts, failures included, are
 * appended to the cache; a failure is retried on the next run. When the service answered none of
 * this run's requests the run fails (exit 3).
 */
public final class SafetyAnalysis {

  private SafetyAnalysis() {}

  /** The metrics, notes, requests sent and examples of the worst records. */
  public record SafetyOutcome(
      List<dev.assay.core.MetricResult> metrics,
      List<String> notes,
      long requests,
      List<SafetyExample> examples) {
    public SafetyOutcome {
      metrics = List.copyOf(metrics);
      notes = List.copyOf(notes);
      examples = List.copyOf(examples);
    }
  }

  /**
   * Classifies the records of {@code input}.
   *
   * @param key the service key read from the environment (empty for none); only sent in a header
   * @param groupBy the columns whose groups get their own rates (checked against the data here)
   * @throws RunFailedException when the service answered none of this run's requests (exit 3)
   */
  public static SafetyOutcome run(
      LlmInput input, SafetyOptions options, String key, List<String> groupBy) {
    SparkSession spark = input.data().sparkSession();
    checkGroups(input, groupBy);
    Set<SafetyCategory> categories = applicable(input, options.categories());
    SafetyBackend backend = backend(options, categories, key);
    SafetyCache.check(spark, options.cache());
    Dataset<Row> records = records(input, backend, categories, groupBy);
    List<String> notes = new ArrayList<>();
    long sent = send(spark, records, backend, options, categories, notes);
    SafetyRates rates = new SafetyRates(options.severityThreshold(), categories, groupBy);
    Dataset<Row> scored = rates.scored(records, SafetyCache.verdictsOrNone(spark, options.cache()));
    List<dev.assay.core.MetricResult> metrics = rates.metrics(scored, notes);
    notes.add(summary(options, backend, sent, categories, input));
    return new SafetyOutcome(metrics, notes, sent, SafetyExamples.worst(scored, rates));
  }

  /** The backend of the options, with the key. */
  static SafetyBackend backend(SafetyOptions o, Set<SafetyCategory> categories, String key) {
    if (o.backend() == SafetyOptions.Backend.AZURE_CONTENT_SAFETY) {
      return new ContentSafetyBackend(
          o.endpoint(),
          categories,
          new JsonPoster("Ocp-Apim-Subscription-Key", "", key, o.timeoutSeconds(), o.maxRetries()));
    }
    ChatCompletionsClient client =
        new ChatCompletionsClient(
            o.endpoint(), o.model(), o.auth(), key, o.timeoutSeconds(), o.maxRetries());
    return new JudgeSafetyBackend(client, o.model(), categories);
  }

  /** The requested categories whose texts exist: jailbreak needs a prompt, indirect contexts. */
  static Set<SafetyCategory> applicable(LlmInput input, Set<SafetyCategory> requested) {
    return requested.stream()
        .filter(c -> c != SafetyCategory.JAILBREAK || input.prompt() != null)
        .filter(c -> c != SafetyCategory.INDIRECT_ATTACK || input.contexts() != null)
        .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(SafetyCategory.class)));
  }

  private static void checkGroups(LlmInput input, List<String> groupBy) {
    List<String> present = Arrays.asList(input.data().columns());
    for (String g : groupBy) {
      if (!present.contains(g)) {
        throw new BadInputException(
            "llm.safety.group_by: the data has no column '"
                + g
                + "'; name one of its columns, or leave group_by out.");
      }
    }
  }

  /**
   * One row per record with a response: the texts, the group columns {@code g0..}, and the keys
   * {@code text_key} and {@code shield_key} (null without shield categories).
   */
  static Dataset<Row> records(
      LlmInput input, SafetyBackend backend, Set<SafetyCategory> categories, List<String> groupBy) {
    List<Column> select = new ArrayList<>();
    select.add(Columns.named(input.response()).cast("string").as("resp"));
    select.add(promptText(input).as("q"));
    select.add(documents(input).as("docs"));
    for (int i = 0; i < groupBy.size(); i++) {
      select.add(Columns.named(groupBy.get(i)).cast("string").as("g" + i));
    }
    Column[] keys = keys(input, backend, categories);
    select.add(keys[0].as("text_key"));
    select.add(keys[1].as("shield_key"));
    return input
        .data()
        .filter(Columns.named(input.response()).isNotNull())
        .select(select.toArray(Column[]::new));
  }

  /**
   * The cache keys of a record, over the data's own columns: the response's ({@code text_key}) and
   * the prompt-with-contexts' ({@code shield_key}, null without shield categories). {@link
   * SafetyRecords} joins the per-record severities back with the same expressions.
   */
  static Column[] keys(LlmInput input, SafetyBackend backend, Set<SafetyCategory> categories) {
    String cats =
        categories.stream().map(SafetyCategory::id).sorted().collect(Collectors.joining(","));
    boolean shield = categories.stream().anyMatch(c -> c.unit() == SafetyCategory.Unit.SHIELD);
    Column response = Columns.named(input.response()).cast("string");
    Column text = key(backend, cats, SafetyPartition.RESPONSE, response);
    Column prompts = concat_ws("\u0001", promptText(input), concat_ws("\u0002", documents(input)));
    Column shieldKey =
        shield ? key(backend, cats, SafetyPartition.SHIELD, prompts) : lit(null).cast("string");
    return new Column[] {text, shieldKey};
  }

  private static Column promptText(LlmInput input) {
    return input.prompt() == null
        ? lit("")
        : coalesce(Columns.named(input.prompt()).cast("string"), lit(""));
  }

  private static Column documents(LlmInput input) {
    Column empty = array().cast(DataTypes.createArrayType(DataTypes.StringType));
    return input.contexts() == null
        ? empty
        : input.contextsIsArray()
            ? coalesce(Columns.named(input.contexts()), empty)
            : when(Columns.named(input.contexts()).isNull(), empty)
                .otherwise(array(Columns.named(input.contexts()).cast("string")));
  }

  private static Column key(SafetyBackend backend, String cats, String unit, Column text) {
    return sha2(concat_ws("\u0001", lit(backend.identity()), lit(cats), lit(unit), text), 256);
  }

  /** Sends the units not in the cache, within the request cap; returns the requests sent. */
  private static long send(
      SparkSession spark,
      Dataset<Row> records,
      SafetyBackend backend,
      SafetyOptions options,
      Set<SafetyCategory> categories,
      List<String> notes) {
    String cache = options.cache().toUri().toString();
    Dataset<Row> units = units(records, backend, categories);
    Dataset<Row> todo =
        java.nio.file.Files.isDirectory(options.cache())
            ? units.join(
                SafetyCache.verdicts(spark, cache).select("v_key"),
                units.col("safety_key").equalTo(col("v_key")),
                "left_anti")
            : units;
    long[] missing = {0, 0};
    for (Row r : todo.groupBy("unit").count().collectAsList()) {
      missing[SafetyPartition.RESPONSE.equals(r.getString(0)) ? 0 : 1] = r.getLong(1);
    }
    SendPlan plan =
        SendPlan.of(
            missing,
            backend.requestsPerResponse(),
            backend.requestsPerShield(),
            options.maxRequests());
    if (plan.units() == 0) {
      return 0;
    }
    String runId = UUID.randomUUID().toString();
    Dataset<Row> chosen =
        todo.filter(col("unit").equalTo(SafetyPartition.RESPONSE))
            .orderBy("safety_key")
            .limit((int) plan.responses())
            .union(
                todo.filter(col("unit").equalTo(SafetyPartition.SHIELD))
                    .orderBy("safety_key")
                    .limit((int) plan.shields()));
    int partitions =
        (int) Math.max(1, Math.min(plan.units(), spark.sparkContext().defaultParallelism()));
    chosen
        .repartition(partitions, col("safety_key"))
        .mapPartitions(new SafetyPartition(backend, runId), Encoders.row(SafetyCache.SCHEMA))
        .write()
        .mode(SaveMode.Append)
        .parquet(cache);
    checkRun(spark, cache, runId, options, notes);
    if (plan.leftOut() > 0) {
      notes.add(
          "Safety: "
              + plan.leftOut()
              + " texts not sent because of llm.safety.max_requests ("
              + options.maxRequests()
              + "); they are sent on a later run.");
    }
    return plan.requests();
  }

  /** The distinct units of work: responses, and prompts with contexts (when shield runs). */
  private static Dataset<Row> units(
      Dataset<Row> records, SafetyBackend backend, Set<SafetyCategory> categories) {
    Column empty = array().cast(DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> out =
        records
            .select(
                col("text_key").as("safety_key"),
                lit(SafetyPartition.RESPONSE).as("unit"),
                col("resp").as("a"),
                empty.as("docs"))
            .dropDuplicates("safety_key");
    if (backend.requestsPerResponse() == 0) {
      out = out.limit(0);
    }
    if (categories.stream().anyMatch(c -> c.unit() == SafetyCategory.Unit.SHIELD)) {
      out =
          out.union(
              records
                  .select(
                      col("shield_key").as("safety_key"),
                      lit(SafetyPartition.SHIELD).as("unit"),
                      col("q").as("a"),
                      col("docs"))
                  .dropDuplicates("safety_key"));
    }
    return out;
  }

  private static void checkRun(
      SparkSession spark, String cache, String runId, SafetyOptions options, List<String> notes) {
    ServiceCache.Run run =
        ServiceCache.Run.of(
            spark, cache, runId, col("error").isNotNull(), col("answered").equalTo(true));
    run.requireAnswers(
        "the safety backend at " + JsonPoster.where(options.endpoint()),
        "texts",
        "Check llm.safety.endpoint and the key, or remove llm.safety.");
    run.noteFailures("Safety", "texts", "failed and are retried on the next run", notes);
  }

  private static String summary(
      SafetyOptions o,
      SafetyBackend backend,
      long sent,
      Set<SafetyCategory> categories,
      LlmInput input) {
    String skipped =
        o.categories().size() == categories.size()
            ? ""
            : " Not evaluated for want of a prompt or contexts column: "
                + o.categories().stream()
                    .filter(c -> !categories.contains(c))
                    .map(SafetyCategory::id)
                    .collect(Collectors.joining(", "))
                + ".";
    return "Safety ("
        + backend.identity()
        + " at "
        + JsonPoster.where(o.endpoint())
        + "): "
        + sent
        + " requests sent in this run; severity threshold "
        + o.severityThreshold()
        + ". A classifier's verdict is evidence, not proof."
        + skipped;
  }

  /** How many units of each kind are sent under the request cap: responses first, then shields. */
  record SendPlan(long responses, long shields, long requests, long leftOut) {

    static SendPlan of(long[] missing, int perResponse, int perShield, long cap) {
      long responses = perResponse == 0 ? 0 : Math.min(missing[0], cap / perResponse);
      long remaining = cap - responses * perResponse;
      long shields = perShield == 0 ? 0 : Math.min(missing[1], remaining / perShield);
      long leftOut =
          (perResponse == 0 ? 0 : missing[0] - responses)
              + (perShield == 0 ? 0 : missing[1] - shields);
      return new SendPlan(
          responses, shields, responses * perResponse + shields * perShield, leftOut);
    }

    long units() {
      return responses + shields;
    }
  }
}
