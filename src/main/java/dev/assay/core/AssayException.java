package dev.assay.core;

/**
 * The one unchecked exception family of Assay. Each subtype maps to one exit code of the contract,
 * so the cli can turn any failure into the right exit status and a single clear message (what
 * failed, where, and what to do) without a stack trace.
 */
public abstract sealed class AssayException extends RuntimeException
    permits BadInputException, RunFailedException {

  protected AssayException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code the contract assigns to this kind of failure. */
  public abstract int exitCode();
}
