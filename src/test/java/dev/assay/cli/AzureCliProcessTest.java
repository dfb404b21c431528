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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI in its own JVM, credentials only from the environment: with
 * {@code AZURE_STORAGE_CONNECTION_STRING} set (and no {@code --conf}, no SAS), {@code assay audit}
 * reads its input over {@code abfs://} and uploads the report, and {@code assay verify URL}
 * re-checks the published copy and the abfs input; then the same over TLS, against an Azurite
 * serving HTTPS with a self-signed certificate (made by openssl in the test, trusted through a
 * temporary trust store given to the child JVM only): input over {@code abfss://}, upload over
 * {@code https://}. The account key appears in no output, no log line and no file written.
 */
@ExtendWith(Azurite.class)
class AzureCliProcessTest {

  static final String CONTAINER = "env-route";
  static final String BLOB = "inputs/current.csv";
  static byte[] csv;

  @TempDir
  static Path dir;

  record Run(int code, String out, String err) {
  }

  @BeforeAll
  static void data() {
    // Group A approved 20/40, group B 10/40: impact ratio 0.5 < 0.8, the gate closes (exit 1).
    List<String> lines = new ArrayList<>(List.of("id,grp,outcome,approved"));
    for (int i = 0; i < 80; i++) {
      lines.add(i + "," + (i < 40 ? "A" : "B") + "," + (i % 2) + "," + ((i % 40) < (i < 40 ? 20 : 10) ? 1 : 0));
    }
    csv = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static BlobContainerClient container(Azurite.Instance azurite, SSLContext tls) {
    BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
        .connectionString(azurite.connectionString());
    if (tls != null) {
      builder.httpClient(new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(tls)).build());
    }
    BlobContainerClient c = builder.buildClient().getBlobContainerClient(CONTAINER);
    c.createIfNotExists();
    c.getBlobClient(BLOB).upload(BinaryData.fromBytes(csv), true);
    return c;
  }

  static Path spec(Path folder, String input) throws IOException {
    Files.createDirectories(folder);
    Path spec = folder.resolve("audit.yaml");
    Files.writeString(spec, String.join("\n", "version: 1", "name: env-route", "data:",
        "  current: {path: '" + input + "'}", "columns:", "  label: outcome", "  prediction: approved",
        "  sensitive: [grp]", "rules: [" + Path.of("rules/eeoc-four-fifths.yaml").toAbsolutePath() + "]", ""));
    return spec;
  }

  /** Runs {@code assay ARGS} in a new JVM with the test's class path and only the given environment additions. */
  static Run cli(Path work, Map<String, String> env, List<String> jvm, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports")).forEach(command::add);
    command.add("-Xmx1g");
    command.addAll(jvm);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.assay.cli.Main");
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "stdout", ".txt");
    Path err = Files.createTempFile(work, "stderr", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().remove(dev.assay.publish.BlobPublisher.CONNECTION_STRING);
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("assay " + String.join(" ", args) + " did not finish in 240 s:\n"
          + Files.readString(err));
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The key in no output and in no file under {@code folder} (reports, specs, logs). */
  static void assertNoKey(Run r, Path folder) throws IOException {
    assertFalse((r.out() + r.err()).contains(Azurite.KEY), r.out() + r.err());
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(Azurite.KEY), f.toString());
      }
    }
  }

  /** Audit, upload and verify with the connection string of {@code azurite}; input at {@code input}. */
  static void auditUploadVerify(Azurite.Instance azurite, SSLContext tls, String input, Path work,
                                List<String> jvm) throws Exception {
    BlobContainerClient container = container(azurite, tls);
    Path out = work.resolve("report");
    String url = azurite.blobEndpoint() + "/" + CONTAINER + "/published";
    Map<String, String> env = Map.of(dev.assay.publish.BlobPublisher.CONNECTION_STRING,
        azurite.connectionString());
    Run audit = cli(work, env, jvm, "audit", spec(work, input).toString(), "--out", out.toString(),
        "--upload", url);
    assertEquals(1, audit.code(), audit.out() + audit.err());
    assertTrue(audit.out().contains("Uploaded: " + url + "/report.html (AZURE_STORAGE_CONNECTION_STRING)"),
        audit.out());
    for (String f : AuditCommandTest.OUTPUTS) {
      assertArrayEquals(Files.readAllBytes(out.resolve(f)),
          container.getBlobClient("published/" + f).downloadContent().toBytes(), f);
    }
    assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"path\": \"" + input + "\""),
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
    auditUploadVerify(Azurite.get(), null,
        "abfs://" + CONTAINER + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/" + BLOB, work, List.of());
  }

  @Test
  void abfssAndHttpsAgainstAzuriteWithASelfSignedCertificate() throws Exception {
    Path work = Files.createDirectories(dir.resolve("tls"));
    Path cert = work.resolve("cert.pem");
    Path key = work.resolve("key.pem");
    Process openssl;
    try {
      openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
          "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=127.0.0.1",
          "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true)
          .redirectOutput(work.resolve("openssl.log").toFile()).start();
    } catch (IOException e) {
      Assumptions.abort("openssl is not installed: cannot make the test certificate (" + e.getMessage() + ")");
      return;
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
    List<String> jvm = List.of("-Djavax.net.ssl.trustStore=" + trust,
        "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12");
    try (Azurite.Instance tls = Azurite.startTls(cert, key)) {
      assertTrue(tls.blobEndpoint().startsWith("https://127.0.0.1:"), tls.blobEndpoint());
      // this JVM trusts the certificate only in its own setup client; the CLI's JVM through the store
      TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trusted.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trusted.getTrustManagers(), null);
      auditUploadVerify(tls, context,
          "abfss://" + CONTAINER + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/" + BLOB, work, jvm);
    }
  }
}
