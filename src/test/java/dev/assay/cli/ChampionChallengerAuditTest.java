package dev.assay.cli;

import static dev.assay.CliRun.assertBadInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.SpecFiles;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A champion/challenger audit ({@code models:}) end to end: per-model metrics and comparisons in
 * results.json, the shipped champion-challenger rule pack closing the gate, and bad {@code models}
 * blocks exiting 2 with one message naming the spec line.
 */
class ChampionChallengerAuditTest {

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /**
   * 40 rows, groups A and B, labels alternating. The champion {@code p1} is right on every row; the
   * challenger {@code p2} is right on every row of A and wrong on 4 of the 20 rows of B.
   */
  void csv() throws IOException {
    List<String> lines = new ArrayList<>(List.of("grp,y,p1,s1,p2,s2"));
    for (int i = 0; i < 40; i++) {
      String g = i < 20 ? "A" : "B";
      int y = i % 2;
      int p2 = g.equals("B") && i % 5 == 0 ? 1 - y : y;
      lines.add(g + "," + y + "," + y + "," + (0.1 + 0.8 * y) + "," + p2 + "," + (0.2 + 0.6 * p2));
    }
    Files.write(dir.resolve("data.csv"), lines);
  }

  /** Line 4 is {@code columns:}, 7 {@code models:}, 8 the champion, 9 the challenger. */
  Path spec(String columns, String champion, String challenger) throws IOException {
    return SpecFiles.write(
        dir.resolve("audit.yaml"),
        "version: 1",
        "name: champion-challenger",
        "data: {current: {path: data.csv}}",
        "columns:",
        "  label: y",
        "  sensitive: [grp]" + columns,
        "models:",
        "  " + champion,
        "  " + challenger,
        "rules: [rules/champion-challenger.yaml]",
        "");
  }

  private Result audit(Path spec) {
    return CliRun.run("audit", spec.toString(), "--out", dir.resolve("out").toString());
  }

  @Test
  void aWorseChallengerClosesTheGateAndEveryModelIsReported() throws IOException {
    csv();
    Result r =
        audit(
            spec(
                "",
                "champion: {prediction: p1, score: s1}",
                "challenger: {prediction: p2, score: s2}"));
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    double accuracyB = Double.NaN;
    double differenceB = Double.NaN;
    for (JsonNode m : results.get("metrics")) {
      if ("B".equals(m.path("group").asText()) && "challenger".equals(m.path("model").asText())) {
        if (m.get("metric").asText().equals("accuracy")) {
          accuracyB = m.get("value").asDouble();
        }
        if (m.get("metric").asText().equals("challenger_accuracy_difference")) {
          differenceB = m.get("value").asDouble();
          // 4 discordant rows, all champion-only: exact p = 2 · (1/2)^4.
          assertEquals(0.125, m.get("p_value").asDouble(), 1e-15);
        }
      }
    }
    assertEquals(16.0 / 20, accuracyB, 1e-15);
    assertEquals(-4.0 / 20, differenceB, 1e-15);
    boolean failedOnB = false;
    for (JsonNode v : results.get("rules")) {
      failedOnB |=
          v.get("id").asText().equals("challenger-accuracy-not-worse")
              && "B".equals(v.path("group").asText())
              && "challenger".equals(v.path("model").asText())
              && v.get("status").asText().equals("FAIL");
    }
    assertTrue(failedOnB, results.get("rules").toString());
    String report = Files.readString(dir.resolve("out/report.html"));
    assertTrue(report.contains("Champion against challenger"), "the comparison table");
  }

  @Test
  void badModelsExitTwoNamingTheSpecLine() throws IOException {
    csv();
    assertBadInput(
        audit(spec("", "champion: {prediction: p1}", "challenger: {prediction: p9}")),
        "audit.yaml:9",
        "'p9'");
    assertBadInput(
        audit(spec("", "champion: {prediction: p1}", "champion: {prediction: p2}")),
        "audit.yaml:9",
        "champion");
    assertBadInput(
        audit(spec("\n  prediction: p1", "champion: {prediction: p1}", "b: {prediction: p2}")),
        "audit.yaml:7",
        "remove columns.prediction");
    assertBadInput(
        audit(spec("", "champion: {score: s1}", "challenger: {prediction: p2}")),
        "audit.yaml:8",
        "columns.threshold");
  }
}
