package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Steps name their Spark jobs in the Spark UI and print their time and job count. */
class ProgressTest {

  /** The job group and description of every job started while the listener is registered. */
  static final class JobProperties extends SparkListener {
    final List<Properties> started = new CopyOnWriteArrayList<>();

    @Override
    public void onJobStart(SparkListenerJobStart job) {
      started.add(job.properties());
    }
  }

  @Test
  void aStepsJobsCarryItsDescriptionAndItsLineGivesTimeAndJobCount() throws Exception {
    SparkSession spark = SharedSpark.get();
    JobProperties listener = new JobProperties();
    spark.sparkContext().addSparkListener(listener);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      long rows =
          Progress.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), false)
              .step(
                  spark,
                  "fairness",
                  "per-group rates",
                  () -> {
                    spark.range(100).count();
                    return spark.range(50).count();
                  });
      assertEquals(50, rows);
      // Listener events arrive asynchronously.
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(
        out.matches("assay: fairness: per-group rates — \\d+\\.\\d s, 2 Spark jobs\\R"), out);
    assertEquals(2, listener.started.size());
    for (Properties p : listener.started) {
      assertEquals("fairness: per-group rates", p.getProperty("spark.job.description"));
      assertTrue(
          p.getProperty("spark.jobGroup.id").matches("assay-\\d+-fairness"),
          p.getProperty("spark.jobGroup.id"));
    }
    assertEquals(
        null,
        spark.sparkContext().getLocalProperty("spark.jobGroup.id"),
        "the group is cleared after the step");
  }

  @Test
  void aLongStepReportsItsTasksWhileItRuns() {
    SparkSession spark = SharedSpark.get();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress.every(new PrintStream(bytes, true, StandardCharsets.UTF_8), 100)
        .step(
            spark,
            "drift",
            "slow job",
            () -> spark.range(0, 4, 1, 4).foreach((ForeachFunction<Long>) x -> Thread.sleep(700)));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(
        out.lines()
            .anyMatch(
                l -> l.matches("assay: {3}drift running \\d+\\.\\d s: stage \\d+ \\d/4 tasks")),
        out);
    assertTrue(
        out.lines().reduce((a, b) -> b).orElse("").startsWith("assay: drift: slow job — "), out);
  }

  @Test
  void silentPrintsNothingButStillNamesTheJobs() throws Exception {
    SparkSession spark = SharedSpark.get();
    JobProperties listener = new JobProperties();
    spark.sparkContext().addSparkListener(listener);
    try {
      Progress.silent().step(spark, "llm", "text", () -> spark.range(10).count());
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    assertEquals("llm: text", listener.started.get(0).getProperty("spark.job.description"));
  }
}
