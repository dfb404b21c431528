package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.assay.core.AuditRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins every report file of two sample runs byte for byte (src/test/resources/golden/), so that
 * rewriting how the files are produced (streamed to disk instead of built in memory) cannot change
 * a single byte a CI diff or a {@code --baseline} depends on. To re-pin after an intended change:
 * {@code mvn test -Dtest=GoldenReportTest -Dgolden.update=src/test/resources/golden}.
 */
class GoldenReportTest {

  static Stream<Arguments> files() {
    Map<String, Supplier<AuditRun>> runs =
        Map.of("full", SampleRuns::full, "tiny", SampleRuns::tiny);
    return runs.entrySet().stream()
        .flatMap(
            run ->
                Stream.of("report.html", "junit.xml", "summary.md", "results.json", "manifest.json")
                    .map(file -> Arguments.of(run.getKey(), file, run.getValue())));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("files")
  void everyFileIsByteForByteThePinnedOne(String run, String file, Supplier<AuditRun> sample)
      throws IOException {
    byte[] actual = ReportBundle.render(sample.get()).get(file);
    String update = System.getProperty("golden.update");
    if (update != null) {
      Path target = Path.of(update, run, file);
      Files.createDirectories(target.getParent());
      Files.write(target, actual);
    }
    try (InputStream pinned = getClass().getResourceAsStream("/golden/" + run + "/" + file)) {
      assertArrayEquals(pinned.readAllBytes(), actual, run + "/" + file);
    }
  }
}
