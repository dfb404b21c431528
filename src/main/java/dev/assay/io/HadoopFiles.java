package dev.assay.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads input files recorded in a manifest as URIs ({@code abfs://}, {@code abfss://}, {@code
 * hdfs://}, ...) through Hadoop's FileSystem, for {@code assay verify}. Each open uses its own
 * FileSystem instance, closed with the stream, so no hadoop-azure thread outlives the check. For
 * Azure storage it first says whether the configuration has credentials for the account at all
 * ({@link #missingCredentials}), so a check without them is reported as not checked with that
 * reason instead of a slow failure.
 */
public final class HadoopFiles {

  private static final Set<String> AZURE = Set.of("abfs", "abfss", "wasb", "wasbs");

  private final Configuration conf;

  public HadoopFiles(Configuration conf) {
    this.conf = conf;
  }

  /**
   * Why {@code uri} cannot be read with this configuration, or null when it may be: an Azure
   * storage URI needs an account key ({@code fs.azure.account.key.HOST}) or an explicit {@code
   * fs.azure.account.auth.type} for its account.
   */
  public String missingCredentials(String uri) {
    URI u = URI.create(uri);
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!AZURE.contains(scheme)) {
      return null;
    }
    String host = u.getHost();
    if (host == null) {
      return "the URI names no storage account";
    }
    String account = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
    if (conf.get("fs.azure.account.key." + host) != null
        || conf.get("fs.azure.account.key") != null
        || conf.get("fs.azure.account.auth.type." + host) != null
        || conf.get("fs.azure.account.auth.type") != null
        || conf.get("fs.azure.sas.token.provider.type." + host) != null) {
      return null;
    }
    return "no credentials for the storage account "
        + account
        + ": set"
        + " AZURE_STORAGE_CONNECTION_STRING (or AZURE_STORAGE_ACCOUNT and AZURE_STORAGE_KEY), or"
        + " give --conf spark.hadoop.fs.azure.account.key."
        + host
        + "=KEY";
  }

  /** Opens {@code uri}; the stream's close also closes its FileSystem. */
  public InputStream open(String uri) throws IOException {
    Path path = new Path(URI.create(uri));
    FileSystem fs = FileSystem.newInstance(path.toUri(), conf);
    try {
      InputStream in = fs.open(path);
      return new FilterInputStream(in) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            fs.close();
          }
        }
      };
    } catch (IOException | RuntimeException e) {
      fs.close();
      throw e;
    }
  }
}
