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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
}
