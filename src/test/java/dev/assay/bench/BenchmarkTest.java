package dev.assay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.spark.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's plumbing on a tiny size (its figures mean nothing here): {@code --only} runs just
 * the named measurements (the bootstrap one only when named), each family row carries its ratio to
 * its scan, in wall time and in executor CPU (summed from the tasks' metrics, so positive for every
 * row), and the large text data is not generated when no text measurement is asked for.
 */
@Tag("slow")
class BenchmarkTest {

  @TempDir Path dir;

  @Test
  void onlyTheChosenMeasurementsRunAndTheFamilyIsComparedWithItsScan() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Benchmark.Figure> figures =
        Benchmark.run(
            SharedSpark.get(),
            dir,
            List.of(2_000L),
            42,
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            List.of("scan", "fairness", "fairness-bootstrap", "fairness-lean"),
            false);

    assertEquals(
        List.of("scan", "fairness", "fairness-lean", "fairness-bootstrap"),
        figures.stream().map(Benchmark.Figure::what).toList());
    assertTrue(
        figures.get(1).jobs() <= 2, "fairness is one pass: one job, two with AQE's final stage");
    assertTrue(figures.get(3).jobs() <= 2, "the bootstrap rides in the same pass");
    String table = bytes.toString(StandardCharsets.UTF_8);
    String fairness = table.lines().filter(l -> l.startsWith("fairness")).findFirst().orElseThrow();
    double ratio = Double.parseDouble(fairness.trim().split("\\s+")[7]);
    assertEquals(figures.get(1).seconds() / figures.get(0).seconds(), ratio, 0.01);
    for (Benchmark.Figure f : figures) {
      assertTrue(f.cpuSeconds() > 0, f.what() + " ran tasks, so it used executor CPU");
    }
    double cpu = Double.parseDouble(fairness.trim().split("\\s+")[8]);
    assertEquals(figures.get(1).cpuSeconds(), cpu, 0.005, "the CPU seconds column");
    double cpuRatio = Double.parseDouble(fairness.trim().split("\\s+")[9]);
    assertEquals(figures.get(1).cpuSeconds() / figures.get(0).cpuSeconds(), cpuRatio, 0.01);
    assertTrue(Files.isDirectory(dir.resolve("lending-2000.parquet")));
    assertTrue(
        Files.isDirectory(dir.resolve("answers-1.parquet")),
        "a one-row stand-in for the text data");
    assertFalse(Files.exists(dir.resolve("answers-200.parquet")));
  }
}
