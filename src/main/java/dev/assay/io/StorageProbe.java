package dev.assay.io;

import dev.assay.core.BadInputException;
import dev.assay.core.RunFailedException;
import java.io.FileNotFoundException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Asks remote storage for an input's status once, under a deadline, before Spark reads it: an
 * account that does not resolve, a port nobody listens on or a server that never answers then ends
 * the run with exit 3 naming the URI within the deadline, instead of Spark's own retries (and its
 * "Assume no metadata directory" second attempt) taking minutes. Local paths are not probed. A path
 * that does not exist is left to Spark's reader, which says so (exit 2). An {@code http(s)://} URL
 * (a SAS link, say) is bad input (exit 2): Hadoop's http file system cannot list, so Spark cannot
 * read it.
 */
public final class StorageProbe {

  /** Without a setting, how long to wait for remote storage. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  /**
   * The Spark setting that changes the deadline, in seconds ({@code --conf
   * spark.assay.storage.deadline=60}).
   */
  public static final String DEADLINE_SETTING = "spark.assay.storage.deadline";

  private static final Set<String> LOCAL = Set.of("", "file", "local");

  private StorageProbe() {}

  /**
   * Probes {@code uri} for the data role {@code role} with {@code conf}.
   *
   * @throws RunFailedException when the storage fails or does not answer within {@code deadline}
   */
  public static void probe(String role, String uri, Configuration conf, Duration deadline) {
    Path path = new Path(uri);
    String scheme =
        path.toUri().getScheme() == null ? "" : path.toUri().getScheme().toLowerCase(Locale.ROOT);
    if (LOCAL.contains(scheme)) {
      return;
    }
    if (scheme.equals("http") || scheme.equals("https")) {
      throw new BadInputException(
          "data."
              + role
              + " ("
              + uri
              + ") is a web URL: Spark reads data"
              + " through Hadoop file systems, and Hadoop's http(s) one cannot list files. For Azure Blob"
              + " Storage use abfss://CONTAINER@ACCOUNT.dfs.core.windows.net/PATH (credentials from"
              + " AZURE_STORAGE_CONNECTION_STRING or --conf, not in the URL), or download the file first.");
    }
    ExecutorService worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "assay-storage-probe");
              t.setDaemon(true); // a driver stuck in its own retries must not hold the JVM
              return t;
            });
    try {
      Future<?> status =
          worker.submit(
              () -> {
                FileSystem fs = path.getFileSystem(conf);
                if (hasGlob(uri)) {
                  fs.globStatus(path);
                } else {
                  fs.getFileStatus(path);
                }
                return null;
              });
      status.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RunFailedException(
          "reading data."
              + role
              + " ("
              + uri
              + ") failed: the storage did not"
              + " answer within "
              + deadline.toSeconds()
              + " s. Check the account name, the endpoint and"
              + " the network; --conf "
              + DEADLINE_SETTING
              + "=SECONDS waits longer.",
          e);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof FileNotFoundException)) {
        throw new RunFailedException(
            "reading data." + role + " (" + uri + ") failed: " + Failures.describe(e.getCause()),
            e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailedException("reading data." + role + " (" + uri + ") was interrupted.", e);
    } finally {
      worker.shutdownNow();
    }
  }

  private static boolean hasGlob(String uri) {
    return uri.indexOf('*') >= 0
        || uri.indexOf('?') >= 0
        || uri.indexOf('[') >= 0
        || uri.indexOf('{') >= 0;
  }
}
