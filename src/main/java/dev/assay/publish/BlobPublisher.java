package dev.assay.publish;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import dev.assay.core.RunFailedException;
import dev.assay.report.Manifest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes a report bundle to a folder of an Azure Blob Storage container ({@code --upload}), with
 * {@code azure-storage-blob} over the JDK's own HTTP client (no Netty: see docs/azure.md). The only
 * class of Assay that imports {@code com.azure}.
 *
 * <p><b>All or nothing from the reader's side.</b> A report folder counts as published when its
 * {@code manifest.json} exists; the manifest's hashes cover the other files. So: (1) an earlier
 * manifest.json at the same place is deleted first, so that it can never vouch for a mix of old and
 * new files; (2) report.html, junit.xml and summary.md are uploaded, then results.json, then
 * manifest.json last, each as one single-shot Put Blob (a blob is replaced whole or not at all),
 * with its content type, a Content-MD5 the service checks, and its SHA-256 as metadata; (3) if any
 * step fails, the files of this attempt are deleted again (best effort) and a {@link
 * RunFailedException} (exit 3) names the file and the reason.
 *
 * <p><b>Credentials</b>, first found wins: a SAS token in the URI's query; the environment variable
 * {@code AZURE_STORAGE_CONNECTION_STRING} (with {@code AccountKey} or {@code
 * SharedAccessSignature}); else {@code DefaultAzureCredential} (environment, workload or managed
 * identity, Azure CLI, ...), https only. No message this class makes contains the SAS token, the
 * account key or the connection string: each is replaced by {@code ***} in every message, and the
 * SDK's exceptions are summarised, never attached.
 */
public final class BlobPublisher implements Publisher {

  /** The environment variable read for a connection string. */
  public static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "json", "application/json",
          "xml", "application/xml",
          "md", "text/markdown");

  private final BlobLocation location;
  private final BlobContainerClient container;
  private final String credentialSource;
  private final List<String> secrets;

  private BlobPublisher(
      BlobLocation location,
      BlobContainerClient container,
      String credentialSource,
      List<String> secrets) {
    this.location = location;
    this.container = container;
    this.credentialSource = credentialSource;
    this.secrets = secrets;
  }

  /**
   * A publisher for {@code location}, with credentials chosen from the URI and {@code env} (the
   * process environment in the CLI). Makes no network call; a connection string that does not fit
   * the URI is a {@link BadInputException} (exit 2).
   */
  public static BlobPublisher connect(BlobLocation location, Map<String, String> env) {
    return connect(location, env, Retry.DEFAULT);
  }

  static BlobPublisher connect(BlobLocation location, Map<String, String> env, Retry retry) {
    BlobAccess access = BlobAccess.connect(location, env, retry, "--upload");
    return new BlobPublisher(location, access.container(), access.source(), access.secrets());
  }

  /** How the publisher authenticates, for the CLI's output (never the secret itself). */
  public String credentialSource() {
    return credentialSource;
  }

  public BlobLocation location() {
    return location;
  }

  @Override
  public URI publish(Map<String, byte[]> files) {
    Map<String, byte[]> ordered = DirectoryPublisher.inWriteOrder(files);
    List<String> attempted = new ArrayList<>();
    String step = Manifest.FILE_NAME;
    try {
      container.getBlobClient(location.blobName(Manifest.FILE_NAME)).deleteIfExists();
      for (Map.Entry<String, byte[]> file : ordered.entrySet()) {
        step = file.getKey();
        attempted.add(file.getKey());
        upload(file.getKey(), file.getValue());
      }
    } catch (RuntimeException e) {
      List<String> cleanUp = new ArrayList<>(attempted);
      Collections.reverse(cleanUp); // the manifest first: no manifest, no report
      deleteQuietly(cleanUp);
      throw new RunFailedException(
          redact(
              "could not upload "
                  + step
                  + " to "
                  + location.blobUrl(step)
                  + ": "
                  + describe(e)
                  + ". "
                  + advice(e)
                  + " The local report is complete; "
                  + location.redacted()
                  + " has no manifest.json of this run, so no reader takes it for a published report."),
          null);
    }
    return URI.create(location.redacted());
  }

  private void upload(String name, byte[] bytes) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("sha256", Manifest.sha256(bytes));
    BlobParallelUploadOptions options =
        new BlobParallelUploadOptions(BinaryData.fromBytes(bytes))
            .setHeaders(new BlobHttpHeaders().setContentType(contentType(name)))
            .setMetadata(metadata)
            .setComputeMd5(true);
    container
        .getBlobClient(location.blobName(name))
        .uploadWithResponse(options, null, Context.NONE);
  }

  /** The Content-Type of a report file, by its extension. */
  static String contentType(String name) {
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : CONTENT_TYPES.get(name.substring(dot + 1));
    return type == null ? "application/octet-stream" : type;
  }

  private void deleteQuietly(List<String> names) {
    for (String name : names) {
      try {
        container.getBlobClient(location.blobName(name)).deleteIfExists();
      } catch (RuntimeException ignored) {
        // best effort: the storage may be unreachable; without a manifest no reader trusts the rest
      }
    }
  }

  private String describe(RuntimeException e) {
    return BlobAccess.describe(e);
  }

  private String advice(RuntimeException e) {
    if (e instanceof BlobStorageException s) {
      return switch (s.getStatusCode()) {
        case 403 ->
            "The credentials ("
                + credentialSource
                + ") were refused: check that they are for"
                + " this account, not expired, and allow read, create, write and delete.";
        case 404 ->
            "Check that the container '"
                + location.container()
                + "' exists (Assay does not"
                + " create containers).";
        default -> "Check the storage account and try again.";
      };
    }
    return "Check the URL, the network and that the storage account is reachable, then try again.";
  }

  /** The message with every secret replaced by {@code ***}. */
  String redact(String message) {
    return new BlobAccess(container, credentialSource, secrets).redact(message);
  }

  /** {@code Key=Value;...} into a map; a value may itself contain '=' (base64 keys do). */
  static Map<String, String> connectionStringParts(String connectionString) {
    return BlobAccess.connectionStringParts(connectionString);
  }

  /** Retry settings: a few quick tries, so an unreachable store fails in seconds, not minutes. */
  record Retry(int tries, Duration delay, Duration maxDelay) {
    static final Retry DEFAULT = new Retry(3, Duration.ofMillis(500), Duration.ofSeconds(4));
  }
}
