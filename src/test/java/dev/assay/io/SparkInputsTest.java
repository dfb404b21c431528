package dev.assay.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audits of data that lives where Spark keeps it, end to end through the CLI: a catalog table, a
 * Delta table read at two versions (two verdicts, two manifests), and a Spark SQL query joining
 * predictions with labels that arrive apart. Tiny data: two groups of 40 rows. Tagged slow (about
 * 20 s: Delta's first use); it runs in CI's slow step.
 */
@Tag("slow")
class SparkInputsTest {

  static final String TABLE = "assay_inputs_test_predictions";
  static final String COLUMNS =
      "columns: {label: outcome, prediction: approved, sensitive: [grp]}\n"
          + "rules: [rules/eeoc-four-fifths.yaml]\n";

  @TempDir static Path shared;
  @TempDir Path dir;

  static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SharedSpark.get();
  }

  @AfterAll
  static void dropTable() {
    spark.sql("DROP TABLE IF EXISTS " + TABLE);
  }

  /** Group A: 20 of 40 approved; group B: {@code bApproved} of 40. Labels alternate. */
  static Dataset<Row> rows(int bApproved) throws IOException {
    List<String> lines = new ArrayList<>(List.of("id,grp,outcome,approved"));
    for (int i = 0; i < 40; i++) {
      lines.add(i + ",A," + (i % 2) + "," + (i < 20 ? 1 : 0));
      lines.add((40 + i) + ",B," + (i % 2) + "," + (i < bApproved ? 1 : 0));
    }
    Path csv = Files.createTempFile(shared, "rows", ".csv");
    Files.write(csv, lines);
    return spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString());
  }

  Result audit(String data, Path out) throws IOException {
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(spec, "version: 1\nname: inputs-audit\n" + data + "\n" + COLUMNS);
    return CliRun.run("audit", spec.toString(), "--out", out.toString(), "--quiet");
  }

  static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void aCatalogTableIsAuditedByNameAndAMissingOneIsExitTwoNamingTheKey() throws IOException {
    rows(10)
        .write()
        .mode(SaveMode.Overwrite)
        .option("path", shared.resolve("table").toString())
        .saveAsTable(TABLE);
    Path out = dir.resolve("report");
    Result r = audit("data: {current: {table: " + TABLE + "}}", out);
    assertEquals(1, r.code(), r.err()); // B 0.25 / A 0.5 = 0.5 < 0.8
    assertEquals(
        0.5,
        json(out.resolve("results.json")).get("rules").get(0).get("observed").asDouble(),
        1e-12);
    JsonNode source = json(out.resolve("manifest.json")).get("sources").get(0);
    assertEquals("data.current", source.get("role").asText());
    assertEquals("table", source.get("kind").asText());
    assertEquals(TABLE, source.get("table").asText());

    Result missing = audit("data: {current: {table: no_such_db.no_such_table}}", dir.resolve("r2"));
    assertEquals(2, missing.code(), missing.err());
    assertTrue(
        missing.err().contains("data.current.table") && missing.err().contains("no_such_table"),
        missing.err());
    assertFalse(missing.err().contains("\tat "), "no stack trace: " + missing.err());
  }

  @Test
  void aDeltaTableReadAtTwoVersionsGivesTwoResultsAndPinsEachInTheManifest() throws IOException {
    String table = shared.resolve("delta-preds").toString();
    rows(10).write().format("delta").save(table); // version 0: ratio 0.5
    rows(20).write().format("delta").mode(SaveMode.Overwrite).save(table); // version 1: ratio 1.0

    Path first = dir.resolve("v0");
    Result v0 = audit("data: {current: {path: '" + table + "', version: 0}}", first);
    assertEquals(1, v0.code(), v0.err());
    assertEquals(
        0.5,
        json(first.resolve("results.json")).get("rules").get(0).get("observed").asDouble(),
        1e-12);
    JsonNode pinned = json(first.resolve("manifest.json")).get("sources").get(0);
    assertEquals("delta", pinned.get("kind").asText());
    assertEquals(0, pinned.get("version").asLong());

    Path latest = dir.resolve("latest");
    Result now =
        audit(
            "data: {current: {path: '"
                + table
                + "', format: delta,"
                + " timestamp: '2100-01-01T00:00:00Z'}}",
            latest);
    assertEquals(0, now.code(), now.err());
    assertEquals(
        1.0,
        json(latest.resolve("results.json")).get("rules").get(0).get("observed").asDouble(),
        1e-12);
    JsonNode resolved = json(latest.resolve("manifest.json")).get("sources").get(0);
    assertEquals(
        1, resolved.get("version").asLong(), "the timestamp resolved to the latest version");
    assertEquals("2100-01-01T00:00:00Z", resolved.get("timestamp").asText());
  }

  @Test
  void aQueryJoinsNamedInputsAndABadQueryIsExitTwoNamingTheKey() throws IOException {
    Dataset<Row> all = rows(10);
    all.select("id", "grp", "approved").write().parquet(shared.resolve("preds.parquet").toString());
    all.select("id", "outcome")
        .write()
        .option("header", "true")
        .csv(shared.resolve("labels.csv").toString());
    String inputs =
        "data:\n  inputs:\n    preds: {path: '"
            + shared.resolve("preds.parquet")
            + "'}\n    labels: {path: '"
            + shared.resolve("labels.csv")
            + "', format: csv}\n";
    String query =
        "SELECT p.id, p.grp, p.approved, l.outcome FROM preds p JOIN labels l ON p.id = l.id";
    Path out = dir.resolve("joined");
    Result r = audit(inputs + "  current: {query: '" + query + "'}", out);
    assertEquals(1, r.code(), r.err());
    JsonNode results = json(out.resolve("results.json"));
    assertEquals(0.5, results.get("rules").get(0).get("observed").asDouble(), 1e-12);
    JsonNode manifest = json(out.resolve("manifest.json"));
    JsonNode source = manifest.get("sources").get(0);
    assertEquals("query", source.get("kind").asText());
    assertEquals(query, source.get("query").asText());
    assertEquals("[\"preds\",\"labels\"]", source.get("inputs").toString());
    assertTrue(
        manifest.get("inputs").toString().contains("data.inputs.preds"), "the files are hashed");

    Result unknown =
        audit(inputs + "  current: {query: 'SELECT * FROM predictions'}", dir.resolve("r2"));
    assertEquals(2, unknown.code(), unknown.err());
    assertTrue(
        unknown.err().contains("data.current.query") && unknown.err().contains("preds, labels"),
        unknown.err());
    Result broken = audit(inputs + "  current: {query: 'SELEC id FROM preds'}", dir.resolve("r3"));
    assertEquals(2, broken.code(), broken.err());
    assertTrue(broken.err().contains("data.current.query"), broken.err());
    assertFalse(broken.err().contains("\tat "), "no stack trace: " + broken.err());
  }
}
