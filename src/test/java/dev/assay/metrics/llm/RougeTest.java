package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * rouge-score (no stemming): the package's own tests, its ROUGE-1.5.5 comparisons, and tricky
 * cases.
 */
class RougeTest {

  static double r1(String target, String prediction) {
    return Rouge.rougeN(Rouge.tokens(target), Rouge.tokens(prediction), 1);
  }

  static double r2(String target, String prediction) {
    return Rouge.rougeN(Rouge.tokens(target), Rouge.tokens(prediction), 2);
  }

  static double rl(String target, String prediction) {
    return Rouge.rougeL(Rouge.tokens(target), Rouge.tokens(prediction));
  }

  /**
   * rouge_scorer_test.py: testRouge1, testRouge2, testRougeLConsecutive/NonConsecutive,
   * testRougeEmpty.
   */
  @Test
  void packageUnitTests() {
    assertEquals(0.5, r1("testing one two", "testing"), 1e-12);
    assertEquals(2.0 / 3, r2("testing one two", "testing one"), 1e-12);
    assertEquals(4.0 / 5, rl("testing one two", "testing one"), 1e-12);
    assertEquals(4.0 / 5, rl("testing one two", "testing two"), 1e-12);
    assertEquals(4.0 / 5, r1("testing one two", "testing one"), 1e-12);
    for (double v :
        new double[] {
          r1("testing one two", ""), r2("testing one two", ""), rl("testing one two", "")
        }) {
      assertEquals(0.0, v, 0.0);
    }
  }

  /**
   * rouge_scorer_test.py's comparisons with ROUGE-1.5.5 (testdata/pyrouge_files target/prediction 0
   * and 1).
   */
  @Test
  void agreesWithRouge155() {
    String t0 =
        "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM"
            + " EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n";
    String p0 =
        "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi\n";
    String t1 =
        "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao"
            + " Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing"
            + " UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN\n";
    String p1 =
        "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed"
            + " HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD\n";
    assertEquals(0.51163, r1(t0, p0), 5e-6);
    assertEquals(0.50000, r1(t1, p1), 5e-6);
    assertEquals(0.39024, r2(t0, p0), 5e-6);
    assertEquals(0.36364, r2(t1, p1), 5e-6);
    assertEquals(0.51163, rl(t0, p0), 5e-6);
    assertEquals(0.50000, rl(t1, p1), 5e-6);
  }

  @Test
  void tokenizerLowerCasesAndDropsNonAlphanumerics() {
    assertEquals(List.of("hello", "world", "42"), Rouge.tokens("Hello, WORLD!! 42"));
    // Non-ASCII letters are not [a-z0-9]: "Café" → "caf", "naïve" → "na", "ve".
    assertEquals(List.of("caf", "au", "lait", "na", "ve"), Rouge.tokens("Café au lait, naïve"));
    assertEquals(List.of(), Rouge.tokens("¿¡ — 😀"));
  }

  /**
   * Repeated words: reference "the the the", prediction "the": overlap 1, P = 1, R = 1/3, F = 0.5.
   */
  @Test
  void repeatedWordsAreCountedAsMultisets() {
    assertEquals(0.5, r1("the the the", "the"), 1e-12);
    // LCS of "a b c a b" and "b a b": "a b" or "b a b" → 3; P = 3/3, R = 3/5, F = 0.75.
    assertEquals(0.75, rl("a b c a b", "b a b"), 1e-12);
    assertEquals(3, Rouge.lcs(List.of("1", "2", "3", "4", "5"), List.of("2", "5", "3", "4")));
  }

  static final String T1 =
      "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao"
          + " Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing"
          + " UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN\n";
  static final String P1 =
      "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed"
          + " HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD\n";

  static double stemmed(int type, String target, String prediction) {
    return Rouge.best(List.of(target), prediction, true)[type];
  }

  /**
   * rouge_scorer_test.py testRouge1AgainstRouge155WithStemming / testRouge2...WithStemming
   * (ROUGE-1.5.5 -m): target/prediction 1 gives R = 0.42857, P = 0.69231, F = 0.52941 for ROUGE-1
   * (0.50000 without stemming); ROUGE-2 is unchanged at 0.36364.
   */
  @Test
  void stemmingAgreesWithRouge155() {
    assertEquals(0.52941, stemmed(0, T1, P1), 5e-6);
    assertEquals(0.36364, stemmed(1, T1, P1), 5e-6);
    assertEquals(0.50000, Rouge.best(List.of(T1), P1, false)[0], 5e-6);
  }

