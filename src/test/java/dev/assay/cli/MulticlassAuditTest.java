package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairness.task: multiclass} end to end: spec, one audit, rules on the worst class and on
 * per-class rows (one verdict per class, one restricted with {@code class:}), a waiver with a
 * {@code class} key, results.json against the contract schema, and the report's class column.
 */
class MulticlassAuditTest {

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /*
   * Group A: 60 rows, label low, mid, high&up in turn (20 each), predicted right.
   *   selection_rate low 1/3, mid 1/3, high&up 1/3; TPR 1 each.
   * Group B: 60 rows, the same labels; 10 of the 20 high&up rows predicted mid.
   *   selection_rate low 20/60 = 1/3, mid 30/60 = 1/2, high&up 10/60 = 1/6; TPR high&up 1/2.
   * demographic_parity_ratio per class: low 1, mid (1/3)/(1/2) = 2/3, high&up (1/6)/(1/3) = 1/2
   * worst_class_demographic_parity_ratio = 1/2 (class high&up) < 0.8: blocking FAIL, exit 1.
   * demographic_parity_difference for class mid = 1/2 - 1/3 = 1/6 <= 0.2: PASS.
   * rule dpr-per-class (>= 0.6) fails on high&up only, and the waiver with class: "high&up" waives it.
   */
  @Test
  void theWorstClassClosesTheGateAndEveryClassRowIsJudged() throws IOException {
    List<String> lines = new ArrayList<>(List.of("grp,outcome,predicted"));
    String[] classes = {"low", "mid", "high&up"};
    int highs = 0;
    for (int i = 0; i < 60; i++) {
      String y = classes[i % 3];
      lines.add("A," + y + "," + y);
      String p = y;
      if (y.equals("high&up") && highs++ < 10) {
        p = "mid";
      }
      lines.add("B," + y + "," + p);
    }
    Files.write(dir.resolve("data.csv"), lines);
    Files.writeString(
        dir.resolve("multiclass.yaml"),
        String.join(
            "\n",
            "pack: multiclass-parity",
            "title: Parity for every class",
            "reference: test",
            "rules:",
            "  - id: worst-dpr",
            "    metric: fairness.worst_class_demographic_parity_ratio",
            "    where: {attribute: \"*\"}",
            "    must: \">= 0.8\"",
            "    severity: blocking",
            "  - id: mid-gap",
            "    metric: fairness.demographic_parity_difference",
            "    where: {attribute: grp, class: mid}",
            "    must: \"<= 0.2\"",
            "    severity: warning",
            "  - id: dpr-per-class",
            "    metric: fairness.demographic_parity_ratio",
            "    where: {attribute: grp}",
            "    must: \">= 0.6\"",
            "    severity: blocking",
            ""));
    Files.writeString(
        dir.resolve("waivers.yaml"),
        String.join(
            "\n",
            "waivers:",
            "  - rule: dpr-per-class",
            "    attribute: grp",
            "    class: \"high&up\"",
            "    reason: test",
            "    approved_by: tester",
            "    expires: 2099-12-31",
            ""));
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: multiclass-audit",
            "data: {current: {path: data.csv}}",
            "columns: {label: outcome, prediction: predicted, sensitive: [grp]}",
            "fairness: {task: multiclass}",
            "rules: [multiclass.yaml]",
            ""));
    Path out = dir.resolve("report");
    CliRun.Result r =
        AuditCommandTest.cli(
            "audit",
            spec.toString(),
            "--out",
            out.toString(),
            "--waivers",
            dir.resolve("waivers.yaml").toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(java.util.Set.of(), dev.assay.ContractSchema.errors(out.resolve("results.json")));
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());

    Map<String, JsonNode> verdicts = new TreeMap<>();
    for (JsonNode v : results.get("rules")) {
      verdicts.put(v.get("id").asText() + (v.has("class") ? "/" + v.get("class").asText() : ""), v);
    }
    assertEquals(
        List.of(
            "dpr-per-class/high&up",
            "dpr-per-class/low",
            "dpr-per-class/mid",
            "mid-gap/mid",
            "worst-dpr"),
        new ArrayList<>(verdicts.keySet()));
    JsonNode worst = verdicts.get("worst-dpr");
    assertEquals("FAIL", worst.get("status").asText());
    assertEquals(0.5, worst.get("observed").asDouble(), 1e-12);
    assertEquals("grp", worst.get("attribute").asText());
    assertEquals("PASS", verdicts.get("mid-gap/mid").get("status").asText());
    assertEquals(1.0 / 6, verdicts.get("mid-gap/mid").get("observed").asDouble(), 1e-12);
    assertTrue(
        verdicts
            .get("mid-gap/mid")
            .get("message")
            .asText()
            .startsWith("demographic_parity_difference for grp, class mid = 0.1667"));
    assertEquals("WAIVED", verdicts.get("dpr-per-class/high&up").get("status").asText());
    assertEquals("PASS", verdicts.get("dpr-per-class/mid").get("status").asText());
    assertEquals("PASS", verdicts.get("dpr-per-class/low").get("status").asText());

    // metric rows: class after group; the worst class names the class and the groups
    boolean sawClassRow = false;
    for (JsonNode m : results.get("metrics")) {
      if (m.get("metric").asText().equals("selection_rate")
          && m.has("group")
          && m.get("group").asText().equals("B")
          && m.get("class").asText().equals("mid")) {
        assertEquals(0.5, m.get("value").asDouble(), 1e-12);
        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertEquals(
            List.of("family", "metric", "attribute", "group", "class", "value"),
            keys.subList(0, 6));
        sawClassRow = true;
      }
      if (m.get("metric").asText().equals("worst_class_demographic_parity_ratio")) {
        assertFalse(m.has("class"));
        assertTrue(
            m.get("note")
                .asText()
                .startsWith(
                    "selection_rate of class high&up: highest A (0.3333), lowest B (0.1667)"),
            m.get("note").asText());
      }
    }
    assertTrue(sawClassRow);

    String junit = Files.readString(out.resolve("junit.xml"));
    assertTrue(junit.contains("dpr-per-class [grp, class mid]"), junit);
    String summary = Files.readString(out.resolve("summary.md"));
    assertTrue(
        summary.contains("grp, class high&amp;up") || summary.contains("grp, class high&up"),
        summary);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<th scope=\"col\">Class</th>"), "class column in the fairness table");
    assertTrue(html.contains("<td>high&amp;up</td>"), "class cell, escaped");
    assertFalse(html.contains("high&up"), "every class name escaped");
  }
}
