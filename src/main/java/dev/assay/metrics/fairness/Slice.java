package dev.assay.metrics.fairness;

import dev.assay.core.Scope;
import java.util.List;

/**
 * A way to split the data into groups: one sensitive attribute, or an intersection of several. Its
 * name is the attribute, or the intersection's attributes joined with {@code " & "}.
 */
public record Slice(List<String> columns) {

  public Slice {
    columns = List.copyOf(columns);
  }

  public String name() {
    return String.join(Scope.INTERSECTION_SEPARATOR, columns);
  }
}
