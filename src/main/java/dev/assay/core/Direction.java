package dev.assay.core;

/**
 * Which way a metric is better, so the report can say whether a change from the {@code --baseline}
 * run is a regression. Rules decide pass and fail; this only labels changes for the reader, and a
 * metric without a clear better side (a group's selection rate, a p-value, a length) is {@link
 * #NEUTRAL}: its change is shown but never called worse. {@link #TOWARD_ONE} is for parity ratios
 * (1 is parity, so a move away from 1 is worse), {@link #TOWARD_ZERO} for parity differences and
 * signed errors (0 is parity).
 */
public enum Direction {
  HIGHER_BETTER("higher"),
  LOWER_BETTER("lower"),
  TOWARD_ONE("toward 1"),
  TOWARD_ZERO("toward 0"),
  NEUTRAL("neutral");

  /** Changes smaller than this are rounding, not a change. */
  public static final double TOLERANCE = 1e-9;

  private final String words;

  Direction(String words) {
    this.words = words;
  }

  /** The direction as docs/metrics.md writes it ("toward 1"). */
  public String words() {
    return words;
  }

  /**
   * Whether moving from {@code before} to {@code now} is a regression (beyond {@link #TOLERANCE}).
   */
  public boolean worse(double before, double now) {
    return switch (this) {
      case HIGHER_BETTER -> now < before - TOLERANCE;
      case LOWER_BETTER -> now > before + TOLERANCE;
      case TOWARD_ONE -> Math.abs(now - 1) > Math.abs(before - 1) + TOLERANCE;
      case TOWARD_ZERO -> Math.abs(now) > Math.abs(before) + TOLERANCE;
      case NEUTRAL -> false;
    };
  }

  /** Whether the move is an improvement (beyond {@link #TOLERANCE}). */
  public boolean better(double before, double now) {
    return this != NEUTRAL && worse(now, before);
  }
}
