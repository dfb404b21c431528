package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.core.AuditRun;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.report.SampleRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict as a CI log shows it: failures, warnings, errors, waivers; capped; --quiet. */
class VerdictLinesTest {

  static final Path REPORT = Path.of("reports", "x", "report.html");

  @Test
  void failuresThenWarningsThenErrorsThenWaiversThenTheReport() {
    // SampleRuns.full(): one FAIL and one blocking ERROR (both block), one WARN, one WAIVED,
    // two NOT_APPLICABLE and two PASS, 8 verdicts in all.
    List<String> lines = VerdictLines.of(SampleRuns.full(), REPORT, false);
    assertEquals(
        List.of(
            "Assay audit 'compas-recidivism': FAIL (8 rule verdicts, 2 blocking, 1 warnings, 1 waived)",
            "Blocking failures:",
            "  FAIL eeoc-four-fifths [race]: demographic_parity_ratio 0.1734 is below 0.8",
            "  ERROR tpr-defined [race = "
                + SampleRuns.SCRIPT_GROUP
                + "]: metric undefined: no truly"
                + " positive record in the group",
            "Warnings:",
            "  WARN psi-stable ["
                + SampleRuns.QUOTE_COLUMN
                + "]: psi 0.4 is not below 0.25 | large shift",
            "Waived:",
            lines.get(7),
            "Report: " + REPORT),
        lines);
    assertEquals(
        true,
        lines.get(7).startsWith("  WAIVED eeoc-four-fifths [")
            && lines.get(7).contains("(approved by "),
        lines.get(7));
  }

  @Test
  void quietIsTheVerdictLineAlone() {
    assertEquals(
        List.of(VerdictLines.summary(SampleRuns.full())),
        VerdictLines.of(SampleRuns.full(), REPORT, true));
  }

  @Test
  void atMostTenOfAKindAndThenHowManyMore() {
    AuditRun tiny = SampleRuns.tiny();
    List<Verdict> warnings = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      warnings.add(
          new Verdict(
              "w" + (char) ('a' + i),
              null,
              "p",
              Severity.WARNING,
              Status.WARN,
              "drift.psi",
              Scope.column("c"),
              0.4,
              "< 0.25",
              "psi 0.4",
              null,
              null,
              null));
    }
    AuditRun run =
        new AuditRun(
            tiny.name(),
            tiny.model(),
            tiny.families(),
            tiny.metrics(),
            warnings,
            tiny.rowCounts(),
            tiny.notes(),
            tiny.provenance(),
            Map.of(),
            null);
    List<String> lines = VerdictLines.of(run, REPORT, false);
    assertEquals("Warnings:", lines.get(1));
    assertEquals("  WARN wa [c]: psi 0.4", lines.get(2));
    assertEquals("  WARN wj [c]: psi 0.4", lines.get(11));
    assertEquals("  ... and 3 more in the report", lines.get(12));
    assertEquals(14, lines.size());
  }
}
