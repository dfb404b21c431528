package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** sacreBLEU 2.x chrF: published values plus hand-counted cases. */
class ChrfTest {

  static double corpus(List<String> sys, List<List<String>> refs) {
    long[] sum = new long[Chrf.SIZE];
    for (int i = 0; i < sys.size(); i++) {
      long[] s = Chrf.segment(sys.get(i), refs.get(i));
      for (int j = 0; j < sum.length; j++) {
        sum[j] += s[j];
      }
    }
    return Chrf.score(sum);
  }

  /** Hugging Face's chrF metric card (sacreBLEU underneath): 61.576379378113785. */
  @Test
  void metricCardSinglePair() {
    assertEquals(
        61.576379378113785,
        corpus(
            List.of("The relationship between Obama and Netanyahu is not exactly friendly."),
            List.of(
                List.of("The ties between Obama and Netanyahu are not particularly friendly."))),
        1e-9);
  }

  /** The same card's two-segment corpus: 84.64214891738334 (summed statistics, not a mean). */
  @Test
  void metricCardTwoSegments() {
    assertEquals(
        84.64214891738334,
        corpus(
            List.of(
                "The relationship between cats and dogs is not exactly friendly.",
                "a good bookshop is just a genteel black hole that knows how to read."),
            List.of(
                List.of("The relationship between dogs and cats is not exactly friendly."),
                List.of("A good bookshop is just a genteel Black Hole that knows how to read."))),
        1e-9);
  }

  /** sacreBLEU README, two reference sets: chrF2 = 59.73. */
  @Test
  void readmeExampleWithTwoReferenceSets() {
    List<List<String>> refs =
        List.of(
            List.of(BleuTest.REFS_1.get(0), BleuTest.REFS_2.get(0)),
            List.of(BleuTest.REFS_1.get(1), BleuTest.REFS_2.get(1)),
            List.of(BleuTest.REFS_1.get(2), BleuTest.REFS_2.get(2)));
    assertEquals(59.73, corpus(BleuTest.SYS, refs), 0.005);
  }

  /**
   * "ab" vs "abc": order 1: 2 hyp, 3 ref, 2 match; order 2: 1, 2, 1; order 3: 0, 1, 0; orders 4–6
   * empty. Effective order 2: P = 1, R = (2/3 + 1/2)/2 = 7/12; chrF = 100·5·P·R/(4P + R) =
   * 100·35/55.
   */
  @Test
  void handCountedShortPair() {
    long[] s = Chrf.segment("ab", "abc");
    assertArrayEquals(new long[] {2, 3, 2, 1, 2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, s);
    assertEquals(100.0 * 35 / 55, Chrf.score(s), 1e-9);
  }

  /**
   * sacreBLEU 2.x reports hyp count 0 at an order where the reference has no n-gram: "abcdefgh" vs
   * "ab" uses orders 1–2 only: P = (2/8 + 1/7)/2 = 11/56, R = 1; chrF = 100·(55/56)/(100/56) = 55.
   */
  @Test
  void ordersWithoutReferenceNgramsDropOut() {
    long[] s = Chrf.segment("abcdefgh", "ab");
    assertEquals(0, s[6]);
    assertEquals(55.0, Chrf.score(s), 1e-9);
  }

  /** Whitespace is removed, n-grams are code points ("😀" is one character), case matters. */
  @Test
  void whitespaceUnicodeAndCase() {
    assertEquals(100.0, Chrf.score(Chrf.segment("a b\tc", "abc")), 1e-9);
    // "😀😀" vs "😀": order 1: 2, 1, 1; order 2 has no reference bigram. P = 1/2, R = 1 →
    // 100·2.5/3.
    assertEquals(100.0 * 2.5 / 3, Chrf.score(Chrf.segment("😀😀", "😀")), 1e-9);
    assertEquals(0.0, Chrf.score(Chrf.segment("ABC", "abc")), 0.0);
    assertEquals(0.0, Chrf.score(Chrf.segment("", "abc")), 0.0);
    assertEquals(0.0, Chrf.score(Chrf.segment("", "")), 0.0);
  }
}
