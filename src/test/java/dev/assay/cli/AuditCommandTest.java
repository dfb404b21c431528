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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI end to end, in temp folders: all five outputs and the exit codes of the contract, and bad
 * input that must exit 2 with one message naming the culprit and no stack trace.
 */
class AuditCommandTest {

  static final List<String> OUTPUTS =
      List.of("report.html", "results.json", "junit.xml", "summary.md", "manifest.json");

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  static Result cli(String... args) {
    return CliRun.run(args);
  }

  /**
   * A CSV with two groups of 40: group A has 20 predicted positive (rate 0.5), group B has {@code
   * bPositives} (rate bPositives/40). Labels alternate 1, 0.
   */
  Path csv(int bPositives) throws IOException {
    List<String> lines = new ArrayList<>(List.of("id,grp,outcome,approved"));
    for (int i = 0; i < 40; i++) {
      lines.add(i + ",A," + (i % 2) + "," + (i < 20 ? 1 : 0));
    }
    for (int i = 0; i < 40; i++) {
      lines.add((40 + i) + ",B," + (i % 2) + "," + (i < bPositives ? 1 : 0));
    }
    Path file = dir.resolve("data.csv");
    Files.write(file, lines);
    return file;
  }

  Path spec(String columns) throws IOException {
    return SpecFiles.write(
        dir.resolve("audit.yaml"),
        "version: 1",
        "name: tiny-audit",
        "data:",
        "  current: {path: data.csv}",
        "columns:",
        columns,
        "rules: [rules/eeoc-four-fifths.yaml]",
        "");
  }

  static final String COLUMNS = "  label: outcome\n  prediction: approved\n  sensitive: [grp]\n";

