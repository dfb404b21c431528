package dev.assay.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules over time chunks: {@code chunks: worst}, and rules without it leaving chunks alone. */
class ChunkRulesTest {

  static final String W1 = "2024-01-01/2024-01-08";
  static final String W2 = "2024-01-08/2024-01-15";
  static final String W3 = "2024-01-15/2024-01-22";

  static Rule rule(String must, Long minCount, Rule.Chunks chunks) {
    return new Rule(
        "dpd",
        "Parity",
        "fairness.demographic_parity_difference",
        Where.ANY,
        must,
        Condition.parse(must),
        Severity.BLOCKING,
        null,
        null,
        minCount,
        "rules/test.yaml:1",
        null,
        null,
        null,
        chunks);
  }

  static MetricResult dpd(String chunk, double value, long count) {
    return MetricResult.Computed.of(
        MetricCatalog.key(
            Family.FAIRNESS,
            "demographic_parity_difference",
            Scope.attribute("race").withChunk(chunk)),
        value,
        count);
  }

  /** The whole data 0.05 on 150 rows; weeks 0.02, 0.30 (5 rows) and 0.10. */
  static final List<MetricResult> METRICS =
      List.of(dpd(null, 0.05, 150), dpd(W1, 0.02, 70), dpd(W2, 0.30, 5), dpd(W3, 0.10, 75));

  static List<Verdict> judge(Rule rule, List<MetricResult> metrics) {
    RulePack pack = new RulePack("p", "P", null, List.of(rule), "rules/test.yaml");
    return Policy.evaluate(
            List.of(pack),
            metrics,
            List.of(),
            Waivers.NONE,
            LocalDate.of(2026, 3, 1),
            false,
            Policy.Past.NONE)
        .verdicts();
  }

  @Test
  void worstJudgesTheChunkFurthestFromTheConditionAndNamesIt() {
    List<Verdict> v = judge(rule("<= 0.1", null, Rule.Chunks.WORST), METRICS);
    assertEquals(1, v.size(), v.toString());
    assertEquals(Status.FAIL, v.get(0).status());
    assertEquals(Scope.attribute("race").withChunk(W2), v.get(0).scope());
    assertEquals(0.30, v.get(0).observed());
    assertTrue(
        v.get(0).message().contains("race, chunk " + W2 + " (the worst of 3 time chunks) = 0.3"),
        v.get(0).message());
  }

  @Test
  void worstPassesOverChunksUnderMinCountWhileALargerOneExists() {
    List<Verdict> v = judge(rule("<= 0.1", 30L, Rule.Chunks.WORST), METRICS);
    assertEquals(1, v.size());
    assertEquals(Status.PASS, v.get(0).status());
    assertEquals(W3, v.get(0).scope().chunk());
  }

  @Test
  void aRuleWithoutChunksJudgesTheWholeDataOnly() {
    List<Verdict> v = judge(rule("<= 0.1", null, null), METRICS);
    assertEquals(1, v.size());
    assertEquals(Status.PASS, v.get(0).status());
    assertEquals(Scope.attribute("race"), v.get(0).scope());
  }

  @Test
  void worstWithoutChunksIsNotApplicable() {
    List<Verdict> v = judge(rule("<= 0.1", null, Rule.Chunks.WORST), METRICS.subList(0, 1));
    assertEquals(Status.NOT_APPLICABLE, v.get(0).status());
    assertTrue(v.get(0).message().contains("needs chunk:"), v.get(0).message());
  }

  @Test
  void shortfallRanksByHowFarAValueMissesTheCondition() {
    assertEquals(0.2, Condition.parse(">= 0.8").shortfall(0.6), 1e-12);
    assertEquals(-0.1, Condition.parse(">= 0.8").shortfall(0.9), 1e-12);
    assertEquals(0.2, Condition.parse("< 0.1").shortfall(0.3), 1e-12);
    assertEquals(0.05, Condition.parse("between 0.8 and 1.25").shortfall(1.3), 1e-12);
    assertEquals(0.1, Condition.parse("between 0.8 and 1.25").shortfall(0.7), 1e-12);
    assertEquals(0.3, Condition.parse("== 1").shortfall(0.7), 1e-12);
  }

  @Test
  void chunksInARulePackIsReadAndCheckedWithItsLine(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("good.yaml");
    Files.writeString(
        good,
        "pack: p\nrules:\n  - id: a\n    metric: fairness.demographic_parity_difference\n"
            + "    must: \"<= 0.1\"\n    severity: blocking\n    chunks: worst\n");
    assertEquals(Rule.Chunks.WORST, RulePackLoader.load(good).rules().get(0).chunks());
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "pack: p\nrules:\n  - id: a\n    metric: fairness.demographic_parity_difference\n"
            + "    must: \"<= 0.1\"\n    severity: blocking\n    chunks: best\n");
    BadInputException e = assertThrows(BadInputException.class, () -> RulePackLoader.load(bad));
    assertTrue(e.getMessage().contains("bad.yaml:7"), e.getMessage());
    assertTrue(e.getMessage().contains("chunks must be 'worst'"), e.getMessage());
  }
}
