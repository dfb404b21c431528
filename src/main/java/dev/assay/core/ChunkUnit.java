package dev.assay.core;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

  /** The first day of a chunk named {@code interval} ({@code start/end}), or null. */
  public static String start(String interval) {
    int slash = interval == null ? -1 : interval.indexOf('/');
    return slash < 0 ? null : interval.substring(0, slash);
  }

  /** The first day after a chunk named {@code interval} ({@code start/end}), or null. */
  public static String end(String interval) {
    int slash = interval == null ? -1 : interval.indexOf('/');
    return slash < 0 ? null : interval.substring(slash + 1);
  }
}
