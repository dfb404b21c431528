package dev.assay.cli;

import static dev.assay.CliRun.assertBadInput;
import static dev.assay.cli.AuditCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
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

/** The drift family end to end through the CLI, with a reference file and the drift rule pack. */
class DriftAuditTest {

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /**
   * 40 rows: x = i + shift, kind cycling through {@code kinds}, outcome alternating 0/1, grp A/B.
   */
  Path csv(String name, String xHeader, int shift, String xPrefix, String... kinds)
      throws IOException {
    List<String> lines = new ArrayList<>(List.of("grp,outcome," + xHeader + ",kind"));
    for (int i = 0; i < 40; i++) {
      lines.add(
          (i % 2 == 0 ? "A" : "B")
              + ","
              + (i % 2)
              + ","
              + xPrefix
              + (i + shift)
              + ","
              + kinds[i % kinds.length]);
    }
    Path file = dir.resolve(name);
    Files.write(file, lines);
    return file;
  }

  Path spec(String extra) throws IOException {
    return SpecFiles.write(
        dir.resolve("audit.yaml"),
        "version: 1",
        "name: drift-audit",
        "data:",
        "  current: {path: current.csv}",
        "  reference: {path: reference.csv}",
        "columns:",
        "  label: outcome",
        "  features: [x, kind]",
        extra,
        "rules: [rules/drift-default.yaml]",
        "");
  }

  @Test
  void aShiftedColumnAndANewCategoryDriftAndTheDriftRuleWarns() throws IOException {
    csv("reference.csv", "x", 0, "", "a", "b");
    csv("current.csv", "x", 20, "", "a", "b", "c");
    Path out = dir.resolve("report");
    CliRun.Result r = cli("audit", spec("").toString(), "--out", out.toString());
    // drift-default is a warning: the gate stays open
    assertEquals(0, r.code(), r.err());
    assertEquals(java.util.Set.of(), dev.assay.ContractSchema.errors(out.resolve("results.json")));
    assertEquals(
        java.util.Set.of(),
        dev.assay.docs.MetricReference.read().undocumented(out.resolve("results.json")),
        "docs/metrics.md");
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    JsonNode x = metric(results, "ks_statistic", "x");
    // reference 0..39, current 20..59: F_ref(19) = 20/40, F_cur(19) = 0 → D = 0.5
    assertEquals(0.5, x.get("value").asDouble(), 1e-12);
    // 40 reference rows ≤ 1000: KS / chi-squared at p < 0.05; both features and not the label
    assertEquals(1, metric(results, "drift_detected", "x").get("value").asInt());
    assertEquals(1, metric(results, "drift_detected", "kind").get("value").asInt());
    assertEquals(0, metric(results, "drift_detected", "outcome").get("value").asInt());
    // c: 13 of 40 current values are unseen in the reference (i % 3 == 2)
    assertEquals(
        13.0 / 40, metric(results, "unseen_share_current", "kind").get("value").asDouble(), 1e-12);
    assertEquals(2.0 / 3, metric(results, "drift_share", null).get("value").asDouble(), 1e-12);
    JsonNode rule = results.get("rules").get(0);
    assertEquals("dataset-drift", rule.get("id").asText());
    assertEquals("WARN", rule.get("status").asText());
    String manifest = Files.readString(out.resolve("manifest.json"));
    assertTrue(manifest.contains("data.reference"), manifest);

    CliRun.Result strict =
        cli(
            "audit",
            spec("").toString(),
            "--out",
            dir.resolve("strict").toString(),
            "--fail-on",
            "warning");
    assertEquals(1, strict.code(), strict.err());
  }

  @Test
  void aDriftColumnMissingFromTheReferenceExitsTwoNamingIt() throws IOException {
    csv("reference.csv", "x_old", 0, "", "a", "b");
    csv("current.csv", "x", 0, "", "a", "b");
    assertBadInput(
        cli("audit", spec("").toString(), "--out", dir.resolve("o").toString()),
        "'x'",
        "data.reference",
        "audit.yaml:8");
  }

