package dev.assay.policy;

import dev.assay.core.Severity;
import dev.assay.metrics.MetricCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one rule pack file (docs/contract.md §4) and records every problem in it instead of
 * stopping at the first, so that {@code assay rules validate} can list them all with {@code
 * file:line} and rule id. {@link RulePackLoader} and {@link PolicyValidator} are its callers.
 */
final class RulePackReader {

  static final List<String> PACK_KEYS = List.of("pack", "title", "reference", "rules");
  static final List<String> RULE_KEYS =
      List.of(
          "id",
          "title",
          "metric",
          "where",
          "must",
          "severity",
          "rationale",
          "reference",
          "min_count",
          "significance",
          "must_not_worsen_by",
          "anomaly",
          "chunks");
  static final List<String> ANOMALY_KEYS = List.of("relative_change", "stddevs", "last");
  static final List<String> WHERE_KEYS = List.of("attribute", "group", "column", "class");

  /** A rule id and the line of its {@code id} key, for the duplicate check across files. */
  record Declared(String id, int line) {}

  /**
   * What one file gave.
   *
   * @param pack the pack with every rule that was read without a problem; null when the file or its
   *     pack-level keys could not be read
   * @param declared every rule id in the file, also of rules with problems
   */
  record Reading(RulePack pack, List<Declared> declared, List<Problem> problems) {}

  private RulePackReader() {}

  /**
   * Reads a parsed file's top-level mapping as a rule pack; its problems are the ones recorded in
   * {@code problems}, the list the mapping was made with.
   */
  static Reading read(YamlMapping root, List<Problem> problems) {
    List<Declared> declared = new ArrayList<>();
    root.allowOnly(PACK_KEYS, "a rule pack");
    String name = root.text("pack", true, "name the pack, such as pack: eeoc-four-fifths");
    String title = root.text("title", false, null);
    String reference = root.text("reference", false, null);
    List<Rule> rules = new ArrayList<>();
    Object list = root.value("rules");
    if (list == null) {
      root.problem(
          root.has("rules") ? "rules" : null,
          root.has("rules")
              ? "'rules' is empty; list at least one rule under it"
              : "missing required key 'rules'; list the pack's rules under it");
    } else if (!(list instanceof List<?> items)) {
      root.problem(
          "rules",
          "'rules' must be a list of rules (lines starting with '- '), found "
              + YamlMapping.describe(list));
    } else {
      if (items.isEmpty()) {
        root.problem("rules", "'rules' is empty; list at least one rule under it");
      }
      for (int i = 0; i < items.size(); i++) {
        Object item = items.get(i);
        String id = idOf(item);
        YamlMapping rule = root.child(item, id, "rule " + (i + 1) + " of 'rules'", "rules", i);
        if (rule == null) {
          continue;
        }
        if (id != null) {
          declared.add(new Declared(id, rule.line("id")));
        }
        int before = problems.size();
        Rule parsed = readRule(rule, id, reference);
        if (parsed != null && problems.size() == before) {
          rules.add(parsed);
        }
      }
    }
    RulePack pack =
        name == null ? null : new RulePack(name, title, reference, rules, root.source());
    return new Reading(pack, declared, problems);
  }

  /** The rule's id when it has a single-valued, non-blank one, else null; for messages. */
  private static String idOf(Object item) {
    if (item instanceof Map<?, ?> map) {
      Object id = map.get("id");
      if (id != null
          && !(id instanceof Map<?, ?>)
          && !(id instanceof List<?>)
          && !String.valueOf(id).isBlank()) {
        return String.valueOf(id).trim();
      }
    }
    return null;
  }

  private static Rule readRule(YamlMapping rule, String id, String packReference) {
    rule.allowOnly(RULE_KEYS, "a rule");
    rule.text("id", true, "give the rule a unique id, such as id: eeoc-four-fifths");
    String title = rule.text("title", false, null);
    String metric =
        rule.text(
            "metric",
            true,
            "name a metric as family.metric, such as " + "fairness.demographic_parity_ratio");
    if (metric != null && MetricCatalog.find(metric).isEmpty()) {
      rule.problem(
          "metric",
          "unknown metric '"
              + metric
              + "'; did you mean "
              + String.join(", ", MetricCatalog.nearest(metric, 3))
              + "? Metric names are family.metric, "
              + "as in results.json (docs/metrics.md).");
      metric = null;
    }
    Where where = readWhere(rule, id);
    Anomaly anomaly = readAnomaly(rule, id);
    boolean anomalyOnly = rule.has("anomaly") && !rule.has("must");
    String must =
        anomalyOnly
            ? null
            : rule.text("must", true, "give the condition, such as must: \">= 0.8\"");
    Condition condition = null;
    if (must != null) {
      try {
        condition = Condition.parse(must);
      } catch (IllegalArgumentException e) {
        rule.problem("must", "must: " + e.getMessage());
      }
    }
    String severityText = rule.text("severity", true, "blocking, warning or info");
    Severity severity = severityText == null ? null : Severity.parse(severityText);
    if (severityText != null && severity == null) {
      rule.problem(
          "severity",
          "unknown severity '"
              + severityText
              + "'; use blocking (a failure "
              + "closes the release gate), warning or info");
    }
    String rationale = rule.text("rationale", false, null);
    String reference = rule.text("reference", false, null);
    Long minCount = readMinCount(rule);
    Double significance =
        readNumber(
            rule,
            "significance",
            0,
            1,
            false,
            "significance is the alpha of the test, a number between 0 and 1 such as 0.05");
    Double worsen =
        readNumber(
            rule,
            "must_not_worsen_by",
            0,
            Double.MAX_VALUE,
            true,
            "must_not_worsen_by is the largest allowed change for the worse, 0 or more, such as 0.02");
    if (worsen != null && anomalyOnly) {
      rule.problem(
          "must_not_worsen_by",
          "must_not_worsen_by needs a must with <, <=, > or >=; this rule has only an anomaly");
      worsen = null;
    }
    if (worsen != null && condition != null && condition.betterDirection() == 0) {
      rule.problem(
          "must_not_worsen_by",
          "must_not_worsen_by needs a must with <, <=, > or >= so"
              + " that it is clear which way is worse; '"
              + must
              + "' says neither");
      worsen = null;
    }
    Rule.Chunks chunks = readChunks(rule);
    if (chunks != null && anomaly != null) {
      rule.problem(
          "chunks",
          "chunks: worst judges the time chunks of this run, and an anomaly check compares"
              + " the whole data with earlier runs; write two rules");
      chunks = null;
    }
    if (id == null
        || metric == null
        || where == null
        || (condition == null && !(anomalyOnly && anomaly != null))
        || severity == null) {
      return null;
    }
    return new Rule(
        id,
        title == null ? id : title,
        metric,
        where,
        anomalyOnly ? anomaly.describe() : must,
        condition,
        severity,
        rationale,
        reference == null ? packReference : reference,
        minCount,
        rule.at(null),
        significance,
        worsen,
        anomaly,
        chunks);
  }

