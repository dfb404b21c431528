package dev.assay.cli;

import dev.assay.core.BadInputException;
import dev.assay.history.HistoryExport;
import dev.assay.history.HistoryRow;
import dev.assay.history.HistoryStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assay history LOCATION}: prints or exports the metric history that --history wrote. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "Print the metric history that audit --history wrote at LOCATION (a folder, an"
            + " abfss:// or wasbs:// URI, or delta:LOCATION for a Delta table, read with a local"
            + " Spark session), oldest run first, as a table, CSV or JSON. Exit 2 when the"
            + " location is not such a history.")
final class HistoryCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "LOCATION",
      description = "the history folder or URI, or delta:LOCATION")
  String location;

  @Option(names = "--audit", paramLabel = "NAME", description = "only the runs of this audit")
  String audit;

  @Option(
      names = "--metric",
      paramLabel = "METRIC",
      description = "only this metric (family.metric, as in results.json)")
  String metric;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), csv or json")
  String format;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "a Hadoop setting as spark.hadoop.KEY=VALUE (e.g. an account key); repeatable")
  List<String> conf = List.of();

  @Override
  public Integer call() {
    if (!HistoryExport.FORMATS.contains(format)) {
      throw new BadInputException(
          "--format must be one of "
              + String.join(", ", HistoryExport.FORMATS)
              + ", not '"
              + format
              + "'.");
    }
    HistoryStore store = HistoryLocation.open(location, conf);
    List<HistoryRow> all;
    if (store.isDelta()) {
      store.check();
      try (SessionScope session = SessionScope.open(null, SessionScope.settings(conf))) {
        all = store.read(true, session.spark());
      }
    } else {
      all = store.read(true);
    }
    List<HistoryRow> rows =
        all.stream()
            .filter(r -> audit == null || r.audit().equals(audit))
            .filter(r -> metric == null || r.metric().equals(metric))
            .toList();
    HistoryExport.lines(rows, format).forEach(Console::out);
    return 0;
  }
}
