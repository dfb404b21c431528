package dev.assay.bench;

import dev.assay.Audit;
import dev.assay.demo.Cohort;
import dev.assay.demo.LendingApplicants;
import dev.assay.metrics.drift.DriftAnalysis;
import dev.assay.metrics.drift.DriftPlan;
import dev.assay.metrics.fairness.FairnessAnalysis;
import dev.assay.metrics.fairness.FairnessInput;
import dev.assay.metrics.fairness.FairnessPlan;
import dev.assay.metrics.llm.LlmAnalysis;
import dev.assay.metrics.llm.LlmPlan;
import dev.assay.metrics.privacy.PrivacyPlan;
import dev.assay.spark.Columns;
import dev.assay.spark.JobCounter;
import dev.assay.spec.ResolvedSpec;
import dev.assay.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Measures what an audit costs as the data grows, with figures, not assertions. For each size it
 * generates, once, synthetic lending data as Parquet (the demo generator: three sensitive
 * attributes, label, score, prediction, five features; a current and a reference cohort) and
 * synthetic LLM answers at a tenth of the size (prompt, response, reference answer), then times,
 * each after an unmeasured warm-up:
 *
 * <ul>
 *   <li>bare Spark scans (the floor any audit pays): of the fairness columns ({@code scan}), of
 *       every lending column ({@code scan-all}), of the text columns ({@code scan-text});
 *   <li>each family on its own, through its Plan and Analysis as the audit calls them: {@code
 *       fairness}, {@code drift} (reference vs current), {@code privacy} (re-identification risk
 *       over sex, race, age_band and the PII scan of the string columns), {@code llm};
 *   <li>{@code audit}: the whole {@link Audit} of the lending spec (fairness, drift and privacy,
 *       plus rule evaluation and the SHA-256 of every input file).
 * </ul>
 *
 * <p>It prints wall seconds, rows per second, Spark jobs and stages, peak driver heap (sampled
 * every 20 ms after a GC, so it includes garbage not yet collected: an upper bound of the live
 * heap) and the ratio to the bare scan of the same data, then the executor CPU seconds of the
 * measured run ({@link ExecutorCpu}: task run plus task deserialization, summed over its tasks) and
 * their ratio to the scan's, then the peak driver heap per row by size, to show whether the
 * driver's memory grows with the rows. Executor CPU is the figure to compare two builds with on a
 * shared machine, where wall time moves with the other load.
 */
public final class Benchmark {

  /** Columns the fairness family reads. */
  static final List<String> COLUMNS =
      List.of("sex", "race", "age_band", "repaid", "approved", "score");

  /** LLM data is this many times smaller than the lending data. */
  static final long TEXT_DIVISOR = 10;

  /**
   * One measurement.
   *
   * @param cpuSeconds executor CPU of the measured run, summed over its tasks
   * @param versus the name of the scan it is compared with (itself for a scan)
   */
  public record Figure(
      String what,
      long rows,
      double seconds,
      int jobs,
      int stages,
      long peakHeapMb,
      double cpuSeconds,
      String versus) {

    public double rowsPerSecond() {
      return rows / seconds;
    }
  }

  private Benchmark() {}

  /** The measurements {@link #run} can take, in the order it takes them. */
  public static final List<String> WHAT =
      List.of(
          "scan",
          "scan-all",
          "scan-text",
          "fairness",
          "drift",
          "privacy",
          "llm",
          "scan-audit",
          "audit");

  /**
   * Measurements taken only when named in {@code only}: the fairness family with a bootstrap, and
   * without the score metrics ({@code fairness.score_metrics: false}).
   */
  public static final List<String> OPTIONAL = List.of("fairness-bootstrap", "fairness-lean");

  /** Bootstrap replicates of the {@code fairness-bootstrap} measurement. */
  static final int BOOTSTRAP = 100;

  /** Runs every measurement at every size, each after a warm-up run, and prints a table. */
  public static List<Figure> run(
      SparkSession spark, Path dir, List<Long> sizes, long seed, PrintStream out) {
    return run(spark, dir, sizes, seed, out, WHAT, true);
  }

