package dev.assay.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is built. Under spark-submit the master and settings come from
 * spark-submit; in embedded mode (no master configured) Assay runs on {@code local[*]}.
 */
public final class SparkSessions {

  private SparkSessions() {}

  /** The RAPIDS Accelerator's plugin class, as {@code spark.plugins} names it. */
  public static final String RAPIDS_PLUGIN = "com.nvidia.spark.SQLPlugin";

  /**
   * True when {@code session} runs with the RAPIDS Accelerator: its {@code spark.plugins} (a
   * comma-separated list) names {@value #RAPIDS_PLUGIN}. Expressions that have a GPU form pick it
   * then (docs/gpu.md).
   */
  public static boolean rapids(SparkSession session) {
    for (String plugin : session.sparkContext().getConf().get("spark.plugins", "").split(",")) {
      if (plugin.trim().equals(RAPIDS_PLUGIN)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #rapids} of the thread's active session, else of the default session (a family may build
   * its expressions on another thread); false without either.
   */
  public static boolean rapidsActive() {
    scala.Option<SparkSession> session = SparkSession.getActiveSession();
    if (session.isEmpty()) {
      session = SparkSession.getDefaultSession();
    }
    return session.isDefined() && rapids(session.get());
  }

  /**
   * Returns the session for an audit run.
   *
   * @param master a master URL from {@code --master}, or null to keep spark-submit's (or embedded
   *     {@code local[*]} when there is none)
   * @param conf extra Spark settings from {@code --conf key=value}
   */
  public static SparkSession create(String master, Map<String, String> conf) {
    SparkConf sparkConf = new SparkConf();
    if (master != null) {
      sparkConf.setMaster(master);
    } else if (!sparkConf.contains("spark.master")) {
      sparkConf.setMaster("local[*]");
    }
    sparkConf.setIfMissing("spark.app.name", "assay");
    sparkConf.setIfMissing("spark.ui.showConsoleProgress", "false");
    sparkConf.setIfMissing("spark.sql.session.timeZone", "UTC");
    if (sparkConf.get("spark.master").startsWith("local")) {
      sparkConf.setIfMissing("spark.ui.enabled", "false");
      sparkConf.setIfMissing("spark.sql.shuffle.partitions", "8");
    }
    conf.forEach(sparkConf::set);
    DeltaSettings.applyIfPresent(sparkConf);
    return SparkSession.builder().config(sparkConf).getOrCreate();
  }
}
