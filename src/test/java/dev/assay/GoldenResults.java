package dev.assay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.core.AuditRun;
import dev.assay.report.ReportBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pins the results.json of a real audit (the demo, the RAG demo, COMPAS, UCI Adult) byte for byte
 * under {@code src/test/resources/golden/results/}, so that a refactor of how metrics are computed
 * or named cannot move a single number or verdict unnoticed. results.json holds no run time, so no
 * field is masked. To re-pin after an intended change (say so in the commit): {@code mvn test
 * -Dtest='GoldenResultsTest,CompasOracleTest,AdultOracleTest'
 * -Dgolden.update=src/test/resources/golden}.
 */
public final class GoldenResults {

  private GoldenResults() {}

  /** Fails unless the run's results.json is the pinned {@code golden/results/NAME.json}. */
  public static void assertPinned(String name, AuditRun run) {
    assertPinned(name, ReportBundle.render(run).get("results.json"));
  }

  /** Fails unless {@code actual} is the pinned {@code golden/results/NAME.json}. */
  public static void assertPinned(String name, byte[] actual) {
    String file = "results/" + name + ".json";
    String update = System.getProperty("golden.update");
    try {
      if (update != null) {
        Path target = Path.of(update, file);
        Files.createDirectories(target.getParent());
        Files.write(target, actual);
      }
      try (InputStream pinned = GoldenResults.class.getResourceAsStream("/golden/" + file)) {
        if (pinned == null) {
          throw new AssertionError("no pinned golden/" + file + "; create it with -Dgolden.update");
        }
        // compared as text so that a failure shows the first differing line
        assertEquals(
            new String(pinned.readAllBytes(), StandardCharsets.UTF_8),
            new String(actual, StandardCharsets.UTF_8),
            "golden/" + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
