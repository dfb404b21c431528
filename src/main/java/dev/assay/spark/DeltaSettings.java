package dev.assay.spark;

import org.apache.spark.SparkConf;

/**
 * Turns Delta Lake's session extension and catalog on when Delta is on the classpath and the
 * launcher did not configure them (embedded mode, or spark-submit with only {@code --packages
 * io.delta:delta-spark_2.13:...}): Delta's time travel and history need them. A platform that
 * configures its own (Databricks, Synapse, Fabric) keeps its settings.
 */
final class DeltaSettings {

  static final String EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  static final String CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";

  private DeltaSettings() {}

  static void applyIfPresent(SparkConf conf) {
    if (!onClasspath(EXTENSION) || conf.contains("spark.sql.extensions")) {
      return;
    }
    conf.set("spark.sql.extensions", EXTENSION);
    conf.setIfMissing("spark.sql.catalog.spark_catalog", CATALOG);
  }

  private static boolean onClasspath(String className) {
    try {
      Class.forName(className, false, DeltaSettings.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
