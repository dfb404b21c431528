package dev.assay.spark;

import java.util.Collection;
import org.apache.spark.sql.Column;

/**
 * The chunks of the current data ({@code chunk:} with {@code columns.timestamp}) as one more
 * grouping column of a family's existing aggregation: by calendar time ({@link TimeChunks}) or by a
 * row count in timestamp order ({@link RowChunks}). Either way a row's chunk key is a built-in
 * expression over the row, so chunks add no Spark job to a family.
 */
public interface Chunks {

  /** The chunk of rows without a timestamp. */
  String MISSING = "(missing)";

  /** The most chunks a family reports. */
  int MAX_CHUNKS = 400;

  /** The date or timestamp column that places a row in its chunk. */
  String timestamp();

  /** The chunk key of each row, {@value #MISSING} without a timestamp; keys sort in chunk order. */
  Column key();

  /** The chunk's name in results.json ({@code chunk}), from its key. */
  String interval(String key);

  /**
   * The chunks among {@code keys} (the missing chunk not counted), in words for a family's note.
   *
   * @throws dev.assay.core.BadInputException when there are more than {@link #MAX_CHUNKS}
   */
  String describe(Collection<String> keys);
}