  /**
   * Runs the chosen measurements at every size and prints a table to {@code out}; returns the
   * figures.
   *
   * @param only names from {@link #WHAT}; a family's ratio needs its scan in the list too
   * @param warmUp whether each measurement runs once unmeasured first (class loading, code
   *     generation, JIT); off halves the time of a 100M-row run and adds the cold start to its
   *     figure
   */
  public static List<Figure> run(
      SparkSession spark,
      Path dir,
      List<Long> sizes,
      long seed,
      PrintStream out,
      List<String> only,
      boolean warmUp) {
    List<Figure> figures = new ArrayList<>();
    out.printf(
        Locale.ROOT,
        "%-9s %12s %9s %12s %5s %7s %8s %8s %8s %8s%n",
        "what",
        "rows",
        "seconds",
        "rows/s",
        "jobs",
        "stages",
        "heap MB",
        "÷ scan",
        "CPU s",
        "CPU÷scan");
    for (long rows : sizes) {
      Path lending =
          generate(
              dir.resolve("lending-" + rows + ".parquet"),
              () -> LendingApplicants.of(spark.range(0, rows), seed, Cohort.CURRENT));
      Path reference =
          generate(
              dir.resolve("lending-reference-" + rows + ".parquet"),
              () -> LendingApplicants.of(spark.range(0, rows), seed + 1, Cohort.REFERENCE));
      long textRows = Math.max(1, rows / TEXT_DIVISOR);
      boolean needsText = only.contains("llm") || only.contains("scan-text");
      // Without a text measurement the (large) text data is not generated: a tiny stand-in keeps
      // the spec valid.
      long textData = needsText ? textRows : 1;
      Path text =
          generate(dir.resolve("answers-" + textData + ".parquet"), () -> answers(spark, textData));
      ResolvedSpec spec = spec(dir, "lending-" + rows + ".yaml", lendingSpec(lending, reference));
      ResolvedSpec textSpec = spec(dir, "answers-" + textData + ".yaml", textSpec(text));
      Dataset<Row> data = spark.read().parquet(lending.toString());
      Dataset<Row> ref = spark.read().parquet(reference.toString());
      Dataset<Row> answers = spark.read().parquet(text.toString());
      String source = "benchmark data";

      Map<String, Runnable> bodies = new LinkedHashMap<>();
      bodies.put("scan", () -> scan(data, COLUMNS));
      bodies.put("scan-all", () -> scan(data, List.of(data.columns())));
      bodies.put("scan-text", () -> scan(answers, List.of(answers.columns())));
      java.util.function.Supplier<FairnessInput> fairness =
          () ->
              FairnessPlan.input(
                  new FairnessPlan.Request(
                      data, spec.columns(), spec.fairness(), spec.document(), source));
      bodies.put("fairness", () -> FairnessAnalysis.run(fairness.get()));
      bodies.put(
          "fairness-lean",
          () ->
              FairnessAnalysis.run(
                  fairness.get().withExtras(fairness.get().extras().withoutScoreMetrics())));
      bodies.put(
          "fairness-bootstrap",
          () ->
              FairnessAnalysis.run(
                  fairness
                      .get()
                      .withInference(
                          fairness
                              .get()
                              .inference()
                              .withBootstrap(new FairnessInput.Bootstrap(BOOTSTRAP, seed)))));
      bodies.put("drift", () -> DriftAnalysis.run(DriftPlan.input(ref, data, spec)));
      bodies.put(
          "privacy",
          () ->
              PrivacyPlan.check(data, spec.privacy(), spec.columns(), spec.document(), source)
                  .run());
      bodies.put(
          "llm",
          () ->
              LlmAnalysis.run(
                  LlmPlan.input(
                      answers,
                      textSpec.raw().columns(),
                      textSpec.llm(),
                      textSpec.document(),
                      source)));
      // what the audit reads: every lending column of the current data and of the reference
      bodies.put(
          "scan-audit",
          () -> {
            scan(data, List.of(data.columns()));
            scan(ref, List.of(ref.columns()));
          });
      AtomicReference<FamilyCpu.Split> auditCpu = new AtomicReference<>();
      bodies.put(
          "audit", () -> auditCpu.set(FamilyCpu.measure(spark, () -> Audit.of(spec).run(spark))));
      Map<String, String> versus =
          Map.ofEntries(
              Map.entry("scan", "scan"),
              Map.entry("scan-all", "scan-all"),
              Map.entry("scan-text", "scan-text"),
              Map.entry("fairness-bootstrap", "scan"),
              Map.entry("fairness-lean", "scan"),
              Map.entry("fairness", "scan"),
              Map.entry("drift", "scan-all"),
              Map.entry("privacy", "scan-all"),
              Map.entry("llm", "scan-text"),
              Map.entry("scan-audit", "scan-audit"),
              Map.entry("audit", "scan-audit"));
      Map<String, Figure> byName = new LinkedHashMap<>();
      bodies.keySet().retainAll(only);
      for (Map.Entry<String, Runnable> e : bodies.entrySet()) {
        if (warmUp) {
          // The first run of each query pays class loading, code generation and JIT: not measured.
          measure(spark, "warm-up", 0, e.getValue(), "");
        }
        long n =
            e.getKey().equals("llm") || e.getKey().equals("scan-text")
                ? textRows
                : e.getKey().equals("drift") || e.getKey().equals("scan-audit") ? 2 * rows : rows;
        byName.put(e.getKey(), measure(spark, e.getKey(), n, e.getValue(), versus.get(e.getKey())));
      }
      for (Figure f : byName.values()) {
        Figure scan = byName.get(f.versus());
        out.printf(
            Locale.ROOT,
            "%-9s %12d %9.2f %12.0f %5d %7d %8d %8s %8.2f %8s%n",
            f.what(),
            f.rows(),
            f.seconds(),
            f.rowsPerSecond(),
            f.jobs(),
            f.stages(),
            f.peakHeapMb(),
            ratio(f, scan, Figure::seconds),
            f.cpuSeconds(),
            ratio(f, scan, Figure::cpuSeconds));
        figures.add(f);
      }
      if (auditCpu.get() != null) {
        out.println(
            "audit executor CPU by family: "
                + auditCpu.get().line()
                + "; dominant: "
                + auditCpu.get().dominant());
      }
    }
    printHeap(figures, out);
    return figures;
  }

