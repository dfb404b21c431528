package dev.assay.core;

import java.util.List;

/**
 * A list of names (groups, classes) in a note or message, bounded: the first {@value #SHOWN} joined
 * with {@code ", "}, then {@code " and K more"}. An attribute with thousands of small groups would
 * otherwise put every one of them in each metric's note, in results.json and on the console.
 */
public final class NameList {

  /** How many names a list shows before "and K more". */
  public static final int SHOWN = 20;

  private NameList() {}

  /** The first {@link #SHOWN} names, and how many more there are. */
  public static String of(List<String> names) {
    return of(names, SHOWN);
  }

  /** The first {@code shown} names, and how many more there are. */
  public static String of(List<String> names, int shown) {
    if (names.size() <= shown) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more";
  }
}
