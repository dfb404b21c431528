package dev.assay.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.DataFormat;
import dev.assay.spec.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV types from a file's first lines, verified on every row: the same types as Spark's full
 * inference whenever the head is the whole file, a stop (never a null) when a later value does not
 * fit, full inference when a column has no value in the head, and the audit's rerun with full
 * inference giving the numbers of a full inference. Tagged slow (files past the head's 100,000
 * lines, and an audit run twice): it runs in CI's slow step.
 */
@Tag("slow")
class CsvHeadTest {

  static final Map<String, String> OPTIONS = Map.of("header", "true", "inferSchema", "true");

  @TempDir Path dir;

  static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SharedSpark.get();
  }

  Path write(String name, List<String> lines) throws IOException {
    Path csv = dir.resolve(name);
    Files.write(csv, lines);
    return csv;
  }

  static DataSource source(Path csv) {
    return new DataSource("current", csv.toString(), DataFormat.CSV, OPTIONS);
  }

  StructType full(Path csv) {
    return spark.read().options(OPTIONS).csv(csv.toString()).schema();
  }

  /** A header and {@code rows} rows of (grp, x, y): x an integer, y a decimal or empty. */
  static List<String> rows(int rows) {
    List<String> lines = new ArrayList<>(List.of("grp,x,y"));
    for (int i = 0; i < rows; i++) {
      lines.add((i % 2 == 0 ? "A" : "B") + "," + i + "," + (i % 3 == 0 ? "" : i / 4.0));
    }
    return lines;
  }

  @Test
  void aSmallFileGetsExactlyTheFullInferencesTypesAndRows() throws IOException {
    Path csv = write("small.csv", rows(1000));
    CsvHead.Sampled sampled = CsvHead.infer(spark, source(csv));
    assertTrue(sampled.whole());
    assertEquals(full(csv), sampled.schema());
    Dataset<Row> read = DatasetReader.open(spark, source(csv), true);
    assertEquals(full(csv), read.schema());
    assertEquals(1000, read.count());
  }

  @Test
  void aLaterValueTheTypesDoNotFitStopsTheReadInsteadOfBecomingNull() throws IOException {
    List<String> lines = rows(CsvHead.LINES + 10);
    lines.set(CsvHead.LINES + 5, "A,1.5,2.0"); // x: integers in the head, a decimal after it
    Path csv = write("late.csv", lines);
    CsvHead.Sampled sampled = CsvHead.infer(spark, source(csv));
    assertFalse(sampled.whole());
    assertEquals("int", sampled.schema().apply("x").dataType().simpleString());
    assertEquals("double", full(csv).apply("x").dataType().simpleString());
    Dataset<Row> read = DatasetReader.open(spark, source(csv), true);
    Exception e = assertThrows(Exception.class, () -> read.where("x is null").count());
    assertTrue(CsvHead.mismatch(e), String.valueOf(e));
    // full inference, as without the sample
    assertEquals(full(csv), DatasetReader.open(spark, source(csv), false).schema());
  }

  @Test
  void aFileWhoseLaterValuesFitIsReadWithTheHeadsTypesAndEveryRow() throws IOException {
    Path csv = write("fits.csv", rows(CsvHead.LINES + 10));
    Dataset<Row> read = DatasetReader.open(spark, source(csv), true);
    assertEquals(full(csv), read.schema());
    assertEquals(CsvHead.LINES + 10, read.count());
    assertEquals(0, read.where("x is null").count());
  }

  @Test
  void aColumnWithNoValueInTheHeadTakesTheFullInference() throws IOException {
    List<String> lines = new ArrayList<>(List.of("grp,x"));
    for (int i = 0; i < CsvHead.LINES + 10; i++) {
      lines.add("A," + (i < CsvHead.LINES ? "" : String.valueOf(i)));
    }
    Path csv = write("empty-head.csv", lines);
    assertNull(CsvHead.infer(spark, source(csv)));
    assertEquals(
        "int",
        DatasetReader.open(spark, source(csv), true).schema().apply("x").dataType().simpleString());
  }

  @Test
  void optionsTheSampleCannotReproduceTakeTheFullInference() throws IOException {
    Path csv = write("opts.csv", rows(10));
    for (String option : List.of("multiLine", "encoding", "samplingRatio", "mode")) {
      Map<String, String> options = new java.util.HashMap<>(OPTIONS);
      options.put(option, "true");
      assertNull(
          CsvHead.infer(spark, new DataSource("current", csv.toString(), DataFormat.CSV, options)),
          option);
    }
    assertNull(
        CsvHead.infer(
            spark,
            new DataSource("current", csv.toString(), DataFormat.CSV, Map.of("header", "true"))));
    assertNull(CsvHead.infer(spark, source(dir)));
  }

  @Test
  void anAuditMeetingALateMisfitRunsAgainWithFullInferenceAndSaysSo() throws IOException {
    // 'score' holds integers for the whole head and a decimal after it: full inference says
    // double; the sampled read stops on 0.5, and the rerun reads it as a full inference does
    List<String> lines = new ArrayList<>(List.of("grp,label,prediction,score"));
    for (int i = 0; i < CsvHead.LINES + 100; i++) {
      String score = i == CsvHead.LINES + 50 ? "0.5" : String.valueOf(i % 2);
      lines.add(
          (i % 2 == 0 ? "A" : "B") + "," + (i % 2) + "," + (i % 3 == 0 ? 1 : 0) + "," + score);
    }
    Path csv = write("late-score.csv", lines);
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        "version: 1\nname: csv-head\ndata: {current: {path: late-score.csv}}\n"
            + "columns: {label: label, prediction: prediction, score: score, sensitive: [grp]}\n");
    Path out = dir.resolve("report");
    Result r = CliRun.run("audit", spec.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("types inferred from the whole file"), r.out());
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertTrue(results.toString().contains("score"), "the audit ran to its results");
  }

  @Test
  void aByteOrderMarkIsDroppedAsSparksLineReaderDoes() throws IOException {
    Path csv = dir.resolve("bom.csv");
    Files.writeString(csv, "\uFEFFgrp,x\nA,1\nB,2\n");
    CsvHead.Sampled sampled = CsvHead.infer(spark, source(csv));
    assertEquals(full(csv), sampled.schema());
    assertEquals("grp", sampled.schema().fields()[0].name());
  }

  @Test
  void aColumnOfOnlyEmptyValuesInTheHeadIsUnknownWhateverTheNullValue() throws IOException {
    // with nullValue NA, a quoted empty value is not null when read as text, but inference sees
    // no value in it: the rest of the file could make the column numeric, so full inference
    List<String> lines = new ArrayList<>(List.of("grp,x"));
    for (int i = 0; i < CsvHead.LINES + 10; i++) {
      lines.add("A," + (i < CsvHead.LINES ? "\"\"" : String.valueOf(i)));
    }
    Path csv = write("quoted-empty.csv", lines);
    Map<String, String> options = withInference(Map.of("header", "true", "nullValue", "NA"));
    assertTrue(CsvHead.inferLines(spark, options, lines.subList(0, 100)).unknown());
    assertNull(
        CsvHead.infer(spark, new DataSource("current", csv.toString(), DataFormat.CSV, options)));
  }

  // ---- the driver-side inference against Spark's own, over generated heads ----

  /** Option sets the sample accepts; each head takes one, with {@code inferSchema} on. */
  static final List<Map<String, String>> OPTION_SETS =
      List.of(
          Map.of("header", "true"),
          Map.of("header", "false"),
          Map.of("header", "true", "sep", ";"),
          Map.of("header", "true", "delimiter", "\t"),
          Map.of("header", "true", "sep", "|", "quote", "'", "escape", "\\"),
          Map.of("header", "true", "comment", "#"),
          Map.of("header", "true", "nullValue", "NA"),
          Map.of("header", "true", "nullValue", "NA", "emptyValue", "EMPTY"),
          Map.of("header", "true", "nanValue", "nan", "positiveInf", "inf", "negativeInf", "-inf"),
          Map.of("header", "true", "dateFormat", "dd/MM/yyyy"),
          Map.of("header", "true", "timestampFormat", "yyyy/MM/dd HH:mm"),
          Map.of("header", "true", "timestampNTZFormat", "yyyy/MM/dd HH:mm:ss"),
          Map.of("header", "true", "preferDate", "false"),
          Map.of("header", "true", "enableDateTimeParsingFallback", "true"),
          Map.of("header", "true", "sep", ";", "locale", "de-DE"),
          Map.of(
              "header",
              "true",
              "ignoreLeadingWhiteSpace",
              "true",
              "ignoreTrailingWhiteSpace",
              "true"),
          Map.of(
              "header",
              "true",
              "ignoreLeadingWhiteSpace",
              "false",
              "ignoreTrailingWhiteSpace",
              "false"));

  /** Values of one kind, as they may appear in a CSV field (before quoting). */
  static final List<Function<Random, String>> KINDS =
      List.of(
          r -> String.valueOf(r.nextInt(2000) - 1000), // int
          r -> r.nextInt(10) == 0 ? "+" + r.nextInt(99) : "00" + r.nextInt(9), // int, odd forms
          r -> String.valueOf(3_000_000_000L + r.nextInt(1_000_000)), // long
          r -> "1234567890123456789" + r.nextInt(10), // decimal(20,0)
          r -> "12345678901234567890123456789012345678901" + r.nextInt(10), // past decimal(38)
          r -> String.valueOf(r.nextInt(1000) / 8.0), // double
          r ->
              List.of("1e10", "-2.5E-3", "NaN", "Infinity", "-Infinity", "1.5d", "2f")
                  .get(r.nextInt(7)),
          r -> List.of("nan", "inf", "-inf", "Inf", "-Inf").get(r.nextInt(5)),
          r -> List.of("1.234,5", "12,25", "1.000", "3").get(r.nextInt(4)), // German numbers
          r -> List.of("true", "false", "TRUE", "False").get(r.nextInt(4)), // boolean
          r -> "2020-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10), // date
          r -> "2020-" + (1 + r.nextInt(12)) + "-" + (1 + r.nextInt(28)), // date, one digit
          r -> (10 + r.nextInt(18)) + "/0" + (1 + r.nextInt(9)) + "/2021", // dd/MM/yyyy
          r ->
              "2021-03-0"
                  + (1 + r.nextInt(9))
                  + " 1"
                  + r.nextInt(10)
                  + ":2"
                  + r.nextInt(10)
                  + ":00",
          r ->
              "2021-03-0"
                  + (1 + r.nextInt(9))
                  + "T10:11:12"
                  + List.of("Z", "+02:00", ".123", "").get(r.nextInt(4)),
          r -> "2022/1" + r.nextInt(3) + "/0" + (1 + r.nextInt(9)) + " 0" + r.nextInt(10) + ":30",
          r ->
              "2022/1" + r.nextInt(3) + "/0" + (1 + r.nextInt(9)) + " 0" + r.nextInt(10) + ":30:15",
          r ->
              List.of("abc", "a,b", "x;y", "he said \"hi\"", "tab\there", "O'Neil", "1 2")
                  .get(r.nextInt(7)),
          r -> List.of(" 12", "12 ", " true", "3.5 ").get(r.nextInt(4)), // spaces around values
          r -> List.of("", "NA", "EMPTY", "\"\"", "null").get(r.nextInt(5))); // empties and nulls

  /**
   * One field of a head: the value, quoted when it holds the separator or a quote, or at random.
   */
  static String field(String value, Map<String, String> options, Random r) {
    String sep = options.getOrDefault("sep", options.getOrDefault("delimiter", ","));
    char quote = options.getOrDefault("quote", "\"").charAt(0);
    String escape = options.getOrDefault("escape", "\\");
    if (value.equals("\"\"")) {
      return value; // a quoted empty field
    }
    boolean quoted =
        value.contains(sep) || value.indexOf(quote) >= 0 || (!value.isEmpty() && r.nextInt(8) == 0);
    if (!quoted) {
      return value;
    }
    String inner = value.replace(String.valueOf(quote), escape + quote);
    return quote + inner + quote;
  }

  /**
   * A generated head: a header (duplicate, empty and differently cased names among them), rows of
   * values of one or two kinds per column with nulls, some short or long rows, blank and comment
   * lines, a repeated header.
   */
  static List<String> head(Random r, Map<String, String> options) {
    String sep = options.getOrDefault("sep", options.getOrDefault("delimiter", ","));
    int columns = 1 + r.nextInt(14);
    List<List<Function<Random, String>>> kinds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      List<Function<Random, String>> k = new ArrayList<>();
      k.add(KINDS.get(r.nextInt(KINDS.size())));
      if (r.nextInt(4) == 0) {
        k.add(KINDS.get(r.nextInt(KINDS.size())));
      }
      kinds.add(k);
      names.add(List.of("c" + c, "C" + (c / 2), "", "x", "NA", "col " + c).get(r.nextInt(6)));
    }
    List<String> lines = new ArrayList<>();
    if (r.nextInt(5) == 0) {
      lines.add(List.of("", "   ", "\t", "# a comment").get(r.nextInt(4)));
    }
    String header = String.join(sep, names);
    lines.add(header);
    int rows = r.nextInt(4) == 0 ? r.nextInt(3) : 1 + r.nextInt(300);
    for (int i = 0; i < rows; i++) {
      int roll = r.nextInt(100);
      if (roll == 0) {
        lines.add(List.of("", "  ", "\t", "#,1,2", header).get(r.nextInt(5)));
        continue;
      }
      int width = roll == 1 ? r.nextInt(columns) : roll == 2 ? columns + 1 : columns;
      List<String> fields = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        List<Function<Random, String>> k = kinds.get(c % columns);
        String value = r.nextInt(6) == 0 ? "" : k.get(r.nextInt(k.size())).apply(r);
        fields.add(field(value, options, r));
      }
      lines.add(String.join(sep, fields));
    }
    return lines;
  }

  static Map<String, String> withInference(Map<String, String> options) {
    Map<String, String> all = new java.util.HashMap<>(options);
    all.put("inferSchema", "true");
    return all;
  }

  /**
   * The driver-side inference gives exactly the types of Spark's own CSV inference of the same
   * lines and options, in a job: over a Dataset of the lines in one partition, and over a file of
   * them (one partition at this size, the file-based inference a full read runs); over the default
   * two partitions too when no column mixes kinds (see {@link CsvHead#inferLines} on partitions).
   */
  @Test
  void theDriverSideInferenceEqualsSparksOverGeneratedHeads() throws IOException {
    Random r = new Random(20261204);
    int heads = 60;
    java.util.Set<String> types = new java.util.TreeSet<>();
    int unknown = 0;
    for (int h = 0; h < heads; h++) {
      Map<String, String> options = withInference(OPTION_SETS.get(h % OPTION_SETS.size()));
      List<String> lines = head(r, options);
      String what =
          "head "
              + h
              + " "
              + options
              + "\n"
              + String.join("\n", lines.subList(0, Math.min(8, lines.size())));
      // every third head with the session's default timestamp type set to TIMESTAMP_NTZ: the
      // driver-side inference must follow the session's SQL settings as Spark's job does
      boolean ntz = h % 3 == 2;
      if (ntz) {
        spark.conf().set("spark.sql.timestampType", "TIMESTAMP_NTZ");
      }
      CsvHead.Inferred driver;
      StructType onePartition;
      StructType fromFile;
      try {
        driver = CsvHead.inferLines(spark, options, lines);
        Dataset<String> ds = spark.createDataset(lines, Encoders.STRING());
        onePartition = spark.read().options(options).csv(ds.coalesce(1)).schema();
        Path file = write("head-" + h + ".csv", lines);
        fromFile = spark.read().options(options).csv(file.toString()).schema();
      } finally {
        spark.conf().unset("spark.sql.timestampType");
      }
      assertEquals(onePartition, driver.schema(), what);
      assertEquals(fromFile, driver.schema(), what);
      for (StructField f : driver.schema().fields()) {
        types.add(f.dataType().simpleString().replaceAll("\\(.*", ""));
      }
      unknown += driver.unknown() ? 1 : 0;
    }
    // the heads reach every type the inference gives, and columns without a value
    assertEquals(
        new java.util.TreeSet<>(
            List.of(
                "bigint",
                "boolean",
                "date",
                "decimal",
                "double",
                "int",
                "string",
                "timestamp",
                "timestamp_ntz")),
        types);
    assertTrue(unknown > 0 && unknown < heads, "heads with a column of no value: " + unknown);
  }
}