  /**
   * A figure of {@code f} divided by the same figure of its scan, or "-" without the scan; drift
   * reads both cohorts, so it is compared with two scans of the lending data.
   */
  private static String ratio(Figure f, Figure scan, ToDoubleFunction<Figure> figure) {
    if (scan == null) {
      return "-";
    }
    double floor = figure.applyAsDouble(scan) * (f.what().equals("drift") ? 2 : 1);
    return String.format(Locale.ROOT, "%.2f", figure.applyAsDouble(f) / floor);
  }

  /** Peak driver heap of each family by size, to show whether it grows with the rows. */
  static void printHeap(List<Figure> figures, PrintStream out) {
    List<Long> sizes =
        figures.stream().filter(f -> f.what().equals("scan")).map(Figure::rows).toList();
    if (sizes.size() < 2) {
      return;
    }
    out.println();
    out.print(String.format(Locale.ROOT, "%-9s", "heap MB"));
    sizes.forEach(s -> out.print(String.format(Locale.ROOT, " %10s", s + " rows")));
    out.println();
    for (String what : List.of("fairness", "drift", "privacy", "llm", "audit")) {
      out.print(String.format(Locale.ROOT, "%-9s", what));
      for (int i = 0; i < sizes.size(); i++) {
        int index = i;
        figures.stream()
            .filter(f -> f.what().equals(what))
            .skip(index)
            .findFirst()
            .ifPresent(f -> out.print(String.format(Locale.ROOT, " %10d", f.peakHeapMb())));
      }
      out.println();
    }
  }

  /**
   * Writes the data once; a folder without Spark's _SUCCESS marker (an interrupted run) is
   * rewritten.
   */
  private static Path generate(Path path, java.util.function.Supplier<Dataset<Row>> data) {
    if (!Files.exists(path.resolve("_SUCCESS"))) {
      data.get().write().mode("overwrite").parquet(path.toString());
    }
    return path.toAbsolutePath();
  }

