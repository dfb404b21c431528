package dev.assay.spark;

import java.util.List;

/**
 * One grouping of a single-pass aggregation: a name (an attribute, or an intersection's joined
 * name) and the columns to group by. An empty column list is the whole data set.
 */
public record Grouping(String name, List<String> columns) {

  public Grouping {
    columns = List.copyOf(columns);
  }

  public static Grouping whole(String name) {
    return new Grouping(name, List.of());
  }
}
