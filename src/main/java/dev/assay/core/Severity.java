package dev.assay.core;

import java.util.Locale;

/** How much a failed rule matters: a failed BLOCKING rule closes the gate (exit 1). */
public enum Severity {
  BLOCKING,
  WARNING,
  INFO;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code blocking | warning | info}; null when the text is none of them. */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.id().equals(text)) {
        return s;
      }
    }
    return null;
  }
}
