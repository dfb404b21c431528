package dev.assay.metrics.llm.safety;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;

import dev.assay.core.BadInputException;
import dev.assay.core.SafetyCategory;
import dev.assay.metrics.llm.http.ServiceCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The safety cache: a Parquet folder with one row per unit of work sent (a response, or a prompt
 * with its contexts), keyed by the SHA-256 of the backend's identity, the categories and the texts.
 * Failures are rows too ({@code error} set) and are ignored when reading, so they are retried on
 * the next run; {@code run_id} tells this run's rows apart.
 */
final class SafetyCache {

  static final StructType SCHEMA = schema();

  private SafetyCache() {}

  private static StructType schema() {
    StructType s =
        new StructType()
            .add("safety_key", DataTypes.StringType, false)
            .add("unit", DataTypes.StringType, false);
    for (SafetyCategory c : SafetyCategory.values()) {
      s = s.add(c.id(), DataTypes.IntegerType, true);
    }
    return s.add("error", DataTypes.StringType, true)
        .add("answered", DataTypes.BooleanType, false)
        .add("attempts", DataTypes.IntegerType, false)
        .add("run_id", DataTypes.StringType, false);
  }

  /** Rejects a folder that exists but is not a safety cache (before any Spark job fails on it). */
  static void check(SparkSession spark, Path folder) {
    if (Files.isDirectory(folder) && !ServiceCache.holds(spark, folder, SCHEMA)) {
      throw new BadInputException(
          "llm.safety.cache: "
              + folder
              + " exists but is not an Assay safety cache (a Parquet folder with columns"
              + " safety_key, unit, one per category, error, answered, attempts, run_id); point"
              + " llm.safety.cache at a new or an earlier cache folder.");
    }
  }

  /** The successful verdicts, one per key: {@code v_key} and one column per category. */
  static Dataset<Row> verdicts(SparkSession spark, String cache) {
    List<Column> firsts = new ArrayList<>();
    for (SafetyCategory c : SafetyCategory.values()) {
      firsts.add(first(c.id(), true).as("v_" + c.id()));
    }
    return spark
        .read()
        .parquet(cache)
        .filter(col("error").isNull())
        .groupBy(col("safety_key").as("v_key"))
        .agg(firsts.get(0), firsts.subList(1, firsts.size()).toArray(Column[]::new));
  }

  /** {@link #verdicts}, or none when the cache folder does not exist (nothing sent yet). */
  static Dataset<Row> verdictsOrNone(SparkSession spark, Path folder) {
    if (Files.isDirectory(folder)) {
      return verdicts(spark, folder.toUri().toString());
    }
    StructType s = new StructType().add("v_key", DataTypes.StringType);
    for (SafetyCategory c : SafetyCategory.values()) {
      s = s.add("v_" + c.id(), DataTypes.IntegerType);
    }
    return spark.createDataFrame(List.of(), s);
  }
}
