package dev.assay.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * The executor CPU of a whole audit split by family: each task's run and deserialization CPU (as
 * {@link ExecutorCpu}) is charged to the family named by its job's group ({@code assay-N-fairness},
 * set by the audit's progress steps), so the bench can name the family that dominates the
 * whole-audit row. Jobs outside any family's group count as "other".
 */
final class FamilyCpu extends SparkListener {

  private final Map<Integer, String> familyOfStage = new ConcurrentHashMap<>();
  private final Map<String, Long> nanos = new ConcurrentHashMap<>();

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    String group =
        job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
    String family = family(group);
    for (Object id : scala.jdk.javaapi.CollectionConverters.asJava(job.stageIds())) {
      familyOfStage.put((Integer) id, family);
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd task) {
    TaskMetrics metrics = task.taskMetrics();
    if (metrics == null) {
      return;
    }
    String family = familyOfStage.getOrDefault(task.stageId(), "other");
    nanos.merge(
        family, metrics.executorCpuTime() + metrics.executorDeserializeCpuTime(), Long::sum);
  }

  /** "assay-12-fairness" → "fairness"; anything else → "other". */
  static String family(String group) {
    if (group == null || !group.startsWith("assay-")) {
      return "other";
    }
    int dash = group.indexOf('-', "assay-".length());
    return dash < 0 ? "other" : group.substring(dash + 1);
  }

  /** Executor CPU seconds by family, largest first. */
  record Split(Map<String, Double> seconds) {

    /** The family with the most executor CPU, or "-" when nothing ran. */
    String dominant() {
      return seconds.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElse("-");
    }

    /** "fairness 1.20 s (20%), drift 4.10 s (68%), ..." in family-name order. */
    String line() {
      double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
      List<String> parts = new ArrayList<>();
      seconds.forEach(
          (family, s) ->
              parts.add(
                  String.format(
                      Locale.ROOT,
                      "%s %.2f s (%.0f%%)",
                      family,
                      s,
                      total == 0 ? 0 : 100 * s / total)));
      return String.join(", ", parts);
    }
  }

  /** Runs {@code body} and returns the executor CPU its tasks took, by family. */
  static Split measure(SparkSession spark, Supplier<?> body) {
    FamilyCpu listener = new FamilyCpu();
    drain(spark);
    spark.sparkContext().addSparkListener(listener);
    try {
      body.get();
      drain(spark);
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    Map<String, Double> seconds = new TreeMap<>();
    listener.nanos.forEach((family, n) -> seconds.put(family, n / 1e9));
    return new Split(seconds);
  }

  private static void drain(SparkSession spark) {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain", e);
    }
  }
}
