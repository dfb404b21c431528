package dev.assay.cli;

import dev.assay.core.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and standard error for the length of one command, with every line passed through
 * {@link Secrets#scrub} before it reaches the terminal: Assay's own lines, picocli's, and the log
 * lines of Spark, Hadoop and hadoop-azure that log4j writes to the console. Lines are held until
 * their newline (a secret split over two writes is still found) and written at {@link #close()},
 * which also puts the original streams back.
 */
final class ScrubbedConsole implements AutoCloseable {

  private final PrintStream originalOut;
  private final PrintStream originalErr;
  private final LineScrubber outLines;
  private final LineScrubber errLines;
  private final PrintStream out;
  private final PrintStream err;

  private ScrubbedConsole(PrintStream originalOut, PrintStream originalErr) {
    this.originalOut = originalOut;
    this.originalErr = originalErr;
    this.outLines = new LineScrubber(originalOut);
    this.errLines = new LineScrubber(originalErr);
    this.out = new PrintStream(outLines, true, StandardCharsets.UTF_8);
    this.err = new PrintStream(errLines, true, StandardCharsets.UTF_8);
  }

  /** Puts scrubbing streams in place of {@link System#out} and {@link System#err}. */
  static ScrubbedConsole install() {
    ScrubbedConsole console = new ScrubbedConsole(System.out, System.err);
    System.setOut(console.out);
    System.setErr(console.err);
    return console;
  }

  /** Writes what is pending and puts the original streams back. */
  @Override
  public void close() {
    out.flush();
    err.flush();
    outLines.drain();
    errLines.drain();
    if (System.out == out) {
      System.setOut(originalOut);
    }
    if (System.err == err) {
      System.setErr(originalErr);
    }
  }

  /**
   * Buffers bytes up to each newline, then writes the line scrubbed. UTF-8 text is scrubbed as
   * UTF-8; anything else byte for byte (ISO-8859-1), which keeps every non-ASCII byte as it was.
   * Stays usable after the command (a log appender may have kept a reference to it).
   */
  static final class LineScrubber extends OutputStream {

    private static final int MAX_LINE = 64 * 1024;

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineScrubber(PrintStream target) {
      this.target = target;
    }

    @Override
    public synchronized void write(int b) {
      line.write(b);
      if (b == '\n' || line.size() >= MAX_LINE) {
        emit();
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(bytes[i]);
      }
    }

    /** Writes a pending partial line (at the end of a command). */
    synchronized void drain() {
      emit();
    }

    private void emit() {
      if (line.size() == 0) {
        return;
      }
      byte[] clean = scrub(line.toByteArray());
      line.reset();
      target.write(clean, 0, clean.length);
      target.flush();
    }

    static byte[] scrub(byte[] raw) {
      try {
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(raw))
                .toString();
        String clean = Secrets.scrub(text);
        return clean == text ? raw : clean.getBytes(StandardCharsets.UTF_8);
      } catch (CharacterCodingException notUtf8) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        String clean = Secrets.scrub(text);
        return clean == text ? raw : clean.getBytes(StandardCharsets.ISO_8859_1);
      }
    }

    @Override
    public void flush() {
      // a line goes out when it is complete; flushing half of one could split a secret
    }
  }
}
