package dev.assay.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Keeps Spark's INFO chatter out of the terminal in embedded mode, so the user sees Assay's own
 * lines. Under spark-submit the cluster's log4j2 configuration is left alone.
 */
final class QuietLogs {

  private QuietLogs() {
  }

  static void apply() {
    // The Azure SDK's own log lines may name request URLs; --upload reports its failures itself,
    // in one redacted message (see BlobPublisher), so they are never printed, under any launcher.
    Configurator.setLevel("com.azure", Level.OFF);
    if (System.getProperty("spark.master") != null || System.getenv("ASSAY_VERBOSE") != null) {
      return;
    }
    Configurator.setRootLevel(Level.WARN);
    Configurator.setLevel("org.apache.spark", Level.WARN);
    Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
    Configurator.setLevel("org.apache.spark.util.Utils", Level.ERROR);
  }
}
