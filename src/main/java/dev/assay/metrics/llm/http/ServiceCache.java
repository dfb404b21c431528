package dev.assay.metrics.llm.http;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import dev.assay.core.RunFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet cache every outside service of the llm family keeps (the judge, the safety
 * classifiers, the embeddings endpoint): one row per text sent, with {@code error} and the {@code
 * run_id} of the run that sent it, so that failed texts are sent again on the next run and a run
 * can tell its own answers apart.
 */
public final class ServiceCache {

  private ServiceCache() {}

  /**
   * True when {@code folder} holds only Parquet parts (and Spark's marker files) with at least the
   * columns of {@code schema}. The file names are checked first, so a foreign folder is rejected
   * without a failing Spark task in the log.
   */
  public static boolean holds(SparkSession spark, Path folder, StructType schema) {
    try (Stream<Path> files = Files.walk(folder)) {
      boolean onlyParts =
          files
              .filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .allMatch(n -> n.startsWith("_") || n.startsWith(".") || n.endsWith(".parquet"));
      if (!onlyParts) {
        return false;
      }
      List<String> columns =
          List.of(spark.read().parquet(folder.toUri().toString()).schema().fieldNames());
      return columns.containsAll(List.of(schema.fieldNames()));
    } catch (Exception e) { // unreadable folder, or Spark's (checked) SparkException
      return false;
    }
  }

  /**
   * What the service did in one run: texts sent, how many failed, the first error, how many it
   * answered.
   */
  public record Run(long sent, long failed, String firstError, long answered) {

    /**
     * This run's rows of the cache at {@code cache}, counted: a row failed where {@code failed}
     * holds and was answered where {@code answered} holds.
     */
    public static Run of(
        SparkSession spark, String cache, String runId, Column failed, Column answered) {
      Row run =
          spark
              .read()
              .parquet(cache)
              .filter(col("run_id").equalTo(runId))
              .agg(
                  count(lit(1)),
                  count(when(failed, lit(1))),
                  min(col("error")),
                  count(when(answered, lit(1))))
              .first();
      return new Run(run.getLong(0), run.getLong(1), run.getString(2), run.getLong(3));
    }

    /**
     * Fails the audit (exit 3) when the service answered none of this run's texts: "{@code service}
     * answered none of N {@code units}; first error: …. {@code fix}".
     */
    public void requireAnswers(String service, String units, String fix) {
      if (answered == 0) {
        throw new RunFailedException(
            service
                + " answered none of "
                + sent
                + " "
                + units
                + "; first error: "
                + firstError
                + ". "
                + fix,
            null);
      }
    }

    /**
     * Adds "{@code prefix}: F of N {@code units} {@code outcome}; first error: …" to {@code notes}
     * when some texts failed.
     */
    public void noteFailures(String prefix, String units, String outcome, List<String> notes) {
      if (failed > 0) {
        notes.add(
            prefix
                + ": "
                + failed
                + " of "
                + sent
                + " "
                + units
                + " "
                + outcome
                + "; first error: "
                + firstError);
      }
    }
  }
}
