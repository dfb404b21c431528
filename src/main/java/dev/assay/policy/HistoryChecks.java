package dev.assay.policy;

import dev.assay.core.Direction;
import dev.assay.core.MetricKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule checks that look at a metric's own past ({@code --history}): {@code must_not_worsen_by}
 * against the last passing run of the same audit, and the {@code anomaly} checks against the
 * earlier runs. With no or too little history a check is not applicable and says why; it never
 * fails for want of history.
 */
final class HistoryChecks {

  /**
   * What a check found.
   *
   * @param applicable false when the history could not answer (the note says why)
   * @param holds true when the check passed (also when it was not applicable)
   * @param note the text appended to the verdict's message, starting with "; "
   */
  record Outcome(boolean applicable, boolean holds, String note) {

    static Outcome notApplicable(String why) {
      return new Outcome(false, true, "; " + why);
    }
  }

  private static final double TOLERANCE = Direction.TOLERANCE;

  private HistoryChecks() {}

  /**
   * {@code must_not_worsen_by}: fails when {@code observed} is worse than the last passing run's
   * value by more than {@code allowed}; which way is worse comes from the metric catalog's {@link
   * Direction}, and for a metric without a better side from the rule's condition.
   */
  static Outcome worsening(
      Rule rule, MetricKey key, double observed, RunHistory history, int conditionDirection) {
    Optional<RunHistory.PastRun> last = history.lastPassing();
    if (last.isEmpty()) {
      return Outcome.notApplicable(
          "no earlier passing run of this audit in the history, so must_not_worsen_by was not"
              + " checked");
    }
    Double before = last.get().values().get(key);
    if (before == null) {
      return Outcome.notApplicable(
          "the last passing run ("
              + last.get().runTime()
              + ") has no value for it, so must_not_worsen_by was not checked");
    }
    double worse = worseBy(key.descriptor().direction(), conditionDirection, before, observed);
    if (worse > rule.mustNotWorsenBy() + 1e-12) {
      return new Outcome(
          true,
          false,
          String.format(
              Locale.ROOT,
              "; worse than the last passing run (%s: %.4f) by %.4f, more than the allowed %s",
              last.get().runTime(),
              before,
              worse,
              Anomaly.plain(rule.mustNotWorsenBy())));
    }
    return new Outcome(
        true,
        true,
        String.format(
            Locale.ROOT,
            "; last passing run (%s) %.4f, within must_not_worsen_by %s",
            last.get().runTime(),
            before,
            Anomaly.plain(rule.mustNotWorsenBy())));
  }

  /** How much worse {@code now} is than {@code before} (negative when better). */
  static double worseBy(Direction direction, int conditionDirection, double before, double now) {
    return switch (direction) {
      case HIGHER_BETTER -> before - now;
      case LOWER_BETTER -> now - before;
      case TOWARD_ONE -> Math.abs(now - 1) - Math.abs(before - 1);
      case TOWARD_ZERO -> Math.abs(now) - Math.abs(before);
      case NEUTRAL -> conditionDirection * (before - now);
    };
  }

  /** The rule's {@code anomaly} checks; applicable when at least one of them could be made. */
  static Outcome anomaly(Anomaly anomaly, MetricKey key, double observed, RunHistory history) {
    List<Double> series = history.series(key);
    List<Outcome> parts = new ArrayList<>();
    if (anomaly.relativeChange() != null) {
      parts.add(relativeChange(anomaly.relativeChange(), series, observed));
    }
    if (anomaly.stddevs() != null) {
      parts.add(stddevs(anomaly, series, observed));
    }
    boolean applicable = parts.stream().anyMatch(Outcome::applicable);
    boolean holds = parts.stream().allMatch(Outcome::holds);
    StringBuilder note = new StringBuilder();
    parts.forEach(p -> note.append(p.note()));
    return new Outcome(applicable, holds, note.toString());
  }

  private static Outcome relativeChange(double allowed, List<Double> series, double now) {
    if (series.isEmpty()) {
      return Outcome.notApplicable(
          "no earlier run of this audit in the history has this value, so the relative-change"
              + " anomaly check was not made");
    }
    double previous = series.get(series.size() - 1);
    if (Math.abs(previous) <= TOLERANCE) {
      if (Math.abs(now) <= TOLERANCE) {
        return new Outcome(true, true, "; unchanged from the previous run's 0");
      }
      return Outcome.notApplicable(
          "the previous run's value is 0, so a relative change is undefined and the"
              + " relative-change anomaly check was not made");
    }
    double change = Math.abs(now - previous) / Math.abs(previous);
    boolean holds = change <= allowed + 1e-12;
    return new Outcome(
        true,
        holds,
        String.format(
            Locale.ROOT,
            "; %s: changed by %s from the previous run's %.4f (allowed %s)",
            holds ? "no anomaly" : "anomaly",
            Anomaly.percent(round(change)),
            previous,
            Anomaly.percent(allowed)));
  }

  private static Outcome stddevs(Anomaly anomaly, List<Double> series, double now) {
    List<Double> window =
        series.subList(Math.max(0, series.size() - anomaly.last()), series.size());
    if (window.size() < Anomaly.MIN_RUNS_FOR_STDDEV) {
      return Outcome.notApplicable(
          "only "
              + window.size()
              + " earlier "
              + (window.size() == 1 ? "run has" : "runs have")
              + " this value in the history; the std-dev anomaly check needs at least "
              + Anomaly.MIN_RUNS_FOR_STDDEV
              + ", so it was not made");
    }
    double mean = window.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double squares = 0;
    for (double v : window) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (window.size() - 1));
    double distance = Math.abs(now - mean);
    boolean holds =
        sd <= TOLERANCE ? distance <= TOLERANCE : distance <= anomaly.stddevs() * sd + 1e-12;
    String far =
        sd <= TOLERANCE
            ? (holds ? "equal to" : "off")
            : String.format(Locale.ROOT, "%.2f std devs from", distance / sd);
    return new Outcome(
        true,
        holds,
        String.format(
            Locale.ROOT,
            "; %s: %s the mean %.4f (std dev %.4f) of the last %d runs (allowed %s)",
            holds ? "no anomaly" : "anomaly",
            far,
            mean,
            sd,
            window.size(),
            Anomaly.plain(anomaly.stddevs())));
  }

  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}
