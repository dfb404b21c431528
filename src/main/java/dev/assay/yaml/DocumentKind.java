package dev.assay.yaml;

import java.util.List;

/**
 * What a document should be, so that a file that is plainly something else (a CSV, a password
 * file, another tool's config) gets one message saying so instead of a problem per line quoting
 * its content.
 *
 * @param name what the file is, for messages: "audit spec", "rule pack", ...
 * @param shape what it looks like, for the message: "a mapping with `pack:` and `rules:`"
 * @param keys its top-level keys; a mapping with none of them (nor a near miss) is not this kind
 */
public record DocumentKind(String name, String shape, List<String> keys) {

  public DocumentKind {
    keys = List.copyOf(keys);
  }

  /** {@code not an audit spec: expected a mapping with ...}, the article chosen from the name. */
  String notThis(String found) {
    String article = "aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ";
    return "not " + article + name + ": expected " + shape + ", found " + found;
  }
}