  @Test
  void aColumnNumericInOneDataSetAndTextInTheOtherExitsTwoNamingIt() throws IOException {
    csv("reference.csv", "x", 0, "v", "a", "b");
    csv("current.csv", "x", 0, "", "a", "b");
    assertBadInput(
        cli("audit", spec("").toString(), "--out", dir.resolve("o").toString()),
        "'x'",
        "string",
        "int",
        "audit.yaml:8");
  }

  @Test
  void aDriftTestForAnUnknownColumnOrABadMethodExitsTwoWithTheLine() throws IOException {
    csv("reference.csv", "x", 0, "", "a", "b");
    csv("current.csv", "x", 0, "", "a", "b");
    assertBadInput(
        cli(
            "audit",
            spec("drift:\n  tests:\n    kind: {method: ks}").toString(),
            "--out",
            dir.resolve("o").toString()),
        "audit.yaml:11",
        "'ks'",
        "kind");
    assertBadInput(
        cli(
            "audit",
            spec("drift:\n  tests:\n    x: {method: magic}").toString(),
            "--out",
            dir.resolve("o").toString()),
        "audit.yaml:11",
        "magic",
        "wasserstein");
    assertBadInput(
        cli("audit", spec("drift: {bins: 1}").toString(), "--out", dir.resolve("o").toString()),
        "audit.yaml:9",
        "drift.bins");
  }

  @Test
  void segmentDriftComparesEachGroupAndANamedSegmentMissingFromTheReferenceExitsTwo()
      throws IOException {
    csv("reference.csv", "x", 0, "", "a", "b");
    csv("current.csv", "x", 20, "", "a", "b", "c");
    Path out = dir.resolve("report");
    CliRun.Result r =
        cli("audit", spec("drift: {segment_by: [grp]}").toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(java.util.Set.of(), dev.assay.ContractSchema.errors(out.resolve("results.json")));
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    // grp A holds the even rows: reference x = 0, 2, …, 38, current 20, 22, …, 58; the first
    // 10 reference values lie below every current one → D = 10/20
    JsonNode a = null;
    for (JsonNode m : results.get("metrics")) {
      if (m.get("metric").asText().equals("ks_statistic")
          && m.has("group")
          && m.get("attribute").asText().equals("grp")
          && m.get("group").asText().equals("A")
          && m.get("column").asText().equals("x")) {
        a = m;
      }
    }
    assertTrue(a != null, "a segment metric for grp = A, column x");
    assertEquals(0.5, a.get("value").asDouble(), 1e-12);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("grp = A"), "the segment's drift_share is in the report");

    Files.writeString(
        dir.resolve("reference.csv"),
        Files.readString(dir.resolve("reference.csv")).replaceFirst("grp,", "group,"));
    assertBadInput(
        cli(
            "audit",
            spec("drift:\n  segment_by: [grp]").toString(),
            "--out",
            dir.resolve("o").toString()),
        "'grp'",
        "data.reference",
        "audit.yaml:10");
  }

  static JsonNode metric(JsonNode results, String metric, String column) {
    for (JsonNode m : results.get("metrics")) {
      if (m.get("family").asText().equals("drift")
          && m.get("metric").asText().equals(metric)
          && (column == null
              ? !m.has("column")
              : m.has("column") && m.get("column").asText().equals(column))) {
        return m;
      }
    }
    throw new AssertionError("no drift." + metric + " for " + column);
  }

  @Test
  void columnTypesThatDoNotFitOrNameNoDriftColumnExitTwoWithTheLine() throws IOException {
    csv("reference.csv", "x", 0, "", "a", "b");
    csv("current.csv", "x", 0, "", "a", "b");
    assertBadInput(
        cli(
            "audit",
            spec("drift:\n  column_types:\n    x: embedding").toString(),
            "--out",
            dir.resolve("o").toString()),
        "audit.yaml:11",
        "'x'",
        "embedding");
    assertBadInput(
        cli(
            "audit",
            spec("drift:\n  column_types:\n    nope: text").toString(),
            "--out",
            dir.resolve("o").toString()),
        "audit.yaml:11",
        "'nope'");
    assertBadInput(
        cli(
            "audit",
            spec("drift:\n  column_types:\n    kind: prose").toString(),
            "--out",
            dir.resolve("o").toString()),
        "audit.yaml:11",
        "prose",
        "categorical");
  }
}
