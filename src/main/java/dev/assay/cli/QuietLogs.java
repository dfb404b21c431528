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
    if (System.getProperty("spark.master") != null || System.getenv("ASSAY_VERBOSE") != null) {
      return;
    }
    Configurator.setRootLevel(Level.WARN);
    Configurator.setLevel("org.apache.spark", Level.WARN);
    Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
    Configurator.setLevel("org.apache.spark.util.Utils", Level.ERROR);
    // "Truncated the string representation of a plan": wide aggregation buffers (drift's HLL
    // sketches) exceed spark.sql.debug.maxToStringFields; harmless.
    Configurator.setLevel("org.apache.spark.util.SparkStringUtils", Level.ERROR);
    // "Assume no metadata directory" with a stack trace when remote storage (abfs://) cannot be
    // reached: the read fails right after with Assay's own message (exit 3).
    Configurator.setLevel("org.apache.spark.sql.execution.streaming.sinks.FileStreamSink", Level.ERROR);
  }

  /**
   * Turns the Azure SDK's (and its MSAL library's) own log lines off, under any launcher: --upload reports its failures
   * itself, in one redacted message (see BlobPublisher). Called after Spark has set up logging, which
   * would otherwise replace this setting with its defaults.
   */
  static void silenceAzure() {
    Configurator.setLevel("com.azure", Level.OFF);
    // msal4j, under azure-identity: DefaultAzureCredential's managed-identity probe logs a WARN of
    // its own when the metadata endpoint answers with an error
    Configurator.setLevel("com.microsoft.aad", Level.OFF);
  }
}
