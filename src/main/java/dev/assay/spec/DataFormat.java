package dev.assay.spec;

import java.util.List;
import java.util.Locale;

/**
 * The formats Assay reads: Spark's built-in file readers (csv, parquet, json, orc), Delta Lake
 * tables ({@code delta}, a folder with a {@code _delta_log}) and databases over JDBC ({@code
 * jdbc}).
 */
public enum DataFormat {
  CSV,
  PARQUET,
  JSON,
  ORC,
  DELTA,
  JDBC;

  /** The format names a spec may give, for messages. */
  public static final String NAMES = "csv, parquet, json, orc, delta, jdbc";

  /** Whether this format reads files at a path (all but jdbc). */
  public boolean atPath() {
    return this != JDBC;
  }

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
  private static final List<String> COMPRESSION =
      List.of("gz", "bz2", "deflate", "lz4", "snappy", "zst");

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
    if (extension.equals("jsonl") || extension.equals("ndjson")) {
      return JSON;
    }
    DataFormat format = parse(extension);
    return format == DELTA || format == JDBC ? null : format;
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    int slash = path.lastIndexOf('/');
    return dot <= slash ? null : path.substring(dot + 1);
  }
}
