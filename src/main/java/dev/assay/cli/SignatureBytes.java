package dev.assay.cli;

import dev.assay.core.RunFailedException;
import dev.assay.report.ManifestCheck;
import dev.assay.signing.SignatureFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

/** Reads manifest.sig from a report folder or a published copy; null when there is none. */
final class SignatureBytes {

  /** A signature file is a few hundred bytes; anything far larger is not one. */
  private static final int LIMIT = 64 * 1024;

  private SignatureBytes() {}

  static byte[] of(ManifestCheck.Source files) {
    try (InputStream in = files.open(SignatureFile.FILE_NAME)) {
      return in.readNBytes(LIMIT);
    } catch (NoSuchFileException | FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new RunFailedException(
          "could not read " + SignatureFile.FILE_NAME + ": " + e.getMessage(), e);
    }
  }
}