  /**
   * Hand-worked: reference "The cats were running quickly", response "a cat runs quick". Without
   * stemming: tokens {the, cats, were, running, quickly} and {a, cat, runs, quick}: no overlap, F =
   * 0. With stemming (only tokens longer than 3 characters): the, cat(s→cat), were, run(ning→run),
   * quickli(y→i) and a, cat (3 characters, not stemmed), run(s), quick: overlap {cat, run} = 2, P =
   * 2/4, R = 2/5, F = 2·0.5·0.4 / 0.9 = 0.4/0.9 = 4/9.
   */
  @Test
  void stemmingOnlyTouchesTokensLongerThanThree() {
    assertEquals(
        0.0,
        Rouge.best(List.of("The cats were running quickly"), "a cat runs quick", false)[0],
        0.0);
    assertEquals(
        4.0 / 9,
        Rouge.best(List.of("The cats were running quickly"), "a cat runs quick", true)[0],
        1e-12);
    assertEquals(
        List.of("the", "cat", "were", "run", "quickli"),
        Rouge.tokens("The cats were running quickly", true));
    assertEquals(List.of("cat", "ran", "dy"), Rouge.tokens("cat ran dy", true));
  }

  /** rouge_scorer_test.py testRougeLsum and testSummaryLevelLcs: R = 4/5, P = 4/10, F = 0.5333. */
  @Test
  void rougeLsumPackageTests() {
    double f =
        Rouge.rougeLsum(
            Rouge.sentences("w1 w2 w3 w4 w5", false),
            Rouge.sentences("w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", false));
    // union LCS of ref with "w1 w2 w6 w7 w8" ({w1, w2}) and "w1 w3 w8 w9 w5" ({w1, w3, w5}) =
    // {w1, w2, w3, w5}: 4 hits; P = 4/10, R = 4/5, F = 2·0.4·0.8/1.2 = 0.5333…
    assertEquals(2 * 0.4 * 0.8 / 1.2, f, 1e-12);
    assertEquals(0.0, Rouge.best(List.of("w1 w2 w3 w4 w5"), "", false)[3], 0.0);
    assertEquals(0.0, Rouge.best(List.of(""), "w1", false)[3], 0.0);
    assertEquals(0.0, Rouge.best(List.of("w1 w2 w3 w4 w5"), "/", false)[3], 0.0);
    assertEquals(
        List.of(1, 2, 3),
        Rouge.lcsIndices(List.of("1", "2", "3", "4", "5"), List.of("2", "5", "3", "4")));
  }

  /**
   * rouge_scorer_test.py testRougeLSumAgainstRouge155WithStemming: pyrouge_files target_multi.0 and
   * prediction_multi.0 (4 lines each), stemmed: R = 0.36538, P = 0.66667, F = 0.47205.
   */
  @Test
  void rougeLsumAgreesWithRouge155() {
    String target =
        "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM"
            + " EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n"
            + T1
            + "NhETebUbBk'er WOvoHMTjSRizKgH'vHiing Xu,hWxfs VkNE QhgKiLHE -HidivzoM.dO anhtion jbLQiSGDTCsuhREebUaKM"
            + " dv J dVN tmbOT\nvMR HDm,xOAetion D,tion HJtodT.mHl UIv-p VjWH'BdyWjnfGU-OjT aEMdFICyLWfQMtion"
            + " wEMfdOKing AwkeKbO 'DxqNOHBH qKtVvm OYJl mM\n";
    String prediction =
        "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi\n"
            + P1
            + "xfs VkJE QhgKiLHE -HidivzoM.dO anhing jbLQiSGDTCsuhREebUaKM dv J\n"
            + "VjWH'BdyWjnfGU-OjTNaEMdFICyLWfQMing wEMfdOKijg AwkeKbO 'DxqNO\n";
    assertEquals(0.47205, Rouge.best(List.of(target), prediction, true)[3], 5e-6);
  }

  /**
   * score_multi: per type, the reference with the best F. Response "the cat sat"; references "the
   * cat" (R1: P = 2/3, R = 1, F = 0.8; R2 "the cat" 1 of 2 bigrams, P = 1/2, R = 1, F = 2/3) and "a
   * cat sat down" (R1: overlap {cat, sat} P = 2/3, R = 2/4, F = 4/7; R2 "cat sat" P = 1/2, R = 1/3,
   * F = 0.4) → R1 = 0.8, R2 = 2/3.
   */
  @Test
  void multipleReferencesTakeTheBestPerType() {
    double[] best = Rouge.best(List.of("the cat", "a cat sat down"), "the cat sat", false);
    assertEquals(0.8, best[0], 1e-12);
    assertEquals(2.0 / 3, best[1], 1e-12);
    assertEquals(0.0, Rouge.best(List.of(), "the cat sat", false)[0], 0.0);
  }
}
