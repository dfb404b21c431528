package dev.assay.core;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;

/**
 * The length of a time chunk ({@code chunk:} in the spec): a calendar day, an ISO week (Monday to
 * Sunday) or a calendar month. A chunk is named by the ISO 8601 time interval of its first day and
 * the first day after it, {@code 2024-01-01/2024-01-08}: start inclusive, end exclusive, in the
 * Spark session's time zone.
 */
public enum ChunkUnit {
  DAY,
  WEEK,
  MONTH;

  /** How a row chunk ({@code chunk: {rows: N}}) is named: {@code rows 1-1000}. */
  public static final String ROWS = "rows ";

  /**
   * The order of chunk names: time intervals as text (ISO dates sort in time order), row chunks
   * ({@code rows a-b}) by their first row as a number, so {@code rows 201-300} comes before {@code
   * rows 1001-1100}.
   */
  public static final Comparator<String> NAME_ORDER =
      Comparator.comparingLong(ChunkUnit::firstRow).thenComparing(Comparator.naturalOrder());

  /** The first row of a row chunk named {@code rows a-b}, or -1 for any other name. */
  private static long firstRow(String name) {
    if (!name.startsWith(ROWS)) {
      return -1;
    }
    int dash = name.indexOf('-', ROWS.length());
    try {
      return Long.parseLong(name.substring(ROWS.length(), dash < 0 ? name.length() : dash));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The spec's spelling: day, week or month. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The unit spelled {@code id} (any case), or null when there is none. */
  public static ChunkUnit byId(String id) {
    for (ChunkUnit u : values()) {
      if (u.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
        return u;
      }
    }
    return null;
  }

  /** The first day after the chunk that starts on {@code start}. */
  public LocalDate end(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  /**
   * The chunk's name, the ISO 8601 interval {@code start/end}, from its first day {@code start}
   * ({@code yyyy-MM-dd}); a key that is not a date (the missing chunk) is returned as it is.
   */
  public String interval(String start) {
    try {
      LocalDate first = LocalDate.parse(start);
      return first + "/" + end(first);
    } catch (DateTimeParseException e) {
      return start;
    }
  }

  /**
   * The first day of a chunk named {@code interval} ({@code start/end}); a row chunk's whole name
   * ({@code rows a-b}); else null.
   */
  public static String start(String interval) {
    if (interval != null && interval.startsWith(ROWS)) {
      return interval;
    }
    int slash = interval == null ? -1 : interval.indexOf('/');
    return slash < 0 ? null : interval.substring(0, slash);
  }

  /** The first day after a chunk named {@code interval} ({@code start/end}), or null. */
  public static String end(String interval) {
    int slash = interval == null ? -1 : interval.indexOf('/');
    return slash < 0 ? null : interval.substring(slash + 1);
  }
}
