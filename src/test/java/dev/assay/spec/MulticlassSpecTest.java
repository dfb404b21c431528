package dev.assay.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairness.task: multiclass}: accepted with a label and a prediction; binary-only keys
 * refused with file:line.
 */
class MulticlassSpecTest {

  @TempDir Path dir;

  /**
   * Line 5 is {@code label}, 6 {@code prediction}, 7 the extra column line, 9 the fairness line.
   */
  ResolvedSpec load(String column, String fairness) throws IOException {
    Files.writeString(dir.resolve("data.csv"), "race,y,p,s\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: multiclass-spec",
            "data: {current: {path: data.csv}}",
            "columns:",
            "  label: y",
            "  prediction: p",
            "  " + column,
            "fairness:",
            "  task: multiclass",
            fairness,
            ""));
    return new SpecLoader(Path.of("rules").toAbsolutePath()).load(spec);
  }

  @Test
  void multiclassIsATask() throws IOException {
    assertTrue(load("sensitive: [race]", "").fairness().multiclass());
  }

  @Test
  void binaryOnlyColumnsAreRefusedWithTheirLine() {
    for (String column : new String[] {"score: s", "favourable: \"0\"", "positive: \"1\""}) {
      BadInputException e = assertThrows(BadInputException.class, () -> load(column, ""));
      String key = column.substring(0, column.indexOf(':'));
      assertTrue(
          e.getMessage()
              .startsWith(
                  dir.resolve("audit.yaml")
                      + ":7: columns."
                      + key
                      + " is for a binary (classification) audit"),
          e.getMessage());
      assertTrue(e.getMessage().contains("Remove it."), e.getMessage());
    }
  }

  @Test
  void thresholdAndBinaryOptionsAreRefusedWithTheirLine() throws IOException {
    Files.writeString(dir.resolve("data.csv"), "race,y,p,s\n");
    Path spec = dir.resolve("threshold.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: multiclass-spec",
            "data: {current: {path: data.csv}}",
            "columns:",
            "  label: y",
            "  score: s",
            "  threshold: 0.5",
            "  prediction: p",
            "fairness: {task: multiclass}",
            ""));
    BadInputException t =
        assertThrows(
            BadInputException.class,
            () -> new SpecLoader(Path.of("rules").toAbsolutePath()).load(spec));
    assertTrue(
        t.getMessage().contains("threshold.yaml:6: columns.score is for a binary"), t.getMessage());
    BadInputException b =
        assertThrows(BadInputException.class, () -> load("sensitive: [race]", "  bootstrap: 100"));
    assertTrue(
        b.getMessage()
            .contains(
                "audit.yaml:10: fairness.bootstrap is a binary classification"
                    + " option and is not used with task: multiclass"),
        b.getMessage());
  }

  @Test
  void aLabelAndAPredictionAreRequired() throws IOException {
    Files.writeString(dir.resolve("data.csv"), "race,y\n");
    Path spec = dir.resolve("nolabel.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: multiclass-spec",
            "data: {current: {path: data.csv}}",
            "columns: {label: y, sensitive: [race]}",
            "fairness:",
            "  task: multiclass",
            ""));
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> new SpecLoader(Path.of("rules").toAbsolutePath()).load(spec));
    assertTrue(
        e.getMessage()
            .contains(
                "nolabel.yaml:6: task: multiclass needs both columns.label and"
                    + " columns.prediction"),
        e.getMessage());
  }
}
