package dev.assay.io;

/** An exception chain in a few words for a one-line message: each distinct cause's type and first line. */
final class Failures {

  private static final int MAX = 400;

  private Failures() {
  }

  /** E.g. {@code AbfsRestOperationException (Operation failed ...) <- UnknownHostException (x.invalid)}. */
  static String describe(Throwable failure) {
    StringBuilder out = new StringBuilder();
    String previous = null;
    for (Throwable t = failure; t != null && out.length() < MAX; t = t.getCause()) {
      String line = firstLine(t.getMessage());
      if (line != null && line.equals(previous)) {
        continue;
      }
      if (t.getCause() != null && line != null && line.equals(firstLine(t.getCause().toString()))) {
        continue; // a wrapper that only repeats its cause
      }
      if (!out.isEmpty()) {
        out.append(" <- ");
      }
      out.append(t.getClass().getSimpleName());
      if (line != null && !line.isBlank()) {
        out.append(" (").append(line.length() > 200 ? line.substring(0, 200) + "…" : line).append(')');
      }
      previous = line;
      if (t.getCause() == t) {
        break;
      }
    }
    return out.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return null;
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
