package dev.assay.cli;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Keeps the libraries' log lines (Spark's executor and task-set ERRORs with their stack traces,
 * late WARNs while the session stops, Hadoop's and Parquet's warnings) off the terminal, so the
 * user sees Assay's own lines and one message per failure. They go to a log file instead, {@code
 * <java.io.tmpdir>/assay-<pid>.log} (created only when something is logged); a failed run's message
 * points to it ({@link #pointer}). Applies in embedded mode and under spark-submit ({@code
 * --master} / SPARK_HOME, whose default configuration printed about 2,450 INFO lines); {@code
 * ASSAY_VERBOSE=1} leaves the launcher's logging alone; {@code audit -v} puts Spark's INFO logging
 * on the console for that command.
 */
final class QuietLogs {

  private static final Path FILE =
      Path.of(
          System.getProperty("java.io.tmpdir"), "assay-" + ProcessHandle.current().pid() + ".log");
  private static boolean applied;

  /** The log file's length when the current command started: the pointer shows only new lines. */
  private static long runStart;

  private QuietLogs() {}

  static synchronized void apply() {
    apply(false);
  }

  /**
   * Routes the logs for the command about to run; {@code verbose} ({@code -v}) instead puts Spark's
   * INFO logging back on standard error, for this command only.
   */
  static synchronized void apply(boolean verbose) {
    runStart = FILE.toFile().length();
    if (verbose) {
      applied = false; // the next quiet command routes the logs to the file again
      ConfigurationBuilder<BuiltConfiguration> b =
          ConfigurationBuilderFactory.newConfigurationBuilder();
      b.setConfigurationName("assay-verbose");
      b.add(stderr(b));
      b.add(b.newRootLogger(Level.INFO).add(b.newAppenderRef("stderr")));
      Configurator.reconfigure(b.build());
      return;
    }
    if (applied || System.getenv("ASSAY_VERBOSE") != null) {
      return;
    }
    applied = true;
    ConfigurationBuilder<BuiltConfiguration> b =
        ConfigurationBuilderFactory.newConfigurationBuilder();
    b.setConfigurationName("assay");
    b.add(
        b.newAppender("file", "File")
            .addAttribute("fileName", FILE.toString())
            .addAttribute("append", true)
            .addAttribute("createOnDemand", true)
            .add(
                b.newLayout("PatternLayout")
                    .addAttribute("pattern", "%d{yyyy-MM-dd HH:mm:ss} %p %c: %m%n%ex")));
    b.add(stderr(b));
    b.add(b.newRootLogger(Level.WARN).add(b.newAppenderRef("file")));
    b.add(b.newLogger("dev.assay", Level.WARN).add(b.newAppenderRef("stderr")));
    b.add(b.newLogger("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR));
    // "Truncated the string representation of a plan": wide aggregation buffers; harmless
    b.add(b.newLogger("org.apache.spark.util.SparkStringUtils", Level.ERROR));
    b.add(b.newLogger("com.azure", Level.OFF));
    b.add(b.newLogger("com.microsoft.aad", Level.OFF));
    Configurator.reconfigure(b.build());
  }

  /**
   * Standard error, short lines; {@code follow}: writes to the current System.err, so a caller that
   * redirects it sees Assay's lines.
   */
  private static AppenderComponentBuilder stderr(ConfigurationBuilder<BuiltConfiguration> b) {
    return b.newAppender("stderr", "Console")
        .addAttribute("target", "SYSTEM_ERR")
        .addAttribute("follow", true)
        .add(b.newLayout("PatternLayout").addAttribute("pattern", "%d{HH:mm:ss} %p %c{1}: %m%n"));
  }

  /**
   * The line that points a failed run's message to the log file; empty when the run logged no ERROR
   * there (or when {@link #apply} did not route the logs there): warnings alone are not worth a
   * second line under a bad-input message.
   */
  static synchronized String pointer() {
    File file = FILE.toFile();
    if (!applied || file.length() <= runStart) {
      return "";
    }
    return loggedAnError() ? "\n(Spark's warnings and errors for this run: " + FILE + ")" : "";
  }

  /** Whether the lines written since the command started hold an ERROR event. */
  private static boolean loggedAnError() {
    try (RandomAccessFile log = new RandomAccessFile(FILE.toFile(), "r")) {
      log.seek(runStart);
      for (String line = log.readLine(); line != null; line = log.readLine()) {
        if (line.contains(" ERROR ")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return true; // cannot tell: point to the file rather than hide it
    }
  }

  /**
   * Turns the Azure SDK's (and its MSAL library's) own log lines off, under any launcher: --upload
   * reports its failures itself, in one redacted message (see BlobPublisher). Called after Spark
   * has set up logging, which would otherwise replace this setting with its defaults.
   */
  static void silenceAzure() {
    Configurator.setLevel("com.azure", Level.OFF);
    // msal4j, under azure-identity: DefaultAzureCredential's managed-identity probe logs a WARN of
    // its own when the metadata endpoint answers with an error
    Configurator.setLevel("com.microsoft.aad", Level.OFF);
  }
}
