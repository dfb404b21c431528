package dev.assay.io;

import dev.assay.core.AssayException;
import dev.assay.core.BadInputException;
import dev.assay.spec.DataSource;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a failure of a Spark job that was really a damaged input file (a Parquet file
 * truncated or with scrambled bytes in the middle, a broken ORC stripe ...) and turns it into bad
 * input (exit 2) naming the file, instead of a failed run (exit 3). Opening a file reads only its
 * footer, so damage in the middle surfaces only when a job reads the rows.
 */
public final class ReadFailure {

  /** Spark's error classes and the readers' exceptions that mean "this file's bytes are bad". */
  private static final List<String> MARKERS =
      List.of(
          "FAILED_READ_FILE",
          "CANNOT_READ_FILE_FOOTER",
          "ParquetDecodingException",
          "is not a Parquet file",
          "CorruptedFileException",
          "FileCorrupt",
          "Malformed records are detected",
          "MALFORMED_RECORD_IN_PARSING");

  private static final Pattern FILE =
      Pattern.compile("(?:reading file|file|path) (\\S+?)\\.?(?:\\s|$)");

  private ReadFailure() {}

  /**
   * Returns bad input naming the damaged file when {@code e} (or a cause) is a read failure of one
   * of {@code sources}; null otherwise.
   */
  public static BadInputException of(Throwable e, List<DataSource> sources) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AssayException) {
        return null;
      }
      String message = String.valueOf(t.getMessage()) + " " + t.getClass().getName();
      if (MARKERS.stream().anyMatch(message::contains)) {
        return new BadInputException(
            describe(e, sources)
                + " is damaged or not a "
                + format(sources)
                + " file (the reader said: "
                + DatasetReader.firstLine(reason(e)).strip()
                + "). Restore or re-export the file (a truncated or partly overwritten copy cannot be"
                + " read) or name its real format in the spec, then run the audit again.",
            e);
      }
    }
    return null;
  }

  /**
   * {@code e} as bad input when it is a read failure of one of {@code sources} ({@link #of}), else
   * {@code e} itself, rethrown unchanged (also a checked exception Spark threw undeclared).
   */
  public static RuntimeException translate(Exception e, List<DataSource> sources) {
    BadInputException damaged = of(e, sources);
    if (damaged != null) {
      return damaged;
    }
    return ReadFailure.<RuntimeException>sneaky(e);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Exception> T sneaky(Exception e) throws T {
    throw (T) e;
  }

  /** {@code data.ROLE (uri)} of the source the failure names, with the file when Spark named it. */
  private static String describe(Throwable e, List<DataSource> sources) {
    String file = null;
    for (Throwable t = e; t != null && file == null; t = t.getCause()) {
      Matcher m = FILE.matcher(String.valueOf(t.getMessage()));
      if (m.find() && m.group(1).contains("/")) {
        file = m.group(1);
      }
    }
    for (DataSource s : sources) {
      String path = s.uri().replaceFirst("^file:(//)?", "");
      if (file != null && file.contains(path)) {
        return "data."
            + s.role()
            + " ("
            + (file.replaceFirst("^file:(//)?", "").equals(path)
                ? s.uri()
                : s.uri() + ", file " + file)
            + ")";
      }
    }
    if (file != null) {
      return "the input file " + file;
    }
    return sources.size() == 1
        ? "data." + sources.get(0).role() + " (" + sources.get(0).uri() + ")"
        : "an input file";
  }

  private static String format(List<DataSource> sources) {
    return sources.stream()
        .map(s -> s.format().sparkName())
        .distinct()
        .reduce((a, b) -> a + " or " + b)
        .orElse("data");
  }

  /** The innermost message that says what is wrong (Spark's outer ones only say a task failed). */
  private static String reason(Throwable e) {
    String reason = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.isBlank() && !m.startsWith("Job aborted") && !m.contains("Task failed")) {
        reason =
            m.replaceAll("\\[[A-Z_.]+\\] ", "")
                .replaceAll(" SQLSTATE: \\w+", "")
                .replaceAll("[.\\s]+$", "");
      }
    }
    return reason == null ? "the reader failed" : reason;
  }
}
