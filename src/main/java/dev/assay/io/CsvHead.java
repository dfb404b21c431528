package dev.assay.io;

import static org.apache.spark.sql.functions.count;

import dev.assay.spark.Columns;
import dev.assay.spec.DataFormat;
import dev.assay.spec.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A CSV file's column types inferred from its first lines instead of a full scan, verified on every
 * row (docs/contract.md, "CSV column types"). Spark's {@code inferSchema} reads the whole file once
 * before any audit job just to choose the types (at 10M rows that is a third of the run); here the
 * types come from at most {@value #LINES} lines (and {@value #BYTES} bytes) read on the driver, and
 * when the file has more lines the audit reads it with those types in Spark's {@code FAILFAST}
 * mode: a value the types do not fit (a {@code 1.5} in a column of integers, text in a numeric
 * column, a row with the wrong number of fields) stops the read, never becomes a null, and the
 * audit runs again with types inferred from the whole file, as without the sample ({@link
 * #mismatch}). A column with no value in the sample (its type unknown) also takes the full scan. So
 * the types, and every number, are those of a full inference.
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
   * value in the head).
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
    Dataset<String> head = spark.createDataset(lines, Encoders.STRING());
    StructType schema = spark.read().options(source.options()).csv(head).schema();
    if (schema.fields().length == 0 || (!whole && hasEmptyText(spark, source, head, schema))) {
      return null;
    }
    return new Sampled(schema, whole);
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

  /**
   * True when a text column of the sampled schema has no value in the head: Spark types a column of
   * nulls as text, where the rest of the file might hold numbers.
   */
  private static boolean hasEmptyText(
      SparkSession spark, DataSource source, Dataset<String> head, StructType schema) {
    List<Column> counts = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (f.dataType() instanceof StringType) {
        counts.add(count(Columns.named(f.name())));
      }
    }
    if (counts.isEmpty()) {
      return false;
    }
    Dataset<Row> parsed = spark.read().options(source.options()).schema(schema).csv(head);
    Row row =
        parsed.agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0])).first();
    for (int i = 0; i < row.length(); i++) {
      if (row.getLong(i) == 0) {
        return true;
      }
    }
    return false;
  }
}
