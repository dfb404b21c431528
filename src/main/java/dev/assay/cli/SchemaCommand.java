package dev.assay.cli;

import dev.assay.report.ResultsSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code assay schema}: prints the JSON Schema of results.json, so a pipeline can validate the
 * results of the Assay version it runs (for example {@code assay schema > results.schema.json}).
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the JSON Schema (draft 2020-12) of results.json to standard output.")
final class SchemaCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    byte[] schema = ResultsSchema.bytes();
    System.out.write(schema, 0, schema.length);
    System.out.flush();
    return 0;
  }
}
