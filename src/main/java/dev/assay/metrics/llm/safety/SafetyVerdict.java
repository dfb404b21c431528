package dev.assay.metrics.llm.safety;

import dev.assay.core.SafetyCategory;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a backend said about one unit of work (a response, or a prompt with its contexts): a value
 * per category it was asked about (a severity 0–7, or 0/1 for a detection), or why there is none.
 *
 * @param values the values by category; empty when {@code error} is set
 * @param error the first failure, or null; a unit with an error is retried on the next run
 * @param answered true when the service gave an HTTP answer to every request of the unit (a
 *     malformed answer counts as answered: it is the service's verdict that is unreadable)
 * @param attempts HTTP attempts made, retries included
 */
public record SafetyVerdict(
    Map<SafetyCategory, Integer> values, String error, boolean answered, int attempts) {

  public SafetyVerdict {
    values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
  }

  static SafetyVerdict failed(String error, boolean answered, int attempts) {
    return new SafetyVerdict(Map.of(), error, answered, attempts);
  }

  /** This verdict followed by {@code next} (the values of both; the first error wins). */
  SafetyVerdict and(SafetyVerdict next) {
    Map<SafetyCategory, Integer> all = new EnumMap<>(SafetyCategory.class);
    all.putAll(values);
    all.putAll(next.values);
    String firstError = error != null ? error : next.error;
    return new SafetyVerdict(
        firstError == null ? all : Map.of(),
        firstError,
        answered && next.answered,
        attempts + next.attempts);
  }

  static SafetyVerdict empty() {
    return new SafetyVerdict(Map.of(), null, true, 0);
  }
}
