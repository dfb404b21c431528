package dev.assay.metrics.llm;

import dev.assay.Audit;
import dev.assay.spark.SparkSessions;
import dev.assay.spec.LlmOptions;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Prints records per second of the llm family on synthetic (response, reference, prompt, contexts,
 * ids, variant, latency, tokens) records; default 100,000 pairs, the first argument overrides (e.g.
 * 1000000 for the 1M figure). Not a test: run it by hand, e.g. {@code mvn -q test-compile
 * exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.assay.metrics.llm.LlmBenchmark
 * -Dexec.args=1000000}. Texts are built with built-in expressions from a 40-word vocabulary
 * (responses of 8–20 words, references of 6–14, two contexts of 12 words), so every reference
 * metric does real work.
 */
public final class LlmBenchmark {

  private static final String[] WORDS =
      ("the router supports wpa3 and wpa2 security on both bands , reset it"
              + " by holding the button for ten seconds . Paris office hours are 9 to 17 on weekdays the"
              + " admin page is at 192.168.8.1 firmware updates")
          .split(" ");

  private LlmBenchmark() {}

  static Column text(Column id, int salt, int minWords, int maxWords) {
    Column n =
        functions
            .abs(functions.xxhash64(id, functions.lit(salt)))
            .mod(maxWords - minWords + 1)
            .plus(minWords);
    Column vocab =
        functions.array(java.util.Arrays.stream(WORDS).map(functions::lit).toArray(Column[]::new));
    Column words =
        functions.transform(
            functions.sequence(functions.lit(1), n),
            i ->
                functions.element_at(
                    vocab,
                    functions
                        .abs(functions.xxhash64(id, functions.lit(salt), i))
                        .mod(WORDS.length)
                        .plus(1)
                        .cast("int")));
    return functions.array_join(words, " ");
  }

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 100_000L;
    SparkSession spark = SparkSessions.create("local[*]", Map.of("spark.driver.host", "127.0.0.1"));
    Column id = functions.col("id");
    Dataset<Row> data =
        spark
            .range(rows)
            .select(
                text(id, 1, 8, 20).as("response"),
                text(id, 2, 6, 14).as("expected"),
                text(id, 3, 5, 10).as("prompt"),
                functions.array(text(id, 4, 12, 12), text(id, 5, 12, 12)).as("contexts"),
                functions
                    .array(
                        id.mod(7).cast("string"),
                        id.mod(11).cast("string"),
                        id.mod(13).cast("string"))
                    .as("retrieved"),
                functions.array(id.mod(11).cast("string")).as("relevant"),
                functions.when(id.mod(2).equalTo(0), "he").otherwise("she").as("variant"),
                functions
                    .abs(functions.xxhash64(id, functions.lit(6)))
                    .mod(3000)
                    .cast("double")
                    .as("latency"),
                id.mod(500).plus(50).as("in_tokens"),
                id.mod(200).plus(10).as("out_tokens"))
            .cache();
    System.out.printf(
        "materialised %d rows, %d partitions%n", data.count(), data.rdd().getNumPartitions());
    LlmOptions options = LlmOptions.DEFAULTS.withPrices(0.003, 0.015);
    LlmInput base =
        TestInputs.withIds(
            TestInputs.texts(data, "response", "expected", "prompt", "contexts", true, options),
            "retrieved",
            true,
            "relevant",
            true);
    LlmInput everything =
        TestInputs.withUsage(
                TestInputs.withVariant(base, "variant"), "latency", "in_tokens", "out_tokens")
            .withScanners(Audit.responseScanners());
    time(
        "reference metrics only (bleu, chrf, rouge 1/2/L/Lsum, squad; no contexts)",
        rows,
        () ->
            LlmAnalysis.run(
                TestInputs.texts(
                    data, "response", "expected", null, null, false, LlmOptions.DEFAULTS)));
    time(
        "everything: + retrieval, lexical support, variants, PII/secret scan (job 1), latency/cost (job 2)",
        rows,
        () -> LlmAnalysis.run(everything));
    time(
        "everything with Porter stemming",
        rows,
        () ->
            LlmAnalysis.run(
                new LlmInput(
                    data,
                    everything.columns(),
                    options.withRougeUseStemmer(true),
                    everything.checks())));
    spark.stop();
  }

  private static void time(String what, long rows, Runnable body) {
    body.run(); // warm-up
    long start = System.nanoTime();
    body.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%s: %d records in %.2f s = %.0f records/s%n", what, rows, seconds, rows / seconds);
  }
}
