package dev.assay.policy;

import java.util.List;

/**
 * A named, versioned-with-the-code set of rules, usually one regulation or one internal policy (for
 * example {@code eeoc-four-fifths}), read from one YAML file.
 *
 * @param name the pack's {@code pack} key
 * @param reference the regulation or document the pack implements; rules without their own
 *     reference cite it
 * @param source the file the pack was read from
 */
public record RulePack(
    String name, String title, String reference, List<Rule> rules, String source) {

  public RulePack {
    rules = List.copyOf(rules);
  }
}
