package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every column name that is not a string literal in the code reaches Spark through {@link
 * Columns#named}: a scan of src/main forbids {@code functions.col(x)}, a static {@code col(x)},
 * {@code dataset.col(x)}, {@code functions.column(x)} and {@code functions::col} with anything but
 * a literal, so a user's column such as {@code ra.ce} or {@code a`b} can never be parsed as a
 * struct path or a quoted part again.
 */
class ColumnsUsageTest {

  private static final Path MAIN = Path.of("src/main/java/dev/assay");

  /**
   * col( not part of a longer name, or functions.column(, whose argument is not a literal; ::col.
   */
  static final Pattern RAW =
      Pattern.compile("(?<![\\w])col\\(\\s*(?![\\s\")])|functions\\.column\\(\\s*(?!\")|::col\\b");

  @Test
  void noRawColumnNamesInMainCode() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (file.getFileName().toString().equals("Columns.java")) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
            continue;
          }
          Matcher m = RAW.matcher(line);
          if (m.find()) {
            violations.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + line);
          }
        }
      }
    }
    assertEquals(
        List.of(), violations, "use Columns.named(name) for any name that is not a literal");
  }

  @Test
  void thePatternCatchesTheFormsItForbids() {
    for (String bad :
        List.of(
            "functions.col(name)",
            "col(in.score())",
            "data.col(x)",
            "functions.column(c)",
            "map(functions::col)")) {
      assertTrue(RAW.matcher(bad).find(), bad);
    }
    for (String ok :
        List.of(
            "functions.col(\"p.c\")", "Columns.named(name)", "symbol(x)", "records.col(\"k\")")) {
      assertTrue(!RAW.matcher(ok).find(), ok);
    }
  }

  @Test
  void quotesDotsAndBackticks() {
    assertEquals("`ra.ce`", Columns.quoted("ra.ce"));
    assertEquals("`a``b`", Columns.quoted("a`b"));
    assertEquals("`plain`", Columns.quoted("plain"));
  }
}
