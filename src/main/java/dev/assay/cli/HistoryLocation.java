package dev.assay.cli;

import dev.assay.history.HistoryStore;
import dev.assay.io.AzureStorageSettings;
import dev.assay.io.StorageDeadlines;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Opens the {@code --history} location (and {@code assay history}'s) with a Hadoop configuration of
 * its own, made without Spark: the {@code spark.hadoop.*} settings of {@code --conf} and the Azure
 * storage credentials of the environment, so an {@code abfss://} history is checked before any
 * Spark work.
 */
final class HistoryLocation {

  private HistoryLocation() {}

  static HistoryStore open(String location, List<String> conf) {
    Configuration hadoop = new Configuration();
    for (String kv : conf) {
      int eq = kv.indexOf('=');
      if (eq > 0 && kv.startsWith("spark.hadoop.")) {
        hadoop.set(kv.substring("spark.hadoop.".length(), eq), kv.substring(eq + 1));
      }
    }
    AzureStorageSettings.fromEnvironment(System.getenv()).applyTo(hadoop);
    StorageDeadlines.applyTo(hadoop);
    return HistoryStore.at(location, hadoop);
  }
}
