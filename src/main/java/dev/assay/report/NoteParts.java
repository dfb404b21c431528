package dev.assay.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A metric's note taken apart so the report can say each thing once. A note is a list of clauses
 * separated by "; " (outside parentheses); a clause either describes the method (the comparison
 * group, the interval, the test: the same for every group or every metric of a row, so the page
 * states it once per table) or flags an exception (a group too small, a value undefined, a value
 * approximated within a stated bound, a group left out of a comparison), which stays on its row.
 */
final class NoteParts {

  /** Clauses that flag an exception: these stay on the row they concern. */
  private static final Pattern EXCEPTIONAL =
      Pattern.compile(
          "insufficient data|smaller than min_group_size|undefined|excluded|left out of"
              + "|^approximate|not computed|waived",
          Pattern.CASE_INSENSITIVE);

  private NoteParts() {}

  /** The clauses of {@code note} in order ("" or null gives none). */
  static List<String> of(String note) {
    List<String> parts = new ArrayList<>();
    if (note == null || note.isBlank()) {
      return parts;
    }
    int depth = 0;
    int start = 0;
    for (int i = 0; i < note.length(); i++) {
      char c = note.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == ';' && depth == 0) {
        add(parts, note.substring(start, i));
        start = i + 1;
      }
    }
    add(parts, note.substring(start));
    return parts;
  }

  /** Whether the clause flags an exception (small group, undefined, approximated, excluded). */
  static boolean exceptional(String part) {
    return EXCEPTIONAL.matcher(part).find();
  }

  private static void add(List<String> parts, String part) {
    String p = part.strip();
    if (!p.isEmpty()) {
      parts.add(p);
    }
  }
}
