package dev.assay.io;

import dev.assay.core.BadInputException;
import dev.assay.spec.DataSource;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a Delta table at one snapshot: the spec's {@code version}, the last version committed at or
 * before its {@code timestamp}, or else the latest version, resolved first and then read with
 * {@code versionAsOf}, so the version in the manifest is exactly the one read. Without Delta on the
 * classpath a spec that needs it gets one message naming the package.
 */
final class DeltaSnapshot {

  /** The Delta jar to name when it is missing. */
  static final String PACKAGE = "io.delta:delta-spark_2.13:4.2.0";

  private DeltaSnapshot() {}

  /**
   * The snapshot version of {@code source} to read (a table by name or a folder by path): the
   * spec's version, else the newest commit of the table's {@code _delta_log} whose commit file is
   * dated at or before the spec's timestamp (Delta's own rule when in-commit timestamps are off),
   * else the newest commit. Read from the log's file listing, without Delta's history command,
   * which Delta 4.2.0 cannot run on Spark 4.2 (it needs a class Spark 4.2 removed).
   */
  static long resolve(SparkSession spark, DataSource source) {
    requireDelta(source);
    if (source.version() != null) {
      return source.version();
    }
    String location = source.table() != null ? location(spark, source) : source.uri();
    Long limit = source.timestamp() == null ? null : epochMillis(source.timestamp());
    long newest = -1;
    try {
      Path log = new Path(location, "_delta_log");
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (FileStatus commit : fs.listStatus(log)) {
        Matcher m = COMMIT.matcher(commit.getPath().getName());
        if (m.matches() && (limit == null || commit.getModificationTime() <= limit)) {
          newest = Math.max(newest, Long.parseLong(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new BadInputException(
          "cannot list the Delta log of "
              + source.key()
              + " ("
              + source.where()
              + "): "
              + Failures.describe(e)
              + ". Is it a Delta table?",
          e);
    }
    if (newest < 0) {
      throw new BadInputException(
          source.key()
              + " ("
              + source.where()
              + ") has no Delta commit"
              + (limit == null
                  ? "; is it a Delta table (a folder with a _delta_log)?"
                  : " at or before "
                      + source.timestamp()
                      + "; give a later timestamp, or a version."));
    }
    return newest;
  }

  /** A commit file of the Delta log: {@code 00000000000000000003.json} is version 3. */
  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");

  private static long epochMillis(String timestamp) {
    return timestamp.length() == 10
        ? LocalDate.parse(timestamp).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
        : Instant.parse(timestamp).toEpochMilli();
  }

  /** A catalog table's folder, from {@code DESCRIBE TABLE EXTENDED} (no job runs). */
  private static String location(SparkSession spark, DataSource source) {
    for (Row row : spark.sql("DESCRIBE TABLE EXTENDED " + source.table()).collectAsList()) {
      if ("Location".equals(row.getString(0))) {
        return row.getString(1);
      }
    }
    throw new BadInputException(
        source.key()
            + ".table "
            + source.table()
            + " has no location;"
            + " time travel needs a Delta table stored in a folder.");
  }

  /** {@code source} at {@code version}. */
  static Dataset<Row> read(SparkSession spark, DataSource source, long version) {
    if (source.table() != null) {
      return spark.sql("SELECT * FROM " + source.table() + " VERSION AS OF " + version);
    }
    return spark
        .read()
        .format("delta")
        .options(source.options())
        .option("versionAsOf", version)
        .load(source.uri());
  }

  private static void requireDelta(DataSource source) {
    try {
      Class.forName(
          "io.delta.sql.DeltaSparkSessionExtension", false, DeltaSnapshot.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new BadInputException(
          source.key()
              + " is a Delta table, and Delta Lake is not on the"
              + " classpath: add it to spark-submit with --packages "
              + PACKAGE
              + " (Databricks, Synapse"
              + " and Fabric ship it).");
    }
  }
}
