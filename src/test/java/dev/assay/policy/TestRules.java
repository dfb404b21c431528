package dev.assay.policy;

import dev.assay.core.MetricResult;
import dev.assay.core.Severity;
import dev.assay.core.Verdict;
import java.time.LocalDate;
import java.util.List;

/**
 * One blocking rule and its judgement, for the policy tests that are about a single rule option
 * (significance, a baseline, {@code chunks}): the rule comes from {@code rules/test.yaml} line 1,
 * matches any scope, and is judged alone in a pack on {@link #TODAY} with no waivers.
 */
final class TestRules {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  private TestRules() {}

  /** A blocking rule {@code id} over {@code metric} with {@code must} and the given options. */
  static Rule blocking(
      String id,
      String title,
      String metric,
      String must,
      Long minCount,
      Double significance,
      Double mustNotWorsenBy,
      Rule.Chunks chunks) {
    return new Rule(
        id,
        title,
        metric,
        Where.ANY,
        must,
        Condition.parse(must),
        Severity.BLOCKING,
        null,
        null,
        minCount,
        "rules/test.yaml:1",
        significance,
        mustNotWorsenBy,
        null,
        chunks);
  }

  /** The verdicts of {@code rule} alone over {@code metrics}, with {@code past} for its history. */
  static List<Verdict> judge(Rule rule, List<MetricResult> metrics, Policy.Past past) {
    RulePack pack = new RulePack("p", "P", null, List.of(rule), "rules/test.yaml");
    return Policy.evaluate(List.of(pack), metrics, List.of(), Waivers.NONE, TODAY, false, past)
        .verdicts();
  }
}
