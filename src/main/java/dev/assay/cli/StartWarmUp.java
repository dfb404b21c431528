package dev.assay.cli;

import dev.assay.report.HtmlReport;

/**
 * Work that an audit's main thread would otherwise do one piece after another before its first
 * Spark job and after its last, started instead on one daemon thread as the command begins, so it
 * runs while the main thread reads the spec and rules and then starts the Spark session:
 *
 * <ol>
 *   <li>routing the logs ({@link QuietLogs#apply}; first, so that no Spark class initialised below
 *       sets up Spark's default logging in its place);
 *   <li>Scala's runtime reflection universe, which {@code SparkSession.builder()} needs to find the
 *       session's implementation;
 *   <li>spark-mllib's session extension object ({@code org.apache.spark.sql.ml
 *       .InternalFunctionRegistration}), whose SQL functions Spark registers in every new session:
 *       building them derives encoders by Scala reflection (mllib is on the class path for {@code
 *       VectorUDT} embeddings; absent, this step is skipped);
 *   <li>the report's template ({@link HtmlReport#preload}).
 * </ol>
 *
 * <p>Each step only initialises classes and fills caches that the audit would fill anyway, with the
 * same values, so nothing the audit computes or writes depends on whether the thread has finished
 * (the main thread waits on a class's initialisation lock if it needs one that is still in
 * progress). A step that fails is dropped: the audit's own use of the same class reports the
 * failure as before. Measured in docs/performance.md ("The start, warmed ahead").
 */
final class StartWarmUp {

  static final String MLLIB_FUNCTIONS = "org.apache.spark.sql.ml.InternalFunctionRegistration$";

  private StartWarmUp() {}

  /** Starts the thread; it never holds the JVM open. */
  static Thread begin(boolean verbose) {
    Thread thread = new Thread(() -> warm(verbose), "assay-warm-up");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void warm(boolean verbose) {
    QuietLogs.apply(verbose);
    quietly(() -> scala.reflect.runtime.package$.MODULE$.universe());
    quietly(() -> Class.forName(MLLIB_FUNCTIONS, true, StartWarmUp.class.getClassLoader()));
    quietly(HtmlReport::preload);
  }

  private static void quietly(Step step) {
    try {
      step.run();
    } catch (Throwable ignored) { // NOPMD: the audit's own use of the class reports it
      // skipped: the main thread meets the same failure where it can report it
    }
  }

  private interface Step {
    void run() throws Exception;
  }
}
