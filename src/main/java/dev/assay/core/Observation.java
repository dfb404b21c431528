package dev.assay.core;

/**
 * One observed value of a metric, as a {@link Wording} turns it into words: the value, where it
 * applies, the metric's note (k, the sensitive attribute), whether the rule caps the value (so a
 * percentage rounds up rather than down and a breach is never hidden by rounding), and how the
 * report writes numbers.
 */
public record Observation(
    double value, Scope scope, String note, boolean capped, NumberStyle style) {

  /** How the report writes numbers and shares; the report supplies it, core only calls it. */
  public interface NumberStyle {

    /** A number as the report shows it ("0.1234", "12"). */
    String number(double value);

    /** A share as a percentage, rounded up when {@code roundUp}, else down ("12.3 %"). */
    String percent(double share, boolean roundUp);
  }

  /** The value as the report writes numbers. */
  public String number() {
    return style.number(value);
  }

  /** Any number as the report writes numbers. */
  public String number(double other) {
    return style.number(other);
  }

  /** The value as a percentage, rounded away from the side that would hide a breach. */
  public String percent() {
    return style.percent(value, capped);
  }

  /** The complement (1 − value) as a percentage, rounded the other way. */
  public String complementPercent() {
    return style.percent(1 - value, !capped);
  }
}
