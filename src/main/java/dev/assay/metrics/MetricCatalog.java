package dev.assay.metrics;

import dev.assay.core.EditDistance;
import dev.assay.core.Family;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricKey;
import dev.assay.core.Scope;
import dev.assay.metrics.drift.DriftMetrics;
import dev.assay.metrics.fairness.FairnessMetrics;
import dev.assay.metrics.llm.LlmMetrics;
import dev.assay.metrics.privacy.PiiType;
import dev.assay.metrics.privacy.PrivacyMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every metric Assay can write to results.json, one {@link MetricDescriptor} each, as the families
 * declare them ({@link FairnessMetrics}, {@link DriftMetrics}, {@link PrivacyMetrics}, {@link
 * LlmMetrics}; the PII metrics one per {@link PiiType}). The report, the rule validator and
 * docs/metrics.md read metric knowledge from here. A lookup is exact: a name the catalog does not
 * hold is unknown, never guessed from its ending.
 */
public final class MetricCatalog {

  private static final Map<Family, Map<String, MetricDescriptor>> BY_FAMILY = build();
  private static final List<MetricDescriptor> ALL = flatten();

  private MetricCatalog() {}

  /** Every descriptor: by family in report order, each family in declaration order. */
  public static List<MetricDescriptor> all() {
    return ALL;
  }

  /** The descriptors of one family, in declaration order. */
  public static List<MetricDescriptor> of(Family family) {
    return List.copyOf(BY_FAMILY.get(family).values());
  }

  /** The metric {@code id} of {@code family}, or empty. */
  public static Optional<MetricDescriptor> find(Family family, String id) {
    if (family == null || id == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_FAMILY.get(family).get(id));
  }

  /** The metric with a qualified name ({@code family.metric}), or empty. */
  public static Optional<MetricDescriptor> find(String qualified) {
    int dot = qualified == null ? -1 : qualified.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    return find(Family.byId(qualified.substring(0, dot)), qualified.substring(dot + 1));
  }

  /** The key of a known metric; an unknown name is a programming error. */
  public static MetricKey key(Family family, String id, Scope scope) {
    return new MetricKey(
        find(family, id)
            .orElseThrow(() -> new IllegalArgumentException("no metric " + family.id() + "." + id)),
        scope);
  }

  /** The place of a metric in the catalog: the report orders metrics by it. */
  public static int rank(MetricDescriptor descriptor) {
    int rank = ALL.indexOf(descriptor);
    return rank < 0 ? ALL.size() : rank;
  }

  /** Every qualified name, sorted. */
  public static List<String> qualifiedNames() {
    List<String> names =
        new ArrayList<>(ALL.stream().map(MetricDescriptor::qualifiedName).toList());
    Collections.sort(names);
    return names;
  }

  /**
   * The {@code n} qualified names closest to {@code qualified} by edit distance, closest first
   * (ties alphabetical), for "did you mean" messages. A name in the wrong family counts as one edit
   * away from the same metric in the right one, so {@code fairness.psi} suggests {@code drift.psi}.
   */
  public static List<String> nearest(String qualified, int n) {
    String text = qualified == null ? "" : qualified;
    String metric = text.substring(text.indexOf('.') + 1);
    record Candidate(String name, int distance) {}
    return qualifiedNames().stream()
        .map(
            name -> {
              String candidate = name.substring(name.indexOf('.') + 1);
              int distance =
                  Math.min(
                      EditDistance.between(text, name),
                      EditDistance.between(metric, candidate) + 1);
              return new Candidate(name, distance);
            })
        .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
        .limit(Math.max(0, n))
        .map(Candidate::name)
        .toList();
  }

  private static Map<Family, Map<String, MetricDescriptor>> build() {
    Map<Family, Map<String, MetricDescriptor>> byFamily = new EnumMap<>(Family.class);
    for (Family family : Family.values()) {
      byFamily.put(family, new LinkedHashMap<>());
    }
    FairnessMetrics.all().forEach(d -> put(byFamily, d));
    DriftMetrics.all().forEach(d -> put(byFamily, d));
    PrivacyMetrics.all().forEach(d -> put(byFamily, d));
    for (PiiType type : PiiType.values()) {
      put(byFamily, PrivacyMetrics.piiCount(type.id()));
      put(byFamily, PrivacyMetrics.piiRate(type.id()));
    }
    LlmMetrics.all().forEach(d -> put(byFamily, d));
    for (PiiType type : PiiType.values()) {
      put(byFamily, LlmMetrics.piiRate(type.id()));
    }
    byFamily.replaceAll((family, map) -> Collections.unmodifiableMap(map));
    return byFamily;
  }

  private static void put(Map<Family, Map<String, MetricDescriptor>> byFamily, MetricDescriptor d) {
    if (byFamily.get(d.family()).putIfAbsent(d.id(), d) != null) {
      throw new IllegalStateException("two metrics named " + d.qualifiedName());
    }
  }

  private static List<MetricDescriptor> flatten() {
    List<MetricDescriptor> all = new ArrayList<>();
    BY_FAMILY.values().forEach(map -> all.addAll(map.values()));
    return List.copyOf(all);
  }
}
