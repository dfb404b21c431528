package dev.assay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
