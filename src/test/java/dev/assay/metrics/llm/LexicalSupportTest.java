package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lexical support, worked by hand. */
class LexicalSupportTest {

  static final String CONTEXT = "The back panel has four gigabit Ethernet ports and one WAN port.";
  static final String PROMPT = "How many Ethernet ports does the X2 have?";
  static final String RESPONSE = "The X2 has four ports. It weighs 480 g.";

  @Test
  void sentenceRule() {
    assertEquals(
        List.of(
            "The X2 has four ports.",
            "It weighs 480 g!",
            "Really??",
            "Visit 192.168.8.1 now.",
            "Done"),
        LexicalSupport.sentences(
            "The X2 has four ports. It weighs 480 g! Really?? Visit 192.168.8.1 now.\nDone"));
    assertEquals(List.of("Use e.g.", "this."), LexicalSupport.sentences("Use e.g. this."));
    assertEquals(List.of(), LexicalSupport.sentences("  \n "));
    assertEquals(List.of("No end"), LexicalSupport.sentences("No end"));
  }

  @Test
  void contentWordsDropStopwordsAndContractionFragments() {
    assertEquals(
        Set.of("sorry", "help", "request"),
        LexicalSupport.contentWords("I'm sorry, but I can't help with that request."));
    assertEquals(
        List.of("many", "ethernet", "ports", "x2"),
        List.copyOf(LexicalSupport.contentWords(PROMPT)));
  }

  /**
   * Sentence 1 "The X2 has four ports." content words {x2, four, ports}; the context has four and
   * ports → 2/3 ≥ 0.5, supported. Sentence 2 "It weighs 480 g." {weighs, 480, g}: none → 0.
   * groundedness = 1/2; with threshold 0.7, 2/3 &lt; 0.7 → 0/2; with threshold 2/3 exactly → 1/2.
   */
  @Test
  void groundedness() {
    Set<String> ctx = LexicalSupport.words(CONTEXT);
    assertEquals(0.5, LexicalSupport.groundedness(RESPONSE, ctx, 0.5).getAsDouble(), 0.0);
    assertEquals(0.0, LexicalSupport.groundedness(RESPONSE, ctx, 0.7).getAsDouble(), 0.0);
    assertEquals(0.5, LexicalSupport.groundedness(RESPONSE, ctx, 2.0 / 3).getAsDouble(), 0.0);
    // "Yes." has no content word: the record has nothing to check.
    assertFalse(LexicalSupport.groundedness("Yes.", ctx, 0.5).isPresent());
    assertFalse(LexicalSupport.groundedness("", ctx, 0.5).isPresent());
    // Empty contexts support nothing.
    assertEquals(0.0, LexicalSupport.groundedness(RESPONSE, Set.of(), 0.5).getAsDouble(), 0.0);
  }

  @Test
  void numbers() {
    assertEquals(List.of("480"), LexicalSupport.numbers(RESPONSE)); // not the 2 of "X2"
    assertEquals(
        List.of("192.168.8.1", "12", "1.5", "1,000", "480", "64"),
        LexicalSupport.numbers("Open 192.168.8.1; use 12 V, 1.5 A; 1,000 users; 480g. Up to 64."));
  }

  /**
   * One record: context_relevance = |{ethernet, ports}| / |{many, ethernet, ports, x2}| = 0.5;
   * answer_relevance = |{ports, x2}| / 4 = 0.5; context_recall of reference "four" = 1/1;
   * groundedness 1/2 as above; numbers: "480" is not in the context → 1 of 1 unsupported. A second
   * record without contexts only adds answer relevance: prompt {capital, france}, response "Paris."
   * → 0/2. A third with prompt "Is it?" (no content word) adds nothing.
   */
  @Test
  void recordStatistics() {
    SupportState s =
        SupportState.of(PROMPT, RESPONSE, "four", CONTEXT, 0.5)
            .merge(SupportState.of("Capital of France?", "Paris.", "Paris", null, 0.5))
            .merge(SupportState.of("Is it?", "Yes.", "yes", "It is.", 0.5));
    assertEquals(0.5, s.sums()[SupportState.GROUNDEDNESS], 0.0);
    assertEquals(1, s.counts()[SupportState.GROUNDEDNESS]);
    assertEquals(1, s.ungroundable());
    assertEquals(0.5, s.sums()[SupportState.CONTEXT_RELEVANCE], 0.0);
    assertEquals(1, s.counts()[SupportState.CONTEXT_RELEVANCE]);
    assertEquals(0.5, s.sums()[SupportState.ANSWER_RELEVANCE], 0.0);
    assertEquals(2, s.counts()[SupportState.ANSWER_RELEVANCE]);
    assertEquals(1.0, s.sums()[SupportState.CONTEXT_RECALL], 0.0);
    assertEquals(1, s.counts()[SupportState.CONTEXT_RECALL]);
    assertEquals(1, s.numbers());
    assertEquals(1, s.unsupportedNumbers());
    assertTrue(LexicalSupport.STOPWORDS.contains("yes"));
  }
}
