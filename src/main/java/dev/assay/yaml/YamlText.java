package dev.assay.yaml;

import java.util.List;

/**
 * Text from a user's document as it may appear in a message: keys and tags are cut to {@link
 * #MAX_SHOWN} characters and control characters are escaped, so that a hostile or mistaken file
 * cannot flood or forge the one-line error.
 */
final class YamlText {

  /** The most characters of one key or token a message repeats. */
  static final int MAX_SHOWN = 60;

  private YamlText() {}

  /** {@code text} cut to {@link #MAX_SHOWN} characters (with an ellipsis), controls escaped. */
  static String shown(String text) {
    return shown(text, MAX_SHOWN);
  }

  /** {@code text} cut to {@code max} characters (with an ellipsis), controls escaped. */
  static String shown(String text, int max) {
    if (text == null) {
      return "";
    }
    String cut = text.length() > max ? text.substring(0, max) + "…" : text;
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A key path as {@code columns.sensitive[2]}, each key {@link #shown}. */
  static String path(List<?> steps) {
    StringBuilder out = new StringBuilder();
    for (Object step : steps) {
      if (step instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(shown(String.valueOf(step)));
      }
    }
    return out.toString();
  }
}
