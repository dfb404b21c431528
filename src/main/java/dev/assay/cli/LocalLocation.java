package dev.assay.cli;

import dev.assay.report.ManifestCheck;
import java.nio.file.Path;

/**
 * A location option that is either a local path or a URI ({@code --history abfss://...}, {@code
 * --sign azure-keyvault://...}, {@code delta:LOCATION}): a relative local path resolves against a
 * folder, anything with a scheme ({@link ManifestCheck#isUri}, as {@code verify} tells them) is
 * left as it is.
 */
final class LocalLocation {

  private static final String DELTA = "delta:";

  private LocalLocation() {}

  static String resolve(Path base, String location) {
    if (location.startsWith(DELTA)) {
      return DELTA + resolve(base, location.substring(DELTA.length()));
    }
    if (location.isBlank() || ManifestCheck.isUri(location)) {
      return location;
    }
    return base.resolve(location).toString();
  }
}
