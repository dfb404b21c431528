package dev.assay.spark;

import java.util.Iterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * A partition function that turns each input row into one output row, lazily, in order: the shape
 * of every per-record call to an outside service (the judge, the safety classifiers) and of
 * per-record scoring. Implementations (small records of what the call needs) say what one row
 * becomes.
 */
public interface RowByRow extends MapPartitionsFunction<Row, Row> {

  @Override
  default Iterator<Row> call(Iterator<Row> rows) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
        .map(this::apply)
        .iterator();
  }

  /** The output row of one input row. */
  Row apply(Row row);
}
