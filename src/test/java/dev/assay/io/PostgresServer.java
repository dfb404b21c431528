package dev.assay.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, throwaway PostgreSQL server for tests: Debian's binaries ({@code initdb}, {@code
 * pg_ctl}), a cluster in a temp folder, listening on 127.0.0.1 only at a free port, password
 * authentication (scram) for the {@code postgres} user. Run as the {@code postgres} system user
 * when the tests run as root (initdb refuses root). A test is skipped, saying why, only when the
 * binaries are absent ({@code .ci/run} installs them).
 */
final class PostgresServer implements AutoCloseable {

  final int port;
  private final Path data;
  private final boolean asRoot;
  private final Path bin;

  private PostgresServer(Path bin, Path data, int port, boolean asRoot) {
    this.bin = bin;
    this.data = data;
    this.port = port;
    this.asRoot = asRoot;
  }

  /** Starts a server whose {@code postgres} user has {@code password}. */
  static PostgresServer start(String password) throws IOException, InterruptedException {
    Path bin = binaries();
    assumeTrue(
        bin != null,
        "PostgreSQL's initdb and pg_ctl are not installed (apt-get install"
            + " postgresql): the format: jdbc test needs a real server");
    boolean root = "root".equals(System.getProperty("user.name"));
    Path folder = Files.createTempDirectory("assay-pg");
    Path data = folder.resolve("data");
    Path pwfile = folder.resolve("pw");
    Files.writeString(pwfile, password + "\n");
    if (root) {
      run(List.of("chown", "-R", "postgres", folder.toString()));
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PostgresServer server = new PostgresServer(bin, data, port, root);
    server.pg(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "postgres",
            "--auth=scram-sha-256",
            "--pwfile=" + pwfile,
            "-E",
            "UTF8",
            "--no-sync"));
    Files.delete(pwfile);
    server.pg(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-w",
            "-t",
            "60",
            "-l",
            folder.resolve("log").toString(),
            "-o",
            "-h 127.0.0.1 -p " + port + " -k " + folder + " -c fsync=off",
            "start"));
    return server;
  }

  /** A JDBC connection as {@code postgres}. */
  Connection connect(String password) throws SQLException {
    return DriverManager.getConnection(url(), "postgres", password);
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  @Override
  public void close() throws Exception {
    pg(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-m",
            "immediate",
            "-w",
            "stop"));
    try (Stream<Path> files = Files.walk(data.getParent())) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private void pg(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  /** The newest {@code /usr/lib/postgresql/N/bin} holding initdb and pg_ctl, or null. */
  private static Path binaries() {
    File[] versions = new File("/usr/lib/postgresql").listFiles();
    if (versions == null) {
      return null;
    }
    return Arrays.stream(versions)
        .map(v -> v.toPath().resolve("bin"))
        .filter(
            b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
        .max(Comparator.comparing(Path::toString))
        .orElse(null);
  }
}
