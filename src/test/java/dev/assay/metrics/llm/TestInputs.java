package dev.assay.metrics.llm;

import dev.assay.spec.LlmOptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Short ways for tests to build an {@link LlmInput} from column names. */
public final class TestInputs {

  private TestInputs() {}

  /** Texts only: a string reference (or null), a prompt and contexts (each may be null). */
  public static LlmInput texts(
      Dataset<Row> data,
      String response,
      String reference,
      String prompt,
      String contexts,
      boolean contextsIsArray,
      LlmOptions options) {
    return new LlmInput(
        data,
        LlmColumns.of(LlmColumns.Texts.of(response, reference, prompt, contexts, contextsIsArray)),
        options);
  }

  /** {@code in} with retrieval id columns. */
  public static LlmInput withIds(
      LlmInput in,
      String retrieved,
      boolean retrievedIsArray,
      String relevant,
      boolean relevantIsArray) {
    return in.withColumns(
        in.columns()
            .withIds(
                new LlmColumns.Ids(
                    LlmColumns.TextColumn.of(retrieved, retrievedIsArray),
                    LlmColumns.TextColumn.of(relevant, relevantIsArray))));
  }

  /** {@code in} with another reference column. */
  public static LlmInput withReference(LlmInput in, String column, boolean isArray) {
    LlmColumns.Texts t = in.columns().texts();
    LlmColumns.Texts texts =
        new LlmColumns.Texts(
            t.response(), LlmColumns.TextColumn.of(column, isArray), t.prompt(), t.contexts());
    return in.withColumns(
        new LlmColumns(texts, in.columns().ids(), in.columns().variant(), in.columns().usage()));
  }

  /** The RAG demo's input as its audit spec reads it (datasets/rag-demo/audit.yaml). */
  public static LlmInput ragDemo(org.apache.spark.sql.SparkSession spark) {
    dev.assay.spec.ResolvedSpec spec =
        new dev.assay.spec.SpecLoader(java.nio.file.Path.of("rules"))
            .load(java.nio.file.Path.of("datasets/rag-demo/audit.yaml"));
    return LlmPlan.input(
        dev.assay.io.DatasetReader.open(spark, spec.current()),
        spec.raw().columns(),
        spec.llm(),
        spec.document(),
        "rag demo");
  }

  public static LlmInput withVariant(LlmInput in, String column) {
    return in.withColumns(in.columns().withVariant(column));
  }

  public static LlmInput withUsage(LlmInput in, String latency, String prompt, String completion) {
    return in.withColumns(
        in.columns().withUsage(new LlmColumns.UsageColumns(latency, prompt, completion)));
  }
}
