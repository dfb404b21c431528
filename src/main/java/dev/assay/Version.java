package dev.assay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build of Assay is and what it runs on: Assay's version (the jar manifest's
 * Implementation-Version, "dev" in a source tree), the git commit it was built from ({@code
 * dev/assay/git.properties}, written by the build), and the Spark, Scala and Java versions found at
 * run time. Spark and Scala are provided by spark-submit or submit.sh, so each is read without
 * initialising anything and reported as absent when it is not on the classpath.
 */
public final class Version {

  static final String ABSENT = "not on the classpath";

  private Version() {}

  /** Assay's own version. */
  public static String tool() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * The abbreviated commit this build came from, with "-dirty" for uncommitted changes, or
   * "unknown".
   */
  public static String commit() {
    Properties git = resource("dev/assay/git.properties");
    String id = git.getProperty("git.commit.id.abbrev", "");
    if (id.isBlank()) {
      return "unknown";
    }
    return "true".equals(git.getProperty("git.dirty")) ? id + "-dirty" : id;
  }

  /** The Spark on the classpath (spark-core's manifest), or {@link #ABSENT}. */
  public static String spark() {
    try {
      Class<?> context = Class.forName("org.apache.spark.SparkContext", false, loader());
      String v = context.getPackage().getImplementationVersion();
      return v == null ? "unknown" : v;
    } catch (ClassNotFoundException | LinkageError e) {
      return ABSENT;
    }
  }

  /** The Scala library on the classpath ({@code library.properties}), or {@link #ABSENT}. */
  public static String scala() {
    return resource("library.properties").getProperty("version.number", ABSENT);
  }

  /** The one-line answer to {@code assay --version}. */
  public static String describe() {
    return "assay "
        + tool()
        + " (commit "
        + commit()
        + "), Spark "
        + spark()
        + ", Scala "
        + scala()
        + ", Java "
        + System.getProperty("java.version");
  }

  private static Properties resource(String name) {
    Properties properties = new Properties();
    try (InputStream in = loader().getResourceAsStream(name)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // An unreadable resource tells the same as a missing one: the value is unknown.
    }
    return properties;
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Version.class.getClassLoader();
  }
}
