package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** rouge-score (no stemming): the package's own tests, its ROUGE-1.5.5 comparisons, and tricky cases. */
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

  /** rouge_scorer_test.py: testRouge1, testRouge2, testRougeLConsecutive/NonConsecutive, testRougeEmpty. */
  @Test
  void packageUnitTests() {
    assertEquals(0.5, r1("testing one two", "testing"), 1e-12);
    assertEquals(2.0 / 3, r2("testing one two", "testing one"), 1e-12);
    assertEquals(4.0 / 5, rl("testing one two", "testing one"), 1e-12);
    assertEquals(4.0 / 5, rl("testing one two", "testing two"), 1e-12);
    assertEquals(4.0 / 5, r1("testing one two", "testing one"), 1e-12);
    for (double v : new double[] {r1("testing one two", ""), r2("testing one two", ""), rl("testing one two", "")}) {
      assertEquals(0.0, v, 0.0);
    }
  }

  /** rouge_scorer_test.py's comparisons with ROUGE-1.5.5 (testdata/pyrouge_files target/prediction 0 and 1). */
  @Test
  void agreesWithRouge155() {
    String t0 = "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM"
        + " EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n";
    String p0 = "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi\n";
    String t1 = "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao"
        + " Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing"
        + " UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN\n";
    String p1 = "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed"
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

  /** Repeated words: reference "the the the", prediction "the": overlap 1, P = 1, R = 1/3, F = 0.5. */
  @Test
  void repeatedWordsAreCountedAsMultisets() {
    assertEquals(0.5, r1("the the the", "the"), 1e-12);
    // LCS of "a b c a b" and "b a b": "a b" or "b a b" → 3; P = 3/3, R = 3/5, F = 0.75.
    assertEquals(0.75, rl("a b c a b", "b a b"), 1e-12);
    assertEquals(3, Rouge.lcs(List.of("1", "2", "3", "4", "5"), List.of("2", "5", "3", "4")));
  }
}
