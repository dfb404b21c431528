package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.core.Wording;
import dev.assay.metrics.MetricCatalog;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings of a run in plain sentences for a reader who is not an engineer: one per rule check
 * that failed, warned or could not be judged (problems first), then one per drifted column. Built
 * only from the run's verdicts and metrics (values, intervals and notes); group and column names
 * are copied as text and escaped by the template like every other value.
 *
 * <p>A metric with a clause of its own (its descriptor's {@link Wording}: the privacy and LLM
 * metrics) says what its value means for people ({@link PlainWords}).
 *
 * <p>A between-group ratio or difference names its highest and lowest groups, read from the
 * metric's note ({@code "selection_rate: highest White (0.6383), lowest Black (0.4326); ..."}) by
 * matching the attribute's known group names, so a group name with parentheses or commas cannot
 * confuse it; when the note does not match, the sentence falls back to the value and the condition.
 *
 * @param all every finding, problems first, at most {@link #MAX_SHOWN}
 * @param hidden findings left out because of the cap
 */
public record Findings(List<Finding> all, int hidden) {

  /** The most findings written out; the rest are counted (every verdict is in results.json). */
  public static final int MAX_SHOWN = 200;

  static final List<Status> PROBLEMS = List.of(Status.FAIL, Status.ERROR, Status.WARN);

  private static final Pattern CONDITION = Pattern.compile("\\s*(>=|<=|==|>|<)\\s*(\\S+)\\s*");
  private static final Pattern BETWEEN =
      Pattern.compile("\\s*between\\s+(\\S+)\\s+and\\s+(\\S+)\\s*");
  private static final Pattern LEVEL =
      Pattern.compile("(\\d+(?:\\.\\d+)?) % (?:Katz|Newcombe|Wilson) interval");

  /** A no-break space and a percent sign, so "67.7 %" never breaks across lines. */
  static final String PERCENT = "\u00a0%";

  private static final Map<String, String> DRIFT_WORDS =
      Map.of(
          "psi",
          "PSI",
          "wasserstein_normed",
          "Wasserstein distance",
          "jensen_shannon",
          "Jensen-Shannon distance",
          "ks_p_value",
          "Kolmogorov-Smirnov p-value",
          "chi2_p_value",
          "chi-squared p-value",
          "hellinger",
          "Hellinger distance",
          "total_variation",
          "total variation distance");
  private static final String HIGHEST = ": highest ";
  private static final String LOWEST = "), lowest ";
  private static final String RELATIVE_TO = "relative to ";
  private static final String FAVOURABLE_RATE = " (favourable rate ";

  /** The findings of one family, in the same order. */
  public List<Finding> of(Family family) {
    return all.stream().filter(f -> f.family() == family).toList();
  }

  /** Words the run's problem verdicts and drifted columns. */
  public static Findings of(AuditRun run, DriftTable drift) {
    Map<MetricKey, MetricResult> metrics = new HashMap<>();
    Map<String, Set<String>> groups = new HashMap<>();
    for (MetricResult m : run.metrics()) {
      metrics.put(m.key(), m);
      Scope s = m.key().scope();
      if (s.attribute() != null && s.group() != null) {
        groups.computeIfAbsent(s.attribute(), a -> new HashSet<>()).add(s.group());
      }
    }
    List<Verdict> problems =
        run.verdicts().stream()
            .filter(v -> PROBLEMS.contains(v.status()))
            .sorted(
                Comparator.comparingInt((Verdict v) -> PROBLEMS.indexOf(v.status()))
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    List<Finding> regressions = regressions(run);
    List<Finding> out = new ArrayList<>();
    int total = problems.size() + drift.driftedCount() + regressions.size();
    for (Verdict v : problems) {
      if (out.size() == MAX_SHOWN) {
        break;
      }
      out.add(
          new Finding(
              family(v.metric()),
              HtmlPage.statusText(v.status()),
              HtmlPage.statusClass(v.status()),
              sentence(v, metrics, groups)));
    }
    for (DriftTable.Row row : drift.rows()) {
      if (out.size() == MAX_SHOWN) {
        break;
      }
      if (row.drifted()) {
        out.add(new Finding(Family.DRIFT, "DRIFTED", "warn", driftSentence(row)));
      }
    }
    for (Finding f : regressions) {
      if (out.size() == MAX_SHOWN) {
        break;
      }
      out.add(f);
    }
    return new Findings(out, total - out.size());
  }

  /**
   * With a {@code --baseline}: the largest changes for the worse (by the metric's {@link
   * dev.assay.core.Direction}, at most {@link HtmlPage#MAX_REGRESSIONS}, largest first), each as a
   * finding, so a regression is visible even when no rule gates it ({@code must_not_worsen_by} is
   * how a rule does).
   */
  static List<Finding> regressions(AuditRun run) {
    return BaselineChange.largestRegressions(BaselineChange.of(run), HtmlPage.MAX_REGRESSIONS)
        .stream()
        .map(
            c ->
                new Finding(
                    c.key().family(),
                    "WORSE",
                    "warn",
                    c.label()
                        + " got worse since the baseline run: "
                        + NumberText.of(c.before())
                        + " then, "
                        + NumberText.of(c.now())
                        + " now. A rule blocks such a change only if it says"
                        + " must_not_worsen_by."))
        .toList();
  }

  /**
   * The sentence of one drifted column: its PSI, its Wasserstein distance in reference standard
   * deviations (numeric columns), and the deciding statistic when it is another one.
   */
  static String driftSentence(DriftTable.Row row) {
    List<String> parts = new ArrayList<>();
    if (row.psi() != null) {
      parts.add("PSI " + NumberText.of(row.psi()));
    }
    if (row.wassersteinNormed() != null) {
      parts.add(
          "Wasserstein distance "
              + NumberText.of(row.wassersteinNormed())
              + " standard deviations");
    }
    String deciding = row.decidingMetric();
    if (!deciding.isEmpty() && !deciding.equals("psi") && !deciding.equals("wasserstein_normed")) {
      parts.add(driftWords(deciding) + " " + row.decidingValue());
    }
    StringBuilder s = new StringBuilder(row.column()).append(" changed since the reference data");
    if (!parts.isEmpty()) {
      s.append(": ").append(String.join(", ", parts));
    }
    if (!row.testText().isEmpty()) {
      s.append(" (drift is called when ").append(row.testText()).append(')');
    }
    return s.append('.').toString();
  }

  static String sentence(
      Verdict v, Map<MetricKey, MetricResult> metrics, Map<String, Set<String>> groups) {
    String rule = "the rule " + v.ruleId();
    if (v.status() == Status.ERROR) {
      return "Rule "
          + v.ruleId()
          + " could not be checked "
          + where(v.scope())
          + ": "
          + (v.message() == null ? "no reason was recorded" : v.message())
          + ".";
    }
    MetricDescriptor descriptor = MetricCatalog.find(v.metric()).orElse(null);
    String name = v.metric() == null ? "" : v.metric().substring(v.metric().indexOf('.') + 1);
    MetricResult m = descriptor == null ? null : metrics.get(new MetricKey(descriptor, v.scope()));
    Wording wording = descriptor == null ? Wording.GENERAL : descriptor.wording();
    // a metric with a clause of its own writes its threshold as a percentage only beside it
    boolean ratio = !wording.hasClause() && wording.percentThreshold();
    String asks = rule + " asks for " + condition(v.expected(), ratio) + ".";
    if (wording.hasClause() && v.observed() != null) {
      boolean capped = v.expected() != null && v.expected().trim().startsWith("<");
      String clause = PlainWords.clause(descriptor, v.scope(), v.observed(), m, capped);
      if (clause != null) {
        return capitalise(clause)
            + "; "
            + rule
            + " asks for "
            + condition(v.expected(), wording.percentThreshold())
            + ".";
      }
    }
    String interval = m == null ? "" : interval(m);
    String valueText = words(name) + " " + NumberText.of(v.observed()) + interval;
    if (m != null && m.note() != null && v.observed() != null) {
      Scope s = v.scope();
      Set<String> known = groups.getOrDefault(s.attribute(), Set.of());
      if (s.attribute() != null && s.group() == null) {
        Extremes e = Extremes.parse(m.note(), known);
        if (e != null) {
          return comparison(
              s.attribute(),
              s.classLabel(),
              name,
              e.label(),
              e.low(),
              e.lowValue(),
              e.high(),
              e.highValue(),
              v.observed(),
              ratio,
              valueText,
              asks);
        }
      } else if (s.attribute() != null
          && name.equals("impact_ratio")
          && m.note().startsWith(RELATIVE_TO)) {
        String best = knownBefore(m.note(), RELATIVE_TO.length(), FAVOURABLE_RATE, known);
        if (best != null) {
          return "On "
              + s.attribute()
              + ", the group "
              + s.group()
              + " received the favourable outcome at "
              + ofTheRateOf(v.observed(), best, valueText, asks);
        }
      }
    }
    String observed =
        v.observed() == null
            ? words(name) + " has no value"
            : words(name) + " is " + NumberText.of(v.observed()) + interval;
    return capitalise(where(v.scope())) + ", " + observed + "; " + asks;
  }

  /** "{@code 45 %} of the rate of the group {@code best} ({@code valueText}); {@code asks}". */
  private static String ofTheRateOf(double share, String best, String valueText, String asks) {
    return percent(share) + " of the rate of the group " + best + " (" + valueText + "); " + asks;
  }

  /**
   * With a class (multi-class fairness), the sentence names it and its rate is not "favourable".
   */
  private static String comparison(
      String attribute,
      String classLabel,
      String metric,
      String label,
      String low,
      String lowValue,
      String high,
      String highValue,
      double observed,
      boolean ratio,
      String valueText,
      String asks) {
    String on =
        "On "
            + attribute
            + (classLabel == null ? "" : " (class " + classLabel + ")")
            + ", the group "
            + low;
    if (ratio && classLabel != null && metric.equals("demographic_parity_ratio")) {
      return on
          + " is predicted class "
          + classLabel
          + " at "
          + ofTheRateOf(observed, high, valueText, asks);
    }
    if (ratio && (metric.equals("demographic_parity_ratio") || label.startsWith("favourable"))) {
      return on
          + " received the favourable outcome at "
          + ofTheRateOf(observed, high, valueText, asks);
    }
    String rate = label.equals("selection_rate") ? "selection rate" : words(label);
    if (ratio) {
      return on
          + " has a "
          + rate
          + " of "
          + percent(observed)
          + " of the group "
          + high
          + "'s ("
          + valueText
          + "); "
          + asks;
    }
    return on
        + " has a "
        + rate
        + " of "
        + number(lowValue)
        + ", "
        + NumberText.of(observed)
        + " below the group "
        + high
        + "'s "
        + number(highValue)
        + " ("
        + valueText
        + "); "
        + asks;
  }

  /** A number from a note as the report shows numbers, or the text as it is. */
  private static String number(String text) {
    try {
      return NumberText.of(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /** The highest and lowest groups named in a between-group metric's note. */
  record Extremes(String label, String high, String highValue, String low, String lowValue) {

    static Extremes parse(String note, Set<String> groups) {
      int colon = note.indexOf(HIGHEST);
      if (colon <= 0) {
        return null;
      }
      String label = note.substring(0, colon);
      int at = colon + HIGHEST.length();
      String high = knownBefore(note, at, " (", groups);
      if (high == null) {
        return null;
      }
      at += high.length() + 2;
      int close = note.indexOf(LOWEST, at);
      if (close < 0) {
        return null;
      }
      String highValue = note.substring(at, close);
      at = close + LOWEST.length();
      String low = knownBefore(note, at, " (", groups);
      if (low == null) {
        return null;
      }
      at += low.length() + 2;
      int end = note.indexOf(')', at);
      if (end < 0) {
        return null;
      }
      return new Extremes(label, high, highValue, low, note.substring(at, end));
    }
  }

  /**
   * The known name that starts at {@code from} in {@code text} and is followed by {@code marker},
   * trying every occurrence of the marker (shortest name first), or null.
   */
  static String knownBefore(String text, int from, String marker, Set<String> known) {
    int i = text.indexOf(marker, from);
    while (i >= 0) {
      String candidate = text.substring(from, i);
      if (known.contains(candidate)) {
        return candidate;
      }
      i = text.indexOf(marker, i + 1);
    }
    return null;
  }

  static String interval(MetricResult m) {
    if (!(m instanceof MetricResult.Computed c) || c.ciLow() == null || c.ciHigh() == null) {
      return "";
    }
    String level = "";
    if (c.note() != null) {
      Matcher l = LEVEL.matcher(c.note());
      String last = null;
      while (l.find()) {
        last = l.group(1);
      }
      if (last != null) {
        level = last + PERCENT + " ";
      }
    }
    return "; "
        + (level.isEmpty() ? "confidence " : level)
        + "interval "
        + NumberText.of(c.ciLow())
        + "–"
        + NumberText.of(c.ciHigh());
  }

  /**
   * A rule condition in words: {@code ">= 0.8"} is "at least 80 %" for a ratio, else "at least
   * 0.8".
   */
  static String condition(String expected, boolean ratio) {
    if (expected == null) {
      return "a value it could not state";
    }
    Matcher c = CONDITION.matcher(expected);
    if (c.matches()) {
      String t = threshold(c.group(2), ratio);
      switch (c.group(1)) {
        case ">=":
          return "at least " + t;
        case "<=":
          return "at most " + t;
        case ">":
          return "more than " + t;
        case "<":
          return "less than " + t;
        default:
          return "exactly " + t;
      }
    }
    Matcher b = BETWEEN.matcher(expected);
    if (b.matches()) {
      return "a value from " + threshold(b.group(1), ratio) + " to " + threshold(b.group(2), ratio);
    }
    return "a value that is " + expected;
  }

  private static String threshold(String number, boolean ratio) {
    if (!ratio) {
      return number;
    }
    try {
      return percent(Double.parseDouble(number));
    } catch (NumberFormatException e) {
      return number;
    }
  }

  /**
   * A share as a percentage ({@link #PERCENT}) with at most three significant digits, rounded
   * toward zero so that a value just under a threshold never reads as the threshold (0.7996 is
   * "79.9 %", not "80 %").
   */
  static String percent(double share) {
    BigDecimal p =
        new BigDecimal(share * 100)
            .round(new MathContext(9, RoundingMode.HALF_UP))
            .round(new MathContext(3, RoundingMode.DOWN));
    if (p.abs().compareTo(BigDecimal.valueOf(100)) >= 0) {
      p = p.setScale(0, RoundingMode.DOWN);
    }
    return p.stripTrailingZeros().toPlainString() + PERCENT;
  }

  static String where(Scope s) {
    return s.classLabel() == null ? place(s) : place(s) + ", class " + s.classLabel();
  }

  private static String place(Scope s) {
    if (s.attribute() != null && s.group() != null) {
      return "for the group " + s.group() + " of " + s.attribute();
    }
    if (s.attribute() != null) {
      return "on " + s.attribute();
    }
    if (s.column() != null) {
      return "for the column " + s.column();
    }
    return "for the whole data set";
  }

  /** A drift statistic's name in words ("Jensen-Shannon distance"). */
  static String driftWords(String metric) {
    return DRIFT_WORDS.getOrDefault(metric, words(metric));
  }

  static String words(String metric) {
    return metric.replace('_', ' ');
  }

  private static Family family(String metric) {
    if (metric == null || metric.indexOf('.') <= 0) {
      return null;
    }
    return Family.byId(metric.substring(0, metric.indexOf('.')));
  }

  private static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
