package dev.assay.policy;

import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Judges a run's metrics against rule packs and applies the waivers: the policy stage of the flow.
 * Every rule gives at least one verdict; a metric that is missing, undefined or computed on too few
 * rows gives NOT_APPLICABLE or ERROR with the reason, never a silent PASS.
 */
public final class Policy {

  private Policy() {}

  /**
   * Evaluates every rule of {@code packs} on {@code metrics}.
   *
   * <ul>
   *   <li>A rule matches every metric result whose qualified name is the rule's metric and whose
   *       scope passes its {@code where}; it gives one verdict per matched scope.
   *   <li>A row with a {@code count} below the rule's {@code min_count}: NOT_APPLICABLE. An
   *       undefined metric: ERROR with the metric's reason. Else PASS when the condition holds, and
   *       when it does not FAIL for a blocking rule (and a warning rule under {@code
   *       failOnWarning}), WARN otherwise.
   *   <li>No result of the metric: one NOT_APPLICABLE verdict, quoting the family's reason when the
   *       family did not run. Results exist but none in the {@code where} scopes: NOT_APPLICABLE
   *       naming the filter.
   *   <li>A FAIL or WARN that a waiver covers on {@code today} (up to its expiry day inclusive)
   *       becomes WAIVED. Expired waivers, and waivers that waive nothing, become notes.
   * </ul>
   *
   * @param families the outcome of each family, to explain missing metrics
   * @param today the day waivers are checked against (from the run's clock)
   * @param failOnWarning true under {@code --fail-on warning}: a failed warning rule also closes
   *     the gate
   * @param past the baseline and history the rules compare with; {@link Past#NONE} for neither
   * @throws dev.assay.core.BadInputException when a waiver names a rule no pack has
   */
  public static PolicyOutcome evaluate(
      List<RulePack> packs,
      List<MetricResult> metrics,
      List<FamilyOutcome> families,
      Waivers waivers,
      LocalDate today,
      boolean failOnWarning,
      Past past) {
    Set<String> ruleIds = new HashSet<>();
    packs.forEach(pack -> pack.rules().forEach(rule -> ruleIds.add(rule.id())));
    waivers.requireKnownRules(ruleIds);

    Map<String, List<MetricResult>> byName = new LinkedHashMap<>();
    metrics.stream()
        .sorted()
        .forEach(
            m -> byName.computeIfAbsent(m.key().qualifiedName(), k -> new ArrayList<>()).add(m));

    List<Verdict> verdicts = new ArrayList<>();
    for (RulePack pack : packs) {
      for (Rule rule : pack.rules()) {
        verdicts.addAll(
            judge(
                pack,
                rule,
                byName.getOrDefault(rule.metric(), List.of()),
                families,
                failOnWarning,
                past));
      }
    }
    List<String> notes = new ArrayList<>();
    List<Verdict> waived = applyWaivers(verdicts, waivers, today, notes);
    return new PolicyOutcome(waived, notes);
  }

