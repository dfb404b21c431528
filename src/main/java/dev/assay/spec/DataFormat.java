package dev.assay.spec;

import java.util.List;
import java.util.Locale;

/** The file formats Assay reads through Spark's built-in readers. */
public enum DataFormat {
  CSV, PARQUET, JSON, ORC;

  /** Spark's reader name. */
  public String sparkName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a format name; null when unknown. */
  public static DataFormat parse(String text) {
    for (DataFormat f : values()) {
      if (f.sparkName().equalsIgnoreCase(text)) {
        return f;
      }
    }
    return null;
  }

  /** Compression suffixes Spark's text readers decompress by themselves (Hadoop's codecs). */
  private static final List<String> COMPRESSION = List.of("gz", "bz2", "deflate", "lz4", "snappy", "zst");

  /**
   * Guesses the format from a path's extension, ignoring a trailing slash and a compression suffix
   * ({@code data.csv.gz} is CSV); JSON Lines ({@code .jsonl}, {@code .ndjson}) is Spark's json,
   * which reads one object per line. Null if no extension fits.
   */
  public static DataFormat fromPath(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    String extension = extension(p);
    if (extension != null && COMPRESSION.contains(extension)) {
      extension = extension(p.substring(0, p.length() - extension.length() - 1));
    }
    if (extension == null) {
      return null;
    }
    return extension.equals("jsonl") || extension.equals("ndjson") ? JSON : parse(extension);
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    int slash = path.lastIndexOf('/');
    return dot <= slash ? null : path.substring(dot + 1);
  }
}
