package dev.assay.spark;

import dev.assay.core.ChunkUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The time chunks of the current data as one more grouping column of a family's existing
 * aggregation ({@code chunk:} with {@code columns.timestamp}): a row's chunk key is the first day
 * of its chunk, {@code date_format(date_trunc(unit, timestamp), 'yyyy-MM-dd')} — a built-in
 * expression, so chunks cost no Spark job of their own. {@code date_trunc('WEEK', …)} starts weeks
 * on Monday (ISO 8601). Rows without a timestamp form the chunk {@value #MISSING}.
 *
 * @param timestamp the date or timestamp column
 * @param unit the chunk's length
 */
public record TimeChunks(String timestamp, ChunkUnit unit) {

  /** The chunk of rows without a timestamp. */
  public static final String MISSING = "(missing)";

  /** The most chunks a family reports; more means a chunk too short for the data's time span. */
  public static final int MAX_CHUNKS = 400;

  /** The chunk key of each row: the first day of its chunk, or {@value #MISSING}. */
  public Column key() {
    Column day =
        functions.date_format(
            functions.date_trunc(unit.name(), Columns.named(timestamp).cast("timestamp")),
            "yyyy-MM-dd");
    return functions.coalesce(day, functions.lit(MISSING));
  }

  /** The chunk named by its ISO 8601 interval ({@code start/end}), from its key. */
  public String interval(String key) {
    return MISSING.equals(key) ? key : unit.interval(key);
  }

  /**
   * Checks that the data's timestamp column exists and is a date or timestamp.
   *
   * @param at {@code file:line} of {@code columns.timestamp}
   */
  public void check(SchemaCheck check, String at) {
    check.requireTemporal(timestamp, "timestamp of the time chunks", at);
  }

  /**
   * The chunks among {@code keys} (the missing chunk not counted), in words for a family's note:
   * {@code 3 chunks of one week by column 'ts'}.
   *
   * @throws dev.assay.core.BadInputException when there are more than {@link #MAX_CHUNKS}
   */
  public String describe(java.util.Collection<String> keys) {
    long count = keys.stream().filter(k -> !MISSING.equals(k)).count();
    checkCount(count);
    return count
        + (count == 1 ? " chunk" : " chunks")
        + " of one "
        + unit.id()
        + " by column '"
        + timestamp
        + "'";
  }

  /**
   * Fails (exit 2) when there are more than {@link #MAX_CHUNKS} chunks.
   *
   * @param count the chunks found (the missing chunk not counted)
   */
  public void checkCount(long count) {
    if (count > MAX_CHUNKS) {
      throw new dev.assay.core.BadInputException(
          "chunk: "
              + unit.id()
              + " splits the current data into "
              + count
              + " chunks by column '"
              + timestamp
              + "'; at most "
              + MAX_CHUNKS
              + " are reported. Choose a longer chunk (week or month).");
    }
  }
}
