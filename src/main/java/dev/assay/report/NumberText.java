package dev.assay.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as the human-facing reports (HTML, Markdown, JUnit messages) show them: whole numbers
 * without decimals, others rounded half-up to four decimals, tiny non-zero values as {@code <
 * 0.0001} rather than a misleading zero, and a dash for a missing value. results.json keeps full
 * precision; only these reports round.
 */
public final class NumberText {

  /** What a missing or undefined value shows as. */
  public static final String MISSING = "—";

  private static final double SMALLEST_SHOWN = 0.00005;

  private NumberText() {}

  public static String of(Double value) {
    if (value == null || value.isNaN()) {
      return MISSING;
    }
    return of(value.doubleValue());
  }

  public static String of(double value) {
    if (Double.isNaN(value)) {
      return MISSING;
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "−∞";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    if (Math.abs(value) < SMALLEST_SHOWN) {
      return value > 0 ? "< 0.0001" : "> -0.0001";
    }
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }
}