  private static List<Verdict> judge(
      RulePack pack,
      Rule rule,
      List<MetricResult> named,
      List<FamilyOutcome> families,
      boolean failOnWarning,
      Past past) {
    Verdicts make = new Verdicts(pack, rule);
    if (named.isEmpty()) {
      return List.of(
          make.of(
              Status.NOT_APPLICABLE,
              rule.where().literalScope(),
              null,
              missingReason(rule.metric(), families)));
    }
    if (rule.chunks() == Rule.Chunks.WORST
        && named.stream().noneMatch(m -> m.key().scope().chunk() != null)) {
      return List.of(make.of(Status.NOT_APPLICABLE, rule.where().literalScope(), null, NO_CHUNKS));
    }
    Map<MetricResult, Integer> chunksOf = new HashMap<>();
    List<MetricResult> matched = matching(rule, named, chunksOf);
    if (matched.isEmpty()) {
      String computed =
          named.stream()
              .map(m -> m.key().scope().label())
              .distinct()
              .limit(10)
              .collect(Collectors.joining(", "));
      return List.of(
          make.of(
              Status.NOT_APPLICABLE,
              rule.where().literalScope(),
              null,
              "no scope matches where "
                  + rule.where()
                  + "; "
                  + rule.metric()
                  + " was computed for: "
                  + computed));
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (MetricResult result : matched) {
      Scope scope = result.key().scope();
      String subject = subject(result, chunksOf.get(result));
      Double observed = result.number().isPresent() ? result.number().getAsDouble() : null;
      if (rule.minCount() != null && result.count() != null && result.count() < rule.minCount()) {
        verdicts.add(
            make.of(
                Status.NOT_APPLICABLE,
                scope,
                observed,
                subject
                    + " rests on "
                    + result.count()
                    + " rows, fewer than the rule's min_count of "
                    + rule.minCount()
                    + ", so it is not judged"));
      } else if (observed == null) {
        verdicts.add(
            make.of(Status.ERROR, scope, null, subject + " is undefined: " + result.note()));
      } else {
        String message =
            rule.condition() == null
                ? subject + " = " + display(observed, null)
                : subject
                    + " = "
                    + display(observed, rule.condition())
                    + ", expected "
                    + rule.must();
        boolean holds = rule.condition() == null || rule.condition().holds(observed);
        if (!holds && rule.significance() != null) {
          Double p = result instanceof MetricResult.Computed c ? c.pValue() : null;
          if (p == null) {
            verdicts.add(
                make.of(
                    Status.ERROR,
                    scope,
                    observed,
                    message
                        + "; the rule asks for"
                        + " statistical significance at "
                        + rule.significance()
                        + " but "
                        + result.key().metric()
                        + " carries no p-value"));
            continue;
          }
          if (p >= rule.significance()) {
            holds = true;
            message +=
                String.format(
                    Locale.ROOT,
                    "; not statistically significant (p = %.4g >= %s)," + " so not a finding",
                    p,
                    rule.significance());
          } else {
            message +=
                String.format(
                    Locale.ROOT,
                    "; statistically significant (p = %.4g < %s)",
                    p,
                    rule.significance());
          }
        }
        if (holds && rule.mustNotWorsenBy() != null && past.usesHistory()) {
          HistoryChecks.Outcome worse =
              HistoryChecks.worsening(
                  rule, result.key(), observed, past.history(), rule.condition().betterDirection());
          holds = worse.holds();
          message += worse.note();
        } else if (holds && rule.mustNotWorsenBy() != null) {
          Double before = past.baseline().get(result.key());
          if (before == null) {
            message += "; no baseline value to compare with, so must_not_worsen_by was not checked";
          } else {
            double worse = rule.condition().betterDirection() * (before - observed);
            if (worse > rule.mustNotWorsenBy() + 1e-12) {
              holds = false;
              message +=
                  String.format(
                      Locale.ROOT,
                      "; worse than the baseline (%.4f) by %.4f, more" + " than the allowed %s",
                      before,
                      worse,
                      rule.mustNotWorsenBy());
            }
          }
        }
        if (rule.anomaly() != null) {
          HistoryChecks.Outcome anomaly =
              HistoryChecks.anomaly(
                  rule.anomaly(),
                  result.key(),
                  observed,
                  past.history() == null ? RunHistory.NONE : past.history());
          message +=
              past.history() == null
                  ? "; no --history given, so the anomaly check was not made"
                  : anomaly.note();
          if (!anomaly.applicable() && rule.condition() == null) {
            verdicts.add(make.of(Status.NOT_APPLICABLE, scope, observed, message));
            continue;
          }
          holds = holds && anomaly.holds();
        }
        Status status =
            holds
                ? Status.PASS
                : rule.severity() == Severity.BLOCKING
                        || (rule.severity() == Severity.WARNING && failOnWarning)
                    ? Status.FAIL
                    : Status.WARN;
        verdicts.add(make.of(status, scope, observed, message));
      }
    }
    return verdicts;
  }

  /** "metric for scope" in a message; for a worst chunk, of how many chunks. */
  private static String subject(MetricResult result, Integer chunks) {
    return result.key().metric()
        + " for "
        + describe(result.key().scope())
        + (chunks == null ? "" : " (the worst of " + chunks + " time chunks)");
  }

  /** Why a {@code chunks: worst} rule has nothing to judge. */
  private static final String NO_CHUNKS =
      "no per-chunk values to take the worst of (chunks: worst): the spec needs chunk: day, week"
          + " or month and columns.timestamp";

  /**
   * The results {@code rule} judges: those in its {@code where} and, per its {@code chunks}, over
   * the whole data or each scope's worst chunk ({@link #worstChunks}).
   */
  private static List<MetricResult> matching(
      Rule rule, List<MetricResult> named, Map<MetricResult, Integer> chunksOf) {
    List<MetricResult> inScope =
        named.stream()
            .filter(m -> rule.chunks().covers(m.key().scope()))
            .filter(m -> rule.where().matches(m.key().scope()))
            .toList();
    return rule.chunks() == Rule.Chunks.WORST ? worstChunks(rule, inScope, chunksOf) : inScope;
  }

  /**
   * {@code chunks: worst}: per scope (its chunk aside), the one chunk to judge: among the chunks
   * with a value and at least {@code min_count} rows (else among those with a value, else any), the
   * one furthest from meeting the rule's condition ({@link Condition#shortfall}); the earliest on a
   * tie. {@code chunksOf} receives each chosen result's number of chunks.
   */
  private static List<MetricResult> worstChunks(
      Rule rule, List<MetricResult> results, Map<MetricResult, Integer> chunksOf) {
    Map<Scope, List<MetricResult>> byScope = new LinkedHashMap<>();
    results.forEach(
        m ->
            byScope
                .computeIfAbsent(m.key().scope().withChunk(null), k -> new ArrayList<>())
                .add(m));
    List<MetricResult> out = new ArrayList<>();
    for (List<MetricResult> chunks : byScope.values()) {
      List<MetricResult> defined = chunks.stream().filter(m -> m.number().isPresent()).toList();
      List<MetricResult> large =
          defined.stream()
              .filter(
                  m -> rule.minCount() == null || m.count() == null || m.count() >= rule.minCount())
              .toList();
      List<MetricResult> pool = !large.isEmpty() ? large : !defined.isEmpty() ? defined : chunks;
      MetricResult worst = pool.get(0);
      for (MetricResult m : pool) {
        if (m.number().isPresent()
            && rule.condition() != null
            && rule.condition().shortfall(m.number().getAsDouble())
                > rule.condition().shortfall(worst.number().getAsDouble())) {
          worst = m;
        }
      }
      chunksOf.put(worst, chunks.size());
      out.add(worst);
    }
    return out;
  }

  private static String missingReason(String metric, List<FamilyOutcome> families) {
    Family family = Family.byId(metric.substring(0, Math.max(0, metric.indexOf('.'))));
    for (FamilyOutcome outcome : families) {
      if (outcome.family() == family && !outcome.applicable()) {
        return "family " + family.id() + " not applicable: " + outcome.reason();
      }
    }
    return "metric " + metric + " was not computed";
  }

  private static List<Verdict> applyWaivers(
      List<Verdict> verdicts, Waivers waivers, LocalDate today, List<String> notes) {
    List<Verdict> result = new ArrayList<>();
    Set<Waiver> used = new HashSet<>();
    for (Verdict verdict : verdicts) {
      Verdict judged = verdict;
      if (verdict.status() == Status.FAIL || verdict.status() == Status.WARN) {
        for (Waiver waiver : waivers.entries()) {
          if (waiver.covers(verdict) && waiver.isValidOn(today)) {
            judged = verdict.waivedBy(waiver.asVerdictWaiver());
            used.add(waiver);
            break;
          }
        }
      }
      result.add(judged);
    }
    for (Waiver waiver : waivers.entries()) {
      String subject = "waiver for rule " + waiver.rule() + " (" + waiver.scopeLabel() + ")";
      if (!waiver.isValidOn(today)) {
        notes.add(
            subject
                + " expired on "
                + waiver.expires()
                + "; it no longer applies ("
                + waiver.location()
                + ")");
      } else if (!used.contains(waiver)) {
        Set<String> statuses = new TreeSet<>();
        verdicts.stream().filter(waiver::covers).forEach(v -> statuses.add(v.status().name()));
        notes.add(
            statuses.isEmpty()
                ? subject
                    + " matches no verdict: rule "
                    + waiver.rule()
                    + " gave no verdict with those "
                    + "scope keys; fix the scope or remove the waiver ("
                    + waiver.location()
                    + ")"
                : subject
                    + " waived nothing: the verdicts it covers are "
                    + String.join(", ", statuses)
                    + "; remove it if it is no longer needed ("
                    + waiver.location()
                    + ")");
      }
    }
    return result;
  }

  /**
   * The scope in words: {@code race}, {@code group Other of race}, {@code column age}, {@code the
   * data set}; a class follows: {@code race, class High}.
   */
  static String describe(Scope scope) {
    List<String> parts = new ArrayList<>();
    if (scope.group() != null) {
      parts.add("group " + scope.group() + " of " + scope.attribute());
    } else if (scope.attribute() != null) {
      parts.add(scope.attribute());
    }
    if (scope.column() != null) {
      parts.add("column " + scope.column());
    }
    if (scope.classLabel() != null) {
      parts.add("class " + scope.classLabel());
    }
    if (scope.model() != null) {
      parts.add("model " + scope.model());
    }
    if (scope.chunk() != null) {
      parts.add("chunk " + scope.chunk());
    }
    return parts.isEmpty() ? "the data set" : String.join(", ", parts);
  }

  /**
   * The value rounded for reading (4 decimals, or 4 significant digits below 0.001); in full when
   * rounding would make it seem to meet, or to miss, the condition.
   */
  static String display(double value, Condition condition) {
    BigDecimal exact = BigDecimal.valueOf(value);
    BigDecimal rounded =
        Math.abs(value) >= 0.001 || value == 0
            ? exact.setScale(4, RoundingMode.HALF_EVEN)
            : exact.round(new MathContext(4, RoundingMode.HALF_EVEN));
    if (condition != null && condition.holds(rounded.doubleValue()) != condition.holds(value)) {
      return Double.toString(value);
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /**
   * What a rule may compare with: the {@code --baseline} run's values (empty without one) and the
   * earlier runs of {@code --history} (null without it). must_not_worsen_by uses the history only
   * when there is no baseline.
   */
  /**
   * What the rules compare with besides the run itself: a baseline run's values for {@code
   * must_not_worsen_by}, and the earlier runs of the same audit ({@code --history}) for {@code
   * anomaly} rules and for {@code must_not_worsen_by} when there is no baseline.
   *
   * @param baseline the earlier run's computed values by metric key; empty when there is none
   * @param history the earlier runs, oldest first; null without {@code --history}
   */
  public record Past(Map<MetricKey, Double> baseline, RunHistory history) {

    /** Neither a baseline nor a history. */
    public static final Past NONE = new Past(Map.of(), null);

    /** Only a baseline run's values. */
    public static Past baseline(Map<MetricKey, Double> values) {
      return new Past(values, null);
    }

    boolean usesHistory() {
      return baseline.isEmpty() && history != null;
    }
  }

  /** Builds the verdicts of one rule, filling in what they share. */
  private record Verdicts(RulePack pack, Rule rule) {

    Verdict of(Status status, Scope scope, Double observed, String message) {
      return new Verdict(
          rule.id(),
          rule.title(),
          pack.name(),
          rule.severity(),
          status,
          rule.metric(),
          scope,
          observed,
          rule.must(),
          message,
          rule.rationale(),
          rule.reference() != null ? rule.reference() : pack.reference(),
          null);
    }
  }
}
