package dev.assay.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The values a metric can take, from {@code min} to {@code max} inclusive; either end may be
 * infinite.
 */
public record ValueRange(double min, double max) {

  /** 0 to 1. */
  public static final ValueRange UNIT = new ValueRange(0, 1);

  /** −1 to 1. */
  public static final ValueRange SIGNED_UNIT = new ValueRange(-1, 1);

  /** 0 and up. */
  public static final ValueRange NON_NEGATIVE = new ValueRange(0, Double.POSITIVE_INFINITY);

  /** Any real number. */
  public static final ValueRange REAL =
      new ValueRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  public ValueRange {
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("not a range: " + min + " to " + max);
    }
  }

  public static ValueRange of(double min, double max) {
    return new ValueRange(min, max);
  }

  /** Whether {@code value} lies in the range. */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  /** The range as docs/metrics.md writes it: {@code 0–1}, {@code 0..}, {@code any real}. */
  public String text() {
    if (Double.isInfinite(min) && Double.isInfinite(max)) {
      return "any real";
    }
    if (Double.isInfinite(max)) {
      return number(min) + "..";
    }
    if (Double.isInfinite(min)) {
      return "..." + number(max);
    }
    return number(min) + "–" + number(max);
  }

  private static String number(double value) {
    String text =
        BigDecimal.valueOf(Math.abs(value))
            .setScale(4, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString();
    return value < 0 ? "−" + text : text;
  }
}