  /**
   * Synthetic LLM answers with built-in expressions only: a prompt, a response and a reference
   * answer of a dozen words each, sharing some words so the overlap metrics have work to do; every
   * 50th response is a refusal.
   */
  static Dataset<Row> answers(SparkSession spark, long rows) {
    Column id = functions.col("id");
    Column n = id.mod(997).cast("string");
    Column m = id.mod(89).cast("string");
    return spark
        .range(0, rows)
        .select(
            functions
                .concat_ws(
                    " ",
                    functions.lit("What is the credit limit for account"),
                    n,
                    functions.lit("in region"),
                    m,
                    functions.lit("?"))
                .as("prompt"),
            functions
                .when(id.mod(50).equalTo(0), functions.lit("I'm sorry, I can't help with that."))
                .otherwise(
                    functions.concat_ws(
                        " ",
                        functions.lit("The credit limit for account"),
                        n,
                        functions.lit("is"),
                        id.mod(40).multiply(250).cast("string"),
                        functions.lit("dollars, reviewed in region"),
                        m,
                        functions.lit(".")))
                .as("response"),
            functions
                .concat_ws(
                    " ",
                    functions.lit("Account"),
                    n,
                    functions.lit("has a credit limit of"),
                    id.mod(40).multiply(250).cast("string"),
                    functions.lit("dollars."))
                .as("expected"));
  }

  private static String lendingSpec(Path current, Path reference) {
    return String.join(
        "\n",
        "version: 1",
        "name: benchmark-lending",
        "data:",
        "  current: {path: \"" + current + "\", format: parquet}",
        "  reference: {path: \"" + reference + "\", format: parquet}",
        "columns:",
        "  label: repaid",
        "  prediction: approved",
        "  score: score",
        "  positive: 1",
        "  sensitive: [sex, race, age_band]",
        "  intersections: [[sex, race]]",
        "  features: [income, debt_to_income, credit_history_years, loan_amount, employment_type]",
        "fairness: {min_group_size: 30}",
        "drift: {bins: 10}",
        "privacy:",
        "  quasi_identifiers: [sex, race, age_band]",
        "  sensitive_attribute: employment_type",
        "rules: [rules/eeoc-four-fifths.yaml, rules/drift-default.yaml]",
        "");
  }

  private static String textSpec(Path answers) {
    return String.join(
        "\n",
        "version: 1",
        "name: benchmark-answers",
        "data:",
        "  current: {path: \"" + answers + "\", format: parquet}",
        "columns:",
        "  prompt: prompt",
        "  response: response",
        "  reference_answer: expected",
        "");
  }

  private static ResolvedSpec spec(Path dir, String name, String yaml) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, yaml);
      return new SpecLoader(SpecLoader.defaultProjectRules()).load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads every value of the columns and throws them away (Spark's noop sink). */
  private static void scan(Dataset<Row> data, List<String> columns) {
    data.select(columns.stream().map(Columns::named).toArray(Column[]::new))
        .write()
        .format("noop")
        .mode("overwrite")
        .save();
  }

  private static Figure measure(
      SparkSession spark, String what, long rows, Runnable body, String versus) {
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    ExecutorCpu.Usage<Timed> run = ExecutorCpu.measure(spark, () -> timed(spark, body));
    sampler.interrupt();
    Timed timed = run.result();
    return new Figure(
        what,
        rows,
        timed.seconds(),
        timed.counts().jobs(),
        timed.counts().stages(),
        peak.get() / (1024 * 1024),
        run.cpuSeconds(),
        versus);
  }

  /** Wall seconds of a run and the Spark jobs and stages it started. */
  private record Timed(double seconds, JobCounter.Counts counts) {}

  private static Timed timed(SparkSession spark, Runnable body) {
    long start = System.nanoTime();
    JobCounter.Counts counts = JobCounter.measure(spark, body);
    return new Timed((System.nanoTime() - start) / 1e9, counts);
  }
}
