package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one data set of a spec ({@code data.current}, {@code data.reference} or {@code
 * data.inputs.NAME}) and resolves it into a {@link DataSource}, with the file and line of the first
 * problem. A data set names exactly one place: {@code path} (files, Delta included), {@code table}
 * (a catalog table), {@code url} with {@code format: jdbc} (a database), or {@code query} (Spark
 * SQL over {@code data.inputs}). Everything here is checked before Spark starts; whether a table
 * exists or a query parses is checked when the data is opened.
 */
final class SourceSpec {

  private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  /** A view name: a SQL identifier that needs no quoting. */
  private static final Pattern VIEW_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** A table name: one to three dotted identifiers, each plain or in back-quotes. */
  private static final Pattern TABLE_NAME =
      Pattern.compile(
          "(?:[A-Za-z_][A-Za-z0-9_]*|`[^`]+`)(?:\\.(?:[A-Za-z_][A-Za-z0-9_]*|`[^`]+`)){0,2}");

  /** An environment variable's name. */
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final YamlDocument doc;
  private final Path folder;

  SourceSpec(YamlDocument doc, Path folder) {
    this.doc = doc;
    this.folder = folder;
  }

  /**
   * The named inputs of {@code data.inputs}, each resolved (none of them may be a Spark SQL query).
   */
  Map<String, DataSource> inputs(Map<String, AuditSpec.Source> raw) {
    Map<String, DataSource> views = new LinkedHashMap<>();
    if (raw == null) {
      return views;
    }
    for (Map.Entry<String, AuditSpec.Source> e : raw.entrySet()) {
      String name = e.getKey();
      if (!VIEW_NAME.matcher(name).matches()) {
        throw new BadInputException(
            doc.at("data", "inputs", name)
                + ": data.inputs names '"
                + name
                + "', which is not a plain SQL name; use letters, digits and '_' (not first), e.g."
                + " 'labels'.");
      }
      if (e.getValue() == null) {
        throw new BadInputException(
            doc.at("data", "inputs", name)
                + ": data.inputs."
                + name
                + " needs a data set, e.g. '{path: labels.csv}' or '{table: ml.labels}'.");
      }
      if (e.getValue().query() != null && !"jdbc".equalsIgnoreCase(e.getValue().format())) {
        throw new BadInputException(
            doc.at("data", "inputs", name, "query")
                + ": data.inputs."
                + name
                + ".query: a named input is read as it is; put the Spark SQL query in data.current.query"
                + " (or data.reference.query), which reads the named inputs as views.");
      }
      views.put(name, resolve("inputs." + name, e.getValue(), Map.of()));
    }
    return views;
  }

  /** {@code data.ROLE} resolved; a Spark SQL {@code query} reads the named {@code views}. */
  DataSource resolve(String role, AuditSpec.Source s, Map<String, DataSource> views) {
    Object[] at = at(role);
    String key = DataSource.keyOf(role);
    DataFormat format = null;
    if (s.format() != null) {
      format = DataFormat.parse(s.format());
      if (format == null) {
        throw new BadInputException(
            doc.at(append(at, "format"))
                + ": unknown format '"
                + s.format()
                + "'; use one of "
                + DataFormat.NAMES
                + ".");
      }
    }
    List<String> places = new ArrayList<>();
    if (s.path() != null) {
      places.add("path");
    }
    if (s.table() != null && format != DataFormat.JDBC) {
      places.add("table");
    }
    if (s.url() != null || format == DataFormat.JDBC) {
      places.add("url");
    }
    if (s.query() != null && format != DataFormat.JDBC) {
      places.add("query");
    }
    if (places.size() != 1) {
      throw new BadInputException(
          doc.at(at)
              + ": "
              + key
              + " needs exactly one of path (files),"
              + " table (a catalog table), url with format: jdbc (a database) or query (Spark SQL over"
              + " data.inputs)"
              + (places.isEmpty() ? "" : "; found " + String.join(" and ", places))
              + ", e.g. '"
              + key
              + ": {path: predictions.parquet}'.");
    }
    checkTimeTravel(at, key, s, format);
    if (s.user() != null || s.passwordEnv() != null) {
      if (format != DataFormat.JDBC) {
        throw new BadInputException(
            doc.at(append(at, s.user() != null ? "user" : "password_env"))
                + ": "
                + key
                + "."
                + (s.user() != null ? "user" : "password_env")
                + " is for format:"
                + " jdbc only. Remove it.");
      }
    }
    Map<String, String> options = new HashMap<>();
    switch (places.get(0)) {
      case "table":
        return table(role, at, key, s, format, options);
      case "url":
        return jdbc(role, at, key, s, options);
      case "query":
        return query(role, at, key, s, format, views);
      default:
        return files(role, at, key, s, format, options);
    }
  }

