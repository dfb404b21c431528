package dev.assay.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CliRun.Result;
import dev.assay.io.StorageDeadlines;
import dev.assay.publish.Azurite;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs on Azure storage that cannot be read, against real endpoints on loopback: an account whose
 * host does not resolve ({@code .invalid}), a 127.0.0.1 port nobody listens on, a loopback server
 * that accepts connections and never answers, a real Azurite with the wrong key, and the {@code
 * wasb://} scheme hadoop-azure 3.5 no longer supports. With Assay's default retries and deadline
 * each ends in exit 3 within a bound (asserted below 60 s, a bound rather than a timing test), with
 * one message naming the URI and without the account key given on the command line. Tagged slow
 * (the default deadline waits its full 30 s): it runs in its own step of .ci/run.
 */
@Tag("slow")
@ExtendWith(Azurite.class)
class StorageAdversarialTest {

  /**
   * The key given with --conf: a made-up one in Azure's shape, so ABFS accepts it and signs
   * requests.
   */
  static final String KEY =
      "Zm9yZ2VkLWF6dXJlLWFjY291bnQta2V5LWZvci1zdG9yYWdlLWFkdmVyc2FyaWFsLXRlc3RzLW9ubHktMDEyMw==";

  static final Duration BOUND = Duration.ofSeconds(60);
  static final AtomicInteger CONTAINERS = new AtomicInteger();

  static ServerSocket silent;
  static final List<Socket> held = new CopyOnWriteArrayList<>();

  @TempDir Path dir;

  /**
   * One case.
   *
   * @param scheme abfs, abfss, wasb or wasbs
   * @param host the account's host name
   * @param endpoint the value of fs.azure.abfs.endpoint (host:port on loopback), or null for DNS
   * @param key the account key given with --conf
   * @param extra further --conf settings
   * @param says what the message must say besides the URI
   */
  record Case(
      String name,
      String scheme,
      String host,
      Endpoint endpoint,
      String key,
      List<String> extra,
      String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Where requests go: DNS, or a loopback port chosen when the case runs. */
  enum Endpoint {
    DNS,
    CLOSED_PORT,
    SILENT_SERVER,
    AZURITE
  }

  @BeforeAll
  static void start() throws IOException {
    SharedSpark.get();
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept =
        new Thread(
            () -> {
              while (!silent.isClosed()) {
                try {
                  held.add(silent.accept()); // accepted, never read from, never answered
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "silent-server");
    accept.setDaemon(true);
    accept.start();
  }

  @AfterAll
  static void stop() throws IOException {
    silent.close();
    for (Socket s : held) {
      s.close();
    }
  }

  /**
   * Settings earlier runs of this JVM left in the shared Hadoop configuration would change the
   * cases.
   */
  @BeforeEach
  void forgetEarlierSettings() {
    Configuration conf = SharedSpark.get().sparkContext().hadoopConfiguration();
    for (String key :
        List.of(
            "fs.azure.abfs.endpoint",
            "fs.azure.always.use.https",
            "fs.azure.account.hns.enabled",
            "fs.azure.fns.account.service.type",
            "fs.azure.networking.library")) {
      conf.unset(key);
    }
    StorageDeadlines.DEFAULTS.keySet().forEach(conf::unset);
    SharedSpark.get().conf().unset("spark.assay.storage.deadline");
  }

  static Stream<Case> cases() {
    String dfs = ".dfs.core.windows.net";
    return Stream.of(
        new Case(
            "abfss on an account whose host does not resolve",
            "abfss",
            "nosuchaccount.dfs.core.invalid",
            Endpoint.DNS,
            KEY,
            List.of(),
            "UnknownHostException (nosuchaccount.dfs.core.invalid)"),
        new Case(
            "abfs on an account whose host does not resolve",
            "abfs",
            "nosuchaccount.dfs.core.invalid",
            Endpoint.DNS,
            KEY,
            List.of(),
            "UnknownHostException (nosuchaccount.dfs.core.invalid)"),
        new Case(
            "abfss on a loopback port nobody listens on",
            "abfss",
            "closedacct" + dfs,
            Endpoint.CLOSED_PORT,
            KEY,
            List.of(),
            "ConnectException (Connection refused)"),
        new Case(
            "abfs on a loopback port nobody listens on",
            "abfs",
            "closedacct" + dfs,
            Endpoint.CLOSED_PORT,
            KEY,
            List.of("--conf", "spark.hadoop.fs.azure.always.use.https=false"),
            "ConnectException (Connection refused)"),
        new Case(
            "abfs on a loopback server that accepts and never answers (default deadline)",
            "abfs",
            "silentacct" + dfs,
            Endpoint.SILENT_SERVER,
            KEY,
            List.of("--conf", "spark.hadoop.fs.azure.always.use.https=false"),
            "did not answer within 30 s"),
        new Case(
            "abfss on a silent server, deadline lowered with --conf",
            "abfss",
            "silentacct" + dfs,
            Endpoint.SILENT_SERVER,
            KEY,
            List.of("--conf", "spark.assay.storage.deadline=3"),
            "within 3 s"),
        new Case(
            "abfs on a real Azurite with the wrong key",
            "abfs",
            Azurite.ACCOUNT + dfs,
            Endpoint.AZURITE,
            KEY,
            List.of(
                "--conf",
                "spark.hadoop.fs.azure.always.use.https=false",
                "--conf",
                "spark.hadoop.fs.azure.account.hns.enabled=false",
                "--conf",
                "spark.hadoop.fs.azure.fns.account.service.type=BLOB",
                "--conf",
                "spark.hadoop.fs.azure.networking.library=JDK_HTTP_URL_CONNECTION"),
            "403"),
        new Case(
            "a malformed account key, which hadoop-azure echoes in its exception",
            "abfss",
            "nosuchaccount.dfs.core.invalid",
            Endpoint.DNS,
            SecretsAdversarialTest.ACCOUNT_KEY.replace("==", "=x"),
            List.of(),
            "key =\"…redacted\""),
        new Case(
            "wasbs, no longer supported by hadoop-azure 3.5",
            "wasbs",
            "acme.blob.core.windows.net",
            Endpoint.DNS,
            KEY,
            List.of(),
            "abfs"),
        new Case(
            "wasb, no longer supported by hadoop-azure 3.5",
            "wasb",
            "acme.blob.core.invalid",
            Endpoint.DNS,
            KEY,
            List.of(),
            "abfs"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void unreadableStorageIsExitThreeInBoundedTimeWithoutTheKey(Case c) throws IOException {
    String uri =
        c.scheme()
            + "://c"
            + CONTAINERS.incrementAndGet()
            + "-"
            + ProcessHandle.current().pid()
            + "@"
            + c.host()
            + "/credit/2026-11/data.csv"; // a fresh container: no cached FileSystem
    Path spec =
        Files.writeString(
            dir.resolve("audit.yaml"),
            String.join(
                "\n",
                "version: 1",
                "name: storage-audit",
                "data:",
                "  current: {path: '" + uri + "'}",
                "columns:",
                "  label: outcome",
                "  prediction: approved",
                "  sensitive: [grp]",
                "rules: [rules/eeoc-four-fifths.yaml]",
                ""));
    Path out = dir.resolve("report");
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                spec.toString(),
                "--out",
                out.toString(),
                "--conf",
                "spark.hadoop.fs.azure.account.key." + c.host() + "=" + c.key()));
    String endpoint =
        switch (c.endpoint()) {
          case DNS -> null;
          case CLOSED_PORT -> "127.0.0.1:" + Azurite.closedPort();
          case SILENT_SERVER -> "127.0.0.1:" + silent.getLocalPort();
          case AZURITE -> "127.0.0.1:" + Azurite.get().port();
        };
    if (endpoint != null) {
      args.addAll(List.of("--conf", "spark.hadoop.fs.azure.abfs.endpoint=" + endpoint));
    }
    args.addAll(c.extra());

    long start = System.nanoTime();
    Result r = SecretsAdversarialTest.cli(args.toArray(String[]::new));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(3, r.code(), r.out() + r.err());
    assertTrue(took.compareTo(BOUND) < 0, "took " + took);
    List<String> lines = r.err().lines().filter(l -> l.startsWith("assay:")).toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(
        lines.get(0).startsWith("assay: run failed: reading data.current (" + uri + ")"), r.err());
    assertTrue(lines.get(0).contains(c.says()), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertFalse((r.out() + r.err()).contains(c.key()), r.out() + r.err());
    assertFalse(Files.exists(out.resolve("report.html")), "no report for a run that failed");
    System.out.println(c.name() + ": exit 3 in " + took.toMillis() + " ms: " + lines.get(0));
  }
}
