package dev.assay.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON Schema of results.json ({@value ResultsJson#SCHEMA}). Its one source is {@code
 * docs/results.schema.json}; the build copies it into the jar at {@value #RESOURCE}, so {@code
 * assay schema} and tests read the very file the documentation links to.
 */
public final class ResultsSchema {

  /** Where the schema sits on the class path. */
  public static final String RESOURCE = "dev/assay/report/results.schema.json";

  private ResultsSchema() {}

  /** The schema file's bytes (UTF-8 JSON). */
  public static byte[] bytes() {
    try (InputStream in = ResultsSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE
                + " is missing from the class path; the build"
                + " copies it from docs/results.schema.json");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
