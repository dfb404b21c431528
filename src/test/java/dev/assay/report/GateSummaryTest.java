package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.core.AuditRun;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateSummaryTest {

  private static AuditRun runWith(List<Verdict> verdicts) {
    return new AuditRun(
        "gate",
        null,
        List.of(),
        List.of(),
        verdicts,
        Map.of(),
        List.of(),
        SampleRuns.provenance(),
        Map.of(),
        null);
  }

  private static Verdict verdict(String id, Severity severity, Status status, Double observed) {
    return new Verdict(
        id,
        null,
        "pack",
        severity,
        status,
        "fairness.demographic_parity_ratio",
        Scope.attribute("race"),
        observed,
        ">= 0.8",
        "msg",
        null,
        null,
        null);
  }

  @Test
  void countsEveryStatusOfTheFullRun() {
    GateSummary gate = GateSummary.of(SampleRuns.full());
    assertEquals(new GateSummary("FAIL", 8, 2, 2, 1, 1, 1, 2, gate.sentence()), gate);
  }

  @Test
  void aNonBlockingErrorDoesNotCloseTheGate() {
    GateSummary gate =
        GateSummary.of(
            runWith(
                List.of(
                    verdict("a", Severity.WARNING, Status.ERROR, null),
                    verdict("b", Severity.BLOCKING, Status.PASS, 0.9))));
    assertEquals("PASS", gate.verdict());
    assertEquals(0, gate.blockingFailures());
    assertEquals(1, gate.errors());
    assertEquals("The release gate is open: every blocking rule holds.", gate.sentence());
  }

  @Test
  void manyFailuresAreNamedUpToThreeThenCounted() {
    GateSummary gate =
        GateSummary.of(
            runWith(
                List.of(
                    verdict("r1", Severity.BLOCKING, Status.FAIL, 0.1),
                    verdict("r2", Severity.BLOCKING, Status.FAIL, 0.2),
                    verdict("r3", Severity.BLOCKING, Status.FAIL, 0.3),
                    verdict("r4", Severity.BLOCKING, Status.FAIL, 0.4))));
    assertEquals(
        "The release gate is closed because 4 blocking rule checks fail: r1 on race "
            + "(observed 0.1000, expected >= 0.8); r2 on race (observed 0.2000, expected >= 0.8); "
            + "r3 on race (observed 0.3000, expected >= 0.8); and 1 more.",
        gate.sentence());
  }

  @Test
  void noRuleAtAllIsSaidPlainly() {
    assertEquals(
        "The release gate is open, but no rule was checked: add a rule pack to the "
            + "audit spec.",
        GateSummary.of(runWith(List.of())).sentence());
  }
}
