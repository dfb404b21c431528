package dev.assay.cli;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assay serve}: starts Spark once and runs audits for {@code assay audit ... --server
 * SOCKET} clients until it is stopped (Ctrl-C, or a TERM signal).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Keep a warm driver running: start Spark once, then run each 'assay audit SPEC --server"
            + " SOCKET' on it, one at a time, in seconds instead of a cold start. Stop it with"
            + " Ctrl-C or a TERM signal.")
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--socket",
      paramLabel = "PATH",
      description =
          "the Unix domain socket to listen on (default: <tmp>/assay-<user>/serve.sock); only"
              + " its owner can connect")
  Path socket;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master of every served audit, e.g. local[4] or spark://host:7077")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "a Spark setting of the server's session; repeatable")
  List<String> conf = List.of();

  @Option(
      names = "--warm-up",
      paramLabel = "SPEC",
      description =
          "before the first client's audit, run this spec's audit --warm-up-runs times into a"
              + " temporary folder (deleted after), so the JIT has compiled what audits use;"
              + " clients that come meanwhile wait. A spec whose audit exits 2 or 3 stops the"
              + " server with that error")
  Path warmUp;

  @Option(
      names = "--warm-up-runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "how many times --warm-up runs its audit (default 3)")
  int warmUpRuns;

  @Option(
      names = {"-v", "--verbose"},
      description = "print Spark's own INFO logging on standard error")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    Path path = (socket != null ? socket : defaultSocket()).toAbsolutePath();
    AuditServer.claim(path); // another server there: exit 2 before Spark starts
    Path warmUpSpec = warmUp == null ? null : warmUp.toAbsolutePath();
    if (warmUpSpec != null && !Files.isRegularFile(warmUpSpec)) {
      throw new BadInputException("--warm-up " + warmUp + ": no such file.");
    }
    if (warmUpRuns < 1) {
      throw new BadInputException("--warm-up-runs must be at least 1, not " + warmUpRuns + ".");
    }
    AtomicReference<RuntimeException> warmUpFailure = new AtomicReference<>();
    try (SessionScope session = SessionScope.open(master, SessionScope.settings(conf), verbose);
        AuditServer server = AuditServer.bind(path, session.spark(), System.out)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server)));
      Console.out(
          "assay: serving audits at "
              + server.socket()
              + " (Spark master "
              + session.spark().sparkContext().master()
              + "). Run one with: ./submit.sh SPEC --server "
              + server.socket()
              + " . Stop with Ctrl-C.");
      if (warmUpSpec != null) {
        warmUpInBackground(server, warmUpSpec, warmUpFailure);
      }
      server.serve();
    }
    if (warmUpFailure.get() != null) {
      throw warmUpFailure.get(); // a bad warm-up spec: its exit code and message
    }
    return 0;
  }

  /** {@code <java.io.tmpdir>/assay-<user>/serve.sock}, in a folder only the user can enter. */
  static Path defaultSocket() {
    Path folder =
        Path.of(System.getProperty("java.io.tmpdir"), "assay-" + System.getProperty("user.name"));
    try {
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(
            folder,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder.resolve("serve.sock");
  }

  /**
   * Warms the server up on a thread of its own while it already accepts clients (they wait for it);
   * a failed warm-up stops the server and is kept in {@code failure}.
   */
  private void warmUpInBackground(
      AuditServer server, Path spec, AtomicReference<RuntimeException> failure) {
    Thread thread =
        new Thread(
            () -> {
              try {
                server.warmUp(spec, warmUpRuns);
              } catch (IOException e) {
                failure.set(new UncheckedIOException(e));
                closeQuietly(server);
              } catch (RuntimeException e) {
                failure.set(e);
                closeQuietly(server);
              }
            },
            "assay-serve-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AuditServer server) {
    try {
      server.close();
    } catch (IOException ignored) {
      // the JVM is stopping; a socket file left behind is replaced by the next server
    }
  }
}
