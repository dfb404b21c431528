package dev.assay.io;

import dev.assay.core.SourceEvidence;
import dev.assay.spec.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.SparkSession;

/**
 * What each data set that is not plain files resolved to when it was opened (above all the Delta
 * snapshot version read), kept per Spark session and spec key until the run's evidence is written:
 * the manifest records the version that was read, not one looked up later.
 */
public final class SourceLedger {

  private static final Map<String, SourceEvidence> OPENED = new ConcurrentHashMap<>();

  private SourceLedger() {}

  static void record(SparkSession spark, SourceEvidence evidence) {
    OPENED.put(System.identityHashCode(spark) + " " + evidence.role(), evidence);
  }

  /** Drops what was recorded for {@code spark}: its run is over (an Assay server runs many). */
  public static void forget(SparkSession spark) {
    String prefix = System.identityHashCode(spark) + " ";
    OPENED.keySet().removeIf(key -> key.startsWith(prefix));
  }

  /**
   * The evidence of {@code sources} (by spec key) and of the named inputs their queries read, as
   * they were opened in this session; plain files are left out (their hashes are the evidence).
   */
  public static List<SourceEvidence> evidence(SparkSession spark, Map<String, DataSource> sources) {
    List<SourceEvidence> out = new ArrayList<>();
    for (DataSource source : sources.values()) {
      add(spark, source, out);
    }
    return out;
  }

  private static void add(SparkSession spark, DataSource source, List<SourceEvidence> out) {
    source.views().values().forEach(view -> add(spark, view, out));
    SourceEvidence e = OPENED.get(System.identityHashCode(spark) + " " + source.key());
    if (e != null && out.stream().noneMatch(o -> o.role().equals(e.role()))) {
      out.add(e);
    }
  }
}
