package dev.assay.adversarial;

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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile data end to end through the CLI ({@code Main.run} in-process, tiny files): for each case
 * the exit code, one message naming the file or column, no stack trace on stdout or stderr (nor
 * Spark's executor ERROR lines), the inputs byte for byte unchanged, and where the audit succeeds,
 * the numbers (worked out by hand in each case's comment). The table in docs/hardening-data.md
 * lists the same cases.
 */
@Tag("slow")
class DataAdversarialTest {

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /** Writes a case's data files into the folder and returns the spec's text. */
  interface Fixture {
    String write(Path dir) throws Exception;
  }

  /** Checks a successful run's results.json and notes. */
  interface Check {
    void check(JsonNode results);
  }

  /**
   * One hostile input.
   *
   * @param exit the expected exit code
   * @param message fragments the one error line must hold (for exit 2), or nothing
   */
  record Case(String name, Fixture fixture, int exit, List<String> message, Check check) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case fails(String name, Fixture fixture, String... message) {
    return new Case(name, fixture, 2, List.of(message), null);
  }

  static Case runs(String name, Fixture fixture, int exit, Check check) {
    return new Case(name, fixture, exit, List.of(), check);
  }

  // ---------------------------------------------------------------- data

  /**
   * 20 rows: grp A (rows 0-9) and B (10-19), y = i % 2, score = (i % 10) / 10 + 0.05 (0.05 ... 0.95
   * in each group, mean 0.5), pred = 1 for the first {@code aPositives} rows of A and the first
   * {@code bPositives} of B. {@code score} maps the row index to the score text.
   */
  static String fairnessCsv(
      String header, int aPositives, int bPositives, java.util.function.IntFunction<String> score) {
    StringBuilder csv = new StringBuilder(header).append('\n');
    for (int i = 0; i < 20; i++) {
      int k = i % 10;
      boolean pred = i < 10 ? k < aPositives : k < bPositives;
      csv.append(i)
          .append(',')
          .append(i < 10 ? "A" : "B")
          .append(',')
          .append(i % 2)
          .append(',')
          .append(pred ? 1 : 0)
          .append(',')
          .append(score.apply(i))
          .append('\n');
    }
    return csv.toString();
  }

  static String plainScore(int i) {
    return String.format(java.util.Locale.ROOT, "%.2f", (i % 10) / 10.0 + 0.05);
  }

  static String spec(String data, String columns, String rules) {
    return String.join(
        "\n",
        "version: 1",
        "name: hostile",
        "data:",
        data,
        "columns:",
        columns,
        "rules: [" + rules + "]",
        "");
  }

  static final String FAIRNESS_COLUMNS =
      "  label: y\n  prediction: pred\n  score: score\n  sensitive: [grp]";
  static final String HEADER = "id,grp,y,pred,score";

  /** The groups here have 5 or 10 rows. */
  static final String SMALL_GROUPS = "fairness: {min_group_size: 5}\n";

  static Fixture fairness(String csv, String columns) {
    return d -> {
      Files.writeString(d.resolve("data.csv"), csv);
      return spec("  current: {path: data.csv}", columns, "rules/eeoc-four-fifths.yaml")
          + SMALL_GROUPS;
    };
  }

  /** A rule pack that any run passes (for families without a project pack of their own here). */
  static void openGate(Path d, String metric) throws IOException {
    Files.writeString(
        d.resolve("gate.yaml"),
        "pack: gate\ntitle: t\nrules:\n  - id: always\n    title: t\n"
            + "    metric: "
            + metric
            + "\n    must: \"< 1e12\"\n    severity: blocking\n");
  }

  /** Writes {@code rows} as one Parquet file {@code name} in {@code d} (a tiny Spark job). */
  static Path parquet(Path d, String name, Dataset<Row> rows) throws IOException {
    Path tmp = d.resolve("_spark_" + name);
    rows.coalesce(1).write().parquet(tmp.toString());
    Path part;
    try (Stream<Path> files = Files.list(tmp)) {
      part =
          files
              .filter(f -> f.getFileName().toString().endsWith(".parquet"))
              .findFirst()
              .orElseThrow();
    }
    Path out = d.resolve(name);
    Files.copy(part, out);
    try (Stream<Path> files = Files.walk(tmp)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    return out;
  }

  static Dataset<Row> fairnessRows() {
    SparkSession spark = SharedSpark.get();
    return spark
        .range(20)
        .selectExpr(
            "id",
            "if(id < 10, 'A', 'B') AS grp",
            "cast(id % 2 AS int) AS y",
            "cast(if(id % 10 < 5, 1, 0) AS int) AS pred",
            "cast((id % 10) / 10 + 0.05 AS decimal(10, 4)) AS score");
  }

  /**
   * A Parquet file whose first page headers (not the footer) are overwritten: opens, fails to read.
   */
  static String scrambledParquet(Path d) throws IOException {
    Path p = parquet(d, "data.parquet", fairnessRows());
    byte[] bytes = Files.readAllBytes(p);
    for (int i = 4; i < Math.min(200, bytes.length / 2); i++) {
      bytes[i] = (byte) (bytes[i] * 31 + 7);
    }
    Files.write(p, bytes);
    return spec("  current: {path: data.parquet}", FAIRNESS_COLUMNS, "rules/eeoc-four-fifths.yaml")
        + SMALL_GROUPS;
  }

  // ---------------------------------------------------------------- cases

  static Stream<Case> cases() {
    return Stream.of(
        // 2 of 20 scores (rows 0 and 10, each 0.05) are NaN: the other 18 sum to 2 · 5.0 − 0.1 =
        // 9.9, so mean_score = 9.9 / 18 = 0.55 (not NaN, not an internal error).
        runs(
            "score NaN in 10 % of rows",
            fairness(
                fairnessCsv(HEADER, 5, 5, i -> i % 10 == 0 ? "NaN" : plainScore(i)),
                FAIRNESS_COLUMNS),
            0,
            r -> {
              assertEquals(0.55, value(r, "fairness", "mean_score", null, null), 1e-12);
              assertNote(r, "score column 'score' holds NaN or ±Infinity on 2 rows");
            }),
        // the same two rows as Inf and -Infinity (both spellings Spark's CSV reader accepts): 0.55
        runs(
            "score ±Infinity",
            fairness(
                fairnessCsv(
                    HEADER, 5, 5, i -> i == 0 ? "Inf" : i == 10 ? "-Infinity" : plainScore(i)),
                FAIRNESS_COLUMNS),
            0,
            r -> {
              assertEquals(0.55, value(r, "fairness", "mean_score", null, null), 1e-12);
              assertNote(r, "on 2 rows");
            }),
        // A: 5 of 10 predicted 1, B: 2 of 10 → selection rates 0.5 and 0.2, ratio 0.4 < 0.8: exit 1
        runs(
            "sensitive column named ra.ce",
            fairness(
                fairnessCsv("id,ra.ce,y,pred,score", 5, 2, DataAdversarialTest::plainScore),
                FAIRNESS_COLUMNS.replace("[grp]", "[ra.ce]")),
            1,
            r -> {
              assertEquals(0.2, value(r, "fairness", "selection_rate", "ra.ce", "B"), 1e-12);
              assertEquals(
                  0.4, value(r, "fairness", "demographic_parity_ratio", "ra.ce", null), 1e-12);
            }),
        runs(
            "sensitive column named g`rp (a backtick)",
            fairness(
                fairnessCsv("id,g`rp,y,pred,score", 5, 2, DataAdversarialTest::plainScore),
                FAIRNESS_COLUMNS.replace("[grp]", "['g`rp']")),
            1,
            r -> assertEquals(0.5, value(r, "fairness", "selection_rate", "g`rp", "A"), 1e-12)),
        // label and prediction with dots; y = i % 2 so base_rate = 10 / 20
        runs(
            "label y.true and prediction p.red",
            fairness(
                fairnessCsv("id,grp,y.true,p.red,score", 5, 5, DataAdversarialTest::plainScore),
                "  label: y.true\n  prediction: p.red\n  sensitive: [grp]"),
            0,
            r -> assertEquals(0.5, value(r, "fairness", "base_rate", null, null), 1e-12)),
        fails(
            "truncated Parquet",
            d -> {
              Path p = parquet(d, "data.parquet", fairnessRows());
              byte[] bytes = Files.readAllBytes(p);
              Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length / 2));
              return spec(
                      "  current: {path: data.parquet}",
                      FAIRNESS_COLUMNS,
                      "rules/eeoc-four-fifths.yaml")
                  + SMALL_GROUPS;
            },
            "data.parquet"),
        fails(
            "Parquet scrambled mid-file",
            DataAdversarialTest::scrambledParquet,
            "data.parquet",
            "damaged"),
        // decimal(10, 4) scores read as numbers: mean (0.05 ... 0.95) twice = 0.5
        runs(
            "decimal score in Parquet",
            d -> {
              parquet(d, "data.parquet", fairnessRows());
              return spec(
                      "  current: {path: data.parquet}",
                      FAIRNESS_COLUMNS,
                      "rules/eeoc-four-fifths.yaml")
                  + SMALL_GROUPS;
            },
            0,
            r -> assertEquals(0.5, value(r, "fairness", "mean_score", null, null), 1e-12)),
        fails(
            "header-only CSV",
            fairness(HEADER + "\n", FAIRNESS_COLUMNS),
            "data.csv",
            "has no rows"),
        fails("empty file", fairness("", FAIRNESS_COLUMNS), "data.csv", "has no columns"),
        fails(
            "all-null score column",
            fairness(fairnessCsv(HEADER, 5, 5, i -> ""), FAIRNESS_COLUMNS),
            "data.csv",
            "'score'",
            "no value in any row"),
        fails(
            "all-null label column",
            fairness(
                fairnessCsv(HEADER, 5, 5, DataAdversarialTest::plainScore)
                    .replaceAll("(?m)^(\\d+,[AB]),\\d,", "$1,,"),
                FAIRNESS_COLUMNS),
            "data.csv",
            "'y'",
            "empty on 20 rows"),
        fails(
            "label yes/no/maybe",
            fairness(
                fairnessCsv(HEADER, 5, 5, DataAdversarialTest::plainScore)
                    .replaceAll("(?m)^(\\d+,[AB]),(\\d),(\\d),", "$1,b$2,b$3,")
                    .replace("b0", "no")
                    .replace("b1", "yes")
                    .replaceFirst("(?m)^3,A,yes,", "3,A,maybe,"),
                FAIRNESS_COLUMNS + "\n  positive: \"yes\""),
            "data.csv",
            "'y'",
            "not binary",
            "'maybe'"),
        fails(
            "label 0/1/2 for a binary task",
            fairness(
                fairnessCsv(HEADER, 5, 5, DataAdversarialTest::plainScore)
                    .replaceFirst("(?m)^3,A,1,", "3,A,2,"),
                FAIRNESS_COLUMNS),
            "'y'",
            "not binary",
            "'2'"),
        fails(
            "numeric label, positive 'yes'",
            fairness(
                fairnessCsv(HEADER, 5, 5, DataAdversarialTest::plainScore),
                FAIRNESS_COLUMNS + "\n  positive: \"yes\""),
            "'y'",
            "numeric",
            "columns.positive"),
        fails(
            "boolean label, positive 'yes'",
            fairness(
                fairnessCsv(HEADER, 5, 5, DataAdversarialTest::plainScore)
                    .replaceAll("(?m)^(\\d+,[AB]),(\\d),(\\d),", "$1,b$2,b$3,")
                    .replace("b0", "false")
                    .replace("b1", "true"),
                FAIRNESS_COLUMNS + "\n  positive: \"yes\""),
            "data.csv",
            "boolean",
            "true or false"),
        // boolean label with positive true: y = true on odd rows, base_rate 0.5
        runs(
            "boolean label, positive true",
            fairness(
                fairnessCsv(HEADER, 5, 5, DataAdversarialTest::plainScore)
                    .replaceAll("(?m)^(\\d+,[AB]),(\\d),(\\d),", "$1,b$2,b$3,")
                    .replace("b0", "false")
                    .replace("b1", "true"),
                FAIRNESS_COLUMNS + "\n  positive: true"),
            0,
            r -> assertEquals(0.5, value(r, "fairness", "base_rate", null, null), 1e-12)),
        // UTF-8 byte-order mark before the header: the first column 'grp' is still 'grp'; 10 rows
        // each
        runs(
            "CSV with a byte-order mark",
            fairness(
                "\uFEFF"
                    + fairnessCsv(HEADER, 5, 5, DataAdversarialTest::plainScore)
                        .replaceAll("(?m)^\\d+,", "")
                        .replaceFirst("^id,", ""),
                FAIRNESS_COLUMNS),
            0,
            r -> assertEquals(10.0, value(r, "fairness", "count", "grp", "A"), 0)),
        fails(
            "duplicate header names",
            fairness(
                fairnessCsv("id,grp,y,pred,grp", 5, 5, DataAdversarialTest::plainScore),
                "  label: y\n  prediction: pred\n  sensitive: [grp]"),
            "'grp'",
            "2 times",
            "data.csv"),
        // JSON lines whose score is a number in some rows and text in others: Spark reads a string
        fails(
            "JSON lines with mixed types",
            d -> {
              Files.writeString(
                  d.resolve("data.jsonl"),
                  "{\"grp\":\"A\",\"y\":1,\"pred\":1,\"score\":0.5}\n"
                      + "{\"grp\":\"B\",\"y\":0,\"pred\":0,\"score\":\"high\"}\n");
              return spec(
                      "  current: {path: data.jsonl}",
                      FAIRNESS_COLUMNS,
                      "rules/eeoc-four-fifths.yaml")
                  + SMALL_GROUPS;
            },
            "data.jsonl",
            "'score'",
            "must be numeric"),
        // empty strings as group names stay a group of their own ("" ≠ missing) in JSON; A has
        // 5 rows with pred 1 of 5, "" has 5 rows with 0 of 5 → selection rates 1.0 and 0.0
        runs(
            "empty string as a group name",
            d -> {
              StringBuilder json = new StringBuilder();
              for (int i = 0; i < 10; i++) {
                json.append("{\"grp\":\"")
                    .append(i < 5 ? "A" : "")
                    .append("\",\"y\":")
                    .append(i % 2)
                    .append(",\"pred\":")
                    .append(i < 5 ? 1 : 0)
                    .append("}\n");
              }
              Files.writeString(d.resolve("data.jsonl"), json);
              return spec(
                      "  current: {path: data.jsonl}",
                      "  label: y\n  prediction: pred\n  sensitive: [grp]",
                      "rules/eeoc-four-fifths.yaml")
                  + SMALL_GROUPS;
            },
            1,
            r -> {
              assertEquals(1.0, value(r, "fairness", "selection_rate", "grp", "A"), 0);
              assertEquals(0.0, value(r, "fairness", "selection_rate", "grp", ""), 0);
            }),
        // a 10,000-character group name is just a group (escaped in the report)
        runs(
            "huge strings as group names",
            fairness(
                fairnessCsv(HEADER, 5, 5, DataAdversarialTest::plainScore)
                    .replace(",A,", "," + "<b>".repeat(3_334) + ","),
                FAIRNESS_COLUMNS),
            0,
            r -> assertEquals(0.5, value(r, "fairness", "selection_rate", "grp", "B"), 1e-12)),
        fails(
            "timestamp as a drift feature",
            d -> {
              String csv = "t,x\n2024-01-01T00:00:00Z,1\n2024-01-02T00:00:00Z,2\n";
              Files.writeString(d.resolve("cur.csv"), csv);
              Files.writeString(d.resolve("ref.csv"), csv);
              return spec(
                  "  current: {path: cur.csv}\n  reference: {path: ref.csv}",
                  "  features: [t, x]",
                  "rules/drift-default.yaml");
            },
            "'t'",
            "timestamp",
            "columns.features"),
        // regression: an infinite prediction makes the row unusable, as a null would
        fails(
            "regression target ±Infinity",
            d -> {
              Files.writeString(
                  d.resolve("data.csv"),
                  "grp,y,yhat\nA,1.0,1.5\nA,2.0,Infinity\nB,3.0,2.0\nB,4.0,4.0\n");
              return spec(
                      "  current: {path: data.csv}",
                      "  label: y\n  prediction: yhat\n  sensitive: [grp]",
                      "rules/eeoc-four-fifths.yaml")
                  + "fairness:\n  task: regression\n";
            },
            "data.csv",
            "'yhat'",
            "NaN or ±Infinity"),
        // drift: 2 of 20 current values NaN → null_rate_current 0.1, the test runs on the other 18
        runs(
            "drift column with NaN",
            d -> {
              StringBuilder cur = new StringBuilder("x.v\n");
              StringBuilder ref = new StringBuilder("x.v\n");
              for (int i = 0; i < 20; i++) {
                cur.append(i < 2 ? "NaN" : String.valueOf(i)).append('\n');
                ref.append(i).append('\n');
              }
              Files.writeString(d.resolve("cur.csv"), cur);
              Files.writeString(d.resolve("ref.csv"), ref);
              return spec(
                  "  current: {path: cur.csv}\n  reference: {path: ref.csv}",
                  "  features: [x.v]",
                  "rules/drift-default.yaml");
            },
            0,
            r -> {
              assertEquals(0.1, value(r, "drift", "null_rate_current", null, null, "x.v"), 1e-12);
              assertEquals(0.0, value(r, "drift", "null_rate_reference", null, null, "x.v"), 0);
            }),
        // llm latencies 100, 200, 300 and NaN (JSON's non-numeric token): p50 of the three = 200
        runs(
            "llm latency NaN, .jsonl path",
            d -> {
              Files.writeString(
                  d.resolve("answers.jsonl"),
                  "{\"response\":\"a\",\"lat.ms\":100}\n"
                      + "{\"response\":\"b\",\"lat.ms\":200}\n{\"response\":\"c\",\"lat.ms\":NaN}\n"
                      + "{\"response\":\"d\",\"lat.ms\":300}\n");
              openGate(d, "llm.latency_ms_p50");
              return spec(
                  "  current: {path: answers.jsonl}",
                  "  response: response\n  latency_ms: lat.ms",
                  "gate.yaml");
            },
            0,
            r -> {
              assertEquals(200.0, value(r, "llm", "latency_ms_p50", null, null), 0);
              assertNote(r, "latency_ms column 'lat.ms' holds NaN or ±Infinity on 1 row");
            }));
  }

  // ---------------------------------------------------------------- the test

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileInput(Case c) throws Exception {
    String specText = c.fixture().write(dir);
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(spec, specText);
    Map<String, String> before = hashes(dir);
    Path out = dir.resolve("out");

    Result r = cli("audit", spec.toString(), "--out", out.toString());

    assertEquals(c.exit(), r.code(), c.name() + "\nstdout: " + r.out() + "\nstderr: " + r.err());
    for (String stream : List.of(r.out(), r.err())) {
      assertFalse(
          stream.contains("\tat ") || stream.contains("Exception in thread"),
          "stack trace: " + stream);
      assertFalse(
          stream.contains("ERROR Executor") || stream.contains("TaskSetManager"),
          "Spark log: " + stream);
    }
    assertEquals(before, hashes(dir), "the inputs are unchanged");
    if (c.exit() == 2) {
      List<String> lines = r.err().strip().lines().toList();
      assertTrue(
          lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("(Spark's warnings"),
          "one message: " + r.err());
      assertTrue(lines.get(0).startsWith("assay: error: "), r.err());
      for (String fragment : c.message()) {
        assertTrue(lines.get(0).contains(fragment), "expected '" + fragment + "' in: " + r.err());
      }
      assertFalse(Files.exists(out.resolve("results.json")), "no report on bad input");
    } else {
      assertTrue(r.err().isBlank(), "nothing on stderr: " + r.err());
      c.check().check(new ObjectMapper().readTree(out.resolve("results.json").toFile()));
    }
  }

  /**
   * Spark's executor and task-set ERRORs (a stack trace each) for the damaged file go to the log
   * file that the message's second line names, not to the terminal.
   */
  @org.junit.jupiter.api.Test
  void sparkErrorLogsGoToTheLogFileTheMessageNames() throws Exception {
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(spec, scrambledParquet(dir));
    Result r = cli("audit", spec.toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, r.code(), r.err());
    List<String> lines = r.err().strip().lines().toList();
    assertEquals(2, lines.size(), r.err());
    String pointer = lines.get(1);
    assertTrue(
        pointer.startsWith("(Spark's warnings and errors for this run: ")
            && pointer.endsWith(".log)"),
        pointer);
    Path log = Path.of(pointer.substring(pointer.indexOf(": ") + 2, pointer.length() - 1));
    assertTrue(
        Files.readString(log).contains("ERROR org.apache.spark.executor.Executor"), log.toString());
    assertFalse(r.err().contains("Executor") || r.out().contains("Executor"), r.err());
  }

  // ---------------------------------------------------------------- helpers

  static Result cli(String... args) {
    return CliRun.run(args);
  }

  /** SHA-256 of every file under {@code d} except the output folder. */
  static Map<String, String> hashes(Path d) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(d)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!d.relativize(f).startsWith("out")) {
          out.put(
              d.relativize(f).toString(),
              HexFormat.of()
                  .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
        }
      }
    }
    return out;
  }

  static JsonNode metric(
      JsonNode results, String family, String metric, String attribute, String group) {
    return metric(results, family, metric, attribute, group, null);
  }

  static JsonNode metric(
      JsonNode results,
      String family,
      String metric,
      String attribute,
      String group,
      String column) {
    List<String> seen = new ArrayList<>();
    for (JsonNode m : results.get("metrics")) {
      if (m.get("family").asText().equals(family)
          && m.get("metric").asText().equals(metric)
          && matches(m, "attribute", attribute)
          && matches(m, "group", group)
          && matches(m, "column", column)) {
        return m;
      }
      if (m.get("metric").asText().equals(metric)) {
        seen.add(m.toString());
      }
    }
    throw new AssertionError(
        "no "
            + family
            + "."
            + metric
            + " "
            + attribute
            + "/"
            + group
            + "/"
            + column
            + "; rows with that metric: "
            + seen);
  }

  static double value(
      JsonNode results, String family, String metric, String attribute, String group) {
    return metric(results, family, metric, attribute, group).get("value").asDouble();
  }

  static double value(
      JsonNode results,
      String family,
      String metric,
      String attribute,
      String group,
      String column) {
    return metric(results, family, metric, attribute, group, column).get("value").asDouble();
  }

  private static boolean matches(JsonNode m, String key, String expected) {
    return expected == null ? !m.has(key) : m.has(key) && m.get(key).asText().equals(expected);
  }

  static void assertNote(JsonNode results, String fragment) {
    List<String> notes = new ArrayList<>();
    results.get("notes").forEach(n -> notes.add(n.asText()));
    assertTrue(
        notes.stream().anyMatch(n -> n.contains(fragment)),
        "no note with '" + fragment + "' in " + notes);
  }
}
