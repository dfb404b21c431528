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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

  @TempDir Path dir;

  Path results(String metrics) throws IOException {
    Path f = dir.resolve("results.json");
    Files.writeString(
        f,
        "{\"schema\": \"assay.results/1\", \"audit\": \"a\", \"verdict\": \"PASS\","
            + " \"metrics\": ["
            + metrics
            + "], \"rules\": []}");
    return f;
  }

  static Verdict verdict(double observed) {
    return new Verdict(
        "eeoc-four-fifths",
        "t",
        "p",
        Severity.BLOCKING,
        Status.FAIL,
        "fairness.demographic_parity_ratio",
        Scope.attribute("race"),
        observed,
        ">= 0.8",
        "demographic_parity_ratio for race = 0.7000, expected >= 0.8",
        null,
        null,
        null);
  }

  @Test
  void verdictsShowTheBaselineValueAndTheChange() throws IOException {
    Baseline b =
        Baseline.load(
            results(
                "{\"family\": \"fairness\", \"metric\": \"demographic_parity_ratio\", \"attribute\": \"race\", \"value\": 0.75},"
                    + "{\"family\": \"fairness\", \"metric\": \"demographic_parity_ratio\", \"attribute\": \"sex\", \"value\": null, \"note\": \"x\"}"));
    Verdict v = b.annotate(List.of(verdict(0.7))).get(0);
    // 0.7 - 0.75 = -0.05
    assertTrue(v.message().endsWith("(baseline 0.7500, change -0.0500)"), v.message());
    Verdict other =
        new Verdict(
            "r",
            "t",
            "p",
            Severity.BLOCKING,
            Status.PASS,
            "fairness.demographic_parity_ratio",
            Scope.attribute("sex"),
            0.9,
            ">= 0.8",
            "m",
            null,
            null,
            null);
    assertEquals(
        "m",
        b.annotate(List.of(other)).get(0).message(),
        "null baseline value: nothing to compare");
  }

  @Test
  void theSummaryCountsMatchedAndChangedMetrics() throws IOException {
    Baseline b =
        Baseline.load(
            results(
                "{\"family\": \"fairness\", \"metric\": \"selection_rate\", \"attribute\": \"race\", \"group\": \"A\", \"value\": 0.5},"
                    + "{\"family\": \"fairness\", \"metric\": \"selection_rate\", \"attribute\": \"race\", \"group\": \"B\", \"value\": 0.25}"));
    List<MetricResult> now =
        List.of(
            MetricResult.Computed.of(
                MetricCatalog.key(Family.FAIRNESS, "selection_rate", Scope.group("race", "A")),
                0.5,
                10L),
            MetricResult.Computed.of(
                MetricCatalog.key(Family.FAIRNESS, "selection_rate", Scope.group("race", "B")),
                0.3,
                10L),
            MetricResult.Computed.of(
                MetricCatalog.key(Family.FAIRNESS, "selection_rate", Scope.group("race", "C")),
                0.3,
                10L));
    assertTrue(
        b.summary(now).endsWith("2 of 3 metrics were measured in both runs; 1 changed"),
        b.summary(now));
  }

  @Test
  void aFileThatIsNotResultsJsonIsRejected() throws IOException {
    Path f = dir.resolve("other.json");
    Files.writeString(f, "{\"schema\": \"something/2\"}");
    BadInputException e = assertThrows(BadInputException.class, () -> Baseline.load(f));
    assertTrue(
        e.getMessage().contains("other.json") && e.getMessage().contains("assay.results/1"),
        e.getMessage());
    Files.writeString(f, "{not json");
    assertThrows(BadInputException.class, () -> Baseline.load(f));
  }
}
