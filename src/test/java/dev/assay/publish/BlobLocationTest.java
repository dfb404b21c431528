package dev.assay.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import org.junit.jupiter.api.Test;

/**
 * The two --upload URI forms, the SAS kept apart and out of every string, and bad URIs (exit 2).
 */
class BlobLocationTest {

  @Test
  void azureHostStyle() {
    BlobLocation l =
        BlobLocation.parse("https://acct.blob.core.windows.net/reports/credit/2026-11-27");
    assertEquals(
        new BlobLocation(
            "https://acct.blob.core.windows.net", "acct", "reports", "credit/2026-11-27", null),
        l);
    assertEquals(
        "https://acct.blob.core.windows.net/reports/credit/2026-11-27/results.json",
        l.blobUrl("results.json"));
    assertEquals("credit/2026-11-27/results.json", l.blobName("results.json"));
  }

  @Test
  void emulatorPathStyleWithPortAndTrailingSlash() {
    BlobLocation l = BlobLocation.parse("http://127.0.0.1:10000/devstoreaccount1/reports/run-1/");
    assertEquals(
        new BlobLocation(
            "http://127.0.0.1:10000/devstoreaccount1",
            "devstoreaccount1",
            "reports",
            "run-1",
            null),
        l);
    assertEquals(
        "http://localhost:10000/devstoreaccount1",
        BlobLocation.parse("http://localhost:10000/devstoreaccount1/reports").endpoint());
    assertEquals(
        "http://azurite:10000/devstoreaccount1",
        BlobLocation.parse("http://azurite:10000/devstoreaccount1/reports").endpoint());
  }

  @Test
  void noPrefixPutsTheFilesAtTheContainerRoot() {
    BlobLocation l = BlobLocation.parse("https://acct.blob.core.windows.net/reports");
    assertEquals("", l.prefix());
    assertEquals("manifest.json", l.blobName("manifest.json"));
    assertEquals("https://acct.blob.core.windows.net/reports", l.redacted());
  }

  @Test
  void theSasTokenIsKeptApartAndNeverPrinted() {
    String sas = "sv=2021-08-06&se=2030-01-01T00%3A00%3A00Z&sr=c&sp=rcwd&sig=SECRETSIGNATURE%3D";
    BlobLocation l = BlobLocation.parse("https://acct.blob.core.windows.net/reports/p?" + sas);
    assertEquals(sas, l.sas());
    for (String shown :
        new String[] {l.toString(), l.redacted(), l.blobUrl("report.html"), l.containerUrl()}) {
      assertFalse(shown.contains("SECRETSIGNATURE"), shown);
    }
    assertTrue(l.toString().contains("with a SAS token"));
  }

  @Test
  void badUrisAreExitTwoAndNeverEchoTheQuery() {
    String[] bad = {
      "ftp://acct.blob.core.windows.net/reports",
      "http://acct.blob.core.windows.net/reports?sig=SECRETSIGNATURE",
      "https://acct.blob.core.windows.net/",
      "https://acct.blob.core.windows.net/Reports_Upper/p",
      "https://acct.blob.core.windows.net/reports/a//b",
      "https://acct.blob.core.windows.net/reports/../b",
      "https://acct.blob.core.windows.net/reports/p?foo=SECRETSIGNATURE",
      "http://127.0.0.1:10000/",
      "https://user:SECRETSIGNATURE@acct.blob.core.windows.net/reports",
      "not a uri at all ?sig=SECRETSIGNATURE",
    };
    for (String uri : bad) {
      BadInputException e =
          assertThrows(BadInputException.class, () -> BlobLocation.parse(uri), uri);
      assertEquals(2, e.exitCode());
      assertTrue(e.getMessage().startsWith("--upload "), e.getMessage());
      assertFalse(e.getMessage().contains("SECRETSIGNATURE"), e.getMessage());
    }
  }

  @Test
  void withoutQueryThereIsNoSas() {
    assertNull(BlobLocation.parse("https://acct.blob.core.windows.net/reports/p").sas());
  }
}
