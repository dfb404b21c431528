package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun.Result;
import dev.assay.SpecFiles;
import dev.assay.publish.Azurite;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec whose {@code data.current.path} is an {@code abfs://} URI, end to end against a real
 * Azurite: Spark reads the CSV through hadoop-azure, the verdict is the one the data gives, and
 * manifest.json lists the abfs input with its size and SHA-256. Unreachable storage is exit 3 with
 * a message, and the account key appears in nothing printed or written.
 */
@ExtendWith(Azurite.class)
class AbfsInputTest {

  static final String CONTAINER = "audit-inputs";
  static final String BLOB = "credit/2026-11/data.csv";
  static final String URI =
      "abfs://" + CONTAINER + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/" + BLOB;

  /** Another container name: a separate cached FileSystem, pointed at a port nothing listens on. */
  static final String GONE = "abfs://gone@" + Azurite.ACCOUNT + ".dfs.core.windows.net/" + BLOB;

  static byte[] csv;

  @TempDir Path dir;

  @BeforeAll
  static void upload() {
    SharedSpark.get();
    // Group A approved 20/40, group B 10/40: impact ratio 0.5 < 0.8, so the gate closes (exit 1).
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
    BlobContainerClient container =
        new BlobServiceClientBuilder()
            .connectionString(Azurite.get().connectionString())
            .buildClient()
            .getBlobContainerClient(CONTAINER);
    container.createIfNotExists();
    container.getBlobClient(BLOB).upload(BinaryData.fromBytes(csv), true);
  }

  /**
   * hadoop-azure's threads would hold the JVM at exit (see DESIGN-NOTES): close what the runs
   * opened.
   */
  @AfterAll
  static void closeFileSystems() throws IOException {
    for (String uri : List.of(URI, GONE)) {
      new org.apache.hadoop.fs.Path(uri)
          .getFileSystem(SharedSpark.get().sparkContext().hadoopConfiguration())
          .close();
    }
  }

  Path spec(String path) throws IOException {
    return SpecFiles.fourFifths(dir.resolve("audit.yaml"), "abfs-audit", path);
  }

  /** The settings a user gives for the emulator: the account key and the endpoint mapping. */
  static List<String> azuriteConf(String hostPort) {
    return List.of(
        "--conf",
            "spark.hadoop.fs.azure.account.key."
                + Azurite.ACCOUNT
                + ".dfs.core.windows.net="
                + Azurite.KEY,
        "--conf", "spark.hadoop.fs.azure.abfs.endpoint=" + hostPort,
        "--conf", "spark.hadoop.fs.azure.always.use.https=false",
        "--conf", "spark.hadoop.fs.azure.account.hns.enabled=false",
        "--conf", "spark.hadoop.fs.azure.fns.account.service.type=BLOB",
        "--conf", "spark.hadoop.fs.azure.networking.library=JDK_HTTP_URL_CONNECTION",
        "--conf", "spark.hadoop.fs.azure.io.retry.max.retries=1",
        "--conf", "spark.hadoop.fs.azure.io.retry.max.backoff.interval=100");
  }

  static Result run(Path spec, Path out, String hostPort) {
    List<String> args = new ArrayList<>(List.of("audit", spec.toString(), "--out", out.toString()));
    args.addAll(azuriteConf(hostPort));
    return AuditCommandTest.cli(args.toArray(String[]::new));
  }

  @Test
  void readsTheInputOverAbfsAndHashesItInTheManifest() throws Exception {
    Path out = dir.resolve("report");
    Result r = run(spec(URI), out, "127.0.0.1:" + Azurite.get().port());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("FAIL"), r.out());
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    JsonNode input = null;
    for (JsonNode f : manifest.path("inputs")) {
      if (f.path("role").asText().equals("data.current")) {
        input = f;
      }
    }
    assertTrue(input != null, manifest.toString());
    assertEquals(URI, input.path("path").asText(), input.toString());
    assertEquals(csv.length, input.path("size").asLong(), input.toString());
    assertEquals(sha256(csv), input.path("sha256").asText(), input.toString());
    assertNoKey(r, out);
  }

  @Test
  void unreachableStorageIsExitThreeWithoutTheKey() throws IOException {
    Path out = dir.resolve("report");
    String uri = GONE;
    Result r = run(spec(uri), out, "127.0.0.1:" + Azurite.closedPort());
    assertEquals(3, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith("assay: run failed: "), r.err());
    assertTrue(r.err().contains(uri), r.err());
    assertNoKey(r, out);
  }

  static void assertNoKey(Result r, Path out) throws IOException {
    String printed = r.out() + r.err();
    assertFalse(printed.contains(Azurite.KEY), printed);
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertFalse(
              Files.readString(f, StandardCharsets.UTF_8).contains(Azurite.KEY), f.toString());
        }
      }
    }
  }

  static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
