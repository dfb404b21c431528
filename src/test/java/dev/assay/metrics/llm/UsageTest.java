package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.LlmOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Latency percentiles and token cost: hand-worked, nearest-rank plain loop, job count. */
class UsageTest {

  static final StructType SCHEMA =
      new StructType()
          .add("response", DataTypes.StringType)
          .add("latency", DataTypes.DoubleType)
          .add("in_tokens", DataTypes.IntegerType)
          .add("out_tokens", DataTypes.LongType);

  static Map<String, MetricResult> run(List<Row> rows, LlmOptions options, int[] jobs) {
    Dataset<Row> data = SharedSpark.get().createDataFrame(rows, SCHEMA).repartition(3);
    LlmInput in =
        TestInputs.withUsage(
            TestInputs.texts(data, "response", null, null, null, false, options),
            "latency",
            "in_tokens",
            "out_tokens");
    LlmOutcome[] out = new LlmOutcome[1];
    jobs[0] = JobCounter.count(SharedSpark.get(), () -> out[0] = LlmAnalysis.run(in));
    return out[0].metrics().stream().collect(Collectors.toMap(m -> m.key().metric(), m -> m));
  }

  static double v(Map<String, MetricResult> m, String name) {
    return m.get(name).number().orElseThrow();
  }

  /**
   * Latencies 300, 100, 400, 200, null → sorted 100 200 300 400, n = 4; nearest rank ⌈p·n⌉: p50 →
   * rank 2 = 200, p95 → ⌈3.8⌉ = 4 → 400, p99 → 400. Tokens (prompt, completion): (10, 1), (20, 2),
   * (30, 3), (null, 4), (5, null). Prompt total 65 over 4 → mean 16.25; completion 10 over 4 → 2.5.
   * Priced records (both counts): the first three, prompt 60, completion 6; prices 0.5 and 2.0 per
   * 1k → cost_total = (60 · 0.5 + 6 · 2.0) / 1000 = 42 / 1000 = 0.042; per record 0.014.
   */
  @Test
  void handWorkedInTwoJobs() {
    List<Row> rows =
        List.of(
            RowFactory.create("a", 300.0, 10, 1L),
            RowFactory.create("b", 100.0, 20, 2L),
            RowFactory.create("c", 400.0, 30, 3L),
            RowFactory.create("d", 200.0, null, 4L),
            RowFactory.create("e", null, 5, null));
    int[] jobs = new int[1];
    Map<String, MetricResult> m = run(rows, LlmOptions.DEFAULTS.withPrices(0.5, 2.0), jobs);
    assertEquals(2, jobs[0]);
    assertEquals(200.0, v(m, "latency_ms_p50"), 0.0);
    assertEquals(400.0, v(m, "latency_ms_p95"), 0.0);
    assertEquals(400.0, v(m, "latency_ms_p99"), 0.0);
    assertEquals(4L, m.get("latency_ms_p50").count());
    assertEquals(65.0, v(m, "prompt_tokens_total"), 0.0);
    assertEquals(16.25, v(m, "prompt_tokens_mean"), 1e-12);
    assertEquals(10.0, v(m, "completion_tokens_total"), 0.0);
    assertEquals(2.5, v(m, "completion_tokens_mean"), 1e-12);
    assertEquals(0.042, v(m, "cost_total"), 1e-15);
    assertEquals(0.014, v(m, "cost_per_record"), 1e-15);
    assertEquals(3L, m.get("cost_total").count());
  }

  @Test
  void withoutPricesNoCost() {
    int[] jobs = new int[1];
    Map<String, MetricResult> m =
        run(List.of(RowFactory.create("a", 1.0, 1, 1L)), LlmOptions.DEFAULTS, jobs);
    assertFalse(m.containsKey("cost_total"));
    assertTrue(m.containsKey("latency_ms_p99"));
  }

  /**
   * 2,000 seeded latencies (below the accuracy, so exact): each percentile is the nearest-rank
   * value.
   */
  @Test
  void seededLatenciesAreNearestRankPercentiles() {
    Random random = new Random(5);
    List<Row> rows = new ArrayList<>();
    double[] values = new double[2000];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.round(Math.exp(4 + random.nextGaussian()) * 10) / 10.0;
      rows.add(RowFactory.create("r", values[i], 1, 1L));
    }
    Arrays.sort(values);
    int[] jobs = new int[1];
    Map<String, MetricResult> m = run(rows, LlmOptions.DEFAULTS, jobs);
    double[] ps = {0.5, 0.95, 0.99};
    String[] names = {"latency_ms_p50", "latency_ms_p95", "latency_ms_p99"};
    for (int i = 0; i < ps.length; i++) {
      int rank = (int) Math.ceil(ps[i] * values.length);
      assertEquals(values[rank - 1], v(m, names[i]), 0.0, names[i]);
    }
  }
}
