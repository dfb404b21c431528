package dev.assay.cli;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A location option that is either a local path or a URI ({@code --history abfss://...}, {@code
 * --sign azure-keyvault://...}, {@code delta:LOCATION}): a relative local path resolves against a
 * folder, anything with a scheme is left as it is.
 */
final class LocalLocation {

  private static final String DELTA = "delta:";
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

  private LocalLocation() {}

  static String resolve(Path base, String location) {
    if (location.startsWith(DELTA)) {
      return DELTA + resolve(base, location.substring(DELTA.length()));
    }
    if (location.isBlank() || SCHEME.matcher(location).find()) {
      return location;
    }
    return base.resolve(location).toString();
  }
}
