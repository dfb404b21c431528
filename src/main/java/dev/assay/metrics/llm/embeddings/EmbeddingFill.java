package dev.assay.metrics.llm.embeddings;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

import dev.assay.metrics.llm.LlmColumns;
import dev.assay.metrics.llm.LlmInput;
import dev.assay.metrics.llm.http.ServiceCache;
import dev.assay.spark.Columns;
import dev.assay.spec.EmbeddingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Computes the embeddings the data does not carry ({@code llm.embeddings}): for every text column
 * named without its embedding column (response, reference answer — the first one when several —,
 * prompt, contexts), the distinct texts are keyed by the SHA-256 of the model and the text, the
 * keys not in the cache are sent from Spark tasks in batches ({@link EmbeddingPartition}), the new
 * vectors appended to the cache, and every record gets its vectors by a join on the key. The run
 * fails (exit 3) when no text of this run got an embedding.
 */
public final class EmbeddingFill {

  static final String ROW_ID = "__assay_row";
  static final String PREFIX = "__assay_";

  private EmbeddingFill() {}

  /** The input with the filled embedding columns, and the notes of the run. */
  public record Filled(LlmInput input, List<String> notes, long sent) {}

  /**
   * Fills the missing embeddings of {@code in}.
   *
   * @param key the endpoint's key read from the environment (empty for none); only sent in a header
   */
  public static Filled run(LlmInput in, EmbeddingOptions o, String key) {
    LlmColumns.Embeddings given = in.columns().embeddings();
    List<String[]> singles = new ArrayList<>(); // {text column expression name, output column}
    Dataset<Row> data = in.data();
    String identity = o.api().name().toLowerCase(java.util.Locale.ROOT) + ":" + o.model();
    List<Column> texts = new ArrayList<>();
    Column response = given.response() == null ? text(in.response(), false) : null;
    Column reference =
        given.reference() == null && in.reference() != null
            ? text(in.reference(), in.columns().texts().reference().isArray())
            : null;
    Column prompt = given.prompt() == null && in.prompt() != null ? text(in.prompt(), false) : null;
    boolean contexts = given.contexts() == null && in.contexts() != null;
    if (response == null && reference == null && prompt == null && !contexts) {
      return new Filled(in, List.of(), 0);
    }
    SparkSession spark = in.data().sparkSession();
    EmbeddingCache.check(spark, o.cache());
    if (contexts) {
      data = data.withColumn(ROW_ID, monotonically_increasing_id());
    }
    for (Column c : new Column[] {response, reference, prompt}) {
      if (c != null) {
        texts.add(c);
      }
    }
    Dataset<Row> distinct = distinctTexts(data, texts, contexts ? passages(in) : null, identity);
    List<String> notes = new ArrayList<>();
    long sent = send(spark, distinct, o, key, notes);
    Dataset<Row> vectors = EmbeddingCache.vectors(spark, o.cache());
    String r = response == null ? given.response() : PREFIX + "response_embedding";
    String ref = reference == null ? given.reference() : PREFIX + "reference_embedding";
    String p = prompt == null ? given.prompt() : PREFIX + "prompt_embedding";
    String ctx = contexts ? PREFIX + "context_embeddings" : given.contexts();
    data = attach(data, response, r, vectors, identity);
    data = attach(data, reference, ref, vectors, identity);
    data = attach(data, prompt, p, vectors, identity);
    if (contexts) {
      data = attachContexts(data, passages(in), ctx, vectors, identity);
    }
    LlmInput filled =
        new LlmInput(
            data,
            in.columns().withEmbeddings(new LlmColumns.Embeddings(r, ref, ctx, p)),
            in.options(),
            in.checks());
    notes.add(
        0,
        "Embeddings ("
            + identity
            + " at "
            + new EmbeddingsClient(o, "").where()
            + "): "
            + sent
            + " texts sent in this run; the others came from the cache "
            + o.cache().getFileName()
            + ".");
    return new Filled(filled, notes, sent);
  }

  private static Column text(String column, boolean isArray) {
    return isArray
        ? functions.element_at(Columns.named(column), 1).cast("string")
        : Columns.named(column).cast("string");
  }

  /** The contexts as {@code array<string>}. */
  private static Column passages(LlmInput in) {
    Column c = Columns.named(in.contexts());
    return in.contextsIsArray()
        ? c
        : functions
            .when(c.isNull(), lit(null).cast("array<string>"))
            .otherwise(functions.array(c.cast("string")));
  }

