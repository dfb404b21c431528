package dev.assay.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.Severity;
import dev.assay.metrics.MetricCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackLoaderTest {

  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  private static List<String> messages(List<Problem> problems) {
    return problems.stream().map(Problem::toString).toList();
  }

  @Test
  void loadsEveryKeyOfAValidPack() throws IOException {
    Path file =
        write(
            "pack.yaml",
            "pack: house",
            "title: House rules",
            "reference: Policy 7",
            "rules:",
            "  - id: dpr",
            "    title: Parity",
            "    metric: fairness.demographic_parity_ratio",
            "    where: {attribute: \"race*\"}",
            "    must: \"between 0.8 and 1.25\"",
            "    severity: warning",
            "    rationale: Because.",
            "    min_count: 30",
            "  - id: psi",
            "    metric: drift.psi",
            "    must: '< 0.2'",
            "    severity: info",
            "    reference: Drift memo");
    RulePack pack = RulePackLoader.load(file);
    assertEquals("house", pack.name());
    assertEquals("House rules", pack.title());
    assertEquals("Policy 7", pack.reference());
    assertEquals(file.toString(), pack.source());
    assertEquals(2, pack.rules().size());
    Rule dpr = pack.rules().get(0);
    assertEquals("dpr", dpr.id());
    assertEquals("Parity", dpr.title());
    assertEquals("fairness.demographic_parity_ratio", dpr.metric());
    assertEquals(new Where(new Glob("race*"), null, null), dpr.where());
    assertEquals("between 0.8 and 1.25", dpr.must());
    assertEquals(new Condition.Between(0.8, 1.25), dpr.condition());
    assertEquals(Severity.WARNING, dpr.severity());
    assertEquals("Because.", dpr.rationale());
    assertEquals("Policy 7", dpr.reference());
    assertEquals(30L, dpr.minCount());
    assertEquals(file + ":5", dpr.location());
    Rule psi = pack.rules().get(1);
    assertEquals(Where.ANY, psi.where());
    assertEquals("psi", psi.title());
    assertEquals("Drift memo", psi.reference());
    assertNull(psi.minCount());
    assertEquals(Severity.INFO, psi.severity());
  }

  @Test
  void reportsEveryProblemOfAFileWithItsLineAndRuleId() throws IOException {
    Path file =
        write(
            "bad.yaml",
            "pack: bad",
            "rules:",
            "  - id: a",
            "    metric: fairness.demografic_parity_ratio",
            "    must: '>= abc'",
            "    severity: critical",
            "    severty: blocking",
            "  - id: b",
            "    metric: drift.psi",
            "    where: {attribute: race, colum: age}",
            "    must: '< 0.2'",
            "    severity: warning",
            "    min_count: many",
            "  - id: c",
            "    metric: drift.psi",
            "    must: '0.2'");
    List<String> problems = messages(PolicyValidator.validate(List.of(file)));
    String f = file.toString();
    assertEquals(
        List.of(
            f
                + ":4: rule a: unknown metric 'fairness.demografic_parity_ratio'; did you mean "
                + "fairness.demographic_parity_ratio, fairness.demographic_parity_difference, "
                + "fairness.equal_opportunity_ratio? Metric names are family.metric, as in results.json "
                + "(docs/metrics.md).",
            f
                + ":5: rule a: must: '>= abc': threshold 'abc' is not a number; write a decimal number "
                + "such as 0.8",
            f
                + ":6: rule a: unknown severity 'critical'; use blocking (a failure closes the release "
                + "gate), warning or info",
            f
                + ":7: rule a: unknown key 'severty' in a rule; did you mean 'severity'? The keys allowed "
                + "here are: id, title, metric, where, must, severity, rationale, reference, min_count, significance, must_not_worsen_by, anomaly, chunks. "
                + "Fix the spelling or remove the key.",
            f
                + ":10: rule b: unknown key 'colum' in 'where'; did you mean 'column'? The keys allowed "
                + "here are: attribute, group, column, class. Fix the spelling or remove the key.",
            f
                + ":13: rule b: min_count must be a whole number of rows, 0 or more, such as 30; found "
                + "'many'",
            f + ":14: rule c: missing required key 'severity'; blocking, warning or info",
            f
                + ":16: rule c: must: '0.2' is not a condition; write a comparator (<, <=, >, >=, ==) "
                + "followed by a number, such as '>= 0.8', or 'between A and B'"),
        problems);
  }

  @Test
  void loadingThrowsOneExceptionListingAllProblems() throws IOException {
    Path file =
        write(
            "bad.yaml",
            "pack: bad",
            "rules:",
            "  - id: a",
            "    metric: drift.psi",
            "    must: '>= abc'",
            "    severity: critical");
    BadInputException e = assertThrows(BadInputException.class, () -> RulePackLoader.load(file));
    assertEquals(
        "invalid rule packs (2 problems); fix them and check with `assay rules validate`:\n"
            + "  "
            + file
            + ":5: rule a: must: '>= abc': threshold 'abc' is not a number; write a "
            + "decimal number such as 0.8\n"
            + "  "
            + file
            + ":6: rule a: unknown severity 'critical'; use blocking (a failure closes "
            + "the release gate), warning or info",
        e.getMessage());
    assertEquals(2, e.exitCode());
  }

  @Test
  void packLevelProblemsNameTheFileAndLine() throws IOException {
    Path file = write("p.yaml", "titel: x", "rules: []");
    assertEquals(
        List.of(
            file
                + ":1: unknown key 'titel' in a rule pack; did you mean 'title'? The keys allowed here "
                + "are: pack, title, reference, rules. Fix the spelling or remove the key.",
            file + ":1: missing required key 'pack'; name the pack, such as pack: eeoc-four-fifths",
            file + ":2: 'rules' is empty; list at least one rule under it"),
        messages(PolicyValidator.validate(List.of(file))));
  }

  @Test
  void missingRuleKeysAreEachReported() throws IOException {
    Path file = write("p.yaml", "pack: p", "rules:", "  - title: nothing else");
    assertEquals(
        List.of(
            file
                + ":3: missing required key 'id'; give the rule a unique id, such as id: "
                + "eeoc-four-fifths",
            file
                + ":3: missing required key 'metric'; name a metric as family.metric, such as "
                + "fairness.demographic_parity_ratio",
            file + ":3: missing required key 'must'; give the condition, such as must: \">= 0.8\"",
            file + ":3: missing required key 'severity'; blocking, warning or info"),
        messages(PolicyValidator.validate(List.of(file))));
  }

  @Test
  void malformedYamlIsOneProblemWithItsLine() throws IOException {
    Path file =
        write(
            "broken.yaml",
            "pack: p",
            "rules:",
            "  - id: a",
            "    metric: [drift.psi",
            "    severity: info");
    List<Problem> problems = PolicyValidator.validate(List.of(file));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).location().startsWith(file + ":"), problems.toString());
    assertTrue(problems.get(0).message().startsWith("malformed YAML: "), problems.toString());
  }

  @Test
  void unquotedConditionIsExplained() throws IOException {
    Path file =
        write(
            "q.yaml",
            "pack: p",
            "rules:",
            "  - id: a",
            "    metric: drift.psi",
            "    must: >= 0.8",
            "    severity: info");
    assertEquals(
        List.of(
            file
                + ":5: the condition '>= 0.8' must be quoted, because YAML reads a "
                + "leading > or | as a block; write must: \">= 0.8\""),
        messages(PolicyValidator.validate(List.of(file))));
  }

  @Test
  void duplicateRuleIdsAcrossTwoFilesAreReportedAtTheSecond() throws IOException {
    Path a =
        write(
            "a.yaml",
            "pack: a",
            "rules:",
            "  - id: same",
            "    metric: drift.psi",
            "    must: '< 0.2'",
            "    severity: info");
    Path b =
        write(
            "b.yaml",
            "pack: b",
            "rules:",
            "  - id: other",
            "    metric: drift.psi",
            "    must: '< 0.2'",
            "    severity: info",
            "  - id: same",
            "    metric: drift.psi",
            "    must: '< 0.1'",
            "    severity: warning");
    assertEquals(
        List.of(
            b
                + ":7: rule same: duplicate rule id 'same', already defined at "
                + a
                + ":3; rule ids must be unique across all packs, so rename one of them"),
        messages(PolicyValidator.validate(List.of(a, b))));
    assertThrows(BadInputException.class, () -> RulePackLoader.loadAll(List.of(a, b)));
  }

  @Test
  void aDirectoryStandsForItsYamlFilesAndEachFileCountsOnce() throws IOException {
    Path a =
        write(
            "a.yaml",
            "pack: a",
            "rules:",
            "  - id: r1",
            "    metric: drift.psi",
            "    must: '< 0.2'",
            "    severity: info");
    write(
        "b.yml",
        "pack: b",
        "rules:",
        "  - id: r2",
        "    metric: drift.psi",
        "    must: '< 0.2'",
        "    severity: info");
    write("README.md", "# not a pack");
    List<RulePack> packs = RulePackLoader.loadAll(List.of(dir, a));
    assertEquals(List.of("a", "b"), packs.stream().map(RulePack::name).toList());
  }

  @Test
  void missingPathsAndEmptyDirectoriesAreProblems() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path missing = dir.resolve("nope.yaml");
    assertEquals(
        List.of(
            empty
                + ": the directory has no *.yaml or *.yml files; give the folder that holds the rule "
                + "packs",
            missing + ": no such file or directory; check the path"),
        messages(PolicyValidator.validate(List.of(empty, missing))));
  }

  @Test
  void validatorChecksWaiversFilesAgainstTheGivenPacks() throws IOException {
    Path pack =
        write(
            "pack.yaml",
            "pack: a",
            "rules:",
            "  - id: r1",
            "    metric: drift.psi",
            "    must: '< 0.2'",
            "    severity: info");
    Path waivers =
        write(
            "waivers.yaml",
            "waivers:",
            "  - rule: r1",
            "    reason: ok",
            "    approved_by: me",
            "    expires: 2027-06-30",
            "  - rule: r9",
            "    reason: ok",
            "    approved_by: me",
            "    expires: 2027-06-31");
    assertEquals(
        List.of(
            waivers
                + ":9: rule r9: expires: '2027-06-31' is not a date; write the last day the waiver "
                + "applies as YYYY-MM-DD, such as 2027-06-30"),
        messages(PolicyValidator.validate(List.of(pack, waivers))));
    Path waivers2 =
        write(
            "waivers2.yaml",
            "waivers:",
            "  - rule: r9",
            "    reason: ok",
            "    approved_by: me",
            "    expires: 2027-06-30");
    assertEquals(
        List.of(
            waivers2
                + ":2: rule r9: the waiver names rule 'r9', which no rule pack of "
                + "this run has (known rules: r1); fix the rule id or remove the waiver"),
        messages(PolicyValidator.validate(List.of(pack, waivers2))));
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> RulePackLoader.loadAll(List.of(pack, waivers2)));
    assertTrue(
        e.getMessage()
            .contains(
                waivers2
                    + ": this is a waivers file, not a rule pack; pass "
                    + "it with --waivers"),
        e.getMessage());
  }

  @Test
  void shippedEeocPackLoadsValidatesAndNamesKnownMetrics() {
    Path shipped = Path.of("rules/eeoc-four-fifths.yaml");
    assertEquals(List.of(), PolicyValidator.validate(List.of(Path.of("rules"))));
    RulePack pack = RulePackLoader.load(shipped);
    assertEquals("eeoc-four-fifths", pack.name());
    assertEquals("EEOC Uniform Guidelines, four-fifths rule", pack.title());
    assertEquals("29 CFR 1607.4(D)", pack.reference());
    assertEquals(1, pack.rules().size());
    Rule rule = pack.rules().get(0);
    assertEquals("eeoc-four-fifths", rule.id());
    assertEquals("fairness.demographic_parity_ratio", rule.metric());
    assertEquals(new Where(new Glob("*"), null, null), rule.where());
    assertEquals(">= 0.8", rule.must());
    assertEquals(Severity.BLOCKING, rule.severity());
    assertEquals("29 CFR 1607.4(D)", rule.reference());
    assertTrue(rule.rationale().contains("favourable"), rule.rationale());
    for (Rule r : pack.rules()) {
      assertTrue(MetricCatalog.find(r.metric()).isPresent(), r.metric());
    }
  }
}
