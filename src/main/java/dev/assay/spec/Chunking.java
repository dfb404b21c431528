package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.core.ChunkUnit;
import dev.assay.yaml.YamlDocument;
import java.util.Map;

/**
 * Chunks of the current data ({@code chunk:} with {@code columns.timestamp}): the drift and
 * fairness families also compute their metrics per chunk (each chunk of the current data against
 * the whole reference, for drift), in the same Spark jobs, as NannyML and Evidently's monitoring
 * do. A chunk is a calendar {@code day}, {@code week} or {@code month}, or a run of consecutive
 * rows in timestamp order ({@code chunk: {rows: N}}, NannyML's size-based chunks). The spec checks
 * the key's value; the column's type (date or timestamp) is checked when the data is opened.
 *
 * @param timestamp the date or timestamp column that places a row in its chunk
 * @param unit the time chunk's length; null for row chunks
 * @param rows the rows per chunk ({@code chunk.rows}); null for time chunks
 * @param at {@code file:line} of {@code columns.timestamp}, for messages about the column
 * @param chunkAt {@code file:line} of {@code chunk} ({@code chunk.rows} for row chunks)
 */
public record Chunking(String timestamp, ChunkUnit unit, Long rows, String at, String chunkAt) {

  /**
   * The spec's chunking, or null without {@code chunk:}.
   *
   * @throws BadInputException when {@code chunk} is not day, week, month or {@code {rows: N}} with
   *     a whole number N of at least 1, or names no {@code columns.timestamp}
   */
  public static Chunking of(YamlDocument doc, AuditSpec raw) {
    Object chunk = raw.chunk();
    if (chunk == null) {
      return null;
    }
    ChunkUnit unit = null;
    Long rows = null;
    String chunkAt = doc.at("chunk");
    if (chunk instanceof Map<?, ?> map) {
      rows = rows(doc, map);
      chunkAt = doc.at("chunk", "rows");
    } else {
      unit = chunk instanceof String s ? ChunkUnit.byId(s) : null;
      if (unit == null) {
        throw new BadInputException(
            doc.at("chunk")
                + ": chunk must be day, week or month, or {rows: N} (found '"
                + shown(String.valueOf(chunk))
                + "'): the length of the time chunks of the current data, e.g. 'chunk: week',"
                + " or the rows per chunk in timestamp order, e.g. 'chunk: {rows: 10000}'.");
      }
    }
    String timestamp = raw.columns() == null ? null : raw.columns().timestamp();
    if (timestamp == null || timestamp.isBlank()) {
      throw new BadInputException(
          doc.at("chunk")
              + ": chunk: "
              + (unit == null ? "{rows: " + rows + "}" : unit.id())
              + " needs columns.timestamp, the date or timestamp column that "
              + (unit == null ? "orders the rows" : "places each row in its chunk")
              + ", e.g. 'columns: {timestamp: scored_at}'.");
    }
    return new Chunking(timestamp, unit, rows, doc.at("columns", "timestamp"), chunkAt);
  }

  /** {@code chunk.rows}: the one key of a mapping, a whole number of at least 1. */
  private static Long rows(YamlDocument doc, Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!"rows".equals(key)) {
        throw new BadInputException(
            doc.at("chunk", String.valueOf(key))
                + ": unknown key 'chunk."
                + shown(String.valueOf(key))
                + "'; the key allowed here is: rows, e.g. 'chunk: {rows: 10000}'.");
      }
    }
    Object n = map.get("rows");
    if (!(n instanceof Integer || n instanceof Long) || ((Number) n).longValue() < 1) {
      throw new BadInputException(
          doc.at("chunk", "rows")
              + ": chunk.rows must be a whole number of at least 1 (found '"
              + shown(String.valueOf(n))
              + "'): the rows per chunk, in timestamp order, e.g. 'chunk: {rows: 10000}'.");
    }
    return ((Number) n).longValue();
  }

  /** A found value for a message, cut to 80 characters. */
  private static String shown(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }
}
