package dev.assay.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data keys beyond a file path: {@code table}, {@code format: delta} with time travel, {@code
 * format: jdbc}, {@code query} over {@code data.inputs}. All checked before Spark starts, each
 * problem a message naming the spec's line and key.
 */
class SourceSpecTest {

  @TempDir Path dir;

  ResolvedSpec load(String data) throws IOException {
    Files.writeString(dir.resolve("p.csv"), "id,score\n1,0.5\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(spec, "version: 1\nname: sources\n" + data + "\n");
    return new SpecLoader(dir.resolve("rules")).load(spec);
  }

  String error(String data) {
    return assertThrows(BadInputException.class, () -> load(data)).getMessage();
  }

  @Test
  void aCatalogTableIsKeptByName() throws IOException {
    DataSource current = load("data: {current: {table: ml.predictions}}").current();
    assertEquals(DataSource.Kind.TABLE, current.kind());
    assertEquals("ml.predictions", current.table());
    assertNull(current.uri());
    assertEquals("table ml.predictions", current.where());
    assertTrue(
        load("data: {current: {table: ml.predictions}}").dataInputs().isEmpty(),
        "a table is no file to keep the outputs apart from");
  }

  @Test
  void aDataSetNamesExactlyOnePlace() {
    String both = error("data: {current: {path: p.csv, table: ml.p}}");
    assertTrue(
        both.contains("audit.yaml:3")
            && both.contains("data.current needs exactly one of")
            && both.contains("found path and table"),
        both);
    assertTrue(
        error("data: {current: {format: csv}}").contains("data.current needs exactly one of"));
    assertTrue(
        error("data: {current: {table: 'ml.p; DROP TABLE x'}}").contains("data.current.table is"));
  }

  @Test
  void timeTravelIsForDeltaOnlyAndOneOfVersionOrTimestamp() throws IOException {
    assertTrue(
        error("data: {current: {path: p.csv, version: 1}}")
            .contains("data.current.version is Delta time travel"));
    Files.createDirectories(dir.resolve("t/_delta_log"));
    DataSource delta = load("data: {current: {path: t, version: 3}}").current();
    assertEquals(DataFormat.DELTA, delta.format(), "a folder with a _delta_log is Delta");
    assertEquals(3L, delta.version());
    assertTrue(
        error("data: {current: {path: t, format: delta, version: 1, timestamp: '2026-01-01'}}")
            .contains("version or timestamp, not both"));
    assertTrue(
        error("data: {current: {path: t, format: delta, timestamp: yesterday}}")
            .contains("data.current.timestamp 'yesterday' is not an ISO-8601"));
    assertTrue(
        error("data: {current: {path: t, format: delta, version: -1}}").contains("0 or more"));
    assertTrue(
        error("data: {current: {path: t, format: delta, options: {versionAsOf: '1'}}}")
            .contains("not as reader options"));
    assertEquals(
        "2026-11-30T12:00:00Z",
        load("data: {current: {path: t, format: delta," + " timestamp: '2026-11-30T12:00:00Z'}}")
            .current()
            .timestamp());
  }

  @Test
  void jdbcTakesAUrlATableOrQueryAndThePasswordOnlyFromTheEnvironment() throws IOException {
    DataSource db =
        load("data: {current: {format: jdbc, url: 'jdbc:postgresql://127.0.0.1:5432/ml',"
                + " table: public.preds, user: auditor, password_env: DB_PASSWORD}}")
            .current();
    assertEquals(DataSource.Kind.JDBC, db.kind());
    assertEquals("DB_PASSWORD", db.passwordEnv());
    assertEquals("public.preds", db.table());
    assertTrue(
        error(
                "data: {current: {format: jdbc, url: 'jdbc:postgresql://h/ml?password=hunter2',"
                    + " table: t}}")
            .contains("data.current.url must not hold a password"));
    assertTrue(
        error(
                "data: {current: {format: jdbc, url: 'jdbc:postgresql://h/ml', table: t,"
                    + " options: {password: hunter2}}}")
            .contains("password_env"));
    assertTrue(
        error("data: {current: {format: jdbc, url: 'jdbc:postgresql://h/ml'}}")
            .contains("needs table (a table or view of the database) or query"));
    assertTrue(error("data: {current: {format: jdbc, table: t}}").contains("needs url"));
    assertTrue(
        error("data: {current: {path: p.csv, password_env: X}}")
            .contains("data.current.password_env is for format: jdbc only"));
    assertFalse(
        error("data: {current: {format: jdbc, url: 'jdbc:postgresql://u:hunter2@h/ml', table: t}}")
            .contains("hunter2 "),
        "the message quotes no password");
  }

  @Test
  void aQueryReadsTheNamedInputs() throws IOException {
    ResolvedSpec spec =
        load(
            "data:\n  inputs:\n    preds: {path: p.csv}\n    labels: {table: ml.labels}\n"
                + "  current: {query: 'SELECT * FROM preds JOIN labels USING (id)'}");
    DataSource current = spec.current();
    assertEquals(DataSource.Kind.QUERY, current.kind());
    assertEquals(List.of("preds", "labels"), List.copyOf(current.views().keySet()));
    assertEquals(
        List.of("data.inputs.preds"),
        List.copyOf(spec.dataInputs().keySet()),
        "the query's file inputs are kept apart from the outputs");
    assertTrue(error("data: {current: {query: 'SELECT 1'}}").contains("the spec has none"));
    assertTrue(
        error("data:\n  inputs: {'bad name': {path: p.csv}}\n  current: {query: 'SELECT 1'}")
            .contains("not a plain SQL name"));
    assertTrue(
        error("data:\n  inputs: {x: {query: 'SELECT 1'}}\n  current: {query: 'SELECT 1'}")
            .contains("data.inputs.x.query"));
  }
}
