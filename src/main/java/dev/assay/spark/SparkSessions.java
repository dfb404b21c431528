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