  @Test
  void aDisparityClosesTheGateWithExitOneAndWritesAllFiveFiles() throws IOException {
    csv(10); // B rate 0.25 / A rate 0.5 = 0.5 < 0.8
    Path out = dir.resolve("report");
    Result r = cli("audit", spec(COLUMNS).toString(), "--out", out.toString());
    assertEquals(1, r.code(), r.err());
    for (String f : OUTPUTS) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(5, files.count(), "no temporary files left behind");
    }
    assertEquals(java.util.Set.of(), dev.assay.ContractSchema.errors(out.resolve("results.json")));
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertEquals("FAIL", results.get("verdict").asText());
    JsonNode rule = results.get("rules").get(0);
    assertEquals("eeoc-four-fifths", rule.get("id").asText());
    assertEquals("grp", rule.get("attribute").asText());
    assertEquals(0.5, rule.get("observed").asDouble(), 1e-12);
    assertTrue(Files.readString(out.resolve("junit.xml")).contains("<failure"));
    assertTrue(r.out().contains("FAIL") && r.out().contains("report.html"), r.out());
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertTrue(manifest.toString().contains("\"sha256\""), manifest.toString());
  }

  @Test
  void parityOpensTheGateWithExitZero() throws IOException {
    csv(18); // 0.45 / 0.5 = 0.9
    Path out = dir.resolve("report");
    Result r = cli("audit", spec(COLUMNS).toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "PASS",
        new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("verdict").asText());
  }

  @Test
  void aWaiverOpensTheGateUntilItExpires() throws IOException {
    csv(10);
    Path waivers = dir.resolve("waivers.yaml");
    Files.writeString(
        waivers,
        "waivers:\n  - rule: eeoc-four-fifths\n    attribute: grp\n"
            + "    reason: remediation under way\n    approved_by: risk committee\n    expires: 2999-12-31\n");
    Result r =
        cli(
            "audit",
            spec(COLUMNS).toString(),
            "--out",
            dir.resolve("r1").toString(),
            "--waivers",
            waivers.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(dir.resolve("r1/results.json")).contains("WAIVED"));
    assertEquals(
        java.util.Set.of(), dev.assay.ContractSchema.errors(dir.resolve("r1/results.json")));

    Files.writeString(waivers, Files.readString(waivers).replace("2999-12-31", "2020-01-31"));
    r =
        cli(
            "audit",
            spec(COLUMNS).toString(),
            "--out",
            dir.resolve("r2").toString(),
            "--waivers",
            waivers.toString());
    assertEquals(1, r.code(), r.err());
  }

  @Test
  void aBaselineShowsTheEarlierValueInRuleMessages() throws IOException {
    csv(18);
    Path first = dir.resolve("first");
    assertEquals(0, cli("audit", spec(COLUMNS).toString(), "--out", first.toString()).code());
    csv(10); // ratio drops from 0.9 to 0.5
    Path second = dir.resolve("second");
    Result r =
        cli(
            "audit",
            spec(COLUMNS).toString(),
            "--out",
            second.toString(),
            "--baseline",
            first.resolve("results.json").toString());
    assertEquals(1, r.code(), r.err());
    JsonNode results = new ObjectMapper().readTree(second.resolve("results.json").toFile());
    String message = results.get("rules").get(0).get("message").asText();
    assertTrue(message.endsWith("(baseline 0.9000, change -0.4000)"), message);
    // Every metric both runs computed carries its baseline value and the change.
    JsonNode rate = null;
    for (JsonNode m : results.get("metrics")) {
      if (m.get("metric").asText().equals("selection_rate")
          && "B".equals(m.path("group").asText())) {
        rate = m;
      }
    }
    assertEquals(0.45, rate.get("baseline").asDouble(), 1e-12); // 18 of 40 before
    assertEquals(-0.2, rate.get("change").asDouble(), 1e-12); // 10 of 40 now
    assertEquals(
        java.util.Set.of(), dev.assay.ContractSchema.errors(second.resolve("results.json")));
    assertTrue(Files.readString(second.resolve("manifest.json")).contains("\"baseline\""));
    assertBadInput(
        cli("audit", spec(COLUMNS).toString(), "--baseline", dir.resolve("none.json").toString()),
        "none.json");
  }

  @Test
  void aFavourableValueTheDataDoesNotHoldExitsTwoNamingTheSpecLine() throws IOException {
    csv(10);
    // columns start at line 6: label, prediction, sensitive, then favourable on line 9.
    assertBadInput(
        cli(
            "audit",
            spec(COLUMNS + "  favourable: 2").toString(),
            "--out",
            dir.resolve("o").toString()),
        "audit.yaml:9",
        "columns.favourable is '2'",
        "'approved'");
    assertBadInput(
        cli(
            "audit",
            spec(COLUMNS + "  favourable: 'no'").toString(),
            "--out",
            dir.resolve("o").toString()),
        "audit.yaml:9",
        "is numeric");
    // favourable 0 is the other value: the audit runs. Favourable rates A 20/40 = 0.5,
    // B 30/40 = 0.75, so the ratio is 0.5 / 0.75 and the gate closes.
    Result ok =
        cli(
            "audit",
            spec(COLUMNS + "  favourable: 0").toString(),
            "--out",
            dir.resolve("ok").toString());
    assertEquals(1, ok.code(), ok.err());
    JsonNode rule =
        new ObjectMapper().readTree(dir.resolve("ok/results.json").toFile()).get("rules").get(0);
    assertEquals(0.5 / 0.75, rule.get("observed").asDouble(), 1e-12);
  }

  @Test
  void aMissingSpecFileExitsTwo() {
    assertBadInput(cli("audit", dir.resolve("nope.yaml").toString()), "nope.yaml", "no such file");
  }

  @Test
  void aMissingDataFileExitsTwoNamingIt() throws IOException {
    assertBadInput(cli("audit", spec(COLUMNS).toString()), "data.csv", "audit.yaml:4");
  }

  @Test
  void aMissingColumnExitsTwoNamingTheColumnAndTheSpecLine() throws IOException {
    csv(10);
    assertBadInput(
        cli(
            "audit",
            spec("  label: outcom\n  prediction: approved\n  sensitive: [grp]\n").toString(),
            "--out",
            dir.resolve("o").toString()),
        "'outcom'",
        "audit.yaml:6",
        "outcome");
  }

  @Test
  void aNonBinaryLabelExitsTwoNamingTheValues() throws IOException {
    Path file = csv(10);
    Files.writeString(file, Files.readString(file) + "99,A,7,1\n");
    assertBadInput(
        cli("audit", spec(COLUMNS).toString(), "--out", dir.resolve("o").toString()),
        "'outcome'",
        "'7'");
  }

  @Test
  void emptyDataExitsTwo() throws IOException {
    Files.writeString(dir.resolve("data.csv"), "id,grp,outcome,approved\n");
    assertBadInput(
        cli("audit", spec(COLUMNS).toString(), "--out", dir.resolve("o").toString()), "no rows");
  }

  @Test
  void malformedYamlExitsTwoWithTheLine() throws IOException {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, "version: 1\nname: x\ndata: {current: [unclosed\n");
    assertBadInput(cli("audit", spec.toString()), "bad.yaml", "malformed YAML");
  }

  @Test
  void anUnknownKeyExitsTwoNamingTheKeyAndLine() throws IOException {
    csv(10);
    Path spec = dir.resolve("typo.yaml");
    Files.writeString(
        spec,
        "version: 1\nname: typo\ndata: {current: {path: data.csv}}\ncolums:\n  label: outcome\n");
    assertBadInput(cli("audit", spec.toString()), "typo.yaml:4", "unknown key 'colums'", "columns");
  }

  @Test
  void rulesValidateAcceptsTheShippedPacksAndRejectsABadOne() throws IOException {
    assertEquals(0, cli("rules", "validate", "rules").code());
    Path bad = dir.resolve("bad-pack.yaml");
    Files.writeString(
        bad,
        "pack: bad\nrules:\n  - id: r1\n    metric: fairness.demographic_parity_ratio\n"
            + "    must: '>= abc'\n    severity: blocking\n");
    Result r = cli("rules", "validate", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("bad-pack.yaml:5") && r.err().contains("r1"), r.err());
  }

  @Test
  void versionAndHelpExitZero() {
    Result v = cli("--version");
    assertEquals(0, v.code());
    assertTrue(
        v.out().startsWith("assay ")
            && v.out().contains("(commit ")
            && v.out().contains(", Spark 4.2.0, Scala 2.13.")
            && v.out().contains(", Java "),
        v.out());
    assertEquals(0, cli("--help").code());
    assertEquals(2, cli("audit").code(), "a missing SPEC is bad usage");
  }
}
