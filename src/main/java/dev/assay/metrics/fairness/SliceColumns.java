package dev.assay.metrics.fairness;

import dev.assay.core.BadInputException;
import dev.assay.core.Scope;
import dev.assay.spark.CellLimits;
import dev.assay.spark.Columns;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The sensitive columns of a fairness task's slices as the cells of its one aggregation: each
 * distinct column becomes an internal string column ({@link GroupLimit#groupColumn(int)}) in which
 * a missing value is its own group, {@value FairnessAnalysis#MISSING}. Shared by the
 * classification, regression and multi-class analyses.
 */
final class SliceColumns {

  private final List<Slice> slices;
  private final List<String> columns;

  private SliceColumns(List<Slice> slices) {
    this.slices = List.copyOf(slices);
    this.columns = slices.stream().flatMap(s -> s.columns().stream()).distinct().toList();
  }

  static SliceColumns of(List<Slice> slices) {
    return new SliceColumns(slices);
  }

  /** {@code data} with one internal group column per distinct sensitive column. */
  Dataset<Row> addTo(Dataset<Row> data) {
    Dataset<Row> out = data;
    for (int i = 0; i < columns.size(); i++) {
      out =
          out.withColumn(
              GroupLimit.groupColumn(i),
              functions.coalesce(
                  Columns.named(columns.get(i)).cast("string"),
                  functions.lit(FairnessAnalysis.MISSING)));
    }
    return out;
  }

  /** The internal group columns of {@code slice}, then {@code more} cell columns. */
  List<String> cellColumns(Slice slice, String... more) {
    List<String> out =
        new ArrayList<>(
            slice.columns().stream().map(c -> GroupLimit.groupColumn(columns.indexOf(c))).toList());
    out.addAll(List.of(more));
    return out;
  }

  /** One grouping per slice, named after it, in slice order. */
  List<Grouping> groupings() {
    return slices.stream().map(s -> new Grouping(s.name(), cellColumns(s))).toList();
  }

  /** The group limits, with {@code otherNames} naming the task's other internal cell columns. */
  CellLimits limits(int maxGroups, Map<String, String> otherNames) {
    return GroupLimit.of(this, maxGroups, otherNames);
  }

  List<String> columns() {
    return columns;
  }

  /** A group's name from its key values: an intersection's values joined. */
  static String group(List<String> key) {
    return String.join(Scope.INTERSECTION_SEPARATOR, key);
  }

  /** The whole data set's row; empty input gives no cell at all, so no such row: exit 2. */
  static GroupedStates whole(List<GroupedStates> rows) {
    return rows.stream()
        .filter(r -> r.grouping().columns().isEmpty())
        .findFirst()
        .orElseThrow(
            () ->
                new BadInputException(
                    "the current data set has no rows: there is nothing"
                        + " to audit. Check data.current's path and filters."));
  }
}