  /** The rule's {@code chunks: worst}, or null when it has none or it is wrong (a problem). */
  private static Rule.Chunks readChunks(YamlMapping rule) {
    if (!rule.has("chunks")) {
      return null;
    }
    int before = rule.problemCount();
    String text = rule.text("chunks", false, null);
    if (rule.problemCount() > before) {
      return null;
    }
    if (text == null || !text.equalsIgnoreCase("worst")) {
      rule.problem(
          "chunks",
          "chunks must be 'worst' (judge each scope's worst time chunk; the spec needs chunk:"
              + " and columns.timestamp), found '"
              + text
              + "'");
      return null;
    }
    return Rule.Chunks.WORST;
  }

  /**
   * The rule's {@code anomaly: {relative_change: R}} and/or {@code {stddevs: K, last: N}}, or null
   * when it has none or it is wrong (then a problem is recorded).
   */
  private static Anomaly readAnomaly(YamlMapping rule, String id) {
    if (!rule.has("anomaly")) {
      return null;
    }
    YamlMapping anomaly = rule.child(rule.value("anomaly"), id, "'anomaly'", "anomaly");
    if (anomaly == null) {
      return null;
    }
    int before = anomaly.problemCount();
    anomaly.allowOnly(ANOMALY_KEYS, "'anomaly'");
    Double relative =
        readNumber(
            anomaly,
            "relative_change",
            0,
            Double.MAX_VALUE,
            true,
            "relative_change is the largest allowed change from the previous run as a fraction of"
                + " its value, 0 or more, such as 0.2 for 20%");
    Double stddevs =
        readNumber(
            anomaly,
            "stddevs",
            0,
            Double.MAX_VALUE,
            false,
            "stddevs is how many standard deviations from the mean of the last runs are allowed,"
                + " more than 0, such as 3");
    Object last = anomaly.value("last");
    int window = Anomaly.DEFAULT_LAST;
    if (last != null) {
      if ((last instanceof Integer || last instanceof Long)
          && ((Number) last).longValue() >= Anomaly.MIN_RUNS_FOR_STDDEV
          && ((Number) last).longValue() <= 1000) {
        window = ((Number) last).intValue();
      } else {
        anomaly.problem(
            "last",
            "last is how many earlier runs the std-dev check looks at, a whole number from "
                + Anomaly.MIN_RUNS_FOR_STDDEV
                + " to 1000, such as 10; found "
                + YamlMapping.describe(last));
      }
      if (!anomaly.has("stddevs")) {
        anomaly.problem("last", "last goes with stddevs; add stddevs: 3 or remove last");
      }
    }
    if (!anomaly.has("relative_change") && !anomaly.has("stddevs")) {
      anomaly.problem(
          null,
          "'anomaly' needs relative_change (such as 0.2) or stddevs (such as 3, with last: 10)");
    }
    if (anomaly.problemCount() > before) {
      return null;
    }
    return new Anomaly(relative, stddevs, window);
  }

  private static Where readWhere(YamlMapping rule, String id) {
    if (!rule.has("where") || rule.value("where") == null) {
      return Where.ANY;
    }
    YamlMapping where = rule.child(rule.value("where"), id, "'where'", "where");
    if (where == null) {
      return null;
    }
    where.allowOnly(WHERE_KEYS, "'where'");
    Glob attribute = glob(where, "attribute");
    Glob group = glob(where, "group");
    Glob column = glob(where, "column");
    Glob classLabel = glob(where, "class");
    return new Where(attribute, group, column, classLabel);
  }

  private static Glob glob(YamlMapping where, String key) {
    if (!where.has(key)) {
      return null;
    }
    String pattern = where.text(key, true, "write a value or a glob such as \"*\"");
    return pattern == null ? null : new Glob(pattern);
  }

  private static Double readNumber(
      YamlMapping rule, String key, double low, double high, boolean lowInclusive, String hint) {
    Object value = rule.value(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      double v = n.doubleValue();
      if ((lowInclusive ? v >= low : v > low) && v < high) {
        return v;
      }
    }
    rule.problem(key, hint + "; found " + YamlMapping.describe(value));
    return null;
  }

  private static Long readMinCount(YamlMapping rule) {
    Object value = rule.value("min_count");
    if (value == null) {
      return null;
    }
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
      return ((Number) value).longValue();
    }
    rule.problem(
        "min_count",
        "min_count must be a whole number of rows, 0 or more, such as 30; "
            + "found "
            + YamlMapping.describe(value));
    return null;
  }
}
