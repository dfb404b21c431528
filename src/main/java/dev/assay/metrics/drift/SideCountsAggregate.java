package dev.assay.metrics.drift;

import dev.assay.spark.MergeableAggregate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Counts a cell's rows per side with {@code count_if} on the side tag (0 reference, 1 current): the
 * side is a cohort counted inside the aggregation rather than one more grouping column, so a value
 * seen on both sides comes back as one row.
 *
 * @param side the side tag column
 */
public record SideCountsAggregate(Column side) implements MergeableAggregate<SideCounts> {

  @Override
  public List<Column> aggregates() {
    return List.of(functions.count_if(side.equalTo(0)), functions.count_if(side.equalTo(1)));
  }

  @Override
  public SideCounts read(Row row, int offset) {
    return new SideCounts(row.getLong(offset), row.getLong(offset + 1));
  }
}
