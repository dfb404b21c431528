package dev.assay.signing;

import dev.assay.core.RunFailedException;
import dev.assay.report.Manifest;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs the manifest.json of a written report folder and writes manifest.sig beside it atomically
 * (a hidden temporary file in the same folder, flushed, then renamed into place).
 */
public final class ManifestSigning {

  private ManifestSigning() {}

  /** Signs {@code folder}/manifest.json with {@code signer}; a write failure is exit 3. */
  public static SignatureFile signFolder(Path folder, ManifestSigner signer) {
    Path manifest = folder.resolve(Manifest.FILE_NAME);
    Path target = folder.resolve(SignatureFile.FILE_NAME);
    Path temp = folder.resolve("." + SignatureFile.FILE_NAME + "." + UUID.randomUUID() + ".tmp");
    try {
      SignatureFile sig = SignatureFile.sign(signer, Files.readAllBytes(manifest), Instant.now());
      Files.write(
          temp,
          sig.toJson(),
          java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE,
          java.nio.file.StandardOpenOption.SYNC);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return sig;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // best effort
      }
      throw new RunFailedException(
          "could not write " + target + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** Deletes a manifest.sig left by an earlier run, which the new manifest.json does not match. */
  public static void removeStale(Path folder) {
    try {
      Files.deleteIfExists(folder.resolve(SignatureFile.FILE_NAME));
    } catch (IOException e) {
      throw new RunFailedException(
          "could not delete the stale " + folder.resolve(SignatureFile.FILE_NAME), e);
    }
  }
}
