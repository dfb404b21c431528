package dev.assay.cli;

import dev.assay.core.BadInputException;
import dev.assay.core.Secrets;
import dev.assay.io.AzureStorageSettings;
import dev.assay.io.SourceLedger;
import dev.assay.io.StorageDeadlines;
import dev.assay.spark.SparkSessions;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * A SparkSession for one command, stopped at the end only if the command created it: under the
 * tests (or any host that already runs a session) the shared session is reused and left running.
 * Also quiets Spark's logging in embedded mode before the session starts, and gives the run's
 * Hadoop configuration the command's {@code --conf spark.hadoop.*} settings (also when the session
 * already existed) and the Azure storage settings of the environment ({@link
 * AzureStorageSettings}), so {@code abfs://}/{@code abfss://} inputs can be read and hashed, with
 * bounded retries and timeouts ({@link StorageDeadlines}). The values of secret settings are
 * remembered for scrubbing.
 */
final class SessionScope implements AutoCloseable {

  private final SparkSession spark;
  private final boolean own;
  private final boolean isolated;

  private SessionScope(SparkSession spark, boolean own, boolean isolated) {
    this.spark = spark;
    this.own = own;
    this.isolated = isolated;
  }

  static SessionScope open(String master, Map<String, String> conf) {
    return open(master, conf, false);
  }

  /** As {@link #open(String, Map)}; {@code verbose} keeps Spark's INFO logging on the console. */
  static SessionScope open(String master, Map<String, String> conf, boolean verbose) {
    Secrets.rememberSettings(
        conf); // e.g. spark.hadoop.fs.azure.account.key.ACCOUNT: scrubbed everywhere
    QuietLogs.apply(verbose);
    boolean own = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create(master, conf);
    SecretLogFilter.install(); // after Spark set up logging: log lines holding a secret are dropped
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    conf.forEach(
        (key, value) -> {
          if (key.startsWith(HADOOP_PREFIX)) {
            hadoop.set(key.substring(HADOOP_PREFIX.length()), value);
          }
        });
    AzureStorageSettings.fromEnvironment(System.getenv()).applyTo(hadoop);
    StorageDeadlines.applyTo(hadoop);
    return new SessionScope(spark, own, false);
  }

  private static final String HADOOP_PREFIX = "spark.hadoop.";

  /**
   * A session of its own on {@code shared}'s Spark context, for one audit an {@code assay serve}
   * driver runs: {@code sqlConf} (only {@code spark.sql.*} settings) and the audit's temporary
   * views stay in it. Closing it leaves Spark running and forgets what the audit opened.
   */
  static SessionScope isolated(SparkSession shared, Map<String, String> sqlConf) {
    Secrets.rememberSettings(sqlConf);
    SparkSession spark = shared.newSession();
    sqlConf.forEach((key, value) -> spark.conf().set(key, value));
    // active on this thread and the threads it starts (the families'), so that Spark code reading
    // the active session's settings reads this audit's, as on the command line
    SparkSession.setActiveSession(spark);
    return new SessionScope(spark, false, true);
  }

  /**
   * The {@code --conf KEY=VALUE} options as settings, in order.
   *
   * @throws BadInputException when one has no {@code =} or no key
   */
  static Map<String, String> settings(List<String> conf) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String kv : conf) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException("--conf takes KEY=VALUE, got '" + kv + "'.");
      }
      settings.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return settings;
  }

  SparkSession spark() {
    return spark;
  }

  /**
   * Stops the session (as {@link #close}) on another thread, so that work which needs no Spark (the
   * report files) runs beside Spark's shutdown; the returned handle's {@code close} waits for it
   * and rethrows what stopping threw. The JVM does not exit before that: Spark's own shutdown hook
   * would stop the session anyway, but only after the outputs.
   */
  Stopping stopInBackground() {
    if (!own) {
      close();
      return () -> {};
    }
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                close();
                stopped.complete(null);
              } catch (Throwable t) {
                stopped.completeExceptionally(t);
              }
            },
            "assay-spark-stop");
    thread.setDaemon(true); // the handle joins it on every path; it never holds the JVM by itself
    thread.start();
    return () -> {
      try {
        stopped.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    };
  }

  /** A session stopping in the background: {@code close} waits until it has stopped. */
  interface Stopping extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  public void close() {
    SourceLedger.forget(spark);
    if (isolated) {
      SparkSession.clearActiveSession(); // the next served audit sets its own
    }
    if (own) {
      spark.stop();
      try {
        FileSystem.closeAll(); // hadoop-azure's threads would otherwise keep the JVM alive
      } catch (IOException ignored) {
        // the run is over; nothing to flush
      }
    }
  }
}
