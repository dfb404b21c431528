package dev.assay.metrics.fairness;

import java.util.List;

/**
 * The models a champion/challenger audit compares: the champion's name (its columns are the
 * fairness input's own) and the challengers.
 *
 * @param champion the champion's name in the spec's {@code models:}
 * @param challengers the other models, in spec order
 */
public record ModelComparison(String champion, List<Challenger> challengers) {

  /** An audit of one model. */
  public static final ModelComparison NONE = new ModelComparison(null, List.of());

  public ModelComparison {
    challengers = List.copyOf(challengers);
  }

  /** Whether there is a challenger to compare. */
  public boolean on() {
    return !challengers.isEmpty();
  }
}