  private DataSource files(
      String role,
      Object[] at,
      String key,
      AuditSpec.Source s,
      DataFormat given,
      Map<String, String> options) {
    if (s.path().isBlank()) {
      throw new BadInputException(doc.at(append(at, "path")) + ": " + key + ".path is empty.");
    }
    String uri = s.path();
    boolean remote = URI_SCHEME.matcher(uri).matches() && !uri.startsWith("file:");
    Path local = null;
    if (!remote) {
      local =
          folder
              .resolve(uri.startsWith("file:") ? uri.substring("file:".length()) : uri)
              .normalize();
      if (!Files.exists(local)) {
        throw new BadInputException(
            doc.at(append(at, "path"))
                + ": "
                + key
                + " file not found: "
                + local
                + " (relative paths resolve from the spec's folder). Check the path, or run"
                + " 'assay demo-data' for the demo data.");
      }
      uri = local.toString();
    }
    DataFormat format = given;
    if (format == null) {
      format =
          local != null && Files.isDirectory(local.resolve("_delta_log"))
              ? DataFormat.DELTA
              : DataFormat.fromPath(s.path());
      if (format == null) {
        throw new BadInputException(
            doc.at(append(at, "path"))
                + ": cannot tell the format of '"
                + s.path()
                + "' from its name; add 'format: csv' (or parquet, json, orc, delta).");
      }
    }
    if (format == DataFormat.CSV) {
      options.put("header", "true");
      options.put("inferSchema", "true");
    }
    if (s.options() != null) {
      options.putAll(s.options());
    }
    if (format == DataFormat.DELTA
        && s.options() != null
        && (s.options().containsKey("versionAsOf") || s.options().containsKey("timestampAsOf"))) {
      throw new BadInputException(
          doc.at(append(at, "options"))
              + ": give Delta time travel with "
              + key
              + ".version or "
              + key
              + ".timestamp (recorded in the manifest), not as reader options.");
    }
    return new DataSource(role, uri, format, options).asOf(s.version(), timestamp(at, key, s));
  }

  private DataSource table(
      String role,
      Object[] at,
      String key,
      AuditSpec.Source s,
      DataFormat format,
      Map<String, String> options) {
    if (!TABLE_NAME.matcher(s.table()).matches()) {
      throw new BadInputException(
          doc.at(append(at, "table"))
              + ": "
              + key
              + ".table is "
              + shown(s.table())
              + "; name a catalog table as [catalog.][database.]table, e.g."
              + " 'ml.predictions' (back-quote a part with other characters).");
    }
    if (format != null && format != DataFormat.DELTA) {
      throw new BadInputException(
          doc.at(append(at, "format"))
              + ": "
              + key
              + ".table reads a catalog"
              + " table in whatever format the catalog records; remove format (or give format: delta"
              + " for time travel).");
    }
    if (s.options() != null) {
      options.putAll(s.options());
    }
    return DataSource.table(role, s.table(), format, options)
        .asOf(s.version(), timestamp(at, key, s));
  }

  private DataSource jdbc(
      String role, Object[] at, String key, AuditSpec.Source s, Map<String, String> options) {
    if (s.url() == null || !s.url().startsWith("jdbc:")) {
      throw new BadInputException(
          doc.at(append(at, s.url() == null ? "format" : "url"))
              + ": "
              + key
              + " with format: jdbc needs url, a JDBC URL such as"
              + " 'jdbc:postgresql://db.example.com:5432/ml'.");
    }
    if (s.path() != null) {
      throw new BadInputException(
          doc.at(append(at, "path"))
              + ": "
              + key
              + " with format: jdbc"
              + " reads from url; remove path.");
    }
    if (s.url().toLowerCase(java.util.Locale.ROOT).matches(".*[?;&:]password=.*")
        || s.url().matches("(?i)jdbc:[a-z0-9]+://[^/@]*:[^/@]*@.*")) {
      throw new BadInputException(
          doc.at(append(at, "url"))
              + ": "
              + key
              + ".url must not hold a"
              + " password (the spec and the manifest are not secret); name the environment variable"
              + " that holds it in "
              + key
              + ".password_env.");
    }
    if ((s.table() == null) == (s.query() == null)) {
      throw new BadInputException(
          doc.at(at)
              + ": "
              + key
              + " with format: jdbc needs table (a"
              + " table or view of the database) or query (SQL the database runs), exactly one.");
    }
    if (s.passwordEnv() != null && !ENV_NAME.matcher(s.passwordEnv()).matches()) {
      throw new BadInputException(
          doc.at(append(at, "password_env"))
              + ": "
              + key
              + ".password_env"
              + " names an environment variable, e.g. 'DB_PASSWORD'; found "
              + shown(s.passwordEnv())
              + ".");
    }
    if (s.options() != null) {
      for (String option : s.options().keySet()) {
        String lower = option.toLowerCase(java.util.Locale.ROOT);
        if (List.of("password", "user", "url", "dbtable", "query").contains(lower)) {
          throw new BadInputException(
              doc.at(append(at, "options", option))
                  + ": "
                  + key
                  + ".options."
                  + option
                  + ": give it as "
                  + key
                  + "."
                  + (lower.equals("password")
                      ? "password_env (the name of an environment variable)"
                      : lower.equals("dbtable") ? "table" : lower)
                  + ", not as a reader option.");
        }
      }
      options.putAll(s.options());
    }
    return new DataSource(
        role,
        s.url(),
        DataFormat.JDBC,
        options,
        s.table(),
        s.query(),
        null,
        null,
        s.user(),
        s.passwordEnv(),
        Map.of());
  }

