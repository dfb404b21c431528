package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code assay schema} prints the schema of results.json that docs/ holds, byte for byte. */
class SchemaCommandTest {

  @Test
  void printsTheBundledSchemaWhichIsTheDocsFile() throws IOException {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(printed, true));
      code = Main.run("schema");
    } finally {
      System.setOut(out);
    }
    assertEquals(0, code);
    assertArrayEquals(
        Files.readAllBytes(Path.of("docs/results.schema.json")), printed.toByteArray());
  }
}
