package dev.assay.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
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
      names = {"-v", "--verbose"},
      description = "print Spark's own INFO logging on standard error")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    Path path = (socket != null ? socket : defaultSocket()).toAbsolutePath();
    AuditServer.claim(path); // another server there: exit 2 before Spark starts
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
      server.serve();
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

  private static void closeQuietly(AuditServer server) {
    try {
      server.close();
    } catch (IOException ignored) {
      // the JVM is stopping; a socket file left behind is replaced by the next server
    }
  }
}
