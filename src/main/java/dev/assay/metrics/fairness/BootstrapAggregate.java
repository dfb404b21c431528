package dev.assay.metrics.fairness;

import dev.assay.spark.Columns;
import dev.assay.spark.MergeableAggregate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Builds a {@link BootstrapState} per cell with built-in {@code sum}s of the replicate weight
 * columns ({@link BootstrapWeights}): four per replicate, in the same aggregation as every other
 * fairness state.
 *
 * @param label the label as 1/0 (or a null literal)
 * @param prediction the prediction as 1/0 (or a null literal)
 * @param replicates the number of replicates
 */
public record BootstrapAggregate(Column label, Column prediction, int replicates)
    implements MergeableAggregate<BootstrapState> {

  @Override
  public List<Column> aggregates() {
    List<Column> out = new ArrayList<>(4 * replicates);
    for (int r = 0; r < replicates; r++) {
      Column w = Columns.named(BootstrapWeights.column(r));
      out.add(functions.sum(w));
      out.add(functions.sum(functions.when(prediction.equalTo(1), w)));
      out.add(functions.sum(functions.when(label.equalTo(1), w)));
      out.add(functions.sum(functions.when(label.equalTo(1).and(prediction.equalTo(1)), w)));
    }
    return out;
  }

  @Override
  public BootstrapState read(Row row, int offset) {
    long[] counts = new long[4 * replicates];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = row.isNullAt(offset + i) ? 0 : row.getLong(offset + i);
    }
    return new BootstrapState(counts);
  }
}
