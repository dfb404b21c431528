package dev.assay.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark jobs and stages started while a piece of code runs: tests pin the number of
 * passes with it, and the benchmark prints it.
 */
public final class JobCounter extends SparkListener {

  private final AtomicInteger jobs = new AtomicInteger();
  private final AtomicInteger stages = new AtomicInteger();

  /** Jobs and stages counted. */
  public record Counts(int jobs, int stages) {}

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
  }

  @Override
  public void onStageSubmitted(org.apache.spark.scheduler.SparkListenerStageSubmitted stage) {
    stages.incrementAndGet();
  }

  /** Runs {@code body} and returns the jobs and stages it started. */
  public static Counts measure(SparkSession spark, Runnable body) {
    JobCounter counter = new JobCounter();
    drain(spark);
    spark.sparkContext().addSparkListener(counter);
    try {
      body.run();
      drain(spark);
      return new Counts(counter.jobs.get(), counter.stages.get());
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }

  /** Runs {@code body} and returns the number of jobs it started. */
  public static int count(SparkSession spark, Runnable body) {
    return measure(spark, body).jobs();
  }

  private static void drain(SparkSession spark) {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain", e);
    }
  }
}
