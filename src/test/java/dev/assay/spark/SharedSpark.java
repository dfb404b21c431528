package dev.assay.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM ({@code local[2]}, no UI, 2 shuffle partitions), built on
 * first use and shared by every test class. Never stop it in a test.
 */
public final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSessions.create(
              "local[2]",
              Map.of(
                  "spark.ui.enabled", "false",
                  "spark.sql.shuffle.partitions", "2",
                  "spark.driver.host", "127.0.0.1",
                  "spark.sql.adaptive.enabled", "false"));
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
