package dev.assay.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resolved data set. It comes from exactly one place, which {@link #kind()} tells: files at an
 * absolute {@code uri} in a file {@code format} (csv, parquet, json, orc, or delta with its
 * optional time travel {@code version} or {@code timestamp}), a catalog {@code table}, a database
 * ({@code format} jdbc: {@code uri} is the JDBC URL, with a {@code table} or a {@code query} the
 * database runs, and the environment variable {@code passwordEnv} that holds the password), or a
 * Spark SQL {@code query} over the {@code views} (each registered as a temporary view under its
 * name). Never holds a password.
 *
 * @param role {@code current}, {@code reference}, {@code training_text} or {@code inputs.NAME}; the
 *     spec key is {@code data.} + role
 * @param uri the files' absolute URI, the JDBC URL, or null for a table or a Spark SQL query
 * @param format the reader; null for a catalog table that is not Delta and for a Spark SQL query
 */
public record DataSource(
    String role,
    String uri,
    DataFormat format,
    Map<String, String> options,
    String table,
    String query,
    Long version,
    String timestamp,
    String user,
    String passwordEnv,
    Map<String, DataSource> views) {

  /** Where a data set comes from. */
  public enum Kind {
    FILES,
    TABLE,
    JDBC,
    QUERY
  }

  public DataSource {
    options = Map.copyOf(new TreeMap<>(options));
    views =
        views == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(views));
  }

  /** Files at {@code uri} in {@code format}. */
  public DataSource(String role, String uri, DataFormat format, Map<String, String> options) {
    this(role, uri, format, options, null, null, null, null, null, null, Map.of());
  }

  /** The catalog table {@code table}; {@code format} is null or {@code delta}. */
  public static DataSource table(
      String role, String table, DataFormat format, Map<String, String> options) {
    return new DataSource(
        role, null, format, options, table, null, null, null, null, null, Map.of());
  }

  /**
   * This source read as of a Delta {@code version} or {@code timestamp} (both null: the latest).
   */
  public DataSource asOf(Long atVersion, String atTimestamp) {
    return new DataSource(
        role, uri, format, options, table, query, atVersion, atTimestamp, user, passwordEnv, views);
  }

  /** Where the data comes from. */
  public Kind kind() {
    if (format == DataFormat.JDBC) {
      return Kind.JDBC;
    }
    if (table != null) {
      return Kind.TABLE;
    }
    return query != null ? Kind.QUERY : Kind.FILES;
  }

  /** The role of {@code llm.vector_search.corpus}. */
  public static final String CORPUS_ROLE = "vector_search_corpus";

  /** The spec key that names this data set, e.g. {@code data.current}. */
  public String key() {
    return keyOf(role);
  }

  /** The spec key of a role. */
  static String keyOf(String role) {
    if (role.equals(CORPUS_ROLE)) {
      return "llm.vector_search.corpus";
    }
    return role.equals("training_text") ? "privacy.training_text" : "data." + role;
  }

  /**
   * What messages show after the key: the path, {@code table NAME}, the JDBC URL with its table, or
   * {@code query}.
   */
  public String where() {
    switch (kind()) {
      case TABLE:
        return "table " + table;
      case JDBC:
        return uri + (table != null ? " table " + table : " query");
      case QUERY:
        return "query over " + String.join(", ", views.keySet());
      default:
        return uri;
    }
  }

  /** Files on a file system: what is hashed as evidence and kept apart from the outputs. */
  public boolean isFiles() {
    return kind() == Kind.FILES;
  }
}
