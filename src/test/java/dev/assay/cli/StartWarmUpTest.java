package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.report.HtmlReport;
import dev.assay.report.SampleRuns;
import org.junit.jupiter.api.Test;

/**
 * The start's warm-up thread: it names a class that exists (a Spark upgrade that moved mllib's
 * session functions would otherwise turn the step into a silent no-op), it ends on its own as a
 * daemon, and the report it pre-parsed renders the same bytes.
 */
class StartWarmUpTest {

  @Test
  void theMllibSessionFunctionsAreWhereTheWarmUpLooks() {
    assertDoesNotThrow(
        () -> Class.forName(StartWarmUp.MLLIB_FUNCTIONS, false, getClass().getClassLoader()),
        "spark-mllib's session extension object moved: update StartWarmUp.MLLIB_FUNCTIONS");
  }

  @Test
  void theThreadIsADaemonAndEnds() throws InterruptedException {
    byte[] before = new HtmlReport().render(SampleRuns.tiny());
    Thread thread = StartWarmUp.begin(false);
    assertTrue(thread.isDaemon(), "it must never keep the JVM alive");
    thread.join(120_000);
    assertFalse(thread.isAlive(), "the warm-up did not end within two minutes");
    assertArrayEquals(before, new HtmlReport().render(SampleRuns.tiny()));
  }
}
