package dev.assay.policy;

import dev.assay.core.BadInputException;
import dev.assay.yaml.DocumentKind;
import dev.assay.yaml.YamlDocument;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The waivers of one run, read from the file given with {@code --waivers} (docs/contract.md §5):
 *
 * <pre>
 * waivers:
 *   - rule: eeoc-four-fifths
 *     attribute: race
 *     reason: "..."
 *     approved_by: "..."
 *     expires: 2027-06-30
 * </pre>
 *
 * @param source the file they were read from, or null for {@link #NONE}
 */
public record Waivers(String source, List<Waiver> entries) {

  /** No waivers: every failure stands. */
  public static final Waivers NONE = new Waivers(null, List.of());

  static final List<String> FILE_KEYS = List.of("waivers");
  static final List<String> WAIVER_KEYS =
      List.of("rule", "attribute", "group", "column", "class", "reason", "approved_by", "expires");

  /** What a waivers file looks like, for a file that is plainly something else. */
  static final DocumentKind KIND =
      new DocumentKind(
          "waivers file",
          "a YAML mapping with `waivers:`"
              + " listing the waivers (rule, reason, approved_by, expires)",
          FILE_KEYS);

  public Waivers {
    entries = List.copyOf(entries);
  }

  /**
   * Reads a waivers file.
   *
   * @throws BadInputException listing every problem, one per line, with {@code file:line}
   */
  public static Waivers load(Path file) {
    List<Problem> problems = new ArrayList<>();
    Waivers waivers = read(file, problems);
    PolicyValidator.byLine(problems, 0);
    if (!problems.isEmpty()) {
      throw RulePackLoader.failure("waivers file " + file, problems);
    }
    return waivers;
  }

  /**
   * Checks that every waiver names a rule of {@code ruleIds}: a waiver for a rule that no pack has
   * is a mistake (a typo, or a rule renamed) that would otherwise silently waive nothing.
   *
   * @throws BadInputException naming each such waiver's {@code file:line}
   */
  public void requireKnownRules(Set<String> ruleIds) {
    List<Problem> problems = unknownRules(ruleIds);
    if (!problems.isEmpty()) {
      throw RulePackLoader.failure("waivers file " + source, problems);
    }
  }

  /** A problem for every waiver whose rule is not in {@code ruleIds}. */
  List<Problem> unknownRules(Set<String> ruleIds) {
    List<Problem> problems = new ArrayList<>();
    for (Waiver waiver : entries) {
      if (!ruleIds.contains(waiver.rule())) {
        problems.add(
            new Problem(
                waiver.file(),
                waiver.line(),
                waiver.rule(),
                "the waiver names rule '"
                    + waiver.rule()
                    + "', which no rule pack of this run has (known rules: "
                    + ruleIds.stream().sorted().collect(Collectors.joining(", "))
                    + "); fix the rule id or remove the waiver"));
      }
    }
    return problems;
  }

  /** Reads a waivers file, recording every problem in {@code problems}. */
  static Waivers read(Path file, List<Problem> problems) {
    String source = file.toString();
    YamlDocument document = YamlMapping.read(file, KIND, problems);
    YamlMapping root = document == null ? null : YamlMapping.root(document, problems);
    return root == null ? new Waivers(source, List.of()) : read(root, problems);
  }

  /** Reads a parsed waivers file's top-level mapping. */
  static Waivers read(YamlMapping root, List<Problem> problems) {
    root.allowOnly(FILE_KEYS, "a waivers file");
    List<Waiver> waivers = new ArrayList<>();
    Object list = root.value("waivers");
    if (!root.has("waivers")) {
      root.problem(null, "missing required key 'waivers'; list the waivers under it");
    } else if (list != null && !(list instanceof List<?>)) {
      root.problem(
          "waivers",
          "'waivers' must be a list of waivers (lines starting with '- '), found "
              + YamlMapping.describe(list));
    } else if (list instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        Object item = items.get(i);
        String rule =
            item instanceof java.util.Map<?, ?> map && map.get("rule") instanceof String s
                ? s.trim()
                : null;
        YamlMapping entry = root.child(item, rule, "waiver " + (i + 1), "waivers", i);
        Waiver waiver = entry == null ? null : readWaiver(entry);
        if (waiver != null) {
          waivers.add(waiver);
        }
      }
    }
    return new Waivers(root.source(), waivers);
  }

  private static Waiver readWaiver(YamlMapping entry) {
    int before = entry.problemCount();
    entry.allowOnly(WAIVER_KEYS, "a waiver");
    String rule = entry.text("rule", true, "name the rule id it waives");
    String attribute = entry.text("attribute", false, null);
    String group = entry.text("group", false, null);
    String column = entry.text("column", false, null);
    String classLabel = entry.text("class", false, null);
    String reason = entry.text("reason", true, "say why the failure is accepted");
    String approvedBy = entry.text("approved_by", true, "name who approved the waiver");
    String expiresText = entry.text("expires", true, "give the last day it applies as YYYY-MM-DD");
    LocalDate expires = null;
    if (expiresText != null) {
      try {
        expires = LocalDate.parse(expiresText);
      } catch (DateTimeParseException e) {
        entry.problem(
            "expires",
            "expires: '"
                + expiresText
                + "' is not a date; write the last day "
                + "the waiver applies as YYYY-MM-DD, such as 2027-06-30");
      }
    }
    if (entry.problemCount() != before) {
      return null;
    }
    return new Waiver(
        rule,
        attribute,
        group,
        column,
        classLabel,
        reason,
        approvedBy,
        expires,
        entry.source(),
        entry.line(null));
  }
}
