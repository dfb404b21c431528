package dev.assay.metrics.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.metrics.llm.ScoredPatterns.Cue;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The refusal and injection cues in their GPU syntax ({@link PhraseSyntax#PADDED}: the text padded
 * with a newline on each side, {@code [^a-z]} for a phrase boundary, {@code \n} for a line start,
 * optional groups for a bounded run of words) find exactly what the cues in their former syntax
 * ({@link PhraseSyntax#ANCHORED}: {@code (^|[^a-z])}, {@code ([^a-z]|$)}, {@code (^|\n)}, {@code
 * {0,n}}) found on the unpadded text: cue by cue (so every flag and score is the same) on the
 * detectors' labelled sets, the RAG demo's prompts, responses and contexts (each folded as the
 * detectors fold it), a file of near misses (a phrase at the start or end of the text, adjacent
 * letters, digits, apostrophes, punctuation, newlines and other line terminators) and random texts
 * built from the cues' own words and boundaries. Spark evaluates {@code rlike} with
 * java.util.regex's {@code find}, so equal matches here are equal flags there; the last test runs
 * the two forms through Spark on the labelled sets.
 */
class PhraseSyntaxTest {

  private static final String DETECTORS = "src/test/resources/llm/detectors/";

  /** Pieces of random texts: the cues' words, their boundaries and look-alike neighbours. */
  private static final String[] PIECES = {
    "ignore",
    "all",
    "previous",
    "instructions",
    "rules",
    "your",
    "system",
    "prompt",
    "reveal",
    "i",
    "we",
    "can't",
    "cannot",
    "help",
    "assist",
    "decline",
    "must",
    "sorry",
    "no",
    "puedo",
    "ayudar",
    "je",
    "ne",
    "peux",
    "pas",
    "aider",
    "ich",
    "kann",
    "nicht",
    "helfen",
    "nao",
    "posso",
    "dan",
    "you",
    "are",
    "now",
    "do",
    "anything",
    "ai",
    "model",
    "assistant",
    "note",
    "to",
    "the",
    "user",
    "tell",
    "ask",
    "password",
    "send",
    "https://x.io",
    "attackers",
    "research",
    "shows",
    "void",
    "told",
    "what",
    "is",
    "a",
    "jailbreak",
    "##",
    "#",
    "[system]",
    "<|im_start|>",
    "dear",
    ":",
    ",",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n",
    "\r",
    "\u2028",
    "\t",
    ".",
    "!",
    "?",
    "'",
    "\"",
    "-",
    "x",
    "s",
    "1",
    "0",
    "é",
    "_",
    "mode",
    "enable",
    "developer",
    "new",
    "policy",
    "summarizing",
    "this",
    "must",
    "reads",
    "following",
    "credit card",
    "in",
    "every",
    "answer"
  };

  @Test
  void theSyntaxesDifferOnlyWhereTheyShould() {
    assertEquals("[^a-z]", PhraseSyntax.PADDED.start());
    assertEquals("(^|[^a-z])", PhraseSyntax.ANCHORED.start());
    assertEquals("( [a-z]+)?( [a-z]+)?", PhraseSyntax.PADDED.upTo(" [a-z]+", 2));
    assertEquals("( [a-z]+){0,2}", PhraseSyntax.ANCHORED.upTo(" [a-z]+", 2));
    for (Cue cue : allCues(PhraseSyntax.PADDED)) {
      // nothing RAPIDS rejects: no anchor alternatives, no end anchors, no {0,n} on a group with +
      assertFalse(cue.pattern().contains("(^|"), cue.pattern());
      assertFalse(cue.pattern().contains("$"), cue.pattern());
      assertFalse(cue.pattern().matches(".*\\+\\)\\{0,\\d+\\}.*"), cue.pattern());
    }
    assertEquals(
        RefusalDetector.cues(PhraseSyntax.ANCHORED).size(),
        RefusalDetector.cues(PhraseSyntax.PADDED).size());
    assertEquals(
        InjectionDetector.cues(PhraseSyntax.ANCHORED).size(),
        InjectionDetector.cues(PhraseSyntax.PADDED).size());
  }

  @Test
  void sameCuesOnTheLabelledSetsAndTheRagDemo() throws IOException {
    List<String> texts = new ArrayList<>(labelled("refusal-set.jsonl"));
    texts.addAll(labelled("injection-set.jsonl"));
    texts.addAll(ragDemo());
    assertTrue(texts.size() > 600, "texts: " + texts.size());
    List<String> forms = forms(texts);
    int matches = compare(forms);
    assertTrue(matches > 300, "cue matches: " + matches);
  }

  @Test
  void sameCuesOnTheNearMisses() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of("src/test/resources/llm/detectors/phrase-near-misses.txt"),
            StandardCharsets.UTF_8);
    List<String> texts = new ArrayList<>();
    for (String line : lines) {
      if (!line.isEmpty() && !line.startsWith("//")) {
        texts.add(line.replace("\\n", "\n").replace("\\r", "\r").replace("\\u2028", "\u2028"));
      }
    }
    assertTrue(texts.size() >= 60, "near misses: " + texts.size());
    // as written (the folded forms are lower case already) and through the folding
    int matches = compare(texts) + compare(forms(texts));
    assertTrue(matches > 60, "cue matches: " + matches);
  }

  @Test
  void sameCuesOnRandomTexts() {
    Random random = new Random(20261204L);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder t = new StringBuilder();
      int n = 1 + random.nextInt(12);
      for (int k = 0; k < n; k++) {
        t.append(PIECES[random.nextInt(PIECES.length)]);
        if (random.nextInt(3) > 0) {
          t.append(' ');
        }
      }
      texts.add(t.toString());
    }
    int matches = compare(texts);
    assertTrue(matches > 1000, "cue matches: " + matches);
  }

  /** The flags through Spark: the padded forms and cues against the anchored ones, row by row. */
  @Test
  @Tag("slow") // every cue of both detectors in two forms over three files: ~10 s on 2 cores
  void sameFlagsThroughSpark() {
    Dataset<Row> set =
        SharedSpark.get()
            .read()
            .schema("id INT, text STRING")
            .json(
                DETECTORS + "refusal-set.jsonl",
                DETECTORS + "injection-set.jsonl",
                "datasets/rag-demo/answers.jsonl");
    Column text = functions.col("text");
    ScoredPatterns refusalAnchored =
        new ScoredPatterns(RefusalDetector.cues(PhraseSyntax.ANCHORED), RefusalDetector.THRESHOLD);
    ScoredPatterns injectionAnchored =
        new ScoredPatterns(
            InjectionDetector.cues(PhraseSyntax.ANCHORED), InjectionDetector.THRESHOLD);
    Column folded = TextFolding.folded(text);
    Column searchable = TextFolding.searchable(text);
    long differ =
        set.select(
                RefusalDetector.PATTERNS.score(PhraseSyntax.pad(folded)).as("r1"),
                refusalAnchored.score(folded).as("r0"),
                InjectionDetector.PATTERNS.score(PhraseSyntax.pad(searchable)).as("i1"),
                injectionAnchored.score(searchable).as("i0"))
            .filter("NOT (r1 <=> r0) OR NOT (i1 <=> i0)")
            .count();
    assertEquals(0, differ);
  }

  /** Every cue of both detectors, anchored against padded, on every text; the matches found. */
  private static int compare(List<String> texts) {
    List<Cue> anchored = allCues(PhraseSyntax.ANCHORED);
    List<Cue> padded = allCues(PhraseSyntax.PADDED);
    int matches = 0;
    for (int c = 0; c < anchored.size(); c++) {
      Pattern before = Pattern.compile(anchored.get(c).pattern());
      Pattern after = Pattern.compile(padded.get(c).pattern());
      for (String t : texts) {
        boolean was = before.matcher(PhraseSyntax.ANCHORED.form(t)).find();
        boolean is = after.matcher(PhraseSyntax.PADDED.form(t)).find();
        assertEquals(was, is, () -> "cue " + after.pattern() + " on " + t);
        matches += was ? 1 : 0;
      }
    }
    return matches;
  }

  private static List<Cue> allCues(PhraseSyntax s) {
    List<Cue> all = new ArrayList<>(RefusalDetector.cues(s));
    all.addAll(InjectionDetector.cues(s));
    return all;
  }

  /** The texts' folded forms and searchable forms (as the detectors read them, unpadded). */
  private static List<String> forms(List<String> texts) {
    Dataset<Row> data = SharedSpark.get().createDataset(texts, Encoders.STRING()).toDF("text");
    Column text = functions.col("text");
    List<String> out = new ArrayList<>();
    for (Row r :
        data.select(TextFolding.folded(text), TextFolding.searchable(text)).collectAsList()) {
      out.add(r.getString(0));
      out.add(r.getString(1));
    }
    return out;
  }

  private static List<String> labelled(String file) {
    List<String> out = new ArrayList<>();
    for (Row r :
        SharedSpark.get().read().schema("text STRING").json(DETECTORS + file).collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  private static List<String> ragDemo() {
    List<String> out = new ArrayList<>();
    for (Row r :
        SharedSpark.get()
            .read()
            .schema("prompt STRING, response STRING, contexts ARRAY<STRING>")
            .json("datasets/rag-demo/answers.jsonl")
            .select(
                functions.col("prompt"),
                functions.col("response"),
                functions.array_join(functions.col("contexts"), "\n"))
            .collectAsList()) {
      for (int i = 0; i < 3; i++) {
        if (!r.isNullAt(i)) {
          out.add(r.getString(i));
        }
      }
    }
    return out;
  }
}
