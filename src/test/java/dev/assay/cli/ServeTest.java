package dev.assay.cli;

import static dev.assay.CliRun.assertBadInput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.SpecFiles;
import dev.assay.core.BadInputException;
import dev.assay.spark.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay serve} and {@code audit --server}: a real server on a Unix domain socket in a temp
 * folder, on the tests' Spark session, with real clients. A served audit must write the very
 * results a command-line run writes, in the client's folder, and keep its settings to itself.
 */
class ServeTest {

  @TempDir Path dir;

  private AuditServer server;
  private Thread serving;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void startServer() throws IOException {
    server =
        AuditServer.bind(
            dir.resolve("serve.sock"),
            SharedSpark.get(),
            new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
    serving =
        new Thread(
            () -> {
              try {
                server.serve();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            "serve-test");
    serving.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
    serving.join(10_000);
  }

  /** Two groups of 40: A selected at 0.5, B at 0.25, a four-fifths failure; in {@code folder}. */
  private Path spec(Path folder) throws IOException {
    Files.createDirectories(folder);
    SpecFiles.groupsCsv(folder, 10);
    return SpecFiles.fourFifths(folder.resolve("audit.yaml"), "served-audit", "data.csv");
  }

  private Result client(Path workingDirectory, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ServeClient.run(server.socket(), List.of(args), workingDirectory, false, out, err);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aServedAuditWritesWhatTheCommandLineWritesInTheClientsFolder() throws IOException {
    Path project = dir.resolve("project");
    Path spec = spec(project);
    Result direct = CliRun.run("audit", spec.toString(), "--out", dir.resolve("direct").toString());
    assertEquals(1, direct.code(), direct.err());

    Result served = client(project, "audit", "audit.yaml"); // relative: the client's folder
    assertEquals(1, served.code(), served.err());
    Path report = project.resolve("reports/served-audit");
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("direct/results.json")),
        Files.readAllBytes(report.resolve("results.json")));
    assertTrue(Files.isRegularFile(report.resolve("manifest.json")));
    assertTrue(served.out().contains("Report: reports/served-audit/report.html"), served.out());
    assertTrue(served.out().strip().endsWith("Gate closed: exit 1."), served.out());
    assertEquals("", served.err());
  }

  @Test
  void theCommandLineForwardsToTheServerWithoutItsServerOption() throws IOException {
    Path spec = spec(dir.resolve("project"));
    Path out = dir.resolve("forwarded");
    Result r =
        CliRun.run(
            "audit",
            spec.toString(),
            "--server",
            server.socket().toString(),
            "--out",
            "" + out,
            "-q");
    assertEquals(1, r.code(), r.err());
    assertEquals(
        "Assay audit 'served-audit': FAIL (1 rule verdicts, 1 blocking, 0 warnings, 0 waived)",
        r.out().strip());
    assertTrue(Files.isRegularFile(out.resolve("results.json")));
  }

  @Test
  void aServedAuditsSqlSettingsStayInItsOwnSession() throws IOException {
    Path project = dir.resolve("project");
    spec(project);
    SparkSession shared = SharedSpark.get();
    String before = shared.conf().get("spark.sql.shuffle.partitions");
    Result r = client(project, "audit", "audit.yaml", "--conf", "spark.sql.shuffle.partitions=3");
    assertEquals(1, r.code(), r.err());
    assertEquals(before, shared.conf().get("spark.sql.shuffle.partitions"));
    assertFalse(before.equals("3"), "the test must be able to tell the settings apart");
  }

  @Test
  void settingsOfTheWholeClusterBelongToTheServer() throws IOException {
    Path project = dir.resolve("project");
    spec(project);
    assertBadInput(
        client(project, "audit", "audit.yaml", "--conf", "spark.executor.memory=1g"),
        "--conf spark.executor.memory",
        "spark.sql.*",
        "assay serve");
    assertBadInput(
        client(project, "audit", "audit.yaml", "--master", "local[2]"), "--master", "assay serve");
  }

  @Test
  void twoClientsAtOnceAreServedOneAfterTheOtherAndTheSecondIsToldItWaits() throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    spec(first);
    spec(second);
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = clients.submit(() -> client(first, "audit", "audit.yaml", "--out", "out"));
      var b = clients.submit(() -> client(second, "audit", "audit.yaml", "--out", "out"));
      List<Result> both = List.of(a.get(), b.get());
      assertEquals(
          1,
          both.stream().filter(r -> r.err().startsWith("assay: waiting: ")).count(),
          "the client that came second is told it waits: " + both);
      for (Result r : both) {
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.out().lines().filter(l -> l.equals("Gate closed: exit 1.")).count());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("Report: ")).count(), r.out());
      }
    } finally {
      clients.shutdownNow();
    }
    assertArrayEquals(
        Files.readAllBytes(first.resolve("out/results.json")),
        Files.readAllBytes(second.resolve("out/results.json")));
  }

  @Test
  void theServerRunsAuditsOnly() {
    assertBadInput(client(dir, "verify", "reports/x"), "runs audits only");
  }

  @Test
  void aStrayWriterOnTheSocketDoesNotStopTheServer() throws IOException {
    try (SocketChannel stray = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
      Channels.newOutputStream(stray)
          .write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    }
    Path project = dir.resolve("project");
    spec(project);
    assertEquals(1, client(project, "audit", "audit.yaml", "-q").code());
  }

  @Test
  void aClientThatGoesAwayHasItsAuditCancelledAndTheNextClientIsServed() throws Exception {
    Path project = dir.resolve("project");
    spec(project);
    try (SocketChannel leaving = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
      ServeWire.write(
          new ServeWire.Request(project, false, List.of("audit", "audit.yaml", "--out", "gone")),
          Channels.newOutputStream(leaving));
    } // gone before the audit's first Spark job
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!log.toString(StandardCharsets.UTF_8).contains("exit ")
        && System.nanoTime() < deadline) {
      Thread.sleep(20); // the next client comes after: it must not be the one that waits
    }
    Result next = client(project, "audit", "audit.yaml", "--out", "next", "-q");
    assertEquals(1, next.code(), next.err());
    String lines = log.toString(StandardCharsets.UTF_8);
    assertTrue(
        lines.contains("exit 3 in ")
            && lines.contains("(the client went away: its Spark jobs were cancelled)"),
        lines);
    assertFalse(Files.exists(project.resolve("gone/results.json")), "no report for no one");
    assertTrue(Files.isRegularFile(project.resolve("next/results.json")));
  }

  @Test
  void aWarmUpRunsTheSpecsAuditAndLeavesNoFolderBehind() throws IOException {
    Path spec = spec(dir.resolve("project"));
    long before = warmUpFolders();
    assertEquals(1, server.warmUp(spec, 2)); // the spec's gate closes: exit 1, a verdict
    assertEquals(before, warmUpFolders());
    assertTrue(
        log.toString(StandardCharsets.UTF_8)
            .contains("assay: serve: warmed up: 2 audits of " + spec),
        log.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(dir.resolve("project/reports")), "nothing written beside the spec");
  }

  @Test
  void aWarmUpSpecThatIsBadInputFailsWithTheAuditsMessage() throws IOException {
    Path spec = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nname: [unclosed\n");
    BadInputException e = assertThrows(BadInputException.class, () -> server.warmUp(spec, 3));
    assertTrue(
        e.getMessage().startsWith("--warm-up " + spec + ": its audit exited 2: "), e.getMessage());
    assertTrue(e.getMessage().contains("bad.yaml"), e.getMessage());
  }

  @Test
  void serveChecksItsWarmUpOptionsBeforeSparkStarts() {
    Path socket = dir.resolve("other.sock");
    assertBadInput(
        CliRun.run("serve", "--socket", "" + socket, "--warm-up", "" + dir.resolve("none.yaml")),
        "--warm-up",
        "none.yaml: no such file");
    assertBadInput(
        CliRun.run("serve", "--socket", "" + socket, "--warm-up-runs", "0"),
        "--warm-up-runs must be at least 1");
    assertFalse(Files.exists(socket));
  }

  private static long warmUpFolders() throws IOException {
    try (var listing = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return listing.filter(p -> p.getFileName().toString().startsWith("assay-warm-up")).count();
    }
  }

  @Test
  void onlyTheOwnerCanConnect() throws IOException {
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socket())));
  }

  @Test
  void noServerAtTheSocketIsExitThreeNamingIt() throws IOException {
    Path spec = spec(dir.resolve("project"));
    Path none = dir.resolve("none.sock");
    Result r = CliRun.run("audit", spec.toString(), "--server", none.toString());
    assertEquals(3, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("--server " + none + ": no Assay server listens there"), r.err());
    assertTrue(r.err().contains("./submit.sh serve --socket " + none), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void aSecondServerAtTheSameSocketIsRefusedAndALeftOverSocketIsReplaced() throws IOException {
    assertThrows(BadInputException.class, () -> AuditServer.claim(server.socket()));

    Path leftOver = dir.resolve("left-over.sock");
    try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      gone.bind(UnixDomainSocketAddress.of(leftOver)); // closing leaves the file behind
    }
    assertTrue(Files.exists(leftOver));
    AuditServer.claim(leftOver);
    assertFalse(Files.exists(leftOver));
  }

  @Test
  void serveRefusesAPathThatIsAFileBeforeSparkStarts() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
    assertBadInput(CliRun.run("serve", "--socket", file.toString()), "notes.txt", "not a socket");
    assertEquals("keep me", Files.readString(file));
  }

  @Test
  void locationsWithASchemeStayAndLocalPathsResolveInTheClientsFolder() {
    Path base = Path.of("/home/ci/project");
    assertEquals("/home/ci/project/hist", LocalLocation.resolve(base, "hist"));
    assertEquals("/var/hist", LocalLocation.resolve(base, "/var/hist"));
    assertEquals("delta:/home/ci/project/hist", LocalLocation.resolve(base, "delta:hist"));
    String abfss = "abfss://c@acct.dfs.core.windows.net/hist";
    assertEquals(abfss, LocalLocation.resolve(base, abfss));
    assertEquals("delta:" + abfss, LocalLocation.resolve(base, "delta:" + abfss));
    String vault = "azure-keyvault://v.vault.azure.net/keys/k/1";
    assertEquals(vault, LocalLocation.resolve(base, vault));
  }
}
