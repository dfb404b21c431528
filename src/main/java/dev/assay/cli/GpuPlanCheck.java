package dev.assay.cli;

import dev.assay.spark.SparkSessions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The JVM of {@code scripts/gpu-plan-check.sh}: runs several audits one after the other on ONE
 * Spark session (started once, with the RAPIDS Accelerator settings the script passes as {@code
 * -Dspark.*} system properties), so the plugin and Spark start once instead of once per audit. A
 * line {@value #MARKER}{@code NAME} on standard error opens each audit's section of the log, and
 * {@value #MARKER}{@code NAME exit CODE} closes it; the script reads the plugin's reports between
 * the two. Arguments: {@code NAME=SPEC OUT} pairs, or {@code demo-data=DIR ROWS} to write the demo
 * data first (a small sample: the plan, not the data, is what the check looks at).
 */
public final class GpuPlanCheck {

  /** What opens (and, with {@code exit CODE}, closes) an audit's section of the log. */
  public static final String MARKER = "=== gpu-plan-check: ";

  private GpuPlanCheck() {}

  /** Runs the audits; exit 0 once all ran (their own exit codes are in the log), 2 on bad use. */
  public static void main(String[] args) {
    if (args.length % 2 != 0 || args.length == 0) {
      System.err.println("usage: GpuPlanCheck NAME=SPEC OUT ... (or demo-data=DIR ROWS)");
      System.exit(2);
    }
    SparkSession spark = SparkSessions.create(null, Map.of());
    try {
      for (int i = 0; i < args.length; i += 2) {
        run(args[i], args[i + 1], System.err);
      }
    } finally {
      spark.stop();
    }
    System.exit(0);
  }

  private static void run(String named, String out, PrintStream log) {
    int eq = named.indexOf('=');
    String name = named.substring(0, eq);
    String target = named.substring(eq + 1);
    List<String> command = new ArrayList<>();
    if (name.equals("demo-data")) {
      command.addAll(List.of("demo-data", target, "--rows", out));
    } else {
      command.addAll(List.of("audit", target, "--out", out));
    }
    log.println(MARKER + name);
    log.flush();
    int code = Main.run(command.toArray(new String[0]));
    log.println(MARKER + name + " exit " + code);
    log.flush();
  }
}
