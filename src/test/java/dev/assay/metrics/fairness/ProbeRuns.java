package dev.assay.metrics.fairness;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * The measurement loop of the fairness probes ({@link ExactAucProbe}, {@link FallbackProbe}): runs
 * each named query shape in turn, {@code runs} times, and prints its executor CPU (task metrics,
 * deserialisation included), its Spark jobs and its wall time. Not a test.
 */
final class ProbeRuns {

  private ProbeRuns() {}

  /**
   * Runs the {@code selected} shapes, in their map order, {@code runs} times; {@code describe}
   * turns a shape's result into the text printed after its figures.
   */
  static void print(
      SparkSession spark,
      Map<String, Supplier<Object>> shapes,
      int runs,
      Predicate<String> selected,
      Function<Object, String> describe)
      throws TimeoutException {
    for (int r = 0; r < runs; r++) {
      for (Map.Entry<String, Supplier<Object>> e : shapes.entrySet()) {
        if (selected.test(e.getKey())) {
          measure(spark, r + 1, e.getKey(), e.getValue(), describe);
        }
      }
    }
  }

  private static void measure(
      SparkSession spark,
      int run,
      String name,
      Supplier<Object> shape,
      Function<Object, String> describe)
      throws TimeoutException {
    AtomicLong nanos = new AtomicLong();
    AtomicInteger jobs = new AtomicInteger();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onTaskEnd(SparkListenerTaskEnd t) {
            if (t.taskMetrics() != null) {
              nanos.addAndGet(
                  t.taskMetrics().executorCpuTime() + t.taskMetrics().executorDeserializeCpuTime());
            }
          }

          @Override
          public void onJobStart(SparkListenerJobStart j) {
            jobs.incrementAndGet();
          }
        };
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(listener);
    long t0 = System.nanoTime();
    Object out = shape.get();
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().removeSparkListener(listener);
    System.out.printf(
        Locale.ROOT,
        "run %d  %-58s CPU %6.2f s  jobs %2d  wall %6.2f s  %s%n",
        run,
        name,
        nanos.get() / 1e9,
        jobs.get(),
        (System.nanoTime() - t0) / 1e9,
        describe.apply(out));
  }
}
