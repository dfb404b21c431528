package dev.assay.publish;

import java.net.URI;
import java.util.Map;

/**
 * Somewhere a report bundle goes (a local directory, a blob container). A publisher writes every
 * file or fails with {@link dev.assay.core.RunFailedException}; readers never see a half file.
 */
public interface Publisher {

  /**
   * Writes the files (name to bytes, in the order given, except that results.json and manifest.json
   * go last) and returns where they went.
   */
  URI publish(Map<String, byte[]> files);
}
