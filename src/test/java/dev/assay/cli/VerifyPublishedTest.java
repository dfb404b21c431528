package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import dev.assay.CliRun.Result;
import dev.assay.publish.Azurite;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay verify URL} against a real Azurite: an audit reads its data over {@code abfs://} and
 * publishes with {@code --upload}; verify downloads the published files and checks them against the
 * published manifest, and re-hashes the abfs input through Hadoop when it has the credentials (else
 * lists it as not checked, with the reason). A changed or deleted published file, or a changed abfs
 * input, is exit 1; no manifest at the URL is exit 2; unreachable storage exit 3; no SAS signature
 * or account key is ever printed.
 */
@ExtendWith(Azurite.class)
class VerifyPublishedTest {

  static final String CONTAINER = "verify-reports";
  static final String INPUTS = "verify-inputs";
  static final String BLOB = "data/current.csv";
  static final String INPUT_URI =
      "abfs://" + INPUTS + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/" + BLOB;
  static BlobContainerClient reports;
  static BlobContainerClient inputs;
  static String sas;
  static byte[] csv;
  static Path local;

  @TempDir static Path dir;

  @BeforeAll
  static void auditAndPublish() throws IOException {
    SharedSpark.get();
    BlobServiceClientBuilder service =
        new BlobServiceClientBuilder().connectionString(Azurite.get().connectionString());
    reports = service.buildClient().getBlobContainerClient(CONTAINER);
    reports.createIfNotExists();
    inputs = service.buildClient().getBlobContainerClient(INPUTS);
    inputs.createIfNotExists();
    sas =
        reports.generateSas(
            new BlobServiceSasSignatureValues(
                OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission()
                    .setReadPermission(true)
                    .setCreatePermission(true)
                    .setWritePermission(true)
                    .setDeletePermission(true)));
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
    inputs.getBlobClient(BLOB).upload(BinaryData.fromBytes(csv), true);
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: verify-published",
            "data:",
            "  current: {path: '" + INPUT_URI + "'}",
            "columns:",
            "  label: outcome",
            "  prediction: approved",
            "  sensitive: [grp]",
            "rules: [rules/eeoc-four-fifths.yaml]",
            ""));
    local = dir.resolve("report");
    for (String prefix : List.of("run-1", "run-tampered", "run-deleted")) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "audit",
                  spec.toString(),
                  "--out",
                  dir.resolve(prefix).toString(),
                  "--upload",
                  folder(prefix) + "?" + sas));
      args.addAll(AbfsInputTest.azuriteConf(hostPort()));
      Result r = AuditCommandTest.cli(args.toArray(String[]::new));
      assertEquals(1, r.code(), r.out() + r.err());
    }
    local = dir.resolve("run-1");
  }

  @AfterAll
  static void closeFileSystems() throws IOException {
    new org.apache.hadoop.fs.Path(INPUT_URI)
        .getFileSystem(SharedSpark.get().sparkContext().hadoopConfiguration())
        .close();
  }

  static String hostPort() {
    return "127.0.0.1:" + Azurite.get().port();
  }

  static String folder(String prefix) {
    return Azurite.get().blobEndpoint() + "/" + CONTAINER + "/" + prefix;
  }

  static Result verify(String target, boolean withAbfsCredentials) {
    List<String> args = new ArrayList<>(List.of("verify", target));
    if (withAbfsCredentials) {
      // verify takes the same Hadoop settings as audit (spark.hadoop.* or bare)
      args.addAll(AbfsInputTest.azuriteConf(hostPort()));
    }
    Result r = AuditCommandTest.cli(args.toArray(String[]::new));
    String printed = r.out() + r.err();
    assertFalse(printed.contains(Azurite.KEY), printed);
    assertFalse(printed.contains(sas.substring(sas.indexOf("sig=") + 4)), printed);
    return r;
  }

  @Test
  void thePublishedCopyAndItsAbfsInputVerify() {
    Result r = verify(folder("run-1") + "?" + sas, true);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out().startsWith("Reading " + folder("run-1") + " (the SAS token in the URI)"), r.out());
    assertTrue(
        r.out()
            .contains(
                "Verifying "
                    + folder("run-1")
                    + "/manifest.json (audit 'verify-published', verdict FAIL"),
        r.out());
    for (String f : List.of("results.json", "report.html", "junit.xml", "summary.md")) {
      assertTrue(r.out().contains("  ok       output " + f), r.out());
    }
    assertTrue(r.out().contains("  ok       input data.current " + INPUT_URI), r.out());
    assertTrue(r.out().contains("Verified:"), r.out());
  }

  @Test
  void withoutAbfsCredentialsTheInputIsNotCheckedWithTheReason() {
    Result r = verify(folder("run-1") + "?" + sas, false);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "  skipped  input data.current "
                    + INPUT_URI
                    + ": no credentials for the storage account devstoreaccount1"),
        r.out());
    assertTrue(r.out().contains("  ok       output results.json"), r.out());
  }

  @Test
  void aLocalReportFolderReHashesItsAbfsInput() {
    Result r = verify(local.toString(), true);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("  ok       input data.current " + INPUT_URI), r.out());
  }

  @Test
  void aChangedOrDeletedPublishedFileIsExitOne() {
    reports
        .getBlobClient("run-tampered/results.json")
        .upload(BinaryData.fromString("{\"verdict\": \"PASS\"}"), true);
    Result changed = verify(folder("run-tampered") + "?" + sas, false);
    assertEquals(1, changed.code(), changed.out() + changed.err());
    assertTrue(
        changed.out().contains("  CHANGED  output results.json: sha256 recorded "), changed.out());
    assertTrue(changed.out().contains("  ok       output report.html"), changed.out());
    reports.getBlobClient("run-deleted/report.html").delete();
    Result deleted = verify(folder("run-deleted") + "?" + sas, false);
    assertEquals(1, deleted.code(), deleted.out() + deleted.err());
    assertTrue(
        deleted.out().contains("  MISSING  output report.html: the file is gone"), deleted.out());
  }

  @Test
  void aChangedAbfsInputIsExitOne() {
    try {
      inputs
          .getBlobClient(BLOB)
          .upload(BinaryData.fromString("id,grp,outcome,approved\n0,A,1,1\n"), true);
      Result r = verify(folder("run-1") + "?" + sas, true);
      assertEquals(1, r.code(), r.out() + r.err());
      assertTrue(r.out().contains("  CHANGED  input data.current " + INPUT_URI), r.out());
      assertTrue(r.out().contains("  ok       output results.json"), r.out());
    } finally {
      inputs.getBlobClient(BLOB).upload(BinaryData.fromBytes(csv), true);
    }
  }

  @Test
  void noManifestIsExitTwoAndUnreachableStorageExitThree() {
    Result none = verify(folder("never-published") + "?" + sas, false);
    assertEquals(2, none.code(), none.out() + none.err());
    assertTrue(
        none.err().contains(folder("never-published") + "/manifest.json: no manifest.json there"),
        none.err());
    String gone =
        "http://127.0.0.1:"
            + Azurite.closedPort()
            + "/"
            + Azurite.ACCOUNT
            + "/"
            + CONTAINER
            + "/run-1";
    Result unreachable = verify(gone + "?" + sas, false);
    assertEquals(3, unreachable.code(), unreachable.out() + unreachable.err());
    assertTrue(
        unreachable
            .err()
            .startsWith("assay: run failed: could not read " + gone + "/manifest.json"),
        unreachable.err());
    Result bad =
        verify("https://acct.blob.core.windows.net/Bad_Container/x?sv=1&sig=SECRETSIG", false);
    assertEquals(2, bad.code());
    assertTrue(
        bad.err()
            .contains(
                "assay verify https://acct.blob.core.windows.net/Bad_Container/x?(SAS token hidden)"),
        bad.err());
    assertFalse(bad.err().contains("SECRETSIG"), bad.err());
  }
}
