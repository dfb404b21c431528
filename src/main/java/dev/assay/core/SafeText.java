package dev.assay.core;

/**
 * The one place that makes a value from the data safe to print on a line of text (the console, a CI
 * log, a junit.xml test name, a summary.md cell): every character that could end the line, move the
 * cursor, colour the terminal or reorder what the reader sees is shown as a visible escape instead,
 * so a group named {@code "B\nGate open: exit 0."} cannot forge a line in a CI log.
 *
 * <ul>
 *   <li>{@code \n}, {@code \r} and {@code \t} become the two characters {@code \n}, {@code \r},
 *       {@code \t};
 *   <li>the other C0 controls (U+0000 to U+001F, ESC included), DEL and the C1 controls (U+007F to
 *       U+009F, NEL included) become <code>&#92;u00XX</code>;
 *   <li>the bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069),
 *       the directional marks (U+200E, U+200F, U+061C), the line and paragraph separators (U+2028,
 *       U+2029) and unpaired surrogates become <code>&#92;uXXXX</code>.
 * </ul>
 *
 * <p>A backslash is left as it is (Windows paths stay readable), so the escape is for safety, not a
 * reversible encoding: a value that spells {@code \n} literally prints the same as a newline.
 */
public final class SafeText {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private SafeText() {}

  /** {@code text} with every unsafe character escaped visibly; null stays null. */
  public static String line(String text) {
    return escaped(text, false);
  }

  /**
   * Like {@link #line} but keeping tab, line feed and carriage return: for a whole document
   * (report.html) where line breaks are markup whitespace and cannot forge anything, while NUL,
   * ESC, C1 controls and bidi overrides from the data still must not reach the reader raw.
   */
  public static String keepingLineBreaks(String text) {
    return escaped(text, true);
  }

  /** True when {@link #line} would change {@code text}. */
  public static boolean needsEscaping(String text) {
    return text != null && firstUnsafe(text, false) >= 0;
  }

  private static String escaped(String text, boolean keepBreaks) {
    if (text == null) {
      return null;
    }
    int first = firstUnsafe(text, keepBreaks);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i)); // a proper pair (an emoji, say) stays
      } else if (unsafe(c, keepBreaks)) {
        escape(c, out);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int firstUnsafe(String text, boolean keepBreaks) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (unsafe(c, keepBreaks)) {
        return i;
      }
    }
    return -1;
  }

  /** A character that is unsafe on its own (a surrogate here is an unpaired one). */
  private static boolean unsafe(char c, boolean keepBreaks) {
    if (keepBreaks && (c == '\n' || c == '\r' || c == '\t')) {
      return false;
    }
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F
        || c == 0x061C
        || c == 0x2028
        || c == 0x2029
        || Character.isSurrogate(c);
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default ->
          out.append("\\u")
              .append(HEX[(c >> 12) & 0xF])
              .append(HEX[(c >> 8) & 0xF])
              .append(HEX[(c >> 4) & 0xF])
              .append(HEX[c & 0xF]);
    }
  }
}
