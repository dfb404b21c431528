package dev.assay.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.assay.core.FileEvidence;
import dev.assay.publish.Azurite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The environment's Azure credentials become ABFS settings: the key under both DNS suffixes, the
 * emulator's endpoint mapping from a connection string's BlobEndpoint, nothing for a real endpoint,
 * settings already configured left alone, and the key never in {@code toString()}. The emulator
 * mapping is checked for real: FileHasher reads a blob from Azurite over abfs with only the
 * connection string.
 */
@ExtendWith(Azurite.class)
class AzureStorageSettingsTest {

  static Configuration empty() {
    return new Configuration(false);
  }

  @Test
  void anAccountAndKeyGiveTheKeyForBothEndpoints() {
    AzureStorageSettings s =
        AzureStorageSettings.fromEnvironment(
            Map.of("AZURE_STORAGE_ACCOUNT", "acct", "AZURE_STORAGE_ACCOUNT_KEY", "c2VjcmV0"));
    Configuration conf = empty();
    assertEquals(2, s.applyTo(conf));
    assertEquals("c2VjcmV0", conf.get("fs.azure.account.key.acct.dfs.core.windows.net"));
    assertEquals("c2VjcmV0", conf.get("fs.azure.account.key.acct.blob.core.windows.net"));
    assertFalse(s.toString().contains("c2VjcmV0"), s.toString());
    assertFalse(s.describe().contains("c2VjcmV0"), s.describe());
  }

  @Test
  void aRealConnectionStringGivesTheKeyAndNoEndpointMapping() {
    AzureStorageSettings s =
        AzureStorageSettings.fromEnvironment(
            Map.of(
                "AZURE_STORAGE_CONNECTION_STRING",
                "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net"));
    assertEquals(
        Set.of(
            "fs.azure.account.key.acct.dfs.core.windows.net",
            "fs.azure.account.key.acct.blob.core.windows.net"),
        s.names());
    assertFalse(s.toString().contains("c2VjcmV0"), s.toString());
  }

  @Test
  void theEmulatorConnectionStringPointsAbfsAtItsHostAndPort() {
    Configuration conf = empty();
    AzureStorageSettings.fromEnvironment(
            Map.of(
                "AZURE_STORAGE_CONNECTION_STRING",
                "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;"
                    + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"))
        .applyTo(conf);
    assertEquals("127.0.0.1:10000", conf.get("fs.azure.abfs.endpoint"));
    assertEquals("false", conf.get("fs.azure.always.use.https"));
    assertEquals("BLOB", conf.get("fs.azure.fns.account.service.type"));
    assertEquals("JDK_HTTP_URL_CONNECTION", conf.get("fs.azure.networking.library"));
  }

  @Test
  void settingsAlreadyConfiguredWinAndNoEnvironmentGivesNothing() {
    Configuration conf = empty();
    conf.set("fs.azure.account.key.acct.dfs.core.windows.net", "ZnJvbS1jb25m");
    AzureStorageSettings.fromEnvironment(
            Map.of("AZURE_STORAGE_ACCOUNT", "acct", "AZURE_STORAGE_KEY", "ZnJvbS1lbnY="))
        .applyTo(conf);
    assertEquals("ZnJvbS1jb25m", conf.get("fs.azure.account.key.acct.dfs.core.windows.net"));
    assertEquals("ZnJvbS1lbnY=", conf.get("fs.azure.account.key.acct.blob.core.windows.net"));
    Configuration none = empty();
    assertEquals(0, AzureStorageSettings.fromEnvironment(Map.of()).applyTo(none));
    assertNull(none.get("fs.azure.abfs.endpoint"));
  }

  @Test
  void theConnectionStringAloneLetsFileHasherReadABlobFromAzuriteOverAbfs() throws Exception {
    byte[] bytes = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    BlobContainerClient container =
        new BlobServiceClientBuilder()
            .connectionString(Azurite.get().connectionString())
            .buildClient()
            .getBlobContainerClient("hasher-inputs");
    container.createIfNotExists();
    container.getBlobClient("in/x.csv").upload(BinaryData.fromBytes(bytes), true);
    Configuration conf = new Configuration();
    AzureStorageSettings.fromEnvironment(
            Map.of("AZURE_STORAGE_CONNECTION_STRING", Azurite.get().connectionString()))
        .applyTo(conf);
    String uri = "abfs://hasher-inputs@" + Azurite.ACCOUNT + ".dfs.core.windows.net/in/x.csv";
    List<FileEvidence> files;
    try {
      files = new FileHasher(conf).evidence("data.current", uri);
    } finally {
      // hadoop-azure's threads would hold the JVM at exit (see DESIGN-NOTES): close what we opened.
      new org.apache.hadoop.fs.Path(uri).getFileSystem(conf).close();
    }
    assertEquals(1, files.size(), files.toString());
    assertEquals(uri, files.get(0).path());
    assertEquals(bytes.length, files.get(0).size());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
        files.get(0).sha256());
    assertTrue(files.get(0).modified().startsWith("20"), files.get(0).modified());
  }
}
