package dev.assay.core;

import java.util.Comparator;

/**
 * Names one metric value: the metric's descriptor and its scope. Two runs that compute the same key
 * measure the same thing, which is what baselines and rules rely on. Keys order by family, scope
 * and metric id.
 */
public record MetricKey(MetricDescriptor descriptor, Scope scope) implements Comparable<MetricKey> {

  private static final Comparator<MetricKey> ORDER =
      Comparator.comparing(MetricKey::family)
          .thenComparing(MetricKey::scope)
          .thenComparing(MetricKey::metric);

  public MetricKey {
    java.util.Objects.requireNonNull(descriptor, "descriptor");
  }

  public Family family() {
    return descriptor.family();
  }

  /** The metric's stable snake_case id, as in results.json. */
  public String metric() {
    return descriptor.id();
  }

  /** The name rules use: {@code family.metric}, for example {@code fairness.selection_rate}. */
  public String qualifiedName() {
    return descriptor.qualifiedName();
  }

  @Override
  public int compareTo(MetricKey other) {
    return ORDER.compare(this, other);
  }
}
