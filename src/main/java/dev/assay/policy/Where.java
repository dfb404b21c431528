package dev.assay.policy;

import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule's scope filter: globs on the {@code attribute}, {@code group}, {@code column} and {@code
 * class} (multi-class fairness) of a metric's scope. A null glob does not constrain its key; a glob
 * on a key the scope does not have (a null value) does not match. {@link #ANY} (a rule without
 * {@code where}) matches every scope.
 */
public record Where(Glob attribute, Glob group, Glob column, Glob classLabel) {

  /** No filter: every scope. */
  public static final Where ANY = new Where(null, null, null, null);

  /** A filter without a class glob. */
  public Where(Glob attribute, Glob group, Glob column) {
    this(attribute, group, column, null);
  }

  /** True when every given glob matches the scope's value for its key. */
  public boolean matches(Scope scope) {
    return (attribute == null || attribute.matches(scope.attribute()))
        && (group == null || group.matches(scope.group()))
        && (column == null || column.matches(scope.column()))
        && (classLabel == null || classLabel.matches(scope.classLabel()));
  }

  /**
   * The scope to report when nothing matched: the literal (wildcard-free) values of the filter, or
   * {@link Scope#DATASET} when the filter names none.
   */
  public Scope literalScope() {
    return new Scope(literal(attribute), literal(group), literal(column), literal(classLabel));
  }

  /** The filter as a rule writes it, for messages: {@code {attribute: "race*"}}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    add(parts, "attribute", attribute);
    add(parts, "group", group);
    add(parts, "column", column);
    add(parts, "class", classLabel);
    return "{" + String.join(", ", parts) + "}";
  }

  private static void add(List<String> parts, String key, Glob glob) {
    if (glob != null) {
      parts.add(key + ": \"" + glob.pattern() + "\"");
    }
  }

  private static String literal(Glob glob) {
    return glob != null && glob.isLiteral() ? glob.pattern() : null;
  }
}
