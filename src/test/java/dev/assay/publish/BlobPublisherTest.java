package dev.assay.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import dev.assay.core.BadInputException;
import dev.assay.core.RunFailedException;
import dev.assay.report.Manifest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link BlobPublisher} against a real Azurite: every blob reads back byte for byte with its
 * content type, the three kinds of credentials, re-publishing over an earlier report, and the
 * failures (unreachable storage, a blob that refuses the write half-way, a missing container),
 * which must leave no manifest.json behind and never show the key or the SAS signature.
 */
@ExtendWith(Azurite.class)
class BlobPublisherTest {

  static final String CONTAINER = "reports";
  static final BlobPublisher.Retry FAST =
      new BlobPublisher.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10));

  static BlobServiceClient service;

  @BeforeAll
  static void container() {
    service =
        new BlobServiceClientBuilder()
            .connectionString(Azurite.get().connectionString())
            .buildClient();
    service.getBlobContainerClient(CONTAINER).createIfNotExists();
  }

  /** The five report files with recognisable, distinct contents (including non-ASCII text). */
  static Map<String, byte[]> bundle(String tag) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "report.html",
        ("<!doctype html><title>Assay " + tag + " — résumé</title>")
            .getBytes(StandardCharsets.UTF_8));
    files.put("junit.xml", ("<testsuites name=\"" + tag + "\"/>").getBytes(StandardCharsets.UTF_8));
    files.put("summary.md", ("# Assay " + tag + "\n").getBytes(StandardCharsets.UTF_8));
    files.put("results.json", ("{\"run\":\"" + tag + "\"}").getBytes(StandardCharsets.UTF_8));
    files.put("manifest.json", ("{\"manifest\":\"" + tag + "\"}").getBytes(StandardCharsets.UTF_8));
    return files;
  }

  static String uniquePrefix() {
    return "audits/" + UUID.randomUUID();
  }

  static BlobLocation location(String prefix) {
    return BlobLocation.parse(Azurite.get().blobEndpoint() + "/" + CONTAINER + "/" + prefix);
  }

  static Map<String, String> env() {
    return Map.of(BlobPublisher.CONNECTION_STRING, Azurite.get().connectionString());
  }

  static List<String> names(String prefix) {
    return service
        .getBlobContainerClient(CONTAINER)
        .listBlobs(new ListBlobsOptions().setPrefix(prefix + "/"), null)
        .stream()
        .map(BlobItem::getName)
        .map(n -> n.substring(prefix.length() + 1))
        .sorted()
        .toList();
  }

  static void assertPublished(String prefix, Map<String, byte[]> files) {
    BlobContainerClient container = service.getBlobContainerClient(CONTAINER);
    assertEquals(files.keySet().stream().sorted().toList(), names(prefix));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      BlobClient blob = container.getBlobClient(prefix + "/" + file.getKey());
      assertArrayEquals(file.getValue(), blob.downloadContent().toBytes(), file.getKey());
      BlobProperties properties = blob.getProperties();
      assertEquals(
          BlobPublisher.contentType(file.getKey()), properties.getContentType(), file.getKey());
      assertEquals(
          Manifest.sha256(file.getValue()), properties.getMetadata().get("sha256"), file.getKey());
    }
  }

  @Test
  void uploadsEveryFileByteIdenticalWithItsContentType() {
    String prefix = uniquePrefix();
    BlobPublisher publisher = BlobPublisher.connect(location(prefix), env());
    assertEquals(BlobPublisher.CONNECTION_STRING, publisher.credentialSource());
    URI where = publisher.publish(bundle("one"));
    assertEquals(Azurite.get().blobEndpoint() + "/" + CONTAINER + "/" + prefix, where.toString());
    assertPublished(prefix, bundle("one"));
    BlobContainerClient container = service.getBlobContainerClient(CONTAINER);
    assertEquals(
        "text/html; charset=utf-8",
        container.getBlobClient(prefix + "/report.html").getProperties().getContentType());
    assertEquals(
        "application/json",
        container.getBlobClient(prefix + "/manifest.json").getProperties().getContentType());
    assertEquals(
        "application/xml",
        container.getBlobClient(prefix + "/junit.xml").getProperties().getContentType());
    assertEquals(
        "text/markdown",
        container.getBlobClient(prefix + "/summary.md").getProperties().getContentType());
  }

  @Test
  void manifestIsWrittenLastAndResultsJustBeforeIt() {
    String prefix = uniquePrefix();
    BlobPublisher.connect(location(prefix), env()).publish(bundle("order"));
    BlobContainerClient container = service.getBlobContainerClient(CONTAINER);
    OffsetDateTime manifest =
        container.getBlobClient(prefix + "/manifest.json").getProperties().getLastModified();
    OffsetDateTime results =
        container.getBlobClient(prefix + "/results.json").getProperties().getLastModified();
    // Last-Modified has one-second resolution: "not before" is what it can show.
    for (String other : List.of("report.html", "junit.xml", "summary.md", "results.json")) {
      assertFalse(
          container
              .getBlobClient(prefix + "/" + other)
              .getProperties()
              .getLastModified()
              .isAfter(manifest),
          other);
    }
    assertFalse(
        container
            .getBlobClient(prefix + "/report.html")
            .getProperties()
            .getLastModified()
            .isAfter(results));
  }

  @Test
  void aSasTokenInTheUriIsUsedAndNeverShown() {
    String prefix = uniquePrefix();
    String sas =
        containerSas(
            new BlobContainerSasPermission()
                .setReadPermission(true)
                .setCreatePermission(true)
                .setWritePermission(true)
                .setDeletePermission(true));
    BlobLocation location =
        BlobLocation.parse(
            Azurite.get().blobEndpoint() + "/" + CONTAINER + "/" + prefix + "?" + sas);
    BlobPublisher publisher = BlobPublisher.connect(location, Map.of());
    assertEquals("the SAS token in the URI", publisher.credentialSource());
    URI where = publisher.publish(bundle("sas"));
    assertFalse(where.toString().contains("sig="), where.toString());
    assertPublished(prefix, bundle("sas"));
  }

  @Test
  void aSasWithoutDeleteRightsFailsBeforeWritingAnything() {
    String prefix = uniquePrefix();
    BlobPublisher.connect(location(prefix), env()).publish(bundle("old"));
    String sas = containerSas(new BlobContainerSasPermission().setReadPermission(true));
    BlobLocation location =
        BlobLocation.parse(
            Azurite.get().blobEndpoint() + "/" + CONTAINER + "/" + prefix + "?" + sas);
    RunFailedException e =
        assertThrows(
            RunFailedException.class,
            () -> BlobPublisher.connect(location, Map.of(), FAST).publish(bundle("new")));
    assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
    assertNoSecret(e.getMessage(), sas);
    assertPublished(prefix, bundle("old")); // the earlier report is untouched
  }

  @Test
  void republishingReplacesTheEarlierReport() {
    String prefix = uniquePrefix();
    BlobPublisher.connect(location(prefix), env()).publish(bundle("first"));
    BlobPublisher.connect(location(prefix), env()).publish(bundle("second"));
    assertPublished(prefix, bundle("second"));
  }

  @Test
  void unreachableStorageFailsWithExitThreeAndNoSecretInTheMessage() {
    String cs =
        "DefaultEndpointsProtocol=http;AccountName="
            + Azurite.ACCOUNT
            + ";AccountKey="
            + Azurite.KEY
            + ";BlobEndpoint=http://127.0.0.1:"
            + Azurite.closedPort()
            + "/"
            + Azurite.ACCOUNT
            + ";";
    String prefix = uniquePrefix();
    BlobLocation location =
        BlobLocation.parse(
            "http://127.0.0.1:"
                + Azurite.closedPort()
                + "/"
                + Azurite.ACCOUNT
                + "/"
                + CONTAINER
                + "/"
                + prefix);
    long start = System.nanoTime();
    RunFailedException e =
        assertThrows(
            RunFailedException.class,
            () ->
                BlobPublisher.connect(location, Map.of(BlobPublisher.CONNECTION_STRING, cs))
                    .publish(bundle("x")));
    assertTrue(
        System.nanoTime() - start < Duration.ofSeconds(30).toNanos(),
        "fails in seconds, not minutes");
    assertEquals(3, e.exitCode());
    assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
    assertTrue(e.getMessage().contains("reachable"), e.getMessage());
    assertNoSecret(e.getMessage(), cs);
    assertEquals(List.of(), names(prefix)); // nothing anywhere under that prefix
  }

  @Test
  void aWriteRefusedHalfWayLeavesNoManifestAndRemovesTheFilesOfThisAttempt() {
    String prefix = uniquePrefix();
    BlobPublisher.connect(location(prefix), env()).publish(bundle("old"));
    // A lease on results.json makes the service refuse to overwrite it (412 LeaseIdMissing):
    // report.html, junit.xml and summary.md are already written by then.
    BlobClient results =
        service.getBlobContainerClient(CONTAINER).getBlobClient(prefix + "/results.json");
    BlobLeaseClient lease = new BlobLeaseClientBuilder().blobClient(results).buildClient();
    lease.acquireLease(-1);
    try {
      RunFailedException e =
          assertThrows(
              RunFailedException.class,
              () -> BlobPublisher.connect(location(prefix), env(), FAST).publish(bundle("new")));
      assertTrue(
          e.getMessage().contains("results.json") && e.getMessage().contains("HTTP 412"),
          e.getMessage());
      assertNoSecret(e.getMessage(), Azurite.get().connectionString());
      // No manifest: a reader sees no published report (only the leased, old results.json is left).
      assertEquals(List.of("results.json"), names(prefix));
      assertArrayEquals(bundle("old").get("results.json"), results.downloadContent().toBytes());
    } finally {
      lease.releaseLease();
    }
  }

  @Test
  void aMissingContainerIsNamed() {
    BlobLocation location =
        BlobLocation.parse(Azurite.get().blobEndpoint() + "/no-such-container/x");
    RunFailedException e =
        assertThrows(
            RunFailedException.class,
            () -> BlobPublisher.connect(location, env(), FAST).publish(bundle("x")));
    assertTrue(
        e.getMessage().contains("HTTP 404")
            && e.getMessage().contains("'no-such-container' exists"),
        e.getMessage());
  }

  @Test
  void aConnectionStringForAnotherAccountIsBadInput() {
    String cs = "DefaultEndpointsProtocol=https;AccountName=other;AccountKey=" + Azurite.KEY;
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                BlobPublisher.connect(location("p"), Map.of(BlobPublisher.CONNECTION_STRING, cs)));
    assertTrue(
        e.getMessage().contains("'other'") && e.getMessage().contains("'devstoreaccount1'"),
        e.getMessage());
    assertNoSecret(e.getMessage(), cs);
  }

  @Test
  void theEmulatorWithoutCredentialsIsBadInput() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> BlobPublisher.connect(location("p"), Map.of()));
    assertTrue(e.getMessage().contains(BlobPublisher.CONNECTION_STRING), e.getMessage());
  }

  @Test
  void redactionCoversEncodedAndDecodedSignatures() {
    String sas = "sv=2021-08-06&se=2030-01-01&sr=c&sp=rcwd&sig=abc%2Bdef%3D";
    BlobPublisher publisher =
        BlobPublisher.connect(
            BlobLocation.parse("http://127.0.0.1:1/devstoreaccount1/reports/p?" + sas), Map.of());
    assertEquals("x *** y *** z ***", publisher.redact("x " + sas + " y abc%2Bdef%3D z abc+def="));
  }

  static void assertNoSecret(String message, String connectionStringOrSas) {
    assertFalse(message.contains(Azurite.KEY), message);
    assertFalse(message.contains(connectionStringOrSas), message);
    assertFalse(message.contains("sig="), message);
    assertFalse(message.contains("AccountKey"), message);
  }

  static String containerSas(BlobContainerSasPermission permission) {
    BlobContainerClient container = service.getBlobContainerClient(CONTAINER);
    return container.generateSas(
        new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1), permission));
  }
}
