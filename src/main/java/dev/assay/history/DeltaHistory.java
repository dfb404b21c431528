package dev.assay.history;

import dev.assay.core.BadInputException;
import dev.assay.core.RunFailedException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The metric history as a Delta table ({@code --history delta:LOCATION}, or a folder that already
 * holds a {@code _delta_log}): one run appends its rows in one Delta commit of one Parquet file, so
 * a reader sees all of a run or none of it. Two runs appending at once both commit: a blind append
 * reads nothing of the table, so Delta's optimistic concurrency lets the second commit go in after
 * the first (Delta Lake, "Concurrency control": appends never conflict with appends). Only the very
 * first commits race to create the table, which Delta reports as a concurrent modification; the
 * append is then retried, up to {@value #ATTEMPTS} times.
 *
 * <p>The columns are {@link HistoryJson#KEYS}: strings, {@code value} a double, {@code count} a
 * long. Rows are written and read through their JSON form ({@link HistoryJson}), so a row of a
 * Delta history is exactly a row of a folder history, and the same check refuses a table of other
 * rows. Needs Spark with Delta Lake (the session Assay starts has it in embedded mode).
 */
final class DeltaHistory {

  /** How often an append is tried when the table's creation races with another run's. */
  static final int ATTEMPTS = 5;

  /** The table's schema: {@link HistoryJson#KEYS} in order. */
  static final StructType SCHEMA = schema();

  private static final String CONCURRENT =
      "io.delta.exceptions.DeltaConcurrentModificationException";

  private DeltaHistory() {}

  private static StructType schema() {
    StructType s = new StructType();
    for (String key : HistoryJson.KEYS) {
      DataType type =
          switch (key) {
            case "value" -> DataTypes.DoubleType;
            case "count" -> DataTypes.LongType;
            default -> DataTypes.StringType;
          };
      s = s.add(key, type, !key.equals("schema"));
    }
    return s;
  }

  /** Every row of the table at {@code path}, in the table's order (the caller sorts). */
  static List<HistoryRow> read(SparkSession spark, String path, String location) {
    requireDelta(location);
    List<String> lines =
        spark.read().format("delta").load(path).toJSON().collectAsList(); // a few rows per run
    List<HistoryRow> rows = new ArrayList<>(lines.size());
    for (String line : lines) {
      try {
        rows.add(HistoryJson.fromLine(line));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(
            "history table "
                + location
                + ": "
                + e.getMessage()
                + "; every row of a history table must be a row Assay wrote. Give a table that"
                + " only --history writes to.");
      }
    }
    return rows;
  }

  /** Appends one run's rows as one commit (retried when the table's creation races). */
  static void append(SparkSession spark, String path, String location, List<HistoryRow> rows) {
    requireDelta(location);
    List<String> lines = rows.stream().map(HistoryJson::toLine).toList();
    for (int attempt = 1; ; attempt++) {
      try {
        spark
            .read()
            .schema(SCHEMA)
            .json(spark.createDataset(lines, Encoders.STRING()))
            .coalesce(1) // one file per run: its rows stay in the order written
            .write()
            .format("delta")
            .mode(SaveMode.Append)
            .save(path);
        return;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isConcurrentModification(e)) {
          throw new RunFailedException(
              "could not append this run to the history table at "
                  + location
                  + ": "
                  + e.getMessage(),
              e);
        }
      }
    }
  }

  /** Whether {@code e} or a cause is one of Delta's concurrent modification exceptions. */
  static boolean isConcurrentModification(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
        if (c.getName().equals(CONCURRENT)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * @throws BadInputException when Delta Lake is not on the classpath
   */
  static void requireDelta(String location) {
    try {
      Class.forName(
          "io.delta.sql.DeltaSparkSessionExtension", false, DeltaHistory.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new BadInputException(
          "history location "
              + location
              + " is a Delta table, and Delta Lake is not on the classpath; run with"
              + " --packages io.delta:delta-spark_2.13:4.2.0 (or the platform's own Delta), or"
              + " give a folder history.");
    }
  }
}
