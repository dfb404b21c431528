package dev.assay.metrics.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * Python 3's notion of whitespace ({@code str.isspace}, {@code str.split()} without arguments),
 * which sacreBLEU, rouge-score and the SQuAD script all rely on. Java's {@link
 * Character#isWhitespace} leaves out the no-break spaces (U+00A0, U+2007, U+202F) and U+0085, which
 * Python counts; {@link Character#isSpaceChar} adds the Unicode space separators but leaves out the
 * ASCII controls. Their union plus U+0085 is Python's set: {@code \t \n \x0b \x0c \r \x1c-\x1f},
 * space, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
 */
final class Whitespace {

  private Whitespace() {}

  /** True when Python's {@code str.isspace()} is true for this code point. */
  static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || codePoint == 0x85;
  }

  /** Python's {@code s.split()}: the maximal runs of non-whitespace, in order. */
  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (isSpace(cp)) {
        if (start >= 0) {
          out.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }

  /** Python's {@code s.rstrip()}. */
  static String rstrip(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** Python's {@code ''.join(s.split())}: the string with every whitespace character removed. */
  static String remove(String s) {
    return String.join("", split(s));
  }
}
