package dev.assay.metrics.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Verbatim memorization: a hand-worked fixture, a plain-Java window oracle on seeded text, jobs.
 */
class MemorizationAnalysisTest {

  static final SparkSession SPARK = SharedSpark.get();

  static Dataset<Row> texts(String column, List<String> values) {
    return SPARK.createDataset(values, Encoders.STRING()).toDF(column);
  }

  /**
   * The definition, by brute force: does some n-window of the response occur in the training text?
   */
  static double oracle(List<String> responses, List<String> training, int n) {
    Set<String> windows = new HashSet<>();
    for (String t : training) {
      for (int i = 0; t != null && i + n <= t.length(); i++) {
        windows.add(t.substring(i, i + n));
      }
    }
    int total = 0;
    int hits = 0;
    for (String r : responses) {
      if (r == null) {
        continue;
      }
      total++;
      for (int i = 0; i + n <= r.length(); i++) {
        if (windows.contains(r.substring(i, i + n))) {
          hits++;
          break;
        }
      }
    }
    return (double) hits / total;
  }

  @Test
  void handWorkedWithATwentyCharacterWindow() {
    // training: "The secret recipe is flour, sugar and butter." (45 chars)
    List<String> training = List.of("The secret recipe is flour, sugar and butter.", "short");
    List<String> responses =
        Arrays.asList(
            "Well: the secret recipe is flour, sugar and more", // "secret recipe is flour, sugar" ≥
            // 20 chars: hit
            "The Secret Recipe Is Flour, Sugar", // case differs: no 20-char window matches
            "recipe is flour, su", // 19 chars: shorter than the window
            "sugar and butter. The secret", // "sugar and butter." is 17 chars; no hit
            null, // not counted
            "flour, sugar and butter."); // 24 chars, a window of the training: hit
    // 2 hits of 5 non-null responses = 0.4
    MetricResult[] m = new MetricResult[1];
    Dataset<Row> r = texts("response", responses).repartition(2);
    int jobs =
        JobCounter.count(
            SPARK,
            () ->
                m[0] =
                    MemorizationAnalysis.run(r, "response", texts("text", training), "text", 20));
    assertTrue(
        jobs <= 3, "the total, the join and (when small) the training windows' broadcast: " + jobs);
    assertEquals(0.4, m[0].number().orElseThrow(), 1e-12);
    assertEquals(5L, m[0].count());
    assertEquals(0.4, oracle(responses, training, 20), 1e-12);
  }

  @Test
  void agreesWithTheWindowOracleOnSeededText() {
    Random random = new Random(99);
    String[] words =
        "the of and a to in is you that it he was for on are as with his they at be this from"
            .split(" ");
    List<String> training = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      StringBuilder s = new StringBuilder();
      for (int w = 0; w < 60; w++) {
        s.append(words[random.nextInt(words.length)]).append(' ');
      }
      training.add(s.toString());
    }
    List<String> responses = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StringBuilder s = new StringBuilder();
      for (int w = 0; w < 15; w++) {
        s.append(words[random.nextInt(words.length)]).append(' ');
      }
      if (i % 4 == 0) { // a copied passage of 30..80 characters around the window
        String t = training.get(random.nextInt(training.size()));
        int start = random.nextInt(t.length() - 80);
        s.insert(random.nextInt(s.length()), t.substring(start, start + 30 + random.nextInt(51)));
      }
      responses.add(i % 37 == 0 ? null : s.toString());
    }
    for (int n : new int[] {50, 25}) {
      double expected = oracle(responses, training, n);
      MetricResult m =
          MemorizationAnalysis.run(
              texts("response", responses), "response", texts("text", training), "text", n);
      assertEquals(expected, m.number().orElseThrow(), 1e-12, "n = " + n);
      assertTrue(expected > 0 && expected < 1, "the fixture has both: " + expected);
    }
  }

  @Test
  void noResponseIsUndefined() {
    MetricResult m =
        MemorizationAnalysis.run(
            texts("response", Arrays.asList((String) null)),
            "response",
            texts("text", List.of("anything at all")),
            "text",
            5);
    assertInstanceOf(MetricResult.Undefined.class, m);
    assertTrue(m.note().contains("no non-null response"), m.note());
  }
}