  private DataSource query(
      String role,
      Object[] at,
      String key,
      AuditSpec.Source s,
      DataFormat format,
      Map<String, DataSource> views) {
    if (format != null || s.options() != null) {
      throw new BadInputException(
          doc.at(append(at, format != null ? "format" : "options"))
              + ": "
              + key
              + ".query is Spark SQL over data.inputs and takes no format or options; give those"
              + " to the named inputs.");
    }
    if (s.query().isBlank()) {
      throw new BadInputException(doc.at(append(at, "query")) + ": " + key + ".query is empty.");
    }
    if (views.isEmpty()) {
      throw new BadInputException(
          doc.at(append(at, "query"))
              + ": "
              + key
              + ".query reads the"
              + " named data.inputs, and the spec has none; add e.g. 'data: {inputs: {predictions:"
              + " {path: p.parquet}, labels: {table: ml.labels}}}'.");
    }
    return new DataSource(
        role, null, null, Map.of(), null, s.query(), null, null, null, null, views);
  }

  /** {@code version} and {@code timestamp}: one of them, for Delta only. */
  private void checkTimeTravel(Object[] at, String key, AuditSpec.Source s, DataFormat format) {
    if (s.version() == null && s.timestamp() == null) {
      return;
    }
    String field = s.version() != null ? "version" : "timestamp";
    boolean delta =
        format == DataFormat.DELTA
            || format == null
                && s.path() != null
                && !URI_SCHEME.matcher(s.path()).matches()
                && Files.isDirectory(folder.resolve(s.path()).normalize().resolve("_delta_log"));
    if (!delta) {
      throw new BadInputException(
          doc.at(append(at, field))
              + ": "
              + key
              + "."
              + field
              + " is Delta"
              + " time travel; add 'format: delta' to read a Delta table, or remove it.");
    }
    if (s.version() != null && s.timestamp() != null) {
      throw new BadInputException(
          doc.at(append(at, "timestamp"))
              + ": "
              + key
              + " takes version or"
              + " timestamp, not both.");
    }
    if (s.version() != null && s.version() < 0) {
      throw new BadInputException(
          doc.at(append(at, "version"))
              + ": "
              + key
              + ".version is a Delta"
              + " table version, 0 or more (found "
              + s.version()
              + ").");
    }
  }

  /** The timestamp as Delta takes it, checked: an ISO-8601 instant or date. */
  private String timestamp(Object[] at, String key, AuditSpec.Source s) {
    String t = s.timestamp();
    if (t == null) {
      return null;
    }
    try {
      Instant.parse(t);
      return t;
    } catch (DateTimeParseException e) {
      try {
        LocalDate.parse(t);
        return t;
      } catch (DateTimeParseException e2) {
        throw new BadInputException(
            doc.at(append(at, "timestamp"))
                + ": "
                + key
                + ".timestamp "
                + shown(t)
                + " is not an ISO-8601"
                + " instant or date; write e.g. '2026-11-30T12:00:00Z' or '2026-11-30'.");
      }
    }
  }

  private static Object[] at(String role) {
    if (role.equals(DataSource.CORPUS_ROLE)) {
      return new Object[] {"llm", "vector_search", "corpus"};
    }
    return role.startsWith("inputs.")
        ? new Object[] {"data", "inputs", role.substring("inputs.".length())}
        : new Object[] {"data", role};
  }

  private static Object[] append(Object[] path, Object... more) {
    Object[] out = java.util.Arrays.copyOf(path, path.length + more.length);
    System.arraycopy(more, 0, out, path.length, more.length);
    return out;
  }

  private static String shown(String value) {
    return "'"
        + (value.length() > 60 ? value.substring(0, 60) + "…" : value).replaceAll("\\p{Cntrl}", "?")
        + "'";
  }
}
