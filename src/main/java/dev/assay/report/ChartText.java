package dev.assay.report;

import java.util.List;

/**
 * Text in the report's SVG charts, measured before it is placed so that no label or legend is cut
 * off by the edge of its chart. SVG cannot wrap or measure text by itself and the page has no
 * script, so the width is estimated from the character count at the charts' 12 px font: 0.62 em per
 * character is wider than the average glyph of the system sans-serif fonts, so an estimate errs on
 * the side of room. Labels longer than {@link #MAX_LABEL_CHARS} are the only ones shortened (the
 * full text is in the element's {@code <title>} and in the tables).
 */
final class ChartText {

  /** The charts' font size, in px (report.ftlh: {@code svg { font: 12px … }}). */
  static final double FONT_PX = 12;

  /** Estimated advance of one character, in em. */
  static final double EM_PER_CHAR = 0.62;

  /** The longest label drawn whole. */
  static final int MAX_LABEL_CHARS = 60;

  private ChartText() {}

  /** Estimated width in px of {@code text} at the charts' font size. */
  static double width(String text) {
    return text.codePointCount(0, text.length()) * EM_PER_CHAR * FONT_PX;
  }

  /**
   * The label as drawn: whole up to {@link #MAX_LABEL_CHARS} characters, else shortened with "…".
   */
  static String label(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_LABEL_CHARS) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_LABEL_CHARS - 1)) + "…";
  }

  /**
   * The description's sentence about the groups below a chart's reference {@code line}: "no group
   * is below the line." or "2 groups below the line: a, b.".
   */
  static String below(List<String> groups, String line) {
    return groups.isEmpty()
        ? "no group is below " + line + "."
        : GateSummary.plural(groups.size(), "group")
            + " below "
            + line
            + ": "
            + String.join(", ", groups)
            + ".";
  }
}
