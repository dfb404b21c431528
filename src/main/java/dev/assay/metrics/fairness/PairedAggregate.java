package dev.assay.metrics.fairness;

import dev.assay.spark.AggregateState;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Builds a {@link PairedState} per group with {@code count_if} only (no UDF), in the same
 * aggregation as the models' {@link ConfusionAggregate}s.
 *
 * @param label the label as 1/0 (or a null literal when the audit has none)
 * @param a the champion's prediction as 1/0
 * @param b the challenger's prediction as 1/0
 */
public record PairedAggregate(Column label, Column a, Column b)
    implements AggregateState<PairedState> {

  @Override
  public List<Column> aggregates() {
    Column both = a.isNotNull().and(b.isNotNull());
    Column onlyA = a.equalTo(1).and(b.equalTo(0));
    Column onlyB = a.equalTo(0).and(b.equalTo(1));
    Column pos = both.and(label.equalTo(1));
    Column neg = both.and(label.equalTo(0));
    return List.of(
        functions.count_if(both),
        functions.count_if(onlyA),
        functions.count_if(onlyB),
        functions.count_if(pos),
        functions.count_if(pos.and(onlyA)),
        functions.count_if(pos.and(onlyB)),
        functions.count_if(neg),
        functions.count_if(neg.and(onlyA)),
        functions.count_if(neg.and(onlyB)));
  }

  @Override
  public PairedState read(Row row, int offset) {
    long[] v = new long[9];
    for (int i = 0; i < v.length; i++) {
      v[i] = row.getLong(offset + i);
    }
    return new PairedState(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  }

  @Override
  public PairedState merge(PairedState x, PairedState y) {
    return x.merge(y);
  }
}
