package dev.assay.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Bounded retries and timeouts for Azure storage ({@code abfs://}, {@code abfss://}), so an
 * unreachable account fails in seconds rather than after hadoop-azure's default retry policy (30
 * retries with back-off up to 25 s: many minutes). Each is a default: a value the Hadoop
 * configuration already has (from {@code core-site.xml}, {@code spark-defaults.conf} or {@code
 * --conf spark.hadoop.KEY=VALUE}) wins. Together with the deadline of {@link StorageProbe} they
 * bound how long Assay waits for storage before it exits 3.
 */
public final class StorageDeadlines {

  /** The defaults, by hadoop-azure 3.5 setting name (milliseconds where a duration). */
  public static final Map<String, String> DEFAULTS = defaults();

  private StorageDeadlines() {}

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("fs.azure.io.retry.max.retries", "2"); // hadoop-azure: 30
    d.put("fs.azure.io.retry.min.backoff.interval", "500");
    d.put("fs.azure.io.retry.backoff.interval", "500");
    d.put("fs.azure.io.retry.max.backoff.interval", "2000"); // hadoop-azure: 25000
    d.put("fs.azure.http.connection.timeout", "2000");
    d.put("fs.azure.http.read.timeout", "10000"); // hadoop-azure: 30000
    d.put("fs.azure.oauth.token.fetch.retry.max.retries", "2"); // hadoop-azure: 5
    d.put("fs.azure.custom.token.fetch.retry.count", "1"); // hadoop-azure: 3
    return java.util.Collections.unmodifiableMap(d);
  }

  /** Sets each default that {@code conf} does not already have; returns how many were set. */
  public static int applyTo(Configuration conf) {
    int n = 0;
    for (Map.Entry<String, String> e : DEFAULTS.entrySet()) {
      if (conf.get(e.getKey()) == null) {
        conf.set(e.getKey(), e.getValue());
        n++;
      }
    }
    return n;
  }
}
