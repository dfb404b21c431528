package dev.assay.metrics.drift;

import dev.assay.spec.DriftOptions;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the drift family runs on, checked by {@link DriftPlan}: both data sets, the columns to
 * compare (each present on both sides with a compatible type), the options, and notes about columns
 * left out. The segment attributes are {@code options.segmentBy()}, checked to be on both sides.
 */
public record DriftInput(
    Dataset<Row> reference,
    Dataset<Row> current,
    List<DriftColumn> columns,
    DriftOptions options,
    List<String> notes) {

  public DriftInput {
    columns = List.copyOf(columns);
    notes = List.copyOf(notes);
  }
}
