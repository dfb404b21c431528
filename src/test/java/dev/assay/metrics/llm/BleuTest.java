package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * sacreBLEU 2.x BLEU and its 13a tokenizer: the README's published example plus hand-counted cases.
 */
class BleuTest {

  static final List<String> SYS =
      List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
  static final List<String> REFS_1 =
      List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first.");
  static final List<String> REFS_2 =
      List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog.");

  static long[] corpus(List<String> sys, List<List<String>> refsPerSegment) {
    long[] sum = new long[Bleu.SIZE];
    for (int i = 0; i < sys.size(); i++) {
      long[] s = Bleu.segment(sys.get(i), refsPerSegment.get(i));
      for (int j = 0; j < sum.length; j++) {
        sum[j] += s[j];
      }
    }
    return sum;
  }

  @Test
  void tokenizer13aSplitsPunctuationLikeMteval() {
    assertEquals("Hello , world !", Tokenizer13a.tokenize("Hello, world!"));
    assertEquals("It wasn't surprising .", Tokenizer13a.tokenize("It wasn't surprising."));
    assertEquals("3.14 and 1,000 , ok", Tokenizer13a.tokenize("3.14 and 1,000, ok"));
    assertEquals("well-known 5 - 3", Tokenizer13a.tokenize("well-known 5-3"));
    assertEquals("U . S . A .", Tokenizer13a.tokenize("U.S.A."));
    assertEquals("a & b < c", Tokenizer13a.tokenize("a &amp; b &lt; c"));
    assertEquals("( x ) [ y ] { z } \" q \" $ 5", Tokenizer13a.tokenize("(x) [y] {z} \"q\" $5"));
    assertEquals("broken line", Tokenizer13a.tokenize("bro-\nken\nline"));
    // Python's split() also splits at the no-break space U+00A0.
    assertEquals(List.of("a", "b"), Tokenizer13a.tokens("a\u00a0b  \t"));
    assertEquals(List.of(), Tokenizer13a.tokens(""));
  }

  /** The 13a punctuation class in hex escapes is sacreBLEU's class, code point by code point. */
  @Test
  void punctuationClassIsSacreBleus() {
    java.util.regex.Pattern sacreBleu =
        java.util.regex.Pattern.compile("([\\{-~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
    int matched = 0;
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      String s = new String(Character.toChars(c));
      boolean expected = sacreBleu.matcher(s).matches();
      assertEquals(expected, Tokenizer13a.PUNCTUATION.matcher(s).matches(), "U+" + c);
      matched += expected ? 1 : 0;
    }
    assertEquals(29, matched); // the space and ASCII punctuation without ' - . ,
  }

  /**
   * sacreBLEU README: BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17
   * ref_len = 18).
   */
  @Test
  void readmeExampleWithTwoReferenceSets() {
    List<List<String>> refs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refs.add(List.of(REFS_1.get(i), REFS_2.get(i)));
    }
    long[] s = corpus(SYS, refs);
    assertEquals(17, s[0]);
    assertEquals(18, s[1]);
    assertEquals(82.4, Bleu.precision(s, 1), 0.05);
    assertEquals(50.0, Bleu.precision(s, 2), 0.05);
    assertEquals(45.5, Bleu.precision(s, 3), 0.05);
    assertEquals(37.5, Bleu.precision(s, 4), 0.05);
    assertEquals(48.53, Bleu.score(s), 0.005);
  }

  /**
   * One reference set (published run: BLEU = 45.07 70.6/42.9/36.4/37.5, hyp_len = ref_len = 17).
   * Matches/totals 12/17, 6/14, 4/11, 3/8; BP = 1; BLEU = 100·(12/17·6/14·4/11·3/8)^(1/4).
   */
  @Test
  void readmeExampleWithOneReferenceSet() {
    List<List<String>> refs = REFS_1.stream().map(List::of).toList();
    long[] s = corpus(SYS, refs);
    assertArrayEquals(new long[] {17, 17, 12, 6, 4, 3, 17, 14, 11, 8}, s);
    assertEquals(
        100 * Math.pow(12.0 / 17 * 6.0 / 14 * 4.0 / 11 * 3.0 / 8, 0.25), Bleu.score(s), 1e-9);
    assertEquals(45.07, Bleu.score(s), 0.005);
  }

  /**
   * "a b c d" vs "a b x d": matches 3/4, 1/3, 0/2, 0/1. exp smoothing: p3 = 100/(2·2) = 25, p4 =
   * 100/(4·1) = 25; BLEU = (75 · 33.33 · 25 · 25)^(1/4) = 1562500^(1/4) = 35.3553.
   */
  @Test
  void exponentialSmoothingOfZeroMatchOrders() {
    long[] s = Bleu.segment("a b c d", "a b x d");
    assertArrayEquals(new long[] {4, 4, 3, 1, 0, 0, 4, 3, 2, 1}, s);
    assertEquals(Math.pow(75.0 * (100.0 / 3) * 25 * 25, 0.25), Bleu.score(s), 1e-9);
  }

  /**
   * Corpus BLEU of a 2-token pair is ~0 (no 3- or 4-grams); sentence BLEU's effective order gives
   * 100.
   */
  @Test
  void sentenceBleuUsesEffectiveOrder() {
    assertEquals(0.0, Bleu.score(Bleu.segment("the cat", "the cat")), 1e-9);
    assertEquals(100.0, Bleu.sentenceScore("the cat", "the cat"), 1e-9);
  }

  @Test
  void brevityPenaltyEmptyAndNoMatch() {
    // hyp 4 tokens, ref 8: BP = exp(1 - 8/4) = e^-1; every order matches fully.
    long[] s = Bleu.segment("a b c d", "a b c d e f g h");
    assertEquals(100 * Math.exp(-1), Bleu.score(s), 1e-9);
    assertEquals(0.0, Bleu.score(Bleu.segment("", "a b c")), 0.0);
    assertEquals(0.0, Bleu.score(Bleu.segment("", "")), 0.0);
    assertEquals(0.0, Bleu.score(Bleu.segment("x y z w", "a b c d")), 0.0);
    // Case-sensitive (case:mixed): "The" ≠ "the".
    assertEquals(0, Bleu.segment("The", "the")[2]);
  }

  /** Repeated words are clipped: "the the the the" vs "the cat": 1 of 4 unigrams match. */
  @Test
  void repeatedWordsAreClipped() {
    long[] s = Bleu.segment("the the the the", "the cat");
    assertEquals(1, s[2]);
    assertEquals(4, s[6]);
  }

  /** Corpus BLEU sums counts: it is not the mean of sentence BLEU. */
  @Test
  void corpusBleuIsNotMeanOfSentences() {
    List<List<String>> refs = REFS_1.stream().map(List::of).toList();
    double mean = 0;
    for (int i = 0; i < 3; i++) {
      mean += Bleu.sentenceScore(SYS.get(i), REFS_1.get(i)) / 3;
    }
    double corpus = Bleu.score(corpus(SYS, refs));
    org.junit.jupiter.api.Assertions.assertTrue(
        Math.abs(mean - corpus) > 1, mean + " vs " + corpus);
  }
}
