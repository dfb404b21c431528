package dev.assay.spec;

import java.util.Map;
import java.util.TreeMap;

/**
 * A resolved data set: an absolute URI, a known format and the reader options.
 *
 * @param role {@code current} or {@code reference}
 */
public record DataSource(String role, String uri, DataFormat format, Map<String, String> options) {

  public DataSource {
    options = Map.copyOf(new TreeMap<>(options));
  }
}
