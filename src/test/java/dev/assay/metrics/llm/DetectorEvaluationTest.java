package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.spark.SharedSpark;
import dev.assay.spec.LlmOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The built-in injection and refusal detectors measured on Assay's labelled evaluation sets ({@code
 * src/test/resources/llm/detectors/}, written by hand, generator scripts beside them): the
 * detectors run as Spark column expressions over the sets, exactly as in the llm job, and the
 * confusion counts (overall and per kind) are printed and pinned to precision ≥ 0.95 and recall ≥
 * 0.80. The figures are reported in docs/llm.md. Slow step: about 500 rows through the detectors.
 * Run with {@code -Ddetectors.misses=true} to list the misclassified rows.
 */
@Tag("slow")
class DetectorEvaluationTest {

  private static final String FOLDER = "src/test/resources/llm/detectors/";

  /** Confusion counts of one detector on a labelled set. */
  record Confusion(long tp, long fp, long fn, long tn) {
    Confusion plus(Confusion o) {
      return new Confusion(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
    }

    double precision() {
      return (double) tp / (tp + fp);
    }

    double recall() {
      return (double) tp / (tp + fn);
    }

    @Override
    public String toString() {
      return String.format(
          "tp=%d fp=%d fn=%d tn=%d precision=%.3f recall=%.3f",
          tp, fp, fn, tn, precision(), recall());
    }
  }

  @Test
  void injectionDetectorPrecisionAndRecall() {
    Dataset<Row> set = read("injection-set.jsonl");
    assertTrue(set.count() >= 300, "the set has at least 300 rows");
    Confusion all =
        evaluate(
            "injection",
            set,
            "attack",
            SafetyColumns.PROMPT_FORM,
            t -> SafetyColumns.injection(t, LlmOptions.BUILT_IN));
    assertTrue(all.precision() >= 0.95, all.toString());
    assertTrue(all.recall() >= 0.80, all.toString());
  }

  @Test
  void refusalDetectorPrecisionAndRecall() {
    Dataset<Row> set = read("refusal-set.jsonl");
    assertTrue(set.count() >= 100, "the set has at least 100 rows");
    Confusion all =
        evaluate(
            "refusal",
            set,
            "refusal",
            SafetyColumns.RESPONSE_FORM,
            t -> SafetyColumns.refusal(t, LlmOptions.BUILT_IN));
    assertTrue(all.precision() >= 0.95, all.toString());
    assertTrue(all.recall() >= 0.80, all.toString());
  }

  /**
   * The injection set through the llm job itself: with the texts as the prompt column, {@code
   * prompt_injection_rate} × rows equals the detector's flagged count.
   */
  @Test
  void theLlmJobFlagsWhatTheDetectorFlags() {
    Dataset<Row> set = read("injection-set.jsonl");
    long flagged = forms(set).filter(functions.col("flagged")).count();
    Dataset<Row> records =
        set.select(functions.col("text").as("prompt"), functions.lit("ok").as("response"));
    LlmOutcome out =
        LlmAnalysis.run(
            TestInputs.texts(
                records, "response", null, "prompt", null, false, LlmOptions.DEFAULTS));
    double rate =
        out.metrics().stream()
            .filter(m -> m.key().metric().equals(LlmAnalysis.PROMPT_INJECTION_RATE))
            .findFirst()
            .orElseThrow()
            .number()
            .orElseThrow();
    assertEquals(flagged, Math.round(rate * set.count()));
  }

  private static Dataset<Row> read(String file) {
    return SharedSpark.get()
        .read()
        .schema("id INT, text STRING, label STRING, kind STRING, language STRING, split STRING")
        .json(FOLDER + file);
  }

  /** The set with each text's check forms, as the llm job prepares them. */
  private static Dataset<Row> forms(Dataset<Row> set) {
    Column text = functions.col("text");
    return SafetyColumns.withCheckForms(set, text, text, text, LlmOptions.DEFAULTS)
        .withColumn(
            "flagged",
            functions.coalesce(
                SafetyColumns.injection(
                    functions.col(SafetyColumns.PROMPT_FORM), LlmOptions.BUILT_IN),
                functions.lit(false)));
  }

  /**
   * Counts per split and kind with built-in aggregates, prints them and the totals, returns the
   * totals. {@code form} is the check-form column the detector reads.
   */
  private static Confusion evaluate(
      String name,
      Dataset<Row> set,
      String positive,
      String form,
      Function<Column, Column> detector) {
    Column actual = functions.col("label").equalTo(positive);
    Column flagged = functions.coalesce(detector.apply(functions.col(form)), functions.lit(false));
    Column text = functions.col("text");
    List<Row> rows =
        SafetyColumns.withCheckForms(set, text, text, text, LlmOptions.DEFAULTS)
            .withColumn("actual", actual)
            .withColumn("flagged", flagged)
            .groupBy("split", "kind")
            .agg(
                functions.count_if(functions.col("actual").and(functions.col("flagged"))),
                functions.count_if(
                    functions.not(functions.col("actual")).and(functions.col("flagged"))),
                functions.count_if(
                    functions.col("actual").and(functions.not(functions.col("flagged")))),
                functions.count_if(
                    functions
                        .not(functions.col("actual"))
                        .and(functions.not(functions.col("flagged")))))
            .collectAsList();
    Map<String, Confusion> byGroup = new TreeMap<>();
    for (Row r : rows) {
      Confusion c = new Confusion(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
      byGroup.merge("all", c, Confusion::plus);
      byGroup.merge("split " + r.getString(0), c, Confusion::plus);
      byGroup.merge("kind " + r.getString(1), c, Confusion::plus);
    }
    Confusion all = byGroup.get("all");
    System.out.println(name + " detector: " + all);
    byGroup.forEach((group, c) -> System.out.println("  " + group + ": " + c));
    if (Boolean.getBoolean("detectors.misses")) {
      SafetyColumns.withCheckForms(set, text, text, text, LlmOptions.DEFAULTS)
          .withColumn("actual", actual)
          .withColumn("flagged", flagged)
          .filter(functions.col("actual").notEqual(functions.col("flagged")))
          .select("id", "split", "label", "kind", "text")
          .collectAsList()
          .forEach(r -> System.out.println("  miss " + r));
    }
    return all;
  }
}
