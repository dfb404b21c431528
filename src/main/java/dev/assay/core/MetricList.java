package dev.assay.core;

import java.util.ArrayList;
import java.util.List;

/** The descriptors one family declares, in declaration order (which is report order). */
public final class MetricList {

  private final Family family;
  private final List<MetricDescriptor> descriptors = new ArrayList<>();

  public MetricList(Family family) {
    this.family = family;
  }

  /**
   * Starts a descriptor of this family; its {@link MetricDescriptor.Builder#add} appends it here.
   */
  public MetricDescriptor.Builder metric(String id) {
    return MetricDescriptor.in(this, family, id);
  }

  /** Builds the descriptor and appends it to the list. */
  public MetricDescriptor add(MetricDescriptor.Builder builder) {
    MetricDescriptor descriptor = builder.build();
    descriptors.add(descriptor);
    return descriptor;
  }

  /** Every descriptor, in declaration order. */
  public List<MetricDescriptor> all() {
    return List.copyOf(descriptors);
  }

  /** The descriptor named {@code id}; a name the family does not declare is a programming error. */
  public MetricDescriptor require(String id) {
    for (MetricDescriptor d : descriptors) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    throw new IllegalArgumentException("the " + family.id() + " family declares no metric " + id);
  }
}
