package dev.assay.io;

import com.univocity.parsers.csv.CsvParser;
import dev.assay.spec.DataFormat;
import dev.assay.spec.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.csv.CSVInferSchema;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.sql.execution.datasources.csv.CSVUtils;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A CSV file's column types inferred from its first lines instead of a full scan, verified on every
 * row (docs/contract.md, "CSV column types"). Spark's {@code inferSchema} reads the whole file once
 * before any audit job just to choose the types (at 10M rows that is a third of the run); here the
 * types come from at most {@value #LINES} lines (and {@value #BYTES} bytes) read on the driver and
 * inferred there with Spark's own CSV inference code, no Spark job ({@link #inferLines}), and when
 * the file has more lines the audit reads it with those types in Spark's {@code FAILFAST} mode: a
 * value the types do not fit (a {@code 1.5} in a column of integers, text in a numeric column, a
 * row with the wrong number of fields) stops the read, never becomes a null, and the audit runs
 * again with types inferred from the whole file, as without the sample ({@link #mismatch}). A
 * column with no value in the sample (its type unknown) also takes the full scan. So the types, and
 * every number, are those of a full inference.
 *
 * <p>Only a single, line-based file (no {@code multiLine}, {@code encoding}, {@code lineSep},
 * {@code mode}, {@code samplingRatio} or {@code schema} option; a file, not a folder or a glob)
 * takes the sample; anything else is inferred by Spark over the whole input.
 */
public final class CsvHead {

  /** The most lines of the head the types are inferred from. */
  public static final int LINES = 100_000;

  /** The most bytes of the head read (wide rows stop the head earlier). */
  public static final long BYTES = 16L << 20;

  /** Reader options the sample honours exactly as Spark's full inference does. */
  private static final Set<String> SAMPLE_SAFE =
      Set.of(
          "header",
          "inferschema",
          "sep",
          "delimiter",
          "quote",
          "escape",
          "comment",
          "nullvalue",
          "emptyvalue",
          "nanvalue",
          "positiveinf",
          "negativeinf",
          "dateformat",
          "timestampformat",
          "timestampntzformat",
          "locale",
          "ignoreleadingwhitespace",
          "ignoretrailingwhitespace",
          "preferdate",
          "enabledatetimeparsingfallback");

  private CsvHead() {}

  /**
   * The types inferred from a file's head.
   *
   * @param whole true when the head is the whole file: the types are a full inference's, and no row
   *     needs verifying
   */
  record Sampled(StructType schema, boolean whole) {}

  /**
   * The types to read {@code source} with, inferred from its head; null when Spark's full inference
   * applies (not a plain CSV file, an option the sample does not reproduce, a column without a
   * value in the head). Runs no Spark job: the file's head is read and its types inferred on the
   * driver ({@link #inferLines}).
   */
  static Sampled infer(SparkSession spark, DataSource source) {
    if (source.format() != DataFormat.CSV || !eligible(source.options())) {
      return null;
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path path = new Path(source.uri());
    List<String> lines = new ArrayList<>();
    boolean whole;
    try {
      FileSystem fs = path.getFileSystem(conf);
      FileStatus status = fs.getFileStatus(path);
      if (!status.isFile() || path.getName().startsWith("_") || path.getName().startsWith(".")) {
        return null;
      }
      whole = head(fs, path, new CompressionCodecFactory(conf).getCodec(path), lines);
    } catch (IOException | RuntimeException e) {
      return null; // Spark's own reader reports what is wrong with the file
    }
    Inferred inferred = inferLines(spark, source.options(), lines);
    if (inferred == null || inferred.schema().fields().length == 0) {
      return null;
    }
    if (!whole && inferred.unknown()) {
      return null; // a column with no value in the head: the rest of the file may hold numbers
    }
    return new Sampled(inferred.schema(), whole);
  }

  /**
   * Types inferred from lines.
   *
   * @param schema the columns and their types, as Spark's inference gives them
   * @param unknown true when a column had no value in the lines (every one empty, missing or the
   *     {@code nullValue}): Spark types it as text, where more lines might make it a number
   */
  record Inferred(StructType schema, boolean unknown) {}

  /**
   * Spark's CSV schema inference over {@code lines}, run on the driver with no Spark job: the steps
   * of Spark's own inference of a CSV file or of {@code DataFrameReader.csv(Dataset<String>)}
   * (Spark 4.2, {@code TextInputCSVDataSource.inferFromDataset}), called in the same order with
   * Spark's own classes: the options parsed by {@link CSVOptions} with the session's settings (as
   * the CSV source does); the first line neither blank nor a comment (blank as Spark's SQL {@code
   * trim} sees it: spaces only) tokenized by univocity's {@link CsvParser} into the header ({@link
   * CSVUtils#makeSafeHeader}); the other lines filtered as Spark does ({@link
   * CSVUtils#filterCommentAndEmpty}, {@link CSVUtils#filterHeaderLine}), each tokenized and folded
   * into the column types with {@link CSVInferSchema#inferRowType}, the step Spark's job runs in
   * each partition; then {@link CSVInferSchema#toStructFields}. The fold runs over all the lines in
   * order, which is Spark's result for the lines in one partition; the session's SQL settings (time
   * parser policy, default timestamp type) are in force as in Spark's job.
   *
   * <p>Spark merges the types of several partitions with a step that is not always the fold's (a
   * column holding integers in one partition and booleans in another comes out as text, except that
   * a third partition of integers merged after them makes it integers again), so over several
   * partitions Spark's own result can depend on where the partitions end and in which order their
   * tasks finish; the fold is that of one partition, and equals Spark's result whenever the
   * partitions do not matter. CsvHeadTest checks the fold against Spark's inference of generated
   * heads in one partition and of the same heads as files.
   *
   * @return null when the session is not a classic one (Spark Connect) or Spark's classes fail; an
   *     empty schema when no line is left
   */
  static Inferred inferLines(SparkSession spark, Map<String, String> options, List<String> lines) {
    if (!(spark instanceof org.apache.spark.sql.classic.SparkSession classic)) {
      return null;
    }
    SQLConf conf = classic.sessionState().conf();
    try {
      return SQLConf.withExistingConf(conf, () -> fold(conf, options, lines));
    } catch (RuntimeException e) {
      return null; // Spark's full inference, which reports a bad option its own way
    }
  }

  private static Inferred fold(SQLConf conf, Map<String, String> options, List<String> lines) {
    CSVOptions csv =
        new CSVOptions(
            scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(options)),
            conf.csvColumnPruning(),
            conf.sessionLocalTimeZone(),
            conf.columnNameOfCorruptRecord());
    String first = null;
    for (String line : lines) {
      if (!blankForSql(line)
          && !(csv.isCommentSet() && line.startsWith(Character.toString(csv.comment())))) {
        first = line;
        break;
      }
    }
    String[] firstRow =
        first == null ? null : new CsvParser(csv.asParserSettings()).parseLine(first);
    if (firstRow == null) {
      return new Inferred(new StructType(), false);
    }
    String[] header = CSVUtils.makeSafeHeader(firstRow, conf.caseSensitiveAnalysis(), csv);
    CSVInferSchema inference = new CSVInferSchema(csv);
    DataType[] types = new DataType[header.length];
    Arrays.fill(types, DataTypes.NullType);
    if (csv.inferSchemaFlag()) {
      CsvParser parser = new CsvParser(csv.asParserSettings());
      scala.collection.Iterator<String> rows =
          CSVUtils.filterHeaderLine(
              CSVUtils.filterCommentAndEmpty(CollectionConverters.asScala(lines.iterator()), csv),
              first,
              csv);
      while (rows.hasNext()) {
        types = inference.inferRowType(types, parser.parseLine(rows.next()));
      }
    }
    boolean unknown = false;
    for (DataType t : types) {
      unknown |= t instanceof NullType;
    }
    StructType schema =
        csv.inferSchemaFlag()
            ? new StructType(inference.toStructFields(types, header))
            : new StructType(
                Arrays.stream(header)
                    .map(h -> new StructField(h, DataTypes.StringType, true, Metadata.empty()))
                    .toArray(StructField[]::new));
    return new Inferred(schema, unknown);
  }

  /**
   * True when Spark's {@code length(trim(value)) > 0} is false for the line: SQL's {@code trim}
   * drops spaces only (not tabs, as Java's {@code String.trim} does).
   */
  private static boolean blankForSql(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * True when {@code e} (or a cause) is Spark's {@code FAILFAST} stop on a value the sampled types
   * do not fit; the audit then runs again with full inference.
   */
  public static boolean mismatch(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("MALFORMED_RECORD_IN_PARSING")
          || m.contains("Malformed records are detected")) {
        return true;
      }
    }
    return false;
  }

  private static boolean eligible(Map<String, String> options) {
    boolean infer = false;
    for (Map.Entry<String, String> o : options.entrySet()) {
      String key = o.getKey().toLowerCase(Locale.ROOT);
      if (!SAMPLE_SAFE.contains(key)) {
        return false;
      }
      if (key.equals("inferschema")) {
        infer = Boolean.parseBoolean(o.getValue().strip());
      }
    }
    return infer;
  }

  /** Reads up to {@link #LINES} lines into {@code lines}; true when that was the whole file. */
  private static boolean head(FileSystem fs, Path path, CompressionCodec codec, List<String> lines)
      throws IOException {
    long bytes = 0;
    try (InputStream raw = fs.open(path);
        InputStream in = codec == null ? raw : codec.createInputStream(raw);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
        bytes += line.length() + 1L;
        if (lines.size() >= LINES || bytes >= BYTES) {
          return reader.readLine() == null;
        }
      }
      return true;
    }
  }
}
