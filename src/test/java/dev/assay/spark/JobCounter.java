package dev.assay.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/** Counts the Spark jobs started while a piece of code runs: pins the number of passes. */
public final class JobCounter extends SparkListener {

  private final AtomicInteger jobs = new AtomicInteger();

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
  }

  /** Runs {@code body} and returns the number of jobs it started. */
  public static int count(SparkSession spark, Runnable body) {
    JobCounter counter = new JobCounter();
    drain(spark);
    spark.sparkContext().addSparkListener(counter);
    try {
      body.run();
      drain(spark);
      return counter.jobs.get();
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }

  private static void drain(SparkSession spark) {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain", e);
    }
  }
}
