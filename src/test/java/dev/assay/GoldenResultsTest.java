package dev.assay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo audit, the RAG demo and the privacy family on COMPAS through the real command line,
 * their results.json pinned byte for byte (see {@link GoldenResults}); COMPAS's and UCI Adult's
 * fairness runs are pinned by their oracle tests, which already run those audits. Tagged slow
 * (about 35 s): it runs in CI's slow step, and by name after any change to how metrics are
 * computed, named or written.
 */
@Tag("slow")
class GoldenResultsTest {

  @TempDir Path dir;

  @Test
  void demoAuditResultsAreThePinnedOnes() throws IOException {
    assertPinnedAudit("demo", "datasets/demo/audit.yaml", 1);
  }

  @Test
  void ragDemoResultsAreThePinnedOnes() throws IOException {
    assertPinnedAudit("rag-demo", "datasets/rag-demo/audit.yaml", 1);
  }

  @Test
  void compasPrivacyResultsAreThePinnedOnes() throws IOException {
    Path spec = dir.resolve("compas-privacy.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: compas-privacy",
            "data:",
            "  current: {path: \"" + CompasCsv.CSV + "\", format: csv}",
            "privacy:",
            "  quasi_identifiers: [age_cat, race, sex]",
            "  sensitive_attribute: c_charge_degree",
            "  pii_columns: [c_charge_desc, vr_charge_desc]",
            ""));
    assertPinnedAudit("compas-privacy", spec.toString(), 0);
  }

  private void assertPinnedAudit(String name, String spec, int expectedExit) throws IOException {
    Path out = dir.resolve(name);
    CliRun.Result r = CliRun.run("audit", spec, "--out", out.toString(), "--quiet");
    assertEquals(expectedExit, r.code(), r.err());
    GoldenResults.assertPinned(name, Files.readAllBytes(out.resolve("results.json")));
    // every metric row of results.json can be found in report.html (a table, open or collapsed)
    assertEquals(
        java.util.List.of(),
        dev.assay.report.ReportReach.unreachable(
            Files.readAllBytes(out.resolve("report.html")),
            Files.readAllBytes(out.resolve("results.json"))),
        name + ": metric rows not in report.html");
  }
}
