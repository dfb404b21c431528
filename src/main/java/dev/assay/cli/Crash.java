package dev.assay.cli;

import dev.assay.core.SafeText;
import dev.assay.core.Secrets;
import java.io.PrintWriter;

/**
 * What the command line says when a run fails for a reason it did not foresee — any {@link
 * Throwable}, errors such as {@link OutOfMemoryError} included: one line on standard error naming
 * the kind of failure, and exit 3 (the run failed), never 1, which means the gate closed. The stack
 * trace is printed only with {@code ASSAY_DEBUG} set.
 */
final class Crash {

  /** The exit code of a failed run. */
  static final int EXIT_CODE = 3;

  private Crash() {}

  /** Reports {@code t} on {@code err} and returns {@link #EXIT_CODE}; never throws. */
  static int report(Throwable t, PrintWriter err) {
    try {
      err.println(
          "assay: run failed: "
              + describe(t)
              + " (set ASSAY_DEBUG=1 for the stack trace)"
              + QuietLogs.pointer());
      if (System.getenv("ASSAY_DEBUG") != null) {
        t.printStackTrace(err);
      }
      err.flush();
    } catch (Throwable ignored) {
      // out of memory even for the message: the exit code still says the run failed
    }
    return EXIT_CODE;
  }

  /** The failure in one line, with advice for running out of memory. */
  static String describe(Throwable t) {
    String line =
        t.getClass().getSimpleName()
            + ": "
            + SafeText.line(Secrets.scrub(firstLine(t.getMessage())));
    if (t instanceof OutOfMemoryError) {
      return line
          + ". The driver ran out of memory: give it more (ASSAY_DRIVER_MEMORY for"
          + " ./submit.sh, --driver-memory for spark-submit) or audit fewer groups (lower"
          + " fairness.max_groups, bucket high-cardinality columns).";
    }
    return line;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
