package dev.assay.io;

import dev.assay.core.BadInputException;
import dev.assay.core.RunFailedException;
import dev.assay.spec.DataFormat;
import dev.assay.spec.DataSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StringType;

/**
 * Opens a data set with Spark's built-in readers (csv, parquet, json, orc) from any Hadoop URI;
 * Delta tables, catalog tables, JDBC and Spark SQL queries go to {@link SourceReader}. Opening
 * reads only the schema (for CSV with {@code inferSchema}, Spark scans the file once to infer
 * types, unless the audit asks for {@link CsvHead}'s types from the first lines; a schema-carrying
 * format such as Parquet needs neither). The data is never modified. Remote storage is first
 * {@linkplain StorageProbe probed} under a deadline.
 */
public final class DatasetReader {

  private DatasetReader() {}

  /**
   * Opens {@code source}.
   *
   * @throws BadInputException when the path does not exist or the file cannot be parsed
   * @throws RunFailedException when the storage cannot be reached
   */
  public static Dataset<Row> open(SparkSession spark, DataSource source) {
    return open(spark, source, false);
  }

  /**
   * As {@link #open(SparkSession, DataSource)}; with {@code sampleCsv}, a CSV file's types come
   * from its first lines and are verified on every row ({@link CsvHead}): the caller runs again
   * with {@code sampleCsv} false when a job fails with {@link CsvHead#mismatch}.
   */
  public static Dataset<Row> open(SparkSession spark, DataSource source, boolean sampleCsv) {
    if (!source.isFiles() || source.format() == DataFormat.DELTA) {
      if (source.uri() != null && source.format() == DataFormat.DELTA) {
        StorageProbe.probe(
            source.role(),
            source.uri(),
            spark.sparkContext().hadoopConfiguration(),
            deadline(spark));
      }
      return SourceReader.open(
          spark,
          source,
          df -> {
            if (df.schema().fields().length == 0) {
              throw new BadInputException(
                  source.key() + " (" + source.where() + ") has no columns.");
            }
            return df;
          });
    }
    StorageProbe.probe(
        source.role(), source.uri(), spark.sparkContext().hadoopConfiguration(), deadline(spark));
    try {
      DataFrameReader reader =
          spark.read().format(source.format().sparkName()).options(source.options());
      CsvHead.Sampled sampled = sampleCsv ? CsvHead.infer(spark, source) : null;
      if (sampled != null) {
        reader = reader.schema(sampled.schema());
        if (!sampled.whole()) {
          reader = reader.option("mode", "FAILFAST");
        }
      }
      Dataset<Row> df = reader.load(source.uri());
      if (df.schema().fields().length == 0) {
        throw new BadInputException(
            "data."
                + source.role()
                + " ("
                + source.uri()
                + ") has no columns:"
                + " the file is empty or not "
                + source.format().sparkName()
                + ".");
      }
      requireRows(df, source);
      return df;
    } catch (BadInputException e) {
      throw e;
    } catch (Exception e) {
      if (e instanceof AnalysisException) {
        throw new BadInputException(
            "cannot read data."
                + source.role()
                + " ("
                + source.uri()
                + ") as "
                + source.format().sparkName()
                + ": "
                + firstLine(e.getMessage())
                + ". Check the path, the format and the reader options.",
            e);
      }
      BadInputException damaged = ReadFailure.of(e, List.of(source));
      if (damaged != null) {
        throw damaged;
      }
      String message = e.getMessage() == null ? Failures.describe(e) : firstLine(e.getMessage());
      if (e.getClass().getName().contains("SparkException")) {
        throw new BadInputException(
            "cannot read data."
                + source.role()
                + " ("
                + source.uri()
                + "): "
                + message
                + ". Is it really "
                + source.format().sparkName()
                + "?",
            e);
      }
      throw new RunFailedException(
          "reading data." + source.role() + " (" + source.uri() + ") failed: " + message, e);
    }
  }

  /**
   * {@value StorageProbe#DEADLINE_SETTING} in seconds, or {@link StorageProbe#DEFAULT_DEADLINE}.
   */
  static Duration deadline(SparkSession spark) {
    String value = spark.conf().get(StorageProbe.DEADLINE_SETTING, null);
    if (value == null) {
      return StorageProbe.DEFAULT_DEADLINE;
    }
    try {
      long seconds = Long.parseLong(value.strip().replaceAll("s$", ""));
      if (seconds > 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new BadInputException(
        "--conf "
            + StorageProbe.DEADLINE_SETTING
            + " takes a number of seconds"
            + " above 0, not '"
            + value
            + "'.");
  }

  /**
   * A CSV whose columns all came out as strings may be a header without rows (Spark infers nothing
   * from no values, so a numeric column would be reported as "type string"): say so first. Only
   * this rare shape costs the one-row look-up; other inputs run no extra job.
   */
  private static void requireRows(Dataset<Row> df, DataSource source) {
    if (source.format() != DataFormat.CSV
        || !Arrays.stream(df.schema().fields()).allMatch(f -> f.dataType() instanceof StringType)) {
      return;
    }
    if (df.isEmpty()) {
      throw new BadInputException(
          "data."
              + source.role()
              + " ("
              + source.uri()
              + ") has no rows:"
              + " only a header. Write the data rows, or point data."
              + source.role()
              + ".path at the right file.");
    }
  }

  static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
