package dev.assay.cli;

import dev.assay.core.SafeText;

/**
 * Every line the CLI prints that can carry a value from the data, a spec, a rule pack or a manifest
 * (audit and group names, rule messages, notes, paths) goes through here: one line per call, with
 * control, bidi-override and line-separator characters shown as visible escapes ({@link SafeText}),
 * so no value can forge a line such as {@code Gate open: exit 0.} in a CI log or recolour the
 * terminal.
 */
final class Console {

  private Console() {}

  /** Prints one escaped line on standard output. */
  static void out(String line) {
    System.out.println(SafeText.line(line));
  }

  /** Prints one escaped line on standard error. */
  static void err(String line) {
    System.err.println(SafeText.line(line));
  }
}
