package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The console streams: a secret split over two writes is still scrubbed; other bytes pass as they
 * were.
 */
class ScrubbedConsoleTest {

  @Test
  void scrubsASecretSplitOverTwoWritesAndRestoresTheStreams() {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      PrintStream target = System.out;
      try (ScrubbedConsole console = ScrubbedConsole.install()) {
        System.out.print("reading https://a.blob.core.windows.net/c/x.csv?sv=1&si");
        System.out.println("g=c2VjcmV0 failed ≥ 0.8");
        System.out.print("tail AccountKey=abcdefghijklmnopqrstuvwx==");
      }
      assertEquals(target, System.out);
    } finally {
      System.setOut(out);
    }
    assertEquals(
        "reading https://a.blob.core.windows.net/c/x.csv?…redacted failed ≥ 0.8\n"
            + "tail AccountKey=…redacted",
        captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  @Test
  void passesBytesThatAreNotUtf8Unchanged() {
    byte[] latin1 = "caf\u00e9 ok\n".getBytes(StandardCharsets.ISO_8859_1);
    assertArrayEquals(latin1, ScrubbedConsole.LineScrubber.scrub(latin1));
  }
}
