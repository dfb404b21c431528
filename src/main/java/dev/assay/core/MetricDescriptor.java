package dev.assay.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything Assay knows about one metric, in one place: its stable id (as in results.json) and
 * family, the levels it is computed at, its unit and range, which way it is better, a
 * plain-language definition (the report's methodology appendix), the computation in the notation of
 * docs/metrics.md, the paper, library or regulation it follows, the docs section that lists it, and
 * the words a finding uses. Each family declares its descriptors beside the code that computes
 * them; {@code dev.assay.metrics.MetricCatalog} lists them all. Two descriptors are equal when
 * family and id are, so a {@link MetricKey} compares by name.
 *
 * @param topic the docs/metrics.md section that lists the metric (a marker id such as {@code
 *     fairness/group})
 */
public record MetricDescriptor(
    Family family,
    String id,
    Set<MetricLevel> levels,
    MetricUnit unit,
    ValueRange range,
    Direction direction,
    String definition,
    String formula,
    String citation,
    String topic,
    Wording wording) {

  private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

  public MetricDescriptor {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a metric id: " + id);
    }
    if (levels == null || levels.isEmpty()) {
      throw new IllegalArgumentException(id + " needs at least one level");
    }
    levels = Collections.unmodifiableSet(EnumSet.copyOf(levels));
    Objects.requireNonNull(unit, id + ": unit");
    Objects.requireNonNull(range, id + ": range");
    Objects.requireNonNull(direction, id + ": direction");
    Objects.requireNonNull(definition, id + ": definition");
    Objects.requireNonNull(formula, id + ": formula");
    Objects.requireNonNull(citation, id + ": citation");
    Objects.requireNonNull(topic, id + ": topic");
    Objects.requireNonNull(wording, id + ": wording");
  }

  /** Starts a descriptor of {@code family} named {@code id}. */
  public static Builder of(Family family, String id) {
    return new Builder(family, id, null);
  }

  /** Starts a descriptor that {@link Builder#add} appends to {@code list}. */
  static Builder in(MetricList list, Family family, String id) {
    return new Builder(family, id, list);
  }

  /** The name rules use: {@code family.id}, for example {@code fairness.selection_rate}. */
  public String qualifiedName() {
    return family.id() + "." + id;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetricDescriptor d && d.family == family && d.id.equals(id);
  }

  @Override
  public int hashCode() {
    return family.hashCode() * 31 + id.hashCode();
  }

  @Override
  public String toString() {
    return qualifiedName();
  }

  /** Builds a descriptor; the unit's range is the default range. */
  public static final class Builder {
    private final Family family;
    private final String id;
    private Set<MetricLevel> levels = EnumSet.noneOf(MetricLevel.class);
    private MetricUnit unit;
    private ValueRange range;
    private Direction direction;
    private String definition;
    private String formula;
    private String citation;
    private String topic;
    private Wording wording = Wording.GENERAL;
    private final MetricList list;

    private Builder(Family family, String id, MetricList list) {
      this.family = family;
      this.id = id;
      this.list = list;
    }

    public Builder at(MetricLevel first, MetricLevel... more) {
      levels = EnumSet.of(first, more);
      return this;
    }

    public Builder unit(MetricUnit value) {
      unit = value;
      return this;
    }

    public Builder range(double min, double max) {
      range = ValueRange.of(min, max);
      return this;
    }

    public Builder range(ValueRange value) {
      range = value;
      return this;
    }

    public Builder direction(Direction value) {
      direction = value;
      return this;
    }

    /** The plain-language definition and the computation in the docs' notation. */
    public Builder defined(String plain, String computation) {
      definition = plain;
      formula = computation;
      return this;
    }

    public Builder citing(String value) {
      citation = value;
      return this;
    }

    public Builder topic(String value) {
      topic = value;
      return this;
    }

    public Builder wording(Wording value) {
      wording = value;
      return this;
    }

    /**
     * Builds the descriptor and appends it to the family's list that started this builder ({@link
     * MetricList#metric}), so a catalog declares each metric in one expression.
     */
    public MetricDescriptor add() {
      if (list == null) {
        throw new IllegalStateException(id + ": not started by a MetricList; use build()");
      }
      return list.add(this);
    }

    public MetricDescriptor build() {
      return new MetricDescriptor(
          family,
          id,
          levels,
          unit,
          range == null && unit != null ? unit.range() : range,
          direction,
          definition,
          formula,
          citation,
          topic,
          wording);
    }
  }
}
