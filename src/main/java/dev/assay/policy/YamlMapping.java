package dev.assay.policy;

import dev.assay.core.BadInputException;
import dev.assay.core.EditDistance;
import dev.assay.yaml.DocumentKind;
import dev.assay.yaml.InputFile;
import dev.assay.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of a parsed YAML file, read key by key. Unlike binding, which stops at the first
 * mistake, it records every problem (with {@code file:line} from {@link YamlDocument#at}) and goes
 * on, so that validation can report all of them at once.
 */
final class YamlMapping {

  private final YamlDocument document;
  private final Map<?, ?> values;
  private final Object[] path;
  private final String ruleId;
  private final List<Problem> problems;

  private YamlMapping(
      YamlDocument document,
      Map<?, ?> values,
      Object[] path,
      String ruleId,
      List<Problem> problems) {
    this.document = document;
    this.values = values;
    this.path = path;
    this.ruleId = ruleId;
    this.problems = problems;
  }

  /**
   * The top-level mapping of {@code document}, or null (with the problem recorded) when it cannot
   * be read.
   */
  static YamlMapping root(YamlDocument document, List<Problem> problems) {
    try {
      return new YamlMapping(document, document.bind(Map.class), new Object[0], null, problems);
    } catch (BadInputException e) {
      problems.add(problemOf(e, document.source()));
      return null;
    }
  }

  /**
   * Parses a file's text; null (with the problem recorded) when it is not well-formed YAML. An
   * unquoted condition such as {@code must: >= 0.8} is a YAML syntax error (a leading {@code >}
   * starts a folded block), so the message then says to quote it.
   */
  static YamlDocument parse(String source, String text, DocumentKind kind, List<Problem> problems) {
    try {
      return YamlDocument.parse(source, text, kind);
    } catch (BadInputException e) {
      Problem problem = problemOf(e, source);
      if (problem.line() > 0) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = Math.max(0, problem.line() - 2);
            i < Math.min(lines.length, problem.line() + 1);
            i++) {
          if (lines[i].matches("\\s*-?\\s*must:\\s*[>|].*")) {
            String condition = lines[i].substring(lines[i].indexOf("must:") + 5).trim();
            problem =
                new Problem(
                    source,
                    i + 1,
                    null,
                    "the condition '"
                        + condition
                        + "' must be "
                        + "quoted, because YAML reads a leading > or | as a block; write must: \""
                        + condition
                        + "\"");
            break;
          }
        }
      }
      problems.add(problem);
      return null;
    }
  }

  /**
   * Reads and parses {@code file} strictly as a document of {@code kind} (size limit, UTF-8,
   * duplicate keys: see {@link YamlDocument#read}); null, with the problem recorded, when it
   * cannot.
   */
  static YamlDocument read(Path file, DocumentKind kind, List<Problem> problems) {
    String text;
    try {
      text = InputFile.read(file, kind.name(), InputFile.MAX_DOCUMENT_BYTES);
    } catch (BadInputException e) {
      problems.add(problemOf(e, file.toString()));
      return null;
    }
    return parse(file.toString(), text, kind, problems);
  }

  /** Splits a {@code file:line: message} from YamlDocument into a problem. */
  static Problem problemOf(BadInputException e, String source) {
    String message = e.getMessage();
    Matcher located =
        Pattern.compile("^" + Pattern.quote(source) + "(?::(\\d+))?: ").matcher(message);
    if (located.find()) {
      return new Problem(
          source,
          located.group(1) == null ? 0 : Integer.parseInt(located.group(1)),
          null,
          message.substring(located.end()));
    }
    return new Problem(source, 0, null, message);
  }

  /**
   * {@code value}, found at the key path {@code steps} below this mapping, as a mapping; null (with
   * the problem recorded) when it is not one.
   */
  YamlMapping child(Object value, String childRuleId, String what, Object... steps) {
    Object[] childPath = Arrays.copyOf(path, path.length + steps.length);
    System.arraycopy(steps, 0, childPath, path.length, steps.length);
    if (value instanceof Map<?, ?> map) {
      return new YamlMapping(document, map, childPath, childRuleId, problems);
    }
    problems.add(
        new Problem(
            document.source(),
            document.line(childPath),
            childRuleId,
            what + " must be a mapping of " + "key: value lines, found " + describe(value)));
    return null;
  }

  /** Records a problem for every key not in {@code allowed}, with the nearest allowed key. */
  void allowOnly(List<String> allowed, String what) {
    for (Object key : values.keySet()) {
      String name = String.valueOf(key);
      if (!allowed.contains(name)) {
        String nearest =
            allowed.stream()
                .min(Comparator.comparingInt((String k) -> EditDistance.between(name, k)))
                .orElse("");
        boolean close = EditDistance.between(name, nearest) <= Math.max(2, nearest.length() / 3);
        problem(
            name,
            "unknown key '"
                + name
                + "' in "
                + what
                + (close ? "; did you mean '" + nearest + "'?" : "")
                + " The keys allowed here are: "
                + String.join(", ", allowed)
                + ". Fix the spelling or remove the key.");
      }
    }
  }

  /** How many problems have been recorded so far (in the whole file). */
  int problemCount() {
    return problems.size();
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  Object value(String key) {
    return values.get(key);
  }

  /**
   * The key's value as text, or null. A missing or empty {@code required} key, and a list or
   * mapping where a single value belongs, are recorded as problems.
   */
  String text(String key, boolean required, String hint) {
    Object value = values.get(key);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        problem(
            values.containsKey(key) ? key : null,
            (values.containsKey(key)
                    ? "key '" + key + "' has no value"
                    : "missing required key '" + key + "'")
                + (hint == null ? "" : "; " + hint));
      }
      return null;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      problem(key, "'" + key + "' must be a single value, found " + describe(value));
      return null;
    }
    return String.valueOf(value).trim();
  }

  /** Records a problem at the line of {@code key} (the mapping's own line when key is null). */
  void problem(String key, String message) {
    problems.add(new Problem(document.source(), line(key), ruleId, message));
  }

  /** The line of {@code key}, or of this mapping when key is null. */
  int line(String key) {
    if (key == null) {
      return document.line(path);
    }
    Object[] keyPath = Arrays.copyOf(path, path.length + 1);
    keyPath[path.length] = key;
    return document.line(keyPath);
  }

  /** {@code file:line} of {@code key}, or of this mapping when key is null. */
  String at(String key) {
    return document.source() + ":" + line(key);
  }

  String source() {
    return document.source();
  }

  static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return "'" + value + "'";
  }
}
