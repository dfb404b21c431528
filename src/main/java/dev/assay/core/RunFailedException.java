package dev.assay.core;

/** The run itself failed (a Spark job failure, storage unreachable): exit code 3. */
public final class RunFailedException extends AssayException {

  public RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return 3;
  }
}
