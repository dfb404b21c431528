package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.round;

import dev.assay.spark.JobCounter;
import dev.assay.spark.SparkSessions;
import dev.assay.spec.DriftOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Prints seconds and Spark jobs for the drift family on generated data: {@code rows} reference and
 * {@code rows} current rows with 20 columns — 5 continuous (grid path), 5 rounded to 2 decimals, 5
 * integer-valued, 5 categorical — the current one shifted. Default 1,000,000 rows per side; {@code
 * --full} for the 10,000,000 + 10,000,000 of issue 4, {@code --rows N} for any other size, {@code
 * --cache} to cache the generated data first (else every job regenerates it from {@code range} and
 * {@code randn}, which is part of the time), {@code --no-classifier} to leave out the domain
 * classifier's sample job (and with it every sampled embedding metric), {@code --runs N} for the
 * number of timed runs (default 3).
 *
 * <p>{@code --embeddings} (issue 17) replaces the 20 columns by one embedding column {@code emb} of
 * {@code --dim} (default 384) seeded N(0, 1) components per row, the current side's first tenth of
 * the components shifted by 0.2 (a planted shift that every embedding method should find; the
 * components share stays below its 0.2 threshold), and prints besides the time the rows per second
 * (both sides), the Spark jobs and stages, the executors' CPU seconds per job (which pass costs
 * what) and every embedding metric. Not a test: run it by hand with the test classpath, e.g. {@code
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test} then {@code java -Xmx3g <the --add-opens flags of pom.xml's
 * spark.jvm.flags> -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * dev.assay.metrics.drift.DriftBenchmark --full}.
 */
public final class DriftBenchmark {

  private DriftBenchmark() {}