  static Column key(String identity, Column text) {
    return sha2(concat_ws("\u0001", lit(identity), text), 256);
  }

  private static Dataset<Row> distinctTexts(
      Dataset<Row> data, List<Column> texts, Column passages, String identity) {
    Dataset<Row> all = null;
    for (Column t : texts) {
      Dataset<Row> one = data.select(t.as("text"));
      all = all == null ? one : all.union(one);
    }
    if (passages != null) {
      Dataset<Row> one = data.select(functions.explode(passages).as("text"));
      all = all == null ? one : all.union(one);
    }
    return all.where(col("text").isNotNull())
        .distinct()
        .select(key(identity, col("text")).as("embedding_key"), col("text"));
  }

  /** Sends the texts not in the cache, at most max_requests batches; returns the texts sent. */
  private static long send(
      SparkSession spark, Dataset<Row> texts, EmbeddingOptions o, String key, List<String> notes) {
    Dataset<Row> todo =
        texts.join(
            EmbeddingCache.vectors(spark, o.cache()).select("v_key"),
            texts.col("embedding_key").equalTo(col("v_key")),
            "left_anti");
    long cap = (long) o.maxRequests() * o.batchSize();
    long missing = Math.min(todo.count(), cap);
    if (missing == 0) {
      return 0;
    }
    String runId = UUID.randomUUID().toString();
    int partitions =
        (int)
            Math.max(
                1,
                Math.min(
                    (missing + o.batchSize() - 1) / o.batchSize(),
                    spark.sparkContext().defaultParallelism()));
    todo.orderBy("embedding_key")
        .limit((int) missing)
        .repartition(partitions, col("embedding_key"))
        .sortWithinPartitions("embedding_key")
        .select("embedding_key", "text")
        .mapPartitions(
            new EmbeddingPartition(new EmbeddingsClient(o, key), o.batchSize(), runId),
            Encoders.row(EmbeddingCache.SCHEMA))
        .write()
        .mode(SaveMode.Append)
        .parquet(o.cache().toUri().toString());
    checkRun(spark, o, runId, notes);
    if (missing == cap) {
      notes.add(
          "Embeddings: at most llm.embeddings.max_requests ("
              + o.maxRequests()
              + ") requests were sent; the texts left over are sent on a later run and their"
              + " records are left out of the semantic metrics.");
    }
    return missing;
  }

  private static void checkRun(
      SparkSession spark, EmbeddingOptions o, String runId, List<String> notes) {
    ServiceCache.Run run =
        ServiceCache.Run.of(
            spark,
            o.cache().toUri().toString(),
            runId,
            col("embedding").isNull(),
            col("embedding").isNotNull());
    run.requireAnswers(
        "the embeddings endpoint at " + new EmbeddingsClient(o, "").where(),
        "texts",
        "Check llm.embeddings.endpoint and the key, or remove llm.embeddings.");
    run.noteFailures(
        "Embeddings",
        "texts",
        "got no embedding and are retried on the next run (their records are left out of the"
            + " semantic metrics)",
        notes);
  }

  private static Dataset<Row> attach(
      Dataset<Row> data, Column text, String name, Dataset<Row> vectors, String identity) {
    if (text == null) {
      return data;
    }
    String k = name + "_key";
    Dataset<Row> v = vectors.select(col("v_key").as(k + "_v"), col("v_embedding").as(name));
    return data.withColumn(k, key(identity, text))
        .join(v, Columns.named(k).equalTo(Columns.named(k + "_v")), "left")
        .drop(k, k + "_v");
  }

  private static Dataset<Row> attachContexts(
      Dataset<Row> data, Column passages, String name, Dataset<Row> vectors, String identity) {
    Dataset<Row> per =
        data.select(Columns.named(ROW_ID), posexplode(passages).as(new String[] {"pos", "text"}))
            .withColumn("ctx_key", key(identity, col("text")))
            .join(vectors, col("ctx_key").equalTo(col("v_key")), "left")
            .groupBy(ROW_ID)
            .agg(array_sort(collect_list(struct(col("pos"), col("v_embedding")))).as("s"))
            .select(
                Columns.named(ROW_ID),
                transform(col("s"), x -> x.getField("v_embedding")).as(name));
    return data.join(per, ROW_ID, "left").drop(ROW_ID);
  }
}
