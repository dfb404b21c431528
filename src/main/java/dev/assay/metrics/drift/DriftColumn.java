package dev.assay.metrics.drift;

/**
 * One column compared between reference and current: its name, why it is compared ({@code feature},
 * {@code label}, {@code prediction}, {@code score}, or a part of another column: {@code text
 * descriptor}, {@code embedding component}), how ({@link Kind}), why it got that kind (said in the
 * report and results.json), and whether it is a string column whose kind the first pass decides
 * (categorical or text, see {@link ColumnKinds}).
 */
public record DriftColumn(String name, String role, Kind kind, String why, boolean textCandidate) {

  /** The role of the derived numeric columns of a text column (one per descriptor). */
  public static final String TEXT_DESCRIPTOR = "text descriptor";

  /** The role of the derived numeric columns of an embedding column (one per dimension). */
  public static final String EMBEDDING_COMPONENT = "embedding component";

  /**
   * Numeric columns get KS, Wasserstein and quantile bins; categorical ones chi-squared; text
   * columns descriptors and the text domain classifier; embedding columns the embedding methods.
   */
  public enum Kind {
    NUMERIC,
    CATEGORICAL,
    TEXT,
    EMBEDDING;

    /** The kind's name as the spec and the report write it. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A column whose kind is fixed (by its type or role), with a generic reason. */
  public DriftColumn(String name, String role, Kind kind) {
    this(name, role, kind, kind.id() + " " + role, false);
  }

  /** The same column with another kind and reason (decided after the first pass). */
  public DriftColumn as(Kind newKind, String newWhy) {
    return new DriftColumn(name, role, newKind, newWhy, false);
  }

  /** Whether the column is derived from another one (a descriptor or component). */
  public boolean derived() {
    return role.equals(TEXT_DESCRIPTOR) || role.equals(EMBEDDING_COMPONENT);
  }
}
