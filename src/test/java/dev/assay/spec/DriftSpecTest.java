package dev.assay.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The range checks of {@code drift.bins} and {@code drift.max_distinct}, with file:line errors. */
class DriftSpecTest {

  @TempDir Path dir;

  private String failure(String drift) throws IOException {
    Files.writeString(dir.resolve("data.csv"), "y,p\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n", "version: 1", "name: drift", "data: {current: {path: data.csv}}", drift, ""));
    SpecLoader loader = new SpecLoader(Path.of("rules").toAbsolutePath());
    return assertThrows(BadInputException.class, () -> loader.load(spec)).getMessage();
  }

  @Test
  void binsOutsideTwoToAThousandNameTheDefault() throws IOException {
    assertEquals(
        dir.resolve("audit.yaml")
            + ":4: drift.bins must be between 2 and 1000 (found 1); the default is 10 (deciles of"
            + " the reference).",
        failure("drift: {bins: 1}"));
  }

  @Test
  void maxDistinctOutsideItsRangeNamesTheDefault() throws IOException {
    assertEquals(
        dir.resolve("audit.yaml")
            + ":4: drift.max_distinct must be between 100 and 10000000 (found 99); the default is "
            + DriftOptions.DEFAULTS.maxDistinct()
            + ".",
        failure("drift: {max_distinct: 99}"));
  }
}
