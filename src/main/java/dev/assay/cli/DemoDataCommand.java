package dev.assay.cli;

import dev.assay.demo.DemoData;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code assay demo-data DIR}: (re)generates the demo lending data with its known bias and drift.
 */
@Command(
    name = "demo-data",
    mixinStandardHelpOptions = true,
    description =
        "Generate the demo lending data set (current.parquet, reference.parquet) with a"
            + " documented, deliberately injected disparity and drift.")
final class DemoDataCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "output folder, e.g. datasets/demo")
  Path dir;

  @Option(
      names = "--rows",
      defaultValue = "200000",
      description = "rows per data set (default ${DEFAULT-VALUE})")
  long rows;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*])")
  String master;

  @Override
  public Integer call() {
    if (rows < 1) {
      throw new dev.assay.core.BadInputException("--rows must be at least 1, not " + rows + ".");
    }
    try (SessionScope session = SessionScope.open(master, Map.of())) {
      System.out.println(DemoData.generate(session.spark(), dir, rows, seed));
    }
    return 0;
  }
}
