package dev.assay.core;

import java.util.Comparator;

/**
 * Names one metric value: its family, its stable snake_case name, and its scope. Two runs that
 * compute the same key measure the same thing, which is what baselines and rules rely on.
 */
public record MetricKey(Family family, String metric, Scope scope) implements Comparable<MetricKey> {

  private static final Comparator<MetricKey> ORDER = Comparator.comparing(MetricKey::family)
      .thenComparing(MetricKey::scope)
      .thenComparing(MetricKey::metric);

  /** The name rules use: {@code family.metric}, for example {@code fairness.selection_rate}. */
  public String qualifiedName() {
    return family.id() + "." + metric;
  }

  @Override
  public int compareTo(MetricKey other) {
    return ORDER.compare(this, other);
  }
}