  public static void main(String[] args) {
    long rows = 1_000_000L;
    boolean cache = false;
    boolean classifier = true;
    boolean embeddings = false;
    int dim = 384;
    int runs = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> rows = 10_000_000L;
        case "--rows" -> rows = Long.parseLong(args[++i]);
        case "--cache" -> cache = true;
        case "--no-classifier" -> classifier = false;
        case "--embeddings" -> embeddings = true;
        case "--dim" -> dim = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --full, --rows N, --cache, --no-classifier, --embeddings, --dim N,"
                    + " --runs N");
      }
    }
    SparkSession spark =
        SparkSessions.create(
            "local[*]", Map.of("spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1"));
    spark.sparkContext().setLogLevel("WARN");
    List<DriftColumn> columns = new ArrayList<>();
    if (embeddings) {
      columns.add(new DriftColumn("emb", "feature", DriftColumn.Kind.EMBEDDING));
    } else {
      for (int i = 0; i < 20; i++) {
        columns.add(
            new DriftColumn(
                "c" + i,
                "feature",
                i < 15 ? DriftColumn.Kind.NUMERIC : DriftColumn.Kind.CATEGORICAL));
      }
    }
    Dataset<Row> reference =
        embeddings ? vectors(spark, rows, dim, 1, 0.0) : data(spark, rows, 1, 0.0);
    Dataset<Row> current =
        embeddings ? vectors(spark, rows, dim, 2, 0.2) : data(spark, rows, 2, 0.2);
    if (cache) {
      reference = reference.cache();
      current = current.cache();
      long t0 = System.nanoTime();
      reference.count();
      current.count();
      System.out.printf(
          "generated and cached 2 x %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    }
    DriftOptions options =
        new DriftOptions(
            10,
            DriftOptions.DEFAULTS.maxDistinct(),
            Map.of(),
            List.of(),
            classifier ? DriftOptions.CLASSIFIER_SAMPLE : 0);
    System.out.printf(
        "%d cores, max heap %.1f GB, %s%s, domain classifier %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / 1e9,
        embeddings ? "one " + dim + "-dimensional embedding column, " : "",
        cache ? "cached input" : "input generated in every job",
        classifier ? "on (" + DriftOptions.CLASSIFIER_SAMPLE + " rows per side)" : "off");
    boolean vectorsOnly = embeddings;
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      DriftOutcome[] out = new DriftOutcome[1];
      Dataset<Row> ref = reference;
      Dataset<Row> cur = current;
      ExecutorCpu cpu = new ExecutorCpu();
      spark.sparkContext().addSparkListener(cpu);
      JobCounter.Counts counts =
          JobCounter.measure(
              spark,
              () ->
                  out[0] =
                      DriftAnalysis.run(new DriftInput(ref, cur, columns, options, List.of())));
      spark.sparkContext().removeSparkListener(cpu);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "run %d: %d columns, 2 x %,d rows: %.1f s, %,.0f rows/s (both sides), %d Spark jobs,"
              + " %d stages, executor CPU %.1f s, %d metrics%n",
          run,
          columns.size(),
          rows,
          seconds,
          2 * rows / seconds,
          counts.jobs(),
          counts.stages(),
          cpu.nanos.get() / 1e9,
          out[0].metrics().size());
      cpu.perJob.forEach(
          (job, nanos) ->
              System.out.printf(
                  "  job %d (%s): executor CPU %.1f s%n",
                  job, cpu.sites.get(job), nanos.get() / 1e9));
      out[0].metrics().stream()
          .filter(
              m ->
                  m.key().metric().equals("domain_classifier_auc")
                      || m.key().metric().startsWith("embedding_")
                      || (vectorsOnly && m.key().metric().equals("drift_detected")))
          .forEach(
              m ->
                  System.out.println(
                      "  "
                          + m.key().metric()
                          + " "
                          + (m.number().isPresent() ? m.number().getAsDouble() : "undefined")
                          + ": "
                          + m.note()));
    }
    spark.stop();
  }

  /**
   * Sums the executors' CPU time from the task metrics (less noisy than wall time on a busy
   * machine).
   */
  static final class ExecutorCpu extends org.apache.spark.scheduler.SparkListener {
    final java.util.concurrent.atomic.AtomicLong nanos =
        new java.util.concurrent.atomic.AtomicLong();

    /** Executor CPU per job, in job order, and each job's call site. */
    final Map<Integer, java.util.concurrent.atomic.AtomicLong> perJob =
        new java.util.concurrent.ConcurrentSkipListMap<>();

    final Map<Integer, String> sites = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, Integer> jobOfStage = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
      perJob.put(start.jobId(), new java.util.concurrent.atomic.AtomicLong());
      List<org.apache.spark.scheduler.StageInfo> stages =
          scala.jdk.javaapi.CollectionConverters.asJava(start.stageInfos());
      // the call site of the job's action, e.g. "collectAsList at SinglePassRunner.java:123"
      sites.put(
          start.jobId(),
          stages.stream()
              .max(java.util.Comparator.comparingInt(org.apache.spark.scheduler.StageInfo::stageId))
              .map(org.apache.spark.scheduler.StageInfo::name)
              .orElse("?"));
      stages.forEach(s -> jobOfStage.put(s.stageId(), start.jobId()));
    }

    /** Prints each job as it ends, so a long run shows its progress. */
    @Override
    public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd end) {
      java.util.concurrent.atomic.AtomicLong cpu = perJob.get(end.jobId());
      System.out.printf(
          "  (%tT) job %d ended (%s): executor CPU %.1f s%n",
          new java.util.Date(),
          end.jobId(),
          sites.get(end.jobId()),
          cpu == null ? 0 : cpu.get() / 1e9);
    }

    @Override
    public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
      if (end.taskMetrics() != null) {
        long cpu = end.taskMetrics().executorCpuTime();
        nanos.addAndGet(cpu);
        Integer job = jobOfStage.get(end.stageId());
        if (job != null) {
          perJob.get(job).addAndGet(cpu);
        }
      }
    }
  }

  /**
   * {@code rows} rows of one column {@code emb}: {@code dim} seeded N(0, 1) components, the first
   * tenth of them plus {@code shift}.
   */
  static Dataset<Row> vectors(SparkSession spark, long rows, int dim, long seed, double shift) {
    Column[] components = new Column[dim];
    for (int k = 0; k < dim; k++) {
      components[k] = randn(seed * 10_000 + k).plus(lit(k < dim / 10 ? shift : 0.0));
    }
    return spark.range(rows).select(array(components).alias("emb"));
  }

  static Dataset<Row> data(SparkSession spark, long rows, long seed, double shift) {
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Column z = randn(seed * 100 + i).plus(lit(shift));
      Column c;
      if (i < 5) {
        c = z;
      } else if (i < 10) {
        c = round(z, 2);
      } else if (i < 15) {
        c = floor(z.multiply(10));
      } else {
        c = concat(lit("k"), floor(rand(seed * 100 + i).multiply(20 + shift * 10)).cast("string"));
      }
      cols.add(c.alias("c" + i));
    }
    return spark.range(rows).select(cols.toArray(new Column[0]));
  }
}
