package dev.assay.core;

import java.util.List;

/**
 * How a data set that is not plain files was read, so the audit can be reproduced: a catalog table
 * by its name, a Delta table by the snapshot version read (time travel pins it), a database by its
 * JDBC URL and table or query, a Spark SQL query by its text and the named inputs it read. Never a
 * password.
 *
 * @param role the spec key, e.g. {@code data.current} or {@code data.inputs.labels}
 * @param kind {@code table}, {@code delta}, {@code jdbc} or {@code query}
 * @param location the Delta folder's URI or the JDBC URL; null for a catalog table or a query
 * @param table the catalog or database table; null otherwise
 * @param version the Delta snapshot version read; null when not Delta
 * @param timestamp the time-travel timestamp the spec gave; null otherwise
 * @param query the query text (Spark SQL, or the database's for JDBC); null otherwise
 * @param inputs the named inputs a Spark SQL query read; empty otherwise
 */
public record SourceEvidence(
    String role,
    String kind,
    String location,
    String table,
    Long version,
    String timestamp,
    String query,
    List<String> inputs) {

  public SourceEvidence {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }
}
