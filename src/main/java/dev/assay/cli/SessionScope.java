package dev.assay.cli;

import dev.assay.spark.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A SparkSession for one command, stopped at the end only if the command created it: under the
 * tests (or any host that already runs a session) the shared session is reused and left running.
 * Also quiets Spark's logging in embedded mode before the session starts.
 */
final class SessionScope implements AutoCloseable {

  private final SparkSession spark;
  private final boolean own;

  private SessionScope(SparkSession spark, boolean own) {
    this.spark = spark;
    this.own = own;
  }

  static SessionScope open(String master, Map<String, String> conf) {
    QuietLogs.apply();
    boolean own = SparkSession.getDefaultSession().isEmpty();
    return new SessionScope(SparkSessions.create(master, conf), own);
  }

  SparkSession spark() {
    return spark;
  }

  @Override
  public void close() {
    if (own) {
      spark.stop();
    }
  }
}
