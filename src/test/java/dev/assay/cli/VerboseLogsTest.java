package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit -v} puts Spark's INFO logging on standard error; without it the console has none.
 */
class VerboseLogsTest {

  @TempDir Path dir;

  @Test
  void verboseShowsSparkInfoLinesAndTheDefaultDoesNot() throws Exception {
    SharedSpark.get();
    Files.writeString(dir.resolve("d.csv"), "grp,approved\nA,1\nA,0\nB,1\nB,0\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        "version: 1\nname: verbose\ndata: {current: {path: d.csv}}\n"
            + "columns: {prediction: approved, sensitive: [grp]}\n");
    Result verbose =
        CliRun.run("audit", spec.toString(), "--out", dir.resolve("v").toString(), "-v");
    assertEquals(0, verbose.code(), verbose.err());
    assertTrue(verbose.err().contains(" INFO "), "Spark's INFO lines on stderr: " + verbose.err());
    Result quiet = CliRun.run("audit", spec.toString(), "--out", dir.resolve("q").toString());
    assertEquals(0, quiet.code(), quiet.err());
    assertFalse(
        quiet.err().contains(" INFO "), "the default keeps them off the console: " + quiet.err());
  }
}
