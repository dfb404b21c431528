package dev.assay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {

  @Test
  void lineBreaksAndTabsBecomeTheirBackslashNames() {
    assertEquals("B\\nGate open: exit 0.\\r\\t", SafeText.line("B\nGate open: exit 0.\r\t"));
  }

  @Test
  void otherC0DelAndC1ControlsBecomeUnicodeEscapes() {
    assertEquals(
        "\\u0000\\u001B[31m\\u007F\\u0085\\u009F", SafeText.line("\0\u001b[31m\u007f\u0085\u009f"));
  }

  @Test
  void bidiControlsMarksAndSeparatorsAreEscaped() {
    assertEquals(
        "\\u202A\\u202E\\u2066\\u2069\\u200E\\u200F\\u061C\\u2028\\u2029",
        SafeText.line("\u202a\u202e\u2066\u2069\u200e\u200f\u061c\u2028\u2029"));
  }

  @Test
  void ordinaryTextEmojiAndBackslashesStayAsTheyAre() {
    String text = "Zoë – 東京 😀 C:\\reports\\x \u00a0";
    assertSame(text, SafeText.line(text));
    assertFalse(SafeText.needsEscaping(text));
    assertNull(SafeText.line(null));
  }

  @Test
  void unpairedSurrogatesAreEscapedPairsKept() {
    assertEquals("a\\uD800b\\uDC00😀", SafeText.line("a\ud800b\udc00\ud83d\ude00"));
  }

  @Test
  void aWholeDocumentKeepsItsLineBreaksButNotTheRest() {
    assertEquals(
        "<p>\n\tx\\u001B\\u202E</p>\r\n",
        SafeText.keepingLineBreaks("<p>\n\tx\u001b\u202e</p>\r\n"));
    assertTrue(SafeText.needsEscaping("a\nb"));
  }
}
