package dev.assay.yaml;

import java.util.List;

/**
 * What a document should be, so that a file that is plainly something else (a CSV, a password file,
 * another tool's config) gets one message saying so instead of a problem per line quoting its
 * content.
 *
 * @param name what the file is, for messages: "audit spec", "rule pack", ...
 * @param shape what it looks like, for the message: "a mapping with `pack:` and `rules:`"
 * @param markers top-level keys of which every document of this kind has at least one (a key it
 *     requires); a mapping with none of them, nor a near miss of one (a typo), is not this kind.
 *     Keys that other files commonly have too ({@code name}, {@code model}, {@code title}) are no
 *     markers.
 */
public record DocumentKind(String name, String shape, List<String> markers) {

  public DocumentKind {
    markers = List.copyOf(markers);
  }

  /** {@code not an audit spec: expected a mapping with ...}, the article chosen from the name. */
  String notThis(String found) {
    String article = "aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ";
    return "not " + article + name + ": expected " + shape + ", found " + found;
  }
}
