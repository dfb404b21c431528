package dev.assay.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One file of a report bundle, written through a stream so that its size never has to fit in
 * memory: a publisher streams it into a staging file and moves it into place. A file may depend on
 * the files written before it (manifest.json lists their sizes and hashes).
 */
public interface ReportFile {

  /** The file's name in the report folder. */
  String name();

  /**
   * Writes the file's bytes to {@code out} (flushed, not closed).
   *
   * @param written the files of the bundle written before this one, with their sizes and hashes
   */
  void writeTo(OutputStream out, List<WrittenFile> written) throws IOException;

  /** A written report file: its name, size in bytes and lower-case hex SHA-256. */
  record WrittenFile(String name, long size, String sha256) {}
}
