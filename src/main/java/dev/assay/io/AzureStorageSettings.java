package dev.assay.io;

import dev.assay.core.Secrets;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop settings that let hadoop-azure's ABFS driver read {@code abfs://} and {@code abfss://}
 * inputs, taken from the environment: {@code AZURE_STORAGE_CONNECTION_STRING} (its {@code
 * AccountName}/{@code AccountKey}, and for the emulator its {@code BlobEndpoint}), or {@code
 * AZURE_STORAGE_ACCOUNT} with {@code AZURE_STORAGE_ACCOUNT_KEY} (or {@code AZURE_STORAGE_KEY}).
 * Settings already present in the Hadoop configuration (from {@code spark-defaults.conf}, {@code
 * core-site.xml} or {@code --conf spark.hadoop.*}) win. The key only ever goes into the Hadoop
 * configuration; {@link #toString()} and {@link #describe()} never show it.
 */
public final class AzureStorageSettings {

  /**
   * The DNS suffixes ABFS builds its key lookup from: {@code fs.azure.account.key.ACCOUNT.SUFFIX}.
   */
  private static final String[] SUFFIXES = {"dfs.core.windows.net", "blob.core.windows.net"};

  private final Map<String, String> settings;
  private final String source;

  private AzureStorageSettings(Map<String, String> settings, String source) {
    this.settings = settings;
    this.source = source;
  }

  /** The settings the environment {@code env} gives (none when no Azure variable is set). */
  public static AzureStorageSettings fromEnvironment(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    String connection = env.get("AZURE_STORAGE_CONNECTION_STRING");
    if (connection != null && !connection.isBlank()) {
      Map<String, String> parts = parse(connection);
      String account = parts.get("accountname");
      String key = parts.get("accountkey");
      if (account != null && key != null) {
        accountKey(out, account, key);
      }
      String endpoint = parts.get("blobendpoint");
      if (endpoint != null && account != null) {
        emulator(out, endpoint, account);
      }
      return new AzureStorageSettings(out, "AZURE_STORAGE_CONNECTION_STRING");
    }
    String account = env.get("AZURE_STORAGE_ACCOUNT");
    String key = env.getOrDefault("AZURE_STORAGE_ACCOUNT_KEY", env.get("AZURE_STORAGE_KEY"));
    if (account != null && !account.isBlank() && key != null && !key.isBlank()) {
      accountKey(out, account, key);
      return new AzureStorageSettings(out, "AZURE_STORAGE_ACCOUNT and its key");
    }
    return new AzureStorageSettings(out, "none");
  }

  /**
   * The settings that point ABFS at an emulator (Azurite) listening at {@code endpoint}, e.g.
   * {@code http://127.0.0.1:10000/devstoreaccount1}: ABFS then sends {@code
   * http://127.0.0.1:10000/ACCOUNT/CONTAINER/...} over plain HTTP to the Blob endpoint (Azurite has
   * no DFS endpoint and no hierarchical namespace). An {@code https://} endpoint (an emulator
   * started with a certificate) keeps ABFS on TLS. Nothing for a real {@code *.core.windows.net}
   * endpoint.
   */
  static void emulator(Map<String, String> out, String endpoint, String account) {
    URI uri = URI.create(endpoint);
    String host = uri.getHost();
    if (host == null
        || host.toLowerCase(Locale.ROOT).endsWith(".core.windows.net")
        || uri.getPort() < 0) {
      return;
    }
    out.put("fs.azure.abfs.endpoint", host + ":" + uri.getPort());
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      out.put("fs.azure.always.use.https", "false"); // an http emulator; https ones keep TLS
    }
    out.put("fs.azure.account.hns.enabled", "false");
    out.put("fs.azure.fns.account.service.type", "BLOB");
    out.put("fs.azure.networking.library", "JDK_HTTP_URL_CONNECTION");
  }

  private static void accountKey(Map<String, String> out, String account, String key) {
    Secrets.remember(key); // scrubbed from every message and output should anything echo it
    for (String suffix : SUFFIXES) {
      out.put("fs.azure.account.key." + account + "." + suffix, key);
    }
  }

  private static Map<String, String> parse(String connection) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : connection.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(
            part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
      }
    }
    return parts;
  }

  /** Sets each setting that {@code conf} does not already have; returns how many were set. */
  public int applyTo(Configuration conf) {
    int n = 0;
    for (Map.Entry<String, String> e : settings.entrySet()) {
      if (conf.get(e.getKey()) == null) {
        conf.set(e.getKey(), e.getValue());
        n++;
      }
    }
    return n;
  }

  /** The setting names (never the values), for tests and diagnostics. */
  public java.util.Set<String> names() {
    return settings.keySet();
  }

  /** Where the settings came from, without any secret. */
  public String describe() {
    return source;
  }

  @Override
  public String toString() {
    return "AzureStorageSettings[from " + source + ": " + settings.keySet() + "]";
  }
}
