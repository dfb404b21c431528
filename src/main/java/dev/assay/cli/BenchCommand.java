package dev.assay.cli;

import dev.assay.bench.Benchmark;
import dev.assay.core.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code assay bench}: prints what the audit costs at growing sizes (figures, not a test). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Generate synthetic Parquet at each size (once) and print wall seconds, rows per"
            + " second, Spark jobs and stages, peak driver heap and executor CPU seconds for bare scans"
            + " and each family, with the ÷ scan ratios of wall time and of executor CPU.")
final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--rows",
      split = ",",
      defaultValue = "1000000,10000000",
      description = "sizes, comma-separated (default ${DEFAULT-VALUE})")
  List<Long> rows;

  @Option(
      names = "--dir",
      defaultValue = "target/bench",
      description = "where the data is generated (default ${DEFAULT-VALUE})")
  Path dir;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "WHAT",
      description =
          "measure only these (comma-separated): scan, scan-all, scan-text, fairness, drift,"
              + " privacy, llm, scan-audit, audit, and, only when named, fairness-bootstrap (100 bootstrap replicates) and"
              + " fairness-lean (score_metrics: false) (default: all the others; a ratio needs its scan: scan for fairness, scan-all"
              + " for drift and privacy, scan-audit (every column of both cohorts) for audit,"
              + " scan-text for llm)")
  List<String> only;

  @Option(
      names = "--no-warmup",
      description =
          "skip the unmeasured first run of each measurement"
              + " (halves a 100M-row run; the figure then includes the cold start)")
  boolean noWarmup;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*])")
  String master;

  @Override
  public Integer call() {
    List<String> what = only == null ? Benchmark.WHAT : only;
    for (String w : what) {
      if (!Benchmark.WHAT.contains(w) && !Benchmark.OPTIONAL.contains(w)) {
        throw new BadInputException(
            "--only "
                + w
                + ": not a measurement; use some of "
                + String.join(", ", Benchmark.WHAT)
                + ", "
                + String.join(", ", Benchmark.OPTIONAL)
                + ".");
      }
    }
    if (rows.stream().anyMatch(r -> r < 1)) {
      throw new BadInputException("--rows takes positive sizes, such as 1000000,10000000.");
    }
    try (SessionScope session = SessionScope.open(master, Map.of())) {
      SparkSession spark = session.spark();
      System.out.println(
          "Assay benchmark on "
              + spark.sparkContext().master()
              + ", "
              + Runtime.getRuntime().availableProcessors()
              + " cores, max heap "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB");
      Benchmark.run(spark, dir, rows, 42, System.out, what, !noWarmup);
    }
    return 0;
  }
}
