package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.core.ChunkUnit;
import dev.assay.yaml.YamlDocument;

/**
 * Time chunks of the current data ({@code chunk:} with {@code columns.timestamp}): the drift and
 * fairness families also compute their metrics per chunk (each chunk of the current data against
 * the whole reference, for drift), in the same Spark jobs, as NannyML and Evidently's monitoring
 * do. The spec checks the key's value; the column's type (date or timestamp) is checked when the
 * data is opened.
 *
 * @param timestamp the date or timestamp column that places a row in its chunk
 * @param unit the chunk's length
 * @param at {@code file:line} of {@code columns.timestamp}, for messages about the column
 */
public record Chunking(String timestamp, ChunkUnit unit, String at) {

  /**
   * The spec's chunking, or null without {@code chunk:}.
   *
   * @throws BadInputException when {@code chunk} is not day, week or month, or names no {@code
   *     columns.timestamp}
   */
  public static Chunking of(YamlDocument doc, AuditSpec raw) {
    String chunk = raw.chunk();
    if (chunk == null) {
      return null;
    }
    ChunkUnit unit = ChunkUnit.byId(chunk);
    if (unit == null) {
      throw new BadInputException(
          doc.at("chunk")
              + ": chunk must be day, week or month (found '"
              + chunk
              + "'): the length of the time chunks of the current data, e.g. 'chunk: week'.");
    }
    String timestamp = raw.columns() == null ? null : raw.columns().timestamp();
    if (timestamp == null || timestamp.isBlank()) {
      throw new BadInputException(
          doc.at("chunk")
              + ": chunk: "
              + unit.id()
              + " needs columns.timestamp, the date or timestamp column that places each row"
              + " in its chunk, e.g. 'columns: {timestamp: scored_at}'.");
    }
    return new Chunking(timestamp, unit, doc.at("columns", "timestamp"));
  }
}
