package dev.assay.core;

/**
 * Bad usage or bad input (unreadable spec, missing file or column, wrong type, malformed YAML):
 * exit code 2. The message names the file, line or column and says what to do.
 */
public final class BadInputException extends AssayException {

  public BadInputException(String message) {
    super(message, null);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
