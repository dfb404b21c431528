package dev.assay.spark;

import dev.assay.core.BadInputException;
import dev.assay.core.ChunkUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Chunks of a row count ({@code chunk: {rows: N}}), NannyML's size-based chunking: the current rows
 * that have a timestamp, in timestamp order, cut into consecutive runs of {@code N} rows; the last
 * chunk keeps what is left (it may be smaller; NannyML's {@code incomplete='keep'}).
 *
 * <p><b>Order and ties.</b> Rows are ordered by the timestamp, then by {@code xxhash64} of the
 * row's columns (all of them but map and variant ones, which Spark cannot hash): a boundary through
 * equal timestamps splits them the same way on every run. Rows equal in both (in practice duplicate
 * rows) are never split: they all go to the chunk of the first of them, so that chunk is longer and
 * the one before shorter by as many.
 *
 * <p><b>Cost.</b> The order costs Spark jobs once per audit, in {@link #plan}, never a collect of
 * rows: (1) the count of dated rows and approximate timestamp quantiles ({@code percentile_approx})
 * that cut the rows into buckets of about equal size; (2) the exact row count per bucket, so each
 * bucket's offset in the order; (3) a window sorted by (timestamp, hash) within each bucket gives
 * every row its position, and only the first row of each chunk ({@code position % N == 0}, at most
 * {@value Chunks#MAX_CHUNKS}) comes back to the driver. With one chunk only (1) runs. After that a
 * row's chunk is a built-in expression (a binary search over the chunks' first rows as nested
 * {@code CASE WHEN}), so the families' jobs stay as many as without chunks.
 *
 * <p>A chunk is named {@code rows a-b}: its first and last row, counted from 1 in that order.
 */
public final class RowChunks implements Chunks {

  /** percentile_approx's accuracy for the bucket bounds; buckets only need to be about equal. */
  private static final int ACCURACY = 10_000;

  private static final String M = "__assay_micros";
  private static final String H = "__assay_hash";
  private static final String B = "__assay_bucket";

  /** The first row of a chunk after the first: its timestamp, hash and 0-based position. */
  record Start(long micros, long hash, long row) {}

  private final String timestamp;
  private final long size;
  private final List<String> hashed;
  private final long rows;
  private final List<Start> starts;

  private RowChunks(
      String timestamp, long size, List<String> hashed, long rows, List<Start> starts) {
    this.timestamp = timestamp;
    this.size = size;
    this.hashed = List.copyOf(hashed);
    this.rows = rows;
    this.starts = List.copyOf(starts);
  }

  /**
   * The row chunks of {@code current}: one to three Spark jobs (see the class comment).
   *
   * @param timestamp the date or timestamp column (already checked)
   * @param size the rows per chunk, at least 1
   * @param buckets how many buckets the ordering window runs in (parallelism), at least 1
   * @param at {@code file:line} of {@code chunk.rows}, for the too-many-chunks message
   * @throws BadInputException when the chunks would be more than {@value Chunks#MAX_CHUNKS}
   */
  public static RowChunks plan(
      Dataset<Row> current, String timestamp, long size, int buckets, String at) {
    List<String> hashed = new ArrayList<>();
    for (StructField f : current.schema().fields()) {
      if (hashable(f.dataType())) {
        hashed.add(f.name());
      }
    }
    Column micros = micros(timestamp);
    Dataset<Row> dated = current.where(micros.isNotNull());
    List<Column> fractions = new ArrayList<>();
    for (int i = 1; i < buckets; i++) {
      fractions.add(functions.lit((double) i / buckets));
    }
    Row first =
        fractions.isEmpty()
            ? dated.agg(functions.count(functions.lit(1))).first()
            : dated
                .agg(
                    functions.count(functions.lit(1)),
                    functions.percentile_approx(
                        micros,
                        functions.array(fractions.toArray(new Column[0])),
                        functions.lit(ACCURACY)))
                .first();
    long rows = first.getLong(0);
    long chunks = (rows + size - 1) / size;
    if (chunks > MAX_CHUNKS) {
      throw new BadInputException(
          at
              + ": chunk.rows "
              + size
              + " splits the "
              + rows
              + " current rows with a timestamp into "
              + chunks
              + " chunks; at most "
              + MAX_CHUNKS
              + " are reported. Choose chunk.rows of at least "
              + ((rows + MAX_CHUNKS - 1) / MAX_CHUNKS)
              + ".");
    }
    RowChunks none = new RowChunks(timestamp, size, hashed, rows, List.of());
    if (chunks <= 1) {
      return none;
    }
    List<Long> bounds = new ArrayList<>();
    if (first.size() > 1 && !first.isNullAt(1)) {
      for (Object b : first.getList(1)) {
        long bound = ((Number) b).longValue();
        if (bounds.isEmpty() || bound > bounds.get(bounds.size() - 1)) {
          bounds.add(bound);
        }
      }
    }
    Column bucket = search(bounds.size(), i -> micros.geq(functions.lit(bounds.get(i))));
    Map<Integer, Long> perBucket = new TreeMap<>();
    for (Row r : dated.groupBy(bucket.alias(B)).count().collectAsList()) {
      perBucket.put(r.getInt(0), r.getLong(1));
    }
    List<Column> offsets = new ArrayList<>();
    long offset = 0;
    for (Map.Entry<Integer, Long> e : perBucket.entrySet()) {
      offsets.add(functions.lit(e.getKey()));
      offsets.add(functions.lit(offset));
      offset += e.getValue();
    }
    Column offsetOf =
        functions.element_at(
            functions.map(offsets.toArray(new Column[0])), Columns.named(B).cast("int"));
    WindowSpec order =
        Window.partitionBy(Columns.named(B)).orderBy(Columns.named(M), Columns.named(H));
    Column position = offsetOf.plus(functions.row_number().over(order)).minus(1);
    Column firstOfTies = offsetOf.plus(functions.rank().over(order)).minus(1);
    List<Row> found =
        dated
            .select(micros.alias(M), hash(hashed).alias(H), bucket.alias(B))
            .select(
                Columns.named(M),
                Columns.named(H),
                position.alias("position"),
                firstOfTies.alias("first"))
            .where(functions.col("position").gt(0))
            .where(functions.pmod(functions.col("position"), functions.lit(size)).equalTo(0))
            .select(Columns.named(M), Columns.named(H), functions.col("first"))
            .collectAsList();
    List<Start> starts = new ArrayList<>();
    found.stream()
        .map(r -> new Start(r.getLong(0), r.getLong(1), r.getLong(2)))
        .sorted(java.util.Comparator.comparingLong(Start::row))
        .forEach(
            s -> {
              // a run of equal rows across a boundary: one chunk holds them all
              long previous = starts.isEmpty() ? 0 : starts.get(starts.size() - 1).row();
              if (s.row() > previous) {
                starts.add(s);
              }
            });
    return new RowChunks(timestamp, size, hashed, rows, starts);
  }

  /** Whether Spark's {@code xxhash64} takes values of {@code type} (not maps, not variants). */
  static boolean hashable(DataType type) {
    if (type instanceof MapType || type.typeName().equals("variant")) {
      return false;
    }
    if (type instanceof ArrayType a) {
      return hashable(a.elementType());
    }
    if (type instanceof StructType s) {
      for (StructField f : s.fields()) {
        if (!hashable(f.dataType())) {
          return false;
        }
      }
    }
    return true;
  }

  private static Column micros(String timestamp) {
    return functions.unix_micros(Columns.named(timestamp).cast("timestamp"));
  }

  private static Column hash(List<String> hashed) {
    return functions.xxhash64(hashed.stream().map(Columns::named).toArray(Column[]::new));
  }

  /**
   * How many of {@code count} ascending thresholds a row is at or after ({@code atOrAfter(i)}), by
   * a binary search written as nested {@code CASE WHEN}: about log2(count) comparisons a row.
   */
  private static Column search(int count, IntFunction<Column> atOrAfter) {
    return search(0, count, atOrAfter);
  }

  private static Column search(int lo, int hi, IntFunction<Column> atOrAfter) {
    if (lo == hi) {
      return functions.lit(lo);
    }
    int mid = (lo + hi) >>> 1;
    return functions
        .when(atOrAfter.apply(mid), search(mid + 1, hi, atOrAfter))
        .otherwise(search(lo, mid, atOrAfter));
  }

  @Override
  public String timestamp() {
    return timestamp;
  }

  /** The rows per chunk ({@code chunk.rows}). */
  public long size() {
    return size;
  }

  /** The current rows with a timestamp, all in some chunk. */
  public long rows() {
    return rows;
  }

  /**
   * The chunk key of each row: the chunk's 0-based index, zero-padded to sort as a number ({@code
   * 000}…{@code 399}), or {@value #MISSING} without a timestamp. A row is in the last chunk whose
   * first row it is at or after in (timestamp, hash) order.
   */
  @Override
  public Column key() {
    Column micros = micros(timestamp);
    Column hash = hash(hashed);
    Column index =
        search(
            starts.size(),
            i -> {
              Start s = starts.get(i);
              Column at = functions.lit(s.micros());
              return micros.gt(at).or(micros.equalTo(at).and(hash.geq(functions.lit(s.hash()))));
            });
    return functions
        .when(micros.isNull(), functions.lit(MISSING))
        .otherwise(functions.lpad(index.cast("string"), 3, "0"));
  }

  /** The chunk named {@code rows a-b}, its first and last row (from 1 in timestamp order). */
  @Override
  public String interval(String key) {
    if (MISSING.equals(key)) {
      return key;
    }
    int i = Integer.parseInt(key);
    long first = i == 0 ? 0 : starts.get(i - 1).row();
    long last = i < starts.size() ? starts.get(i).row() : rows;
    return ChunkUnit.ROWS + (first + 1) + "-" + last;
  }

  @Override
  public String describe(Collection<String> keys) {
    long count = keys.stream().filter(k -> !MISSING.equals(k)).count();
    return count
        + (count == 1 ? " chunk" : " chunks")
        + " of "
        + size
        + " rows in the order of column '"
        + timestamp
        + "' (ties by a hash of the row; the last chunk keeps what is left)";
  }
}
