package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.assay.publish.Azurite;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI in its own JVM, credentials only from the environment: with {@code
 * AZURE_STORAGE_CONNECTION_STRING} set (and no {@code --conf}, no SAS), {@code assay audit} reads
 * its input over {@code abfs://} and uploads the report, and {@code assay verify URL} re-checks the
 * published copy and the abfs input; then the same over TLS, against an Azurite serving HTTPS with
 * a self-signed certificate (made by openssl in the test, trusted through a temporary trust store
 * given to the child JVM only): input over {@code abfss://}, upload over {@code https://}. The
 * account key appears in no output, no log line and no file written. Last, DefaultAzureCredential
 * over TLS with a stand-in {@code az} as the identity provider.
 */
@Tag("slow")
@ExtendWith(Azurite.class)
class AzureCliProcessTest {

  static final String CONTAINER = "env-route";
  static final String BLOB = "inputs/current.csv";
  static byte[] csv;

  @TempDir static Path dir;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void data() {
    // Group A approved 20/40, group B 10/40: impact ratio 0.5 < 0.8, the gate closes (exit 1).
    List<String> lines = new ArrayList<>(List.of("id,grp,outcome,approved"));
    for (int i = 0; i < 80; i++) {
      lines.add(
          i
              + ","
              + (i < 40 ? "A" : "B")
              + ","
              + (i % 2)
              + ","
              + ((i % 40) < (i < 40 ? 20 : 10) ? 1 : 0));
    }
    csv = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static BlobContainerClient container(Azurite.Instance azurite, SSLContext tls) {
    BlobServiceClientBuilder builder =
        new BlobServiceClientBuilder().connectionString(azurite.connectionString());
    if (tls != null) {
      builder.httpClient(
          new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(tls)).build());
    }
    BlobContainerClient c = builder.buildClient().getBlobContainerClient(CONTAINER);
    c.createIfNotExists();
    c.getBlobClient(BLOB).upload(BinaryData.fromBytes(csv), true);
    return c;
  }

  static Path spec(Path folder, String input) throws IOException {
    Files.createDirectories(folder);
    Path spec = folder.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: env-route",
            "data:",
            "  current: {path: '" + input + "'}",
            "columns:",
            "  label: outcome",
            "  prediction: approved",
            "  sensitive: [grp]",
            "rules: [" + Path.of("rules/eeoc-four-fifths.yaml").toAbsolutePath() + "]",
            ""));
    return spec;
  }

  /**
   * Runs {@code assay ARGS} in a new JVM with the test's class path and only the given environment
   * additions.
   */
  static Run cli(Path work, Map<String, String> env, List<String> jvm, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports"))
        .forEach(command::add);
    command.add("-Xmx1g");
    command.addAll(jvm);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.assay.cli.Main");
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "stdout", ".txt");
    Path err = Files.createTempFile(work, "stderr", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(new File(".").getAbsoluteFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().remove(dev.assay.publish.BlobPublisher.CONNECTION_STRING);
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(
          "assay "
              + String.join(" ", args)
              + " did not finish in 240 s:\n"
              + Files.readString(err));
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The key in no output and in no file under {@code folder} (reports, specs, logs). */
  static void assertNoKey(Run r, Path folder) throws IOException {
    assertFalse((r.out() + r.err()).contains(Azurite.KEY), r.out() + r.err());
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(
            new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(Azurite.KEY),
            f.toString());
      }
    }
  }

  /**
   * Audit, upload and verify with the connection string of {@code azurite}; input at {@code input}.
   */
  static void auditUploadVerify(
      Azurite.Instance azurite, SSLContext tls, String input, Path work, List<String> jvm)
      throws Exception {
    BlobContainerClient container = container(azurite, tls);
    Path out = work.resolve("report");
    String url = azurite.blobEndpoint() + "/" + CONTAINER + "/published";
    Map<String, String> env =
        Map.of(dev.assay.publish.BlobPublisher.CONNECTION_STRING, azurite.connectionString());
    Run audit =
        cli(
            work,
            env,
            jvm,
            "audit",
            spec(work, input).toString(),
            "--out",
            out.toString(),
            "--upload",
            url);
    assertEquals(1, audit.code(), audit.out() + audit.err());
    assertTrue(
        audit.out().contains("Uploaded: " + url + "/report.html (AZURE_STORAGE_CONNECTION_STRING)"),
        audit.out());
    for (String f : AuditCommandTest.OUTPUTS) {
      assertArrayEquals(
          Files.readAllBytes(out.resolve(f)),
          container.getBlobClient("published/" + f).downloadContent().toBytes(),
          f);
    }
    assertTrue(
        Files.readString(out.resolve("manifest.json")).contains("\"path\": \"" + input + "\""),
        Files.readString(out.resolve("manifest.json")));
    assertNoKey(audit, work);
    Run verify = cli(work, env, jvm, "verify", url);
    assertEquals(0, verify.code(), verify.out() + verify.err());
    assertTrue(verify.out().contains("  ok       input data.current " + input), verify.out());
    assertTrue(verify.out().contains("  ok       output results.json"), verify.out());
    assertNoKey(verify, work);
  }

  @Test
  void connectionStringInTheEnvironmentReadsAbfsUploadsAndVerifies() throws Exception {
    Path work = Files.createDirectories(dir.resolve("plain"));
    auditUploadVerify(
        Azurite.get(),
        null,
        "abfs://" + CONTAINER + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/" + BLOB,
        work,
        List.of());
  }

  /** A self-signed certificate for 127.0.0.1 (openssl), its key, and a trust store holding it. */
  record Tls(Path cert, Path key, Path trustStore, SSLContext context) {

    List<String> jvm() {
      return List.of(
          "-Djavax.net.ssl.trustStore=" + trustStore,
          "-Djavax.net.ssl.trustStorePassword=changeit",
          "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    static Tls make(Path work) throws Exception {
      Path cert = work.resolve("cert.pem");
      Path key = work.resolve("key.pem");
      Process openssl;
      try {
        openssl =
            new ProcessBuilder(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString(),
                    "-days",
                    "1",
                    "-subj",
                    "/CN=127.0.0.1",
                    "-addext",
                    "subjectAltName=IP:127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("openssl.log").toFile())
                .start();
      } catch (IOException e) {
        Assumptions.abort(
            "openssl is not installed: cannot make the test certificate (" + e.getMessage() + ")");
        return null;
      }
      assertEquals(0, openssl.waitFor(), Files.readString(work.resolve("openssl.log")));
      Path trust = work.resolve("trust.p12");
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      try (InputStream in = Files.newInputStream(cert)) {
        Certificate c = CertificateFactory.getInstance("X.509").generateCertificate(in);
        store.setCertificateEntry("azurite", c);
      }
      try (OutputStream o = Files.newOutputStream(trust)) {
        store.store(o, "changeit".toCharArray());
      }
      // this JVM trusts the certificate only in its own setup client; the CLI's JVM through the
      // store
      TrustManagerFactory trusted =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trusted.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trusted.getTrustManagers(), null);
      return new Tls(cert, key, trust, context);
    }
  }

  @Test
  void abfssAndHttpsAgainstAzuriteWithASelfSignedCertificate() throws Exception {
    Path work = Files.createDirectories(dir.resolve("tls"));
    Tls tls = Tls.make(work);
    try (Azurite.Instance azurite = Azurite.startTls(tls.cert(), tls.key())) {
      assertTrue(azurite.blobEndpoint().startsWith("https://127.0.0.1:"), azurite.blobEndpoint());
      auditUploadVerify(
          azurite,
          tls.context(),
          "abfss://" + CONTAINER + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/" + BLOB,
          work,
          tls.jvm());
    }
  }

  /**
   * No SAS and no connection string: {@code --upload https://…} and {@code verify} authenticate
   * with DefaultAzureCredential. Its chain ends at AzureCliCredential, which runs {@code az account
   * get-access-token}; the test puts a stand-in {@code az} first on the child's PATH that prints an
   * unsigned token for https://storage.azure.com, and Azurite started with {@code --oauth basic}
   * checks its issuer, audience and lifetime (not its signature). So the wiring is tested end to
   * end — credential chosen, token requested for the storage scope and sent as a bearer over TLS —
   * with only the identity provider stood in for.
   */
  @Test
  void defaultAzureCredentialUploadsAndVerifiesWithABearerToken() throws Exception {
    Path work = Files.createDirectories(dir.resolve("oauth"));
    Tls tls = Tls.make(work);
    long now = System.currentTimeMillis() / 1000;
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String token =
        b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(
                ("{\"aud\":\"https://storage.azure.com\","
                        + "\"iss\":\"https://sts.windows.net/00000000-0000-0000-0000-000000000000/\","
                        + "\"nbf\":"
                        + (now - 60)
                        + ",\"iat\":"
                        + (now - 60)
                        + ",\"exp\":"
                        + (now + 3600)
                        + ","
                        + "\"oid\":\"11111111-1111-1111-1111-111111111111\","
                        + "\"tid\":\"00000000-0000-0000-0000-000000000000\"}")
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString("not-signed".getBytes(StandardCharsets.UTF_8));
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path az = bin.resolve("az");
    Files.writeString(
        az,
        "#!/bin/sh\n"
            + "echo \"$@\" >> '"
            + work.resolve("az-calls.txt")
            + "'\n"
            + "cat <<'JSON'\n{\"accessToken\": \""
            + token
            + "\", \"expiresOn\": \""
            + java.time.LocalDateTime.now().plusHours(1).withNano(0).toString().replace('T', ' ')
            + ".000000\", \"expires_on\": "
            + (now + 3600)
            + ", \"tokenType\": \"Bearer\","
            + " \"subscription\": \"s\", \"tenant\": \"00000000-0000-0000-0000-000000000000\"}\nJSON\n");
    assertTrue(az.toFile().setExecutable(true));
    Path csvFile = work.resolve("data.csv");
    Files.write(csvFile, csv);
    // DefaultAzureCredential's documented selector: only the CLI link of the chain (this machine's
    // metadata endpoint answers the managed-identity probe with a 403, which ends the chain)
    Map<String, String> env =
        Map.of(
            "PATH",
            bin + File.pathSeparator + System.getenv("PATH"),
            "AZURE_TOKEN_CREDENTIALS",
            "AzureCliCredential");
    try (Azurite.Instance azurite = Azurite.startTls(tls.cert(), tls.key(), "--oauth", "basic")) {
      BlobContainerClient container = container(azurite, tls.context());
      String url = azurite.blobEndpoint() + "/" + CONTAINER + "/oauth";
      Path out = work.resolve("report");
      Run audit =
          cli(
              work,
              env,
              tls.jvm(),
              "audit",
              spec(work, csvFile.toString()).toString(),
              "--out",
              out.toString(),
              "--upload",
              url);
      assertEquals(1, audit.code(), audit.out() + audit.err());
      assertTrue(
          audit.out().contains("Uploaded: " + url + "/report.html (DefaultAzureCredential)"),
          audit.out());
      for (String f : AuditCommandTest.OUTPUTS) {
        assertArrayEquals(
            Files.readAllBytes(out.resolve(f)),
            container.getBlobClient("oauth/" + f).downloadContent().toBytes(),
            f);
      }
      assertTrue(
          Files.readString(work.resolve("az-calls.txt"))
              .contains(
                  "account get-access-token --output json --resource https://storage.azure.com"),
          Files.readString(work.resolve("az-calls.txt")));
      Run verify = cli(work, env, tls.jvm(), "verify", url);
      assertEquals(0, verify.code(), verify.out() + verify.err());
      assertTrue(
          verify.out().startsWith("Reading " + url + " (DefaultAzureCredential)"), verify.out());
      assertTrue(verify.out().contains("  ok       output results.json"), verify.out());
      String printed = audit.out() + audit.err() + verify.out() + verify.err();
      assertFalse(printed.contains(token), "the bearer token is not printed");
      assertFalse(printed.contains("WARN"), "no SDK or MSAL log line: " + printed);
    }
  }
}
