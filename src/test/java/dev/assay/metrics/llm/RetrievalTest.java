package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Retrieval metrics per record, worked by hand (order: recall@k, P@k, hit@k, RR, nDCG@k, AP). */
class RetrievalTest {

  private static final double LOG2_3 = Math.log(3) / Math.log(2); // 1.584962500721156

  /**
   * retrieved [a, b, c, d, e], relevant {a, c, f}, k = 3. Relevant at ranks 1 and 3 (f never
   * retrieved). Top 3 hold a and c: recall = 2/3, P@3 = 2/3, hit = 1. RR = 1/1. DCG@3 = 1/log2(2) +
   * 1/log2(4) = 1 + 0.5 = 1.5; IDCG@3 (min(3, |R| = 3) ideal ranks) = 1 + 1/log2(3) + 0.5 =
   * 2.130929753571457 → nDCG = 0.7039180890341347. AP = (P@1 + P@3) / |R| = (1 + 2/3) / 3 = 5/9.
   */
  @Test
  void classicExample() {
    double[] s = Retrieval.scores(List.of("a", "b", "c", "d", "e"), List.of("a", "c", "f"), 3);
    double idcg = 1 + 1 / LOG2_3 + 0.5;
    assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3, 1, 1, 1.5 / idcg, 5.0 / 9}, s, 1e-15);
    assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3, 1, 1, 0.7039180890341347, 5.0 / 9}, s, 1e-15);
  }

  /**
   * k larger than the list: retrieved [x, y, b], relevant {b}, k = 5. recall = 1/1, P@5 = 1/5 (the
   * denominator stays k, as trec_eval P_5), hit = 1, RR = 1/3, DCG = 1/log2(4) = 0.5, IDCG over
   * min(5, 1) = 1 rank = 1 → nDCG = 0.5, AP = P@3 / 1 = 1/3.
   */
  @Test
  void kLargerThanTheList() {
    assertArrayEquals(
        new double[] {1, 0.2, 1, 1.0 / 3, 0.5, 1.0 / 3},
        Retrieval.scores(List.of("x", "y", "b"), List.of("b"), 5),
        1e-15);
  }

  /**
   * Duplicates keep their first rank: [x, x, b, b] is read as [x, b]. relevant {b}, k = 2: b at
   * rank 2 — recall 1, P@2 = 1/2, hit 1, RR 1/2, nDCG = (1/log2(3)) / 1 = 0.6309297535714575, AP =
   * 1/2. (Without the rule b would sit at rank 3, outside k.) Duplicate relevant ids count once.
   */
  @Test
  void duplicatesKeepTheirFirstRank() {
    assertArrayEquals(
        new double[] {1, 0.5, 1, 0.5, 0.6309297535714575, 0.5},
        Retrieval.scores(List.of("x", "x", "b", "b"), List.of("b", "b"), 2),
        1e-15);
  }

  /** Relevant ids retrieved only below k: recall@1 = 0, hit 0, P@1 = 0, but RR and AP see them. */
  @Test
  void relevantBelowTheCutOff() {
    // [n, r1, r2], R = {r1, r2}, k = 1: RR = 1/2; AP = (1/2 + 2/3) / 2 = 7/12; nDCG@1 = 0 / 1.
    assertArrayEquals(
        new double[] {0, 0, 0, 0.5, 0, 7.0 / 12},
        Retrieval.scores(List.of("n", "r1", "r2"), List.of("r1", "r2"), 1),
        1e-15);
  }

  /** A perfect ranking scores 1 everywhere (P@k = |R| / k when |R| < k). */
  @Test
  void perfectRanking() {
    assertArrayEquals(
        new double[] {1, 2.0 / 3, 1, 1, 1, 1},
        Retrieval.scores(List.of("a", "b", "z"), List.of("b", "a"), 3),
        1e-15);
  }

  /**
   * Nothing retrieved (empty or null) scores 0; no relevant id (null, empty, blanks) is no score.
   */
  @Test
  void emptyLists() {
    double[] zero = {0, 0, 0, 0, 0, 0};
    assertArrayEquals(zero, Retrieval.scores(List.of(), List.of("a"), 5), 0.0);
    assertArrayEquals(zero, Retrieval.scores(null, List.of("a"), 5), 0.0);
    assertNull(Retrieval.scores(List.of("a"), List.of(), 5));
    assertNull(Retrieval.scores(List.of("a"), null, 5));
    assertNull(Retrieval.scores(List.of("a"), List.of(" ", ""), 5));
  }

  /** Ids are trimmed (a comma-separated string "a, b" splits into "a" and " b"). */
  @Test
  void idsAreTrimmed() {
    assertArrayEquals(
        new double[] {1, 0.5, 1, 0.5, 0.6309297535714575, 0.5},
        Retrieval.scores(List.of("x", " b"), List.of("b "), 2),
        1e-15);
  }
}
