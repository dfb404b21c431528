package dev.assay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the spec files of end-to-end tests: one line an argument, so a test's expected {@code
 * audit.yaml:N} locations can be read off its code.
 */
public final class SpecFiles {

  private SpecFiles() {}

  /** Writes {@code lines} joined by newlines (no newline added at the end) and returns the file. */
  public static Path write(Path file, String... lines) throws IOException {
    Files.writeString(file, String.join("\n", lines));
    return file;
  }

  /**
   * Writes {@code file}: the audit {@code name} of {@code current} (a path or URI) with label
   * {@code outcome}, prediction {@code approved}, sensitive {@code grp} and the four-fifths rule
   * pack, the small spec of many CLI tests.
   */
  public static Path fourFifths(Path file, String name, String current) throws IOException {
    return write(
        file,
        "version: 1",
        "name: " + name,
        "data:",
        "  current: {path: '" + current + "'}",
        "columns:",
        "  label: outcome",
        "  prediction: approved",
        "  sensitive: [grp]",
        "rules: [rules/eeoc-four-fifths.yaml]",
        "");
  }

  /**
   * Writes {@code data.csv} in {@code folder}: groups A and B of 40 rows, labels alternating 1 and
   * 0, A approved 20 times and B {@code bApproved} times (the four-fifths impact ratio is {@code
   * bApproved / 20}); returns the file.
   */
  public static Path groupsCsv(Path folder, int bApproved) throws IOException {
    return groupsCsvAt(folder.resolve("data.csv"), bApproved);
  }

  /** As {@link #groupsCsv}, written to {@code file}. */
  public static Path groupsCsvAt(Path file, int bApproved) throws IOException {
    List<String> lines = new ArrayList<>(List.of("id,grp,outcome,approved"));
    for (int i = 0; i < 80; i++) {
      boolean a = i < 40;
      lines.add(
          i
              + ","
              + (a ? "A" : "B")
              + ","
              + (i % 2)
              + ","
              + ((i % 40) < (a ? 20 : bApproved) ? 1 : 0));
    }
    return Files.write(file, lines);
  }
}
