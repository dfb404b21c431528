package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SQuAD v1.1 normalisation, exact match and F1, computed by hand from evaluate-v1.1.py. */
class SquadTest {

  @Test
  void normalisationFollowsTheScript() {
    assertEquals("cat", Squad.normalize("The Cat!"));
    assertEquals("theory of thing", Squad.normalize("Theory of a thing."));
    // Punctuation goes first, so "an_the" becomes the word "anthe", not two articles.
    assertEquals("anthe", Squad.normalize("an_the"));
    // The em dash is not string.punctuation: it stays and is a word boundary for the article.
    assertEquals("—end", Squad.normalize("the—end"));
    assertEquals("café", Squad.normalize("  A   CAFÉ\u00a0 "));
    assertEquals("", Squad.normalize("the a an"));
  }

  /** The regex class of Python's whitespace that the SQL columns split on is {@link Whitespace}. */
  @Test
  void whitespaceClassIsPythons() {
    java.util.regex.Pattern space = java.util.regex.Pattern.compile("[" + SquadColumns.SPACE + "]");
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      assertEquals(
          Whitespace.isSpace(cp),
          space.matcher(new String(Character.toChars(cp))).matches(),
          Integer.toHexString(cp));
    }
  }

  @Test
  void exactMatch() {
    assertTrue(Squad.exactMatch("The Cat!", "cat"));
    assertTrue(Squad.exactMatch("Denver Broncos", "the denver broncos."));
    assertFalse(Squad.exactMatch("Denver", "Denver Broncos"));
    assertTrue(Squad.exactMatch("", ""));
    assertTrue(Squad.exactMatch("the", "a")); // both normalise to ""
  }

  @Test
  void tokenF1() {
    // pred: cat sat on mat (4); gold: cat on mat (3); common 3: P = 3/4, R = 1, F1 = 6/7.
    assertEquals(6.0 / 7, Squad.f1("the cat sat on the mat", "a cat on a mat"), 1e-12);
    // Repeated words: pred cat cat cat, gold cat cat dog: common min(3, 2) = 2 → P = R = F1 = 2/3.
    assertEquals(2.0 / 3, Squad.f1("the the cat cat cat", "cat cat dog"), 1e-12);
    // v1.1: no common token → 0, even when both are empty.
    assertEquals(0.0, Squad.f1("", ""), 0.0);
    assertEquals(0.0, Squad.f1("naïve—résumé", "naïve résumé"), 0.0);
    assertEquals(1.0, Squad.f1("Naïve, résumé", "naïve résumé"), 1e-12);
  }
}
