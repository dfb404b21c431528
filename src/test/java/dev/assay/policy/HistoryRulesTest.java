package dev.assay.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules over a metric's own past ({@code --history}), on hand-made histories: the anomaly checks
 * (relative change, standard deviations) catch a planted anomaly and leave a stable metric alone,
 * must_not_worsen_by compares with the last passing run in the catalog's direction, and too little
 * history is not applicable with a note, never a failure.
 */
class HistoryRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
  private static final MetricKey B =
      MetricCatalog.key(Family.FAIRNESS, "impact_ratio", Scope.group("race", "B"));
  private static final MetricKey C =
      MetricCatalog.key(Family.FAIRNESS, "impact_ratio", Scope.group("race", "C"));

  @TempDir Path dir;

  private RulePack pack(String... ruleLines) throws IOException {
    List<String> lines = new ArrayList<>(List.of("pack: history-test", "rules:"));
    lines.addAll(List.of(ruleLines));
    Path file = dir.resolve("pack.yaml");
    Files.write(file, lines);
    return RulePackLoader.load(file);
  }

  /** Five earlier runs: B and C both steady around 0.9. */
  private static RunHistory steadyFiveRuns() {
    double[] values = {0.90, 0.91, 0.89, 0.90, 0.91};
    List<RunHistory.PastRun> runs = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      runs.add(
          new RunHistory.PastRun(
              "2026-11-0" + (i + 1) + "T00:00:00Z", true, Map.of(B, values[i], C, values[i])));
    }
    return new RunHistory(runs);
  }

  private static MetricResult ratio(MetricKey key, double value) {
    return new MetricResult.Computed(key, value, 100L, null, null, null, null);
  }

  private static Map<String, Verdict> judge(
      RulePack pack, RunHistory history, MetricResult... metrics) {
    List<Verdict> verdicts =
        Policy.evaluate(
                List.of(pack),
                List.of(metrics),
                List.of(),
                Waivers.NONE,
                TODAY,
                false,
                new Policy.Past(Map.of(), history))
            .verdicts();
    Map<String, Verdict> byGroup = new LinkedHashMap<>();
    verdicts.forEach(v -> byGroup.put(v.scope().group(), v));
    return byGroup;
  }

  private static final String[] STDDEV_RULE = {
    "  - id: ratio-steady",
    "    metric: fairness.impact_ratio",
    "    anomaly: {stddevs: 3, last: 10}",
    "    severity: blocking"
  };

  @Test
  void theStdDevCheckCatchesAPlantedAnomalyAndLeavesTheStableGroupAlone() throws IOException {
    Map<String, Verdict> v =
        judge(pack(STDDEV_RULE), steadyFiveRuns(), ratio(B, 0.905), ratio(C, 0.60));
    // window 0.90 0.91 0.89 0.90 0.91: mean 0.902, sample sd sqrt(0.00028 / 4) = 0.0083666
    assertEquals(Status.PASS, v.get("B").status(), v.get("B").message());
    assertTrue(
        v.get("B").message().contains("no anomaly: 0.36 std devs from the mean 0.9020"),
        v.get("B").message());
    assertEquals(Status.FAIL, v.get("C").status(), v.get("C").message());
    // |0.60 - 0.902| / 0.0083666 = 36.096
    assertTrue(
        v.get("C")
            .message()
            .contains(
                "anomaly: 36.10 std devs from the mean 0.9020 (std dev"
                    + " 0.0084) of the last 5 runs (allowed 3)"),
        v.get("C").message());
    assertTrue(v.get("C").expected().startsWith("no anomaly: within 3 std devs"));
    assertNull(
        pack(STDDEV_RULE).rules().get(0).condition(), "an anomaly-only rule has no condition");
  }

  @Test
  void theRelativeChangeCheckComparesWithThePreviousRun() throws IOException {
    RulePack pack =
        pack(
            "  - id: ratio-rate",
            "    metric: fairness.impact_ratio",
            "    must: \">= 0.5\"",
            "    anomaly: {relative_change: 0.2}",
            "    severity: warning");
    Map<String, Verdict> v = judge(pack, steadyFiveRuns(), ratio(B, 0.905), ratio(C, 0.60));
    assertEquals(Status.PASS, v.get("B").status(), v.get("B").message());
    // (0.91 - 0.60) / 0.91 = 0.340659: the must holds, the anomaly does not
    assertEquals(Status.WARN, v.get("C").status(), v.get("C").message());
    assertTrue(
        v.get("C")
            .message()
            .endsWith("anomaly: changed by 34.0659% from the previous run's 0.9100 (allowed 20%)"),
        v.get("C").message());
  }

  @Test
  void tooLittleHistoryIsNotApplicableWithANote() throws IOException {
    RunHistory two =
        new RunHistory(steadyFiveRuns().runs().subList(0, 2)); // 2 values, the check needs 3
    Verdict few = judge(pack(STDDEV_RULE), two, ratio(C, 0.60)).get("C");
    assertEquals(Status.NOT_APPLICABLE, few.status());
    assertTrue(few.message().contains("only 2 earlier runs have this value"), few.message());
    Verdict none = judge(pack(STDDEV_RULE), RunHistory.NONE, ratio(C, 0.60)).get("C");
    assertEquals(Status.NOT_APPLICABLE, none.status(), none.message());
    Verdict noOption = judge(pack(STDDEV_RULE), null, ratio(C, 0.60)).get("C");
    assertEquals(Status.NOT_APPLICABLE, noOption.status());
    assertTrue(noOption.message().contains("no --history given"), noOption.message());
  }

  private static final String[] WORSEN_RULE = {
    "  - id: ratio-no-worse",
    "    metric: fairness.impact_ratio",
    "    must: \">= 0.8\"",
    "    must_not_worsen_by: 0.02",
    "    severity: blocking"
  };

  /** A passing run with B at {@code passed}, then a failing run with B at 0.5. */
  private static RunHistory passedThenFailed(double passed) {
    return new RunHistory(
        List.of(
            new RunHistory.PastRun("2026-11-01T00:00:00Z", true, Map.of(B, passed)),
            new RunHistory.PastRun("2026-11-02T00:00:00Z", false, Map.of(B, 0.5))));
  }

  @Test
  void mustNotWorsenByComparesWithTheLastPassingRun() throws IOException {
    Verdict worse = judge(pack(WORSEN_RULE), passedThenFailed(0.95), ratio(B, 0.90)).get("B");
    // toward 1: |0.90 - 1| - |0.95 - 1| = 0.05 > 0.02; the failing run's 0.5 is not the reference
    assertEquals(Status.FAIL, worse.status(), worse.message());
    assertTrue(
        worse
            .message()
            .contains(
                "worse than the last passing run (2026-11-01T00:00:00Z: 0.9500) by 0.0500, more than"
                    + " the allowed 0.02"),
        worse.message());
    Verdict close = judge(pack(WORSEN_RULE), passedThenFailed(0.91), ratio(B, 0.90)).get("B");
    assertEquals(Status.PASS, close.status(), close.message());
    // the catalog's direction (toward 1), not the condition's (higher): 0.95 -> 1.08 is worse
    Verdict past = judge(pack(WORSEN_RULE), passedThenFailed(0.95), ratio(B, 1.08)).get("B");
    assertEquals(Status.FAIL, past.status(), past.message());
  }

  @Test
  void mustNotWorsenByWithoutAPassingRunIsNotChecked() throws IOException {
    RunHistory failedOnly =
        new RunHistory(
            List.of(new RunHistory.PastRun("2026-11-01T00:00:00Z", false, Map.of(B, 0.99))));
    Verdict v = judge(pack(WORSEN_RULE), failedOnly, ratio(B, 0.85)).get("B");
    assertEquals(Status.PASS, v.status());
    assertTrue(v.message().contains("no earlier passing run"), v.message());
  }

  @Test
  void badAnomalyKeysAreNamedWithTheirLine() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                pack(
                    "  - id: a",
                    "    metric: fairness.impact_ratio",
                    "    anomaly: {last: 5, relative_change: -1}",
                    "    severity: blocking"));
    assertTrue(e.getMessage().contains("pack.yaml:5"), e.getMessage());
    assertTrue(e.getMessage().contains("last goes with stddevs"), e.getMessage());
    assertTrue(e.getMessage().contains("relative_change is the largest"), e.getMessage());
  }
}
