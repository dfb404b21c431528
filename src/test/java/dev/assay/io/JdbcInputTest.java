package dev.assay.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code format: jdbc} against a real PostgreSQL server on loopback (started here): a table and a
 * query audited end to end, the password read from the environment variable the spec names ({@code
 * ASSAY_TEST_DB_PASSWORD}, set by the build for the tests) and written nowhere: not in the console,
 * not in any report file, not in an error message. Slow (initdb and a server start).
 */
@Tag("slow")
class JdbcInputTest {

  static final String ENV = "ASSAY_TEST_DB_PASSWORD";
  static PostgresServer server;
  static String password;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    password = System.getenv(ENV);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        password != null,
        ENV + " is set by the pom's surefire" + " configuration; run the test through Maven");
    server = PostgresServer.start(password);
    try (Connection c = server.connect(password);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE preds (id int, grp text, outcome int, approved int, model text)");
      StringBuilder insert = new StringBuilder("INSERT INTO preds VALUES ");
      for (int i = 0; i < 40; i++) {
        insert
            .append(i == 0 ? "" : ",")
            .append("(")
            .append(i)
            .append(",'A',")
            .append(i % 2)
            .append(',')
            .append(i < 20 ? 1 : 0)
            .append(",'v1'),(")
            .append(40 + i)
            .append(",'B',")
            .append(i % 2)
            .append(',')
            .append(i < 10 ? 1 : 0)
            .append(",'v1'),(")
            .append(80 + i)
            .append(",'B',")
            .append(i % 2)
            .append(",1,'v2')");
      }
      s.execute(insert.toString());
    }
    SharedSpark.get();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  Result audit(String source, Path out) throws Exception {
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        "version: 1\nname: jdbc-audit\ndata:\n  current: {format: jdbc, url: '"
            + server.url()
            + "', user: postgres, password_env: "
            + source
            + "}\n"
            + "columns: {label: outcome, prediction: approved, sensitive: [grp]}\n"
            + "rules: [rules/eeoc-four-fifths.yaml]\n");
    return CliRun.run("audit", spec.toString(), "--out", out.toString());
  }

  void assertNoPassword(Result r, Path out) throws Exception {
    assertFalse(r.out().contains(password) || r.err().contains(password), "password printed");
    if (Files.isDirectory(out)) {
      try (Stream<Path> files = Files.list(out)) {
        for (Path f : files.toList()) {
          assertFalse(Files.readString(f).contains(password), "password in " + f);
        }
      }
    }
  }

  @Test
  void aDatabaseQueryIsAuditedAndRecordedWithoutThePassword() throws Exception {
    Path out = dir.resolve("report");
    String query = "SELECT id, grp, outcome, approved FROM preds WHERE model = ''v1''";
    Result r = audit(ENV + ", query: '" + query + "'", out);
    assertEquals(1, r.code(), r.err()); // B 10/40 vs A 20/40: ratio 0.5
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertEquals(0.5, results.get("rules").get(0).get("observed").asDouble(), 1e-12);
    JsonNode source =
        new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("sources").get(0);
    assertEquals("jdbc", source.get("kind").asText());
    assertEquals(server.url(), source.get("location").asText());
    assertEquals(query.replace("''", "'"), source.get("query").asText());
    assertNoPassword(r, out);
  }

  @Test
  void aTableIsReadWholeAndAMissingTableOrPasswordIsExitTwoNamingTheKey() throws Exception {
    Path out = dir.resolve("table");
    Result r = audit(ENV + ", table: preds", out);
    // B: 10 + 40 approved of 80 (0.625) vs A 0.5: no adverse impact
    assertEquals(0, r.code(), r.err());
    assertNoPassword(r, out);

    Result missing = audit(ENV + ", table: no_such_table", dir.resolve("r2"));
    assertEquals(2, missing.code(), missing.err());
    assertTrue(
        missing.err().contains("data.current") && missing.err().contains("no_such_table"),
        missing.err());
    assertNoPassword(missing, dir.resolve("r2"));

    Result unset = audit("ASSAY_TEST_UNSET_PASSWORD_VARIABLE, table: preds", dir.resolve("r3"));
    assertEquals(2, unset.code(), unset.err());
    assertTrue(
        unset.err().contains("data.current.password_env")
            && unset.err().contains("ASSAY_TEST_UNSET_PASSWORD_VARIABLE"),
        unset.err());
  }
}
