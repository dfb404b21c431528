package dev.assay.metrics.privacy;

import dev.assay.spark.Columns;
import dev.assay.spark.MergeableAggregate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Builds the {@link PiiFinding} of one scanned column and {@link PiiType} with built-in aggregates
 * ({@code count}, {@code count_if}, {@code min}, {@code max} of a (hash, masked) struct) over the
 * scan's projection ({@link PiiScan#prepare}), which holds the column's text, the type's match flag
 * and its masked first match, computed once per row.
 *
 * @param column the scanned column's index in the scan
 * @param type the identifier type
 */
public record PiiAggregate(int column, PiiType type) implements MergeableAggregate<PiiFinding> {

  /** The projected text of the column. */
  static String text(int column) {
    return "t" + column;
  }

  /** The projected match flag. */
  String flag() {
    return "f" + column + "_" + type.ordinal();
  }

  /** The projected masked first match (null without a match). */
  String masked() {
    return "m" + column + "_" + type.ordinal();
  }

  @Override
  public List<Column> aggregates() {
    Column masked = Columns.named(masked());
    return List.of(
        functions.count(functions.lit(1)),
        functions.count_if(Columns.named(flag())),
        functions.min(masked),
        functions.max(masked),
        functions.min(
            functions.when(
                masked.isNotNull(),
                functions.struct(functions.xxhash64(Columns.named(text(column))), masked))));
  }

  @Override
  public PiiFinding read(Row row, int offset) {
    Row sample = row.isNullAt(offset + 4) ? null : row.getStruct(offset + 4);
    return new PiiFinding(
        row.getLong(offset),
        row.getLong(offset + 1),
        row.getString(offset + 2),
        row.getString(offset + 3),
        sample == null ? null : sample.getLong(0),
        sample == null ? null : sample.getString(1));
  }
}
