package dev.assay.cli;

import dev.assay.spark.SparkSessions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The JVM of {@code scripts/gpu-plan-check.sh}: runs several audits one after the other on ONE
 * Spark session (started once, with the RAPIDS Accelerator settings the script passes as {@code
 * -Dspark.*} system properties), so the plugin and Spark start once instead of once per audit. A
 * line {@value #MARKER}{@code NAME} on standard error opens each audit's section of the log, and
 * {@value #MARKER}{@code NAME exit CODE} closes it; the script reads the plugin's reports between
 * the two. Arguments: {@code NAME=SPEC OUT} pairs, or {@code demo-data=DIR ROWS} to write the demo
 * data first (a small sample: the plan, not the data, is what the check looks at), or {@code
 * NAME=FILE.sql OUT} for a probe: the file's queries (separated by lines holding only {@code ;})
 * run one after the other and their rows are printed, so that the plugin reports what of them it
 * would leave on the CPU (the evidence for what cannot move to the GPU, {@code docs/gpu.md}).
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
    } else if (target.endsWith(".sql")) {
      log.println(MARKER + name);
      log.flush();
      int code = probe(Path.of(target), log);
      log.println(MARKER + name + " exit " + code);
      log.flush();
      return;
    } else {
      command.addAll(List.of("audit", target, "--out", out));
    }
    log.println(MARKER + name);
    log.flush();
    int code = Main.run(command.toArray(new String[0]));
    log.println(MARKER + name + " exit " + code);
    log.flush();
  }

  /** Runs the probe queries of {@code file} and prints their rows; 0, or 3 when one fails. */
  private static int probe(Path file, PrintStream log) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      log.println("gpu-plan-check: cannot read " + file + ": " + e.getMessage());
      return 3;
    }
    SparkSession spark = SparkSession.active();
    for (String query : text.split("(?m)^;\\s*$")) {
      String sql =
          query.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
      if (sql.isBlank()) {
        continue;
      }
      try {
        for (Row row : spark.sql(sql).collectAsList()) {
          log.println("probe row: " + row);
        }
      } catch (RuntimeException e) {
        log.println("gpu-plan-check: probe query failed: " + e.getMessage());
        return 3;
      }
    }
    return 0;
  }
}
