package dev.assay.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Sums the executor CPU time of every task that ends while a piece of code runs: the task's run
 * ({@code executorCpuTime}) plus the deserialization of its closure and partition ({@code
 * executorDeserializeCpuTime}), both from Spark's task metrics. Unlike wall time, CPU time hardly
 * moves when other processes share the cores, so it is the figure to compare two builds with on a
 * busy machine. Driver work (planning, code generation on the driver, the roll-up of the aggregated
 * states) is not in it.
 */
final class ExecutorCpu extends SparkListener {

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger tasks = new AtomicInteger();

  /**
   * What a measured piece of code returned, and the executor CPU of the tasks it started.
   *
   * @param cpuSeconds run plus deserialization CPU, summed over the tasks
   * @param tasks the tasks that ended (with metrics)
   */
  record Usage<T>(T result, double cpuSeconds, int tasks) {}

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    TaskMetrics metrics = taskEnd.taskMetrics();
    if (metrics == null) {
      return;
    }
    nanos.addAndGet(metrics.executorCpuTime() + metrics.executorDeserializeCpuTime());
    tasks.incrementAndGet();
  }

  /**
   * Runs {@code body} with this listener registered and returns the executor CPU of the tasks it
   * started. Spark's listener bus is drained before (so no earlier task is counted) and after (so
   * every task end of {@code body} has been delivered).
   */
  static <T> Usage<T> measure(SparkSession spark, Supplier<T> body) {
    ExecutorCpu listener = new ExecutorCpu();
    drain(spark);
    spark.sparkContext().addSparkListener(listener);
    try {
      T result = body.get();
      drain(spark);
      return new Usage<>(result, listener.nanos.get() / 1e9, listener.tasks.get());
    } finally {
      spark.sparkContext().removeSparkListener(listener);
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
