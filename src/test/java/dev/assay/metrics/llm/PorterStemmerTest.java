package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Porter stemmer against NLTK 3.8's output and the examples of Porter's paper. */
class PorterStemmerTest {

  /**
   * porter-nltk38.tsv: 189 words (the paper's examples, NLTK's irregular forms and extensions, and
   * common English) with the stem NLTK 3.8's {@code PorterStemmer()} gives.
   */
  @Test
  void agreesWithNltk38() throws IOException {
    String text;
    try (InputStream in = PorterStemmerTest.class.getResourceAsStream("/llm/porter-nltk38.tsv")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int checked = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\t");
      assertEquals(parts[1], PorterStemmer.stem(parts[0]), "stem of " + parts[0]);
      checked++;
    }
    assertEquals(189, checked);
  }

  /** Porter (1980): the measure m of [C](VC){m}[V]; y after a consonant is a vowel. */
  @Test
  void measureAsInThePaper() {
    for (String w : List.of("tr", "ee", "tree", "y", "by")) {
      assertEquals(0, PorterStemmer.measure(w), w);
    }
    for (String w : List.of("trouble", "oats", "trees", "ivy")) {
      assertEquals(1, PorterStemmer.measure(w), w);
    }
    for (String w : List.of("troubles", "private", "oaten", "orrery")) {
      assertEquals(2, PorterStemmer.measure(w), w);
    }
  }

  /** NLTK's departures from the paper, which rouge-score inherits. */
  @Test
  void nltkExtensions() {
    assertEquals("sky", PorterStemmer.stem("skies")); // irregular form (the paper: "ski")
    assertEquals("die", PorterStemmer.stem("dying"));
    assertEquals("tie", PorterStemmer.stem("ties")); // ies -> ie in a 4-letter word
    assertEquals("enjoy", PorterStemmer.stem("enjoy")); // y stays after a vowel (paper: "enjoi")
    assertEquals("cri", PorterStemmer.stem("cried")); // ied -> i
    assertEquals("ab", PorterStemmer.stem("ab")); // 2 letters: unchanged
  }
}
