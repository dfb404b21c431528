package dev.assay.metrics.llm.embeddings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;

import dev.assay.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The embeddings cache: a Parquet folder with one row per text sent, keyed by the SHA-256 of the
 * model (or Azure deployment) and the text. The texts themselves are not stored. Failures are rows
 * too ({@code error} set) and are ignored when reading, so they are retried on the next run.
 */
final class EmbeddingCache {

  static final StructType SCHEMA =
      new StructType()
          .add("embedding_key", DataTypes.StringType, false)
          .add("embedding", DataTypes.createArrayType(DataTypes.DoubleType), true)
          .add("error", DataTypes.StringType, true)
          .add("answered", DataTypes.BooleanType, false)
          .add("attempts", DataTypes.IntegerType, false)
          .add("run_id", DataTypes.StringType, false);

  private EmbeddingCache() {}

  /** Rejects a folder that exists but is not an embeddings cache. */
  static void check(SparkSession spark, Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    boolean ok;
    try {
      ok =
          List.of(spark.read().parquet(folder.toUri().toString()).schema().fieldNames())
              .containsAll(List.of(SCHEMA.fieldNames()));
    } catch (Exception e) { // Spark's checked SparkException, or not Parquet at all
      ok = false;
    }
    if (!ok) {
      throw new BadInputException(
          "llm.embeddings.cache: "
              + folder
              + " exists but is not an Assay embeddings cache (a Parquet folder with columns "
              + String.join(", ", SCHEMA.fieldNames())
              + "); point llm.embeddings.cache at a new or an earlier cache folder.");
    }
  }

  /** The cached vectors, one per key: {@code v_key, v_embedding}; none without a cache. */
  static Dataset<Row> vectors(SparkSession spark, Path folder) {
    if (!Files.isDirectory(folder)) {
      return spark.createDataFrame(
          List.of(),
          new StructType()
              .add("v_key", DataTypes.StringType)
              .add("v_embedding", DataTypes.createArrayType(DataTypes.DoubleType)));
    }
    return spark
        .read()
        .parquet(folder.toUri().toString())
        .filter(col("error").isNull())
        .groupBy(col("embedding_key").as("v_key"))
        .agg(first("embedding").as("v_embedding"));
  }
}
