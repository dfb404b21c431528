package dev.assay.core;

import java.util.OptionalDouble;

/**
 * A metric is a value or a reason: {@link Computed} carries a finite number, {@link Undefined} says
 * why there is none (a zero denominator, too few groups). Never NaN, never an exception thrown far
 * away; a rule over an undefined metric can then report the reason instead of passing.
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

  /** The same result in another scope (about a model, or a time chunk). */
  MetricResult withScope(Scope scope);

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
   * @param maxGroup for a between-group metric (a max − min difference or a min ÷ max ratio), the
   *     group that attains the maximum; else null
   * @param minGroup for a between-group metric, the group that attains the minimum; else null
   */
  record Computed(
      MetricKey key,
      double value,
      Long count,
      Double ciLow,
      Double ciHigh,
      Double pValue,
      String note,
      String maxGroup,
      String minGroup)
      implements MetricResult {

    /** A value without extreme groups (every metric that is not a between-group comparison). */
    public Computed(
        MetricKey key,
        double value,
        Long count,
        Double ciLow,
        Double ciHigh,
        Double pValue,
        String note) {
      this(key, value, count, ciLow, ciHigh, pValue, note, null, null);
    }

    public Computed {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            key.qualifiedName()
                + " must be finite, was "
                + value
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

    @Override
    public Computed withScope(Scope scope) {
      return new Computed(
          new MetricKey(key.descriptor(), scope),
          value,
          count,
          ciLow,
          ciHigh,
          pValue,
          note,
          maxGroup,
          minGroup);
    }

    public Computed withNote(String newNote) {
      return new Computed(key, value, count, ciLow, ciHigh, pValue, newNote, maxGroup, minGroup);
    }

    /** This value with the groups that attain the maximum and the minimum it compares. */
    public Computed withExtremes(String max, String min) {
      return new Computed(key, value, count, ciLow, ciHigh, pValue, note, max, min);
    }

    /** This value with another interval, p-value and note; the extreme groups are kept. */
    public Computed with(Double newLow, Double newHigh, Double newPValue, String newNote) {
      return new Computed(
          key, value, count, newLow, newHigh, newPValue, newNote, maxGroup, minGroup);
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

    @Override
    public Undefined withScope(Scope scope) {
      return new Undefined(new MetricKey(key.descriptor(), scope), count, note);
    }
  }
}
