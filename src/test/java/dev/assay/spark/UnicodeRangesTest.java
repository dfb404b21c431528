package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link UnicodeRanges}: explicit classes equal to java.util.regex's category classes. */
public class UnicodeRangesTest {

  @Test
  void lettersAndNumbersAreTheCategoryClasses() {
    UnicodeRangesTest.assertClassIs(
        "[\\p{L}]", "[" + UnicodeRanges.of(UnicodeRanges::isLetter) + "]");
    UnicodeRangesTest.assertClassIs(
        "[\\p{N}]", "[" + UnicodeRanges.of(UnicodeRanges::isNumber) + "]");
  }

  @Test
  void runsAreWrittenAsRangesAndSingleCodePointsAlone() {
    assertEquals("a-ce", UnicodeRanges.of(c -> (c >= 'a' && c <= 'c') || c == 'e'));
    assertEquals("\uD835\uDC00-\uD835\uDC02", UnicodeRanges.of(c -> c >= 0x1D400 && c <= 0x1D402));
  }

  /**
   * Asserts that the explicit class {@code ranges} ({@code [a-bc...]}: single code points and runs)
   * holds exactly the code points java.util.regex matches with {@code reference}.
   */
  public static void assertClassIs(String reference, String ranges) {
    assertTrue(ranges.startsWith("[") && ranges.endsWith("]"), ranges);
    int[] cps = ranges.substring(1, ranges.length() - 1).codePoints().toArray();
    java.util.BitSet explicit = new java.util.BitSet();
    for (int i = 0; i < cps.length; i++) {
      if (i + 2 < cps.length && cps[i + 1] == '-') {
        assertTrue(cps[i] < cps[i + 2], "range " + cps[i] + "-" + cps[i + 2]);
        explicit.set(cps[i], cps[i + 2] + 1);
        i += 2;
      } else {
        explicit.set(cps[i]);
      }
    }
    Matcher m = Pattern.compile(reference).matcher("");
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      boolean in = m.reset(new String(Character.toChars(c))).matches();
      if (in != explicit.get(c)) {
        throw new AssertionError(
            String.format("U+%04X: %s %b, the explicit class %b", c, reference, in, !in));
      }
    }
  }
}
