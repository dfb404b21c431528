package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CliRun;
import dev.assay.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit -v} prints, after the report is written, one row per step (spec load, session, input
 * read, each family, the rules, each output file) and the total; without {@code -v} there is none.
 */
class StepTimesTableTest {

  @TempDir Path dir;

  @Test
  void verbosePrintsEveryStepWithItsSecondsAndTheDefaultDoesNot() throws Exception {
    SharedSpark.get();
    StringBuilder csv = new StringBuilder("grp,outcome,approved,income\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i < 20 ? "A" : "B").append(',').append(i % 2).append(',');
      csv.append(i % 3 == 0 ? 1 : 0).append(',').append(1000 + i).append('\n');
    }
    Files.writeString(dir.resolve("c.csv"), csv);
    Files.writeString(dir.resolve("r.csv"), csv);
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        "version: 1\nname: timings\ndata: {current: {path: c.csv}, reference: {path: r.csv}}\n"
            + "columns: {label: outcome, prediction: approved, sensitive: [grp],"
            + " features: [income]}\n");
    CliRun.Result verbose =
        CliRun.run("audit", spec.toString(), "--out", dir.resolve("v").toString(), "-v");
    assertEquals(0, verbose.code(), verbose.err());
    List<String> lines = verbose.out().lines().toList();
    int header = lines.indexOf("Step timings (wall seconds; family steps may overlap):");
    assertTrue(header >= 0, verbose.out());
    List<String> rows = lines.subList(header + 2, lines.size());
    for (String step :
        List.of(
            "spec: load the spec, rules and waivers",
            "session: start Spark",
            "inputs: open data.current",
            "fairness: per-group rates and scores",
            "drift: reference vs current, 3 columns",
            "rules: judge the metrics",
            "evidence: SHA-256 of the spec, rules and inputs",
            "output: report.html",
            "output: junit.xml",
            "output: summary.md",
            "output: results.json",
            "output: manifest.json",
            "total")) {
      assertTrue(
          rows.stream()
              .anyMatch(r -> r.matches("  " + step.replace(".", "\\.") + " +\\d+\\.\\d\\d.*")),
          step + " has a row with its seconds: " + verbose.out());
    }
    assertTrue(
        rows.stream().anyMatch(r -> r.matches("  fairness: .* +\\d+\\.\\d\\d +[1-9]\\d*")),
        "the fairness row counts its Spark jobs: " + verbose.out());
    assertTrue(
        verbose.out().indexOf("Step timings") < verbose.out().indexOf("Assay audit 'timings'"),
        "the table comes before the verdict");
    CliRun.Result plain =
        CliRun.run("audit", spec.toString(), "--out", dir.resolve("p").toString());
    assertEquals(0, plain.code(), plain.err());
    assertFalse(plain.out().contains("Step timings"), plain.out());
  }
}
