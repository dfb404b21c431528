package dev.assay.spec;

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

  /** Guesses the format from a path's extension (a trailing slash is ignored); null if none fits. */
  public static DataFormat fromPath(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int dot = p.lastIndexOf('.');
    return dot < 0 ? null : parse(p.substring(dot + 1));
  }
}
