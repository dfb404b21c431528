package dev.assay.cli;

import dev.assay.core.BadInputException;
import dev.assay.core.SafeText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;

/**
 * The driver of {@code assay serve}: one JVM and one Spark session that run audit after audit for
 * clients on a Unix domain socket. An audit's fixed costs (the JVM's start, Spark's start, loading
 * and compiling the classes of planning and code generation) are paid once, so an audit of small
 * data takes seconds instead of the cold start's twenty (docs/performance.md, "A warm driver").
 *
 * <p>Audits run one at a time, in the order clients connect (a client that has to wait is told so);
 * each runs in a {@link SparkSession#newSession() session of its own} (its own SQL settings and
 * temporary views) on the shared Spark context. The socket file is readable and writable by its
 * owner only: whoever can connect can make the server read and write files as the server's user.
 */
final class AuditServer implements AutoCloseable {

  private final Path socket;
  private final ServerSocketChannel channel;
  private final SparkSession spark;
  private final PrintStream log;

  /**
   * Audits run one at a time, in the order clients arrive: {@code System.out} is global, and so is
   * {@link ClientWatch}'s cancelling.
   */
  private final ReentrantLock oneAtATime = new ReentrantLock(true);

  private static final byte[] WAITING =
      "assay: waiting: the server is running another audit; this one starts after it\n"
          .getBytes(StandardCharsets.UTF_8);

  private AuditServer(
      Path socket, ServerSocketChannel channel, SparkSession spark, PrintStream log) {
    this.socket = socket;
    this.channel = channel;
    this.spark = spark;
    this.log = log;
  }

  /**
   * Listens at {@code socket}; a socket file left by a server that is gone is replaced. One line
   * per audit goes to {@code log}.
   *
   * @throws BadInputException when a server already answers there, or the path is not a socket
   */
  static AuditServer bind(Path socket, SparkSession spark, PrintStream log) throws IOException {
    Path absolute = socket.toAbsolutePath();
    claim(absolute);
    ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.bind(UnixDomainSocketAddress.of(absolute));
      Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new AuditServer(absolute, channel, spark, log);
  }

  /** Checks that {@code socket} is free: absent, or a socket nobody answers on (then deleted). */
  static void claim(Path socket) throws IOException {
    if (!Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(socket.toAbsolutePath().getParent());
      return;
    }
    if (Files.isRegularFile(socket) || Files.isDirectory(socket)) {
      throw new BadInputException(
          "--socket " + socket + ": is a file or folder, not a socket; name another path.");
    }
    try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      throw new BadInputException(
          "--socket "
              + socket
              + ": another Assay server listens there; stop it first or name another path.");
    } catch (IOException refused) {
      Files.delete(socket); // left behind by a server that did not stop cleanly
    }
  }

  Path socket() {
    return socket;
  }

  /**
   * Serves clients until {@link #close()}: each on a thread of its own, which tells its client when
   * it has to wait for another audit, then runs the audit in turn.
   */
  void serve() throws IOException {
    while (true) {
      SocketChannel client;
      try {
        client = channel.accept();
      } catch (ClosedChannelException closed) {
        return;
      }
      Thread thread = new Thread(() -> answerAndClose(client), "assay-serve-client");
      thread.setDaemon(true); // a queued client does not keep a stopping server alive
      thread.start();
    }
  }

  private void answerAndClose(SocketChannel client) {
    try (client) {
      ServeWire.Request request = ServeWire.read(Channels.newInputStream(client));
      ServeWire.Frames frames = new ServeWire.Frames(Channels.newOutputStream(client));
      if (!oneAtATime.tryLock(0, TimeUnit.SECONDS)) { // (the timed form keeps the queue's order)
        frames.stream(ServeWire.ERR).write(WAITING);
        oneAtATime.lock();
      }
      int code;
      try {
        code = answer(client, request, frames);
      } finally {
        oneAtATime.unlock();
      }
      frames.exit(code); // after the unlock: a client that has its verdict finds the server free
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.println(
          SafeText.line(
              "assay: serve: a client left or sent no request: "
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }
  }

  /** Runs one client's audit, with its standard output and error sent back to it; its exit code. */
  private int answer(SocketChannel client, ServeWire.Request request, ServeWire.Frames frames) {
    long start = System.nanoTime();
    int code;
    boolean gone;
    try (ClientWatch watch = ClientWatch.start(client, spark.sparkContext())) {
      code =
          withConsole(
              frames.stream(ServeWire.OUT),
              frames.stream(ServeWire.ERR),
              () ->
                  Main.runServed(
                      new ServedAudit(spark, request.workingDirectory(), request.terminal()),
                      request.args().toArray(String[]::new)));
      gone = watch.clientGone();
    }
    log.println(
        SafeText.line(
            String.format(
                Locale.ROOT,
                "assay: serve: exit %d in %.2f s for %s%s",
                code,
                (System.nanoTime() - start) / 1e9,
                request.workingDirectory(),
                gone ? " (the client went away: its Spark jobs were cancelled)" : "")));
    return code;
  }

  /**
   * Runs the audit of {@code spec} {@code times} times into a temporary folder (deleted after), as
   * a client would, before the first client's audit: the JIT compiles planning, code generation and
   * the CSV or Parquet readers on it, so clients do not pay for that. Clients that come meanwhile
   * wait their turn. Says so on the log; returns the exit code of the last run.
   *
   * @throws BadInputException when the spec's audit is bad input (exit 2) or its run fails (exit
   *     3); its message says what the audit printed on standard error
   */
  int warmUp(Path spec, int times) throws IOException {
    Path out = Files.createTempDirectory("assay-warm-up");
    oneAtATime.lock();
    try {
      long start = System.nanoTime();
      int code = 0;
      for (int i = 0; i < times; i++) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {
          "audit", spec.toString(), "--out", out.resolve("run" + i).toString(), "-q"
        };
        ServedAudit here = new ServedAudit(spark, Path.of("").toAbsolutePath(), false);
        code = withConsole(OutputStream.nullOutputStream(), err, () -> Main.runServed(here, args));
        if (code > 1) {
          throw new BadInputException(
              "--warm-up "
                  + spec
                  + ": its audit exited "
                  + code
                  + ": "
                  + err.toString(StandardCharsets.UTF_8).strip());
        }
      }
      log.println(
          SafeText.line(
              String.format(
                  Locale.ROOT,
                  "assay: serve: warmed up: %d audits of %s in %.2f s",
                  times,
                  spec,
                  (System.nanoTime() - start) / 1e9)));
      return code;
    } finally {
      oneAtATime.unlock();
      FileUtils.deleteQuietly(out.toFile());
    }
  }

  /**
   * Runs {@code audit} with {@link System#out} and {@link System#err} writing to {@code out} and
   * {@code err}, and puts them back after. Audits run one at a time, so the swap is safe.
   */
  private static int withConsole(OutputStream out, OutputStream err, IntSupplier audit) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    try (PrintStream toOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream toErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(toOut);
      System.setErr(toErr);
      return audit.getAsInt();
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /** Stops listening and deletes the socket file; an audit under way finishes. */
  @Override
  public void close() throws IOException {
    channel.close();
    Files.deleteIfExists(socket);
  }
}
