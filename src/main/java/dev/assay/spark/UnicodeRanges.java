package dev.assay.spark;

import java.util.function.IntPredicate;

/**
 * Unicode category classes spelled out as explicit code point ranges, for regular expressions that
 * must run on GPU executors: the RAPIDS Accelerator takes no {@code \p{..}} class (docs/gpu.md).
 * The ranges come from this JVM's {@link Character#getType}, so they hold exactly the code points
 * java.util.regex's {@code \p{..}} matches; on CPU executors keep {@code \p{..}}, which
 * java.util.regex tests with one table lookup where it tests explicit ranges one by one.
 */
public final class UnicodeRanges {

  private UnicodeRanges() {}

  /**
   * The code points where {@code in} holds, as the inside of a character class: runs as {@code
   * a-b}, each end a literal character (a surrogate pair above U+FFFF: RAPIDS takes no {@code
   * \x{..}} escape there). None of the characters is special inside a class ({@code \ [ ] ^ - &}
   * are not letters, numbers or marks); callers pass predicates over such categories only.
   */
  public static String of(IntPredicate in) {
    StringBuilder out = new StringBuilder();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      if (!in.test(c)) {
        continue;
      }
      int start = c;
      while (c < Character.MAX_CODE_POINT && in.test(c + 1)) {
        c++;
      }
      out.appendCodePoint(start);
      if (c > start) {
        out.append('-').appendCodePoint(c);
      }
    }
    return out.toString();
  }

  /** A letter: {@code \p{L}} (upper, lower, title case, modifier and other letters). */
  public static boolean isLetter(int c) {
    int t = Character.getType(c);
    return t == Character.UPPERCASE_LETTER
        || t == Character.LOWERCASE_LETTER
        || t == Character.TITLECASE_LETTER
        || t == Character.MODIFIER_LETTER
        || t == Character.OTHER_LETTER;
  }

  /** A number: {@code \p{N}} (decimal digits, letter numbers and other numbers). */
  public static boolean isNumber(int c) {
    int t = Character.getType(c);
    return t == Character.DECIMAL_DIGIT_NUMBER
        || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }
}
