package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CliRun;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit prints one line per step, in order, with its time and Spark job count, before the
 * verdict.
 */
class AuditProgressTest {

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  @Test
  void eachStepPrintsItsTimeAndJobsBeforeTheVerdict() throws IOException {
    List<String> lines = new ArrayList<>(List.of("id,grp,outcome,approved,income"));
    for (int i = 0; i < 80; i++) {
      lines.add(
          i
              + ","
              + (i < 40 ? "A" : "B")
              + ","
              + (i % 2)
              + ","
              + (i % 4 == 0 ? 1 : 0)
              + ","
              + (1000 + i));
    }
    Files.write(dir.resolve("current.csv"), lines);
    Files.write(dir.resolve("reference.csv"), lines);
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: progress",
            "data:",
            "  current: {path: current.csv}",
            "  reference: {path: reference.csv}",
            "columns:",
            "  label: outcome",
            "  prediction: approved",
            "  sensitive: [grp]",
            "  features: [income]",
            ""));
    CliRun.Result r =
        AuditCommandTest.cli("audit", spec.toString(), "--out", dir.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    List<String> steps = r.out().lines().filter(l -> l.startsWith("assay: ")).toList();
    List<String> expected =
        List.of(
            "inputs: open data.current",
            "fairness: per-group rates and scores",
            "drift: reference vs current, ",
            "evidence: SHA-256 of the spec, rules and inputs");
    assertEquals(expected.size(), steps.size(), r.out());
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(
          steps.get(i).startsWith("assay: " + expected.get(i))
              && steps.get(i).matches(".* — \\d+\\.\\d s, \\d+ Spark jobs?"),
          steps.get(i));
    }
    assertTrue(
        steps.get(1).matches(".* [1-9]\\d* Spark jobs?"),
        "fairness ran at least one job: " + steps.get(1));
    String all = r.out();
    assertTrue(
        all.indexOf(steps.get(steps.size() - 1)) < all.indexOf("Assay audit 'progress'"),
        "the steps come before the verdict");
  }
}
