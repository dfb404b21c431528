package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
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
 * {@code fairness.task: regression} end to end: spec (with a reference group), one audit, a rule on
 * mae_difference.
 */
class RegressionAuditTest {

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /**
   * Group A: 40 rows, label i, prediction i + 1 (|e| = 1, mae 1). Group B: 40 rows, label i,
   * prediction i + 3 (mae 3). mae_difference = 3 - 1 = 2, above the rule's 1: exit 1.
   */
  @Test
  void aMaeGapClosesTheGateAndClassificationRulesAreNotApplicable() throws IOException {
    List<String> lines = new ArrayList<>(List.of("grp,price,estimate"));
    for (int i = 0; i < 40; i++) {
      lines.add("A," + i + "," + (i + 1));
      lines.add("B," + i + "," + (i + 3));
    }
    Files.write(dir.resolve("data.csv"), lines);
    Files.writeString(
        dir.resolve("mae.yaml"),
        String.join(
            "\n",
            "pack: regression-gap",
            "title: Error gap",
            "reference: test",
            "rules:",
            "  - id: mae-gap",
            "    title: The groups' mean absolute errors differ by at most 1",
            "    metric: fairness.mae_difference",
            "    where: {attribute: \"*\"}",
            "    must: \"<= 1\"",
            "    severity: blocking",
            "    rationale: test",
            ""));
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: regression-audit",
            "data: {current: {path: data.csv}}",
            "columns: {label: price, prediction: estimate, sensitive: [grp]}",
            "fairness: {task: regression, reference_group: {grp: A}}",
            "rules: [mae.yaml]",
            ""));
    Path out = dir.resolve("report");
    CliRun.Result r = AuditCommandTest.cli("audit", spec.toString(), "--out", out.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(java.util.Set.of(), dev.assay.ContractSchema.errors(out.resolve("results.json")));
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    JsonNode rule = results.get("rules").get(0);
    assertEquals("mae-gap", rule.get("id").asText());
    assertEquals(2.0, rule.get("observed").asDouble(), 1e-12);
    assertTrue(results.toString().contains("\"rmse\""), "per-group rmse in results.json");
    // reference mode and extreme groups: B's mae 3 vs A's 1; every |e| of A is 1, so its t interval
    // is [1, 1]
    boolean diff = false;
    for (JsonNode m : results.get("metrics")) {
      String name = m.get("metric").asText();
      if (name.equals("mae_diff_vs_ref")) {
        assertEquals("B", m.get("group").asText());
        assertEquals(2.0, m.get("value").asDouble(), 1e-12);
        diff = true;
      }
      if (name.equals("mae_difference")) {
        assertEquals("B", m.get("max_group").asText());
        assertEquals("A", m.get("min_group").asText());
      }
      if (name.equals("mae") && "A".equals(m.path("group").asText())) {
        assertEquals(1.0, m.get("ci_low").asDouble(), 1e-12);
        assertEquals(1.0, m.get("ci_high").asDouble(), 1e-12);
      }
    }
    assertTrue(diff, "mae_diff_vs_ref in results.json");
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("the group A has a mae of 1"), "plain-language finding");
  }
}
