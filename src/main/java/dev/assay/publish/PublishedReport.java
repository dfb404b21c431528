package dev.assay.publish;

import com.azure.storage.blob.models.BlobStorageException;
import dev.assay.core.BadInputException;
import dev.assay.core.RunFailedException;
import dev.assay.report.Manifest;
import dev.assay.report.ManifestCheck;
import java.io.ByteArrayInputStream;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * A report folder published with {@code --upload}, read back for {@code assay verify URL}: its
 * manifest.json and, one by one, the files the manifest lists, downloaded from the same blob folder
 * with the same credentials as {@code --upload} ({@link BlobAccess}). Nothing is written to disk;
 * no message contains a secret.
 */
public final class PublishedReport {

  /** How {@code assay verify} names itself in messages. */
  static final String OPTION = "assay verify";

  private final BlobLocation location;
  private final BlobAccess access;

  private PublishedReport(BlobLocation location, BlobAccess access) {
    this.location = location;
    this.access = access;
  }

  /** Whether {@code argument} is a URL (to verify a published copy) rather than a folder. */
  public static boolean isUrl(String argument) {
    String lower = argument.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  /**
   * The published report at {@code url} (the {@code --upload} forms), with credentials from the
   * URL's SAS token or {@code env}. Makes no network call; a malformed URL is exit 2.
   */
  public static PublishedReport at(String url, Map<String, String> env) {
    BlobLocation location = BlobLocation.parse(url, OPTION);
    return new PublishedReport(
        location, BlobAccess.connect(location, env, BlobPublisher.Retry.DEFAULT, OPTION));
  }

  /** The folder's URL without any SAS token (safe to print). */
  public String redacted() {
    return location.redacted();
  }

  /** How the reader authenticates, safe to print. */
  public String credentialSource() {
    return access.source();
  }

  /** The URL of the published manifest.json, safe to print. */
  public String manifestUrl() {
    return location.blobUrl(Manifest.FILE_NAME);
  }

  /**
   * Downloads manifest.json: none at the URL is a {@link BadInputException} (exit 2, nothing was
   * published there, or the upload did not finish), any other failure a {@link RunFailedException}
   * (exit 3) with the HTTP status or cause and no secret.
   */
  public byte[] manifest() {
    try {
      return download(Manifest.FILE_NAME);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          manifestUrl()
              + ": no manifest.json there, so there is nothing to"
              + " verify against. Give the folder URL that --upload printed (a report counts as"
              + " published only once its manifest.json is there).");
    } catch (RuntimeException e) {
      throw new RunFailedException(
          access.redact(
              "could not read "
                  + manifestUrl()
                  + " ("
                  + access.source()
                  + "): "
                  + BlobAccess.describe(e)
                  + ". Check the URL, the credentials and that the storage account is reachable."),
          null);
    }
  }

  /** The published files as a {@link ManifestCheck.Source}: a missing blob is a missing file. */
  public ManifestCheck.Source outputs() {
    return name -> {
      try {
        return new ByteArrayInputStream(download(name));
      } catch (RuntimeException e) {
        throw new java.io.IOException(access.redact(BlobAccess.describe(e)));
      }
    };
  }

  private byte[] download(String name) throws NoSuchFileException {
    try {
      return access.container().getBlobClient(location.blobName(name)).downloadContent().toBytes();
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        throw new NoSuchFileException(location.blobUrl(name));
      }
      throw e;
    }
  }
}
