package dev.assay.io;

import java.util.ArrayList;
import java.util.List;

/**
 * An exception chain in a few words for a one-line message: the root cause first (what went wrong:
 * {@code UnknownHostException (x.invalid)}), then the outermost exception it surfaced as, each as
 * its type and first line.
 */
final class Failures {

  private static final int MAX_LINE = 200;

  private Failures() {}

  /**
   * E.g. {@code UnknownHostException (x.invalid); raised as InvalidConfigurationValueException
   * (...)}.
   */
  static String describe(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure;
        t != null && !chain.contains(t) && chain.size() < 20;
        t = t.getCause()) {
      chain.add(t);
    }
    Throwable root = chain.get(chain.size() - 1);
    Throwable outer = chain.get(0);
    String rootText = text(root);
    return root == outer ? rootText : rootText + "; raised as " + text(outer);
  }

  private static String text(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    int nl = message.indexOf('\n');
    String line = (nl < 0 ? message : message.substring(0, nl)).strip();
    return t.getClass().getSimpleName()
        + " ("
        + (line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line)
        + ")";
  }
}
