package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import dev.assay.CliRun.Result;
import dev.assay.SpecFiles;
import dev.assay.publish.Azurite;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay audit SPEC --upload URI} end to end against a real Azurite: the local report is
 * written first and uploaded byte for byte; unreachable storage is exit 3 with the local report
 * intact and no SAS signature in anything printed; a malformed URI is exit 2 before any Spark job.
 */
@ExtendWith(Azurite.class)
class UploadTest {

  static final String CONTAINER = "cli-reports";
  static BlobContainerClient container;
  static String sas;

  @TempDir Path dir;

  @BeforeAll
  static void setUp() {
    SharedSpark.get();
    container =
        new BlobServiceClientBuilder()
            .connectionString(Azurite.get().connectionString())
            .buildClient()
            .getBlobContainerClient(CONTAINER);
    container.createIfNotExists();
    sas =
        container.generateSas(
            new BlobServiceSasSignatureValues(
                OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission()
                    .setReadPermission(true)
                    .setCreatePermission(true)
                    .setWritePermission(true)
                    .setDeletePermission(true)));
  }

  /** Group A approved 20/40, group B 10/40: impact ratio 0.5 < 0.8, so the gate closes (exit 1). */
  Path spec() throws IOException {
    SpecFiles.groupsCsv(dir, 10);
    return SpecFiles.fourFifths(dir.resolve("audit.yaml"), "upload-audit", "data.csv");
  }

  @Test
  void uploadsTheLocalReportByteForByteAndKeepsTheGateExitCode() throws IOException {
    Path out = dir.resolve("report");
    String url = Azurite.get().blobEndpoint() + "/" + CONTAINER + "/credit/run-1";
    Result r =
        AuditCommandTest.cli(
            "audit", spec().toString(), "--out", out.toString(), "--upload", url + "?" + sas);
    assertEquals(1, r.code(), r.err());
    for (String file : AuditCommandTest.OUTPUTS) {
      assertArrayEquals(
          Files.readAllBytes(out.resolve(file)),
          container.getBlobClient("credit/run-1/" + file).downloadContent().toBytes(),
          file);
    }
    assertTrue(
        r.out().contains("Uploaded: " + url + "/report.html (the SAS token in the URI)"), r.out());
    assertTrue(r.out().trim().endsWith("Gate closed: exit 1."), r.out());
    assertFalse((r.out() + r.err()).contains("sig="), r.out() + r.err());
  }

  @Test
  void unreachableStorageIsExitThreeWithTheLocalReportWrittenAndNoSignatureShown()
      throws IOException {
    Path out = dir.resolve("report");
    String url =
        "http://127.0.0.1:" + Azurite.closedPort() + "/" + Azurite.ACCOUNT + "/" + CONTAINER + "/x";
    Result r =
        AuditCommandTest.cli(
            "audit", spec().toString(), "--out", out.toString(), "--upload", url + "?" + sas);
    assertEquals(3, r.code(), r.out() + r.err());
    for (String file : AuditCommandTest.OUTPUTS) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
    assertTrue(
        r.err().startsWith("assay: run failed: could not upload manifest.json to " + url), r.err());
    String printed = r.out() + r.err();
    assertFalse(printed.contains("sig="), printed);
    assertFalse(printed.contains(sas.substring(sas.indexOf("sig=") + 4)), printed);
    assertFalse(printed.contains("Gate closed"), "no gate line when the run failed: " + r.out());
  }

  @Test
  void aMalformedUploadUriIsExitTwoBeforeAnySparkJob() throws IOException {
    Path out = dir.resolve("report");
    Result r =
        AuditCommandTest.cli(
            "audit",
            spec().toString(),
            "--out",
            out.toString(),
            "--upload",
            "https://acct.blob.core.windows.net/Bad_Container/x?sv=1&sig=SECRETSIG");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("not a valid container name"), r.err());
    assertFalse(r.err().contains("SECRETSIG"), r.err());
    assertFalse(Files.exists(out), "nothing written");
  }
}
