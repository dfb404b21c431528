package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Whatever a command throws — an exception, or an {@link Error} that picocli's execution-exception
 * handler never sees — the exit code is 3 with one line on standard error and no stack trace; never
 * 1, which means the gate closed.
 */
class CrashExitTest {

  /** A command that throws what it is given. */
  @Command(name = "crash")
  static final class Crashing implements Callable<Integer> {
    private final Supplier<Throwable> failure;

    Crashing(Supplier<Throwable> failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      Throwable t = failure.get();
      if (t instanceof Error e) {
        throw e;
      }
      throw (Exception) t;
    }
  }

  static Stream<Supplier<Throwable>> failures() {
    return Stream.of(
        () -> new OutOfMemoryError("Java heap space"),
        () -> new StackOverflowError(),
        () -> new AssertionError("unexpected"),
        () -> new IllegalStateException("boom\nsecond line"),
        () -> new java.io.IOException("disk"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void anyThrowableIsExitThreeWithOneLine(Supplier<Throwable> failure) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Crashing(failure));
    cli.setErr(new PrintWriter(err, true));
    int code = Main.execute(cli);
    assertEquals(3, code, err.toString());
    String text = err.toString().strip();
    assertEquals(1, text.lines().count(), text);
    assertTrue(
        text.startsWith("assay: run failed: " + failure.get().getClass().getSimpleName()), text);
    assertFalse(text.contains("\tat "), text);
  }

  @org.junit.jupiter.api.Test
  void outOfMemoryAdvisesMoreMemoryOrFewerGroups() {
    String line = Crash.describe(new OutOfMemoryError("Java heap space"));
    assertTrue(line.contains("ASSAY_DRIVER_MEMORY") && line.contains("fairness.max_groups"), line);
  }
}
