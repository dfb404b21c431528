package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CliRun.Result;
import dev.assay.SpecFiles;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay verify REPORT_DIR} on a report that a real audit wrote: untouched it verifies (exit
 * 0, outputs and inputs all re-hashed); an edited results.json, a deleted report.html or a changed
 * input is found and named (exit 1); a missing folder or manifest is exit 2.
 */
class VerifyCommandTest {

  @TempDir static Path dir;

  static Path report;

  @BeforeAll
  static void audit() throws IOException {
    SharedSpark.get();
    SpecFiles.groupsCsv(dir, 20);
    SpecFiles.fourFifths(dir.resolve("audit.yaml"), "verify-audit", "data.csv");
    report = dir.resolve("report");
    Result r =
        AuditCommandTest.cli(
            "audit", dir.resolve("audit.yaml").toString(), "--out", report.toString());
    assertEquals(0, r.code(), r.err());
  }

  /** A fresh copy of the audit's report folder, to tamper with. */
  Path copy(Path into) throws IOException {
    Path target = into.resolve("copy");
    Files.createDirectories(target);
    for (String f : AuditCommandTest.OUTPUTS) {
      Files.copy(report.resolve(f), target.resolve(f));
    }
    return target;
  }

  @Test
  void anUntouchedReportVerifiesWithExitZero() {
    Result r = AuditCommandTest.cli("verify", report.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    for (String f : List.of("results.json", "report.html", "junit.xml", "summary.md")) {
      assertTrue(r.out().contains("  ok       output " + f), r.out());
    }
    assertTrue(
        r.out()
            .contains("  ok       input data.current " + dir.resolve("data.csv").toAbsolutePath()),
        r.out());
    assertTrue(r.out().contains("  ok       input spec "), r.out());
    assertTrue(r.out().contains("Verified:"), r.out());
  }

  @Test
  void anEditedResultsJsonIsFoundWithExitOne(@TempDir Path tmp) throws IOException {
    Path copy = copy(tmp);
    String results = Files.readString(copy.resolve("results.json"), StandardCharsets.UTF_8);
    Files.writeString(
        copy.resolve("results.json"),
        results.replace("\"PASS\"", "\"FAIL\""),
        StandardCharsets.UTF_8);
    Result r = AuditCommandTest.cli("verify", copy.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("  CHANGED  output results.json: sha256 recorded "), r.out());
    assertTrue(r.out().contains("  ok       output report.html"), r.out());
    assertTrue(r.out().contains("NOT verified: 1 file(s) differ"), r.out());
  }

  @Test
  void aDeletedReportFileAndAChangedInputAreMismatches(@TempDir Path tmp) throws IOException {
    Path copy = copy(tmp);
    Files.delete(copy.resolve("report.html"));
    Path data = dir.resolve("data.csv");
    byte[] original = Files.readAllBytes(data);
    try {
      Files.writeString(data, "id,grp,outcome,approved\n0,A,1,1\n");
      Result r = AuditCommandTest.cli("verify", copy.toString());
      assertEquals(1, r.code(), r.out());
      assertTrue(r.out().contains("  MISSING  output report.html"), r.out());
      assertTrue(r.out().contains("  CHANGED  input data.current "), r.out());
      assertTrue(r.out().contains("NOT verified: 2 file(s) differ"), r.out());
    } finally {
      Files.write(data, original);
    }
  }

  @Test
  void aMissingFolderOrManifestIsExitTwo(@TempDir Path tmp) throws IOException {
    Result none = AuditCommandTest.cli("verify", tmp.resolve("nowhere").toString());
    assertEquals(2, none.code());
    assertTrue(none.err().contains("no such report folder"), none.err());
    Path copy = copy(tmp);
    Files.delete(copy.resolve("manifest.json"));
    Result noManifest = AuditCommandTest.cli("verify", copy.toString());
    assertEquals(2, noManifest.code());
    assertTrue(noManifest.err().contains("no manifest.json"), noManifest.err());
    Files.writeString(copy.resolve("manifest.json"), "{\"schema\": \"something-else\"}");
    assertEquals(2, AuditCommandTest.cli("verify", copy.toString()).code());
  }
}
