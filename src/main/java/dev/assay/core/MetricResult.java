package dev.assay.core;

import java.util.OptionalDouble;

/**
 * A metric is a value or a reason: {@link Computed} carries a finite number, {@link Undefined}
 * says why there is none (a zero denominator, too few groups). Never NaN, never an exception thrown
 * far away; a rule over an undefined metric can then report the reason instead of passing.
 */
public sealed interface MetricResult extends Comparable<MetricResult>
    permits MetricResult.Computed, MetricResult.Undefined {

  MetricKey key();

  /** Rows behind the value (a group's size), when meaningful; else null. */
  Long count();

  /** A note for the reader, or the reason an undefined metric has no value; may be null. */
  String note();

  /** The value, empty when undefined. */
  OptionalDouble number();

  @Override
  default int compareTo(MetricResult other) {
    return key().compareTo(other.key());
  }

  /**
   * A computed value.
   *
   * @param ciLow lower confidence bound, or null
   * @param ciHigh upper confidence bound, or null
   * @param pValue p-value of the test behind the value, or null
   */
  record Computed(MetricKey key, double value, Long count, Double ciLow, Double ciHigh,
                  Double pValue, String note) implements MetricResult {

    public Computed {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(key.qualifiedName() + " must be finite, was " + value
            + "; report it as Undefined with the reason instead");
      }
    }

    public static Computed of(MetricKey key, double value, Long count) {
      return new Computed(key, value, count, null, null, null, null);
    }

    @Override
    public OptionalDouble number() {
      return OptionalDouble.of(value);
    }

    public Computed withNote(String newNote) {
      return new Computed(key, value, count, ciLow, ciHigh, pValue, newNote);
    }
  }

  /** No value, with the reason in {@link #note()}. */
  record Undefined(MetricKey key, Long count, String note) implements MetricResult {

    public Undefined {
      if (note == null || note.isBlank()) {
        throw new IllegalArgumentException("an undefined metric needs a reason: " + key);
      }
    }

    @Override
    public OptionalDouble number() {
      return OptionalDouble.empty();
    }
  }
}
