package dev.assay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scrubber on each kind of secret, and on text that has none (which must come back as it was).
 */
class SecretsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "read https://a.blob.core.windows.net/c/x.csv?sv=1&sig=abc%3D failed|read https://a.blob.core.windows.net/c/x.csv?…redacted failed",
        "'https:/a.blob.core.windows.net/c/x.csv?sv=1&sig=abc' no such file|'https:/a.blob.core.windows.net/c/x.csv?…redacted' no such file",
        "https://user:pa55word@host.example/x|https://…redacted@host.example/x",
        "abfss://container@acct.dfs.core.windows.net/x.csv|abfss://container@acct.dfs.core.windows.net/x.csv",
        "AccountName=a;AccountKey=abc+def/ghi==;EndpointSuffix=core.windows.net|AccountName=a;AccountKey=…redacted;EndpointSuffix=core.windows.net",
        "Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=s3cr3tvalue|Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=…redacted",
        "Server=db;User Id=me;Password=hunter22;|Server=db;User Id=me;Password=…redacted;",
        "uid=me;pwd=hunter22|uid=me;pwd=…redacted",
        "exports/sig=abc/def+==/data.csv|exports/sig=…redacted",
        "Authorization: Bearer abcdefgh12345678|Authorization: Bearer …redacted",
        "key AKIAZ7Q3EXAMPLE4KEY9 leaked|key …redacted leaked",
        "t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln end|t=…redacted end",
      })
  void scrubsEachKind(String text, String expected) {
    assertEquals(expected, Secrets.scrub(text));
  }

  @Test
  void scrubsAWholePemBlockAndABareAccountKey() {
    String pem = "k: -----BEGIN RSA PRIVATE KEY-----\nMIIEbody\n-----END RSA PRIVATE KEY----- done";
    assertEquals("k: …redacted done", Secrets.scrub(pem));
    String key = "A".repeat(40) + "b".repeat(46) + "==";
    assertEquals("owner …redacted", Secrets.scrub("owner " + key));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Assay audit 'credit': FAIL (3 rule verdicts, 1 blocking, 0 warnings)",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "demographic_parity_ratio >= 0.8 for grp=A",
        "token F1 0.73; tokens: 12",
        "≥ 0.8 — ok"
      })
  void leavesTextWithoutSecretsAlone(String text) {
    assertSame(text, Secrets.scrub(text));
    assertFalse(Secrets.holdsSecret(text));
  }

  @Test
  void scrubsRememberedValuesAndIsIdempotent() {
    Secrets.rememberSettings(
        java.util.Map.of(
            "spark.hadoop.fs.azure.account.oauth2.client.secret",
            "s3cr3t-remembered",
            "spark.sql.shuffle.partitions",
            "8888888888"));
    assertEquals("echo …redacted", Secrets.scrub("echo s3cr3t-remembered"));
    assertEquals("8888888888", Secrets.scrub("8888888888"));
    String once = Secrets.scrub("https://a/b?sig=x and AccountKey=abcdefghijklmnopqrstuvwxyz==");
    assertEquals(once, Secrets.scrub(once));
    assertTrue(Secrets.holdsSecret("https://a/b?sig=x"));
  }
}
