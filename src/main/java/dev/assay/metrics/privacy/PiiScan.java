package dev.assay.metrics.privacy;

import dev.assay.spark.Columns;
import dev.assay.core.Family;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.PiiExample;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;

/**
 * The PII scan: for every scanned column and every {@link PiiType}, the number of records whose
 * value holds at least one valid match, in ONE global aggregation ({@code count_if} of built-in
 * expressions, checksums included): one Spark job, one row to the driver, whatever the size of the
 * data. No unmasked value ever leaves the executors: beside each count the same aggregation keeps
 * at most {@value #EXAMPLES} masked examples ({@link PiiType#masked}: the mask is applied on the
 * executor, before aggregation) as {@code min}, {@code max} and {@code min_by(masked,
 * xxhash64(text))} of the masked matches — three bounded aggregate states (one string each), not a
 * {@code collect_list} whose state grows with the rows. The examples go to the report only, never
 * to results.json.
 *
 * <p>{@code pii_<type>_count} = records with a match in the column (0..N, lower is safer);
 * {@code pii_<type>_rate} = that count ÷ N, the records of the data set (0..1; undefined on empty
 * data).
 */
public final class PiiScan {

  /** The most masked examples kept per column and type. */
  public static final int EXAMPLES = 3;

  private PiiScan() {
  }

  /** The counts per column and type, read from one aggregated row, and the masked examples. */
  public record Counts(long records, List<String> columns, long[][] found, List<PiiExample> examples) {

    public Counts {
      examples = List.copyOf(examples);
    }

    /** Records of {@code column} (by index) with a match of {@code type}. */
    public long count(int column, PiiType type) {
      return found[column][type.ordinal()];
    }
  }

  /** The scan's metrics and its masked examples (for the report only). */
  public record Result(List<MetricResult> metrics, List<PiiExample> examples) {

    public Result {
      metrics = List.copyOf(metrics);
      examples = List.copyOf(examples);
    }
  }

  /** Counts the matches of every type in every column of {@code columns} in one job. */
  public static Counts count(Dataset<Row> data, List<String> columns) {
    // found is computed once per column and type (a projection); the mask only where found; the
    // aggregation reads both (Spark does not collapse projections that would repeat a regex)
    List<Column> flags = new ArrayList<>();
    List<Column> masks = new ArrayList<>();
    List<Column> aggs = new ArrayList<>();
    aggs.add(functions.count(functions.lit(1)));
    for (int c = 0; c < columns.size(); c++) {
      // an array<string> column (an LLM's retrieved contexts) is scanned as its items, one per line
      Column text = data.schema().apply(columns.get(c)).dataType() instanceof ArrayType
          ? functions.concat_ws("\n", Columns.named(columns.get(c)))
          : Columns.named(columns.get(c)).cast("string");
      flags.add(text.as("t" + c));
      masks.add(functions.col("t" + c));
      for (PiiType t : PiiType.values()) {
        String f = "f" + c + "_" + t.ordinal();
        String m = "m" + c + "_" + t.ordinal();
        flags.add(t.found(text).as(f));
        masks.add(Columns.named(f));
        masks.add(functions.when(Columns.named(f), t.mask(t.firstMatch(functions.col("t" + c)))).as(m));
        aggs.add(functions.count_if(Columns.named(f)));
        aggs.add(functions.min(m));
        aggs.add(functions.max(m));
        aggs.add(functions.min_by(Columns.named(m),
            functions.when(Columns.named(m).isNotNull(), functions.xxhash64(functions.col("t" + c)))));
      }
    }
    data = data.select(flags.toArray(new Column[0])).select(masks.toArray(new Column[0]));
    Row r = data.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
        .collectAsList().get(0);
    long[][] found = new long[columns.size()][PiiType.values().length];
    List<PiiExample> examples = new ArrayList<>();
    int i = 1;
    for (int c = 0; c < columns.size(); c++) {
      for (PiiType t : PiiType.values()) {
        found[c][t.ordinal()] = r.getLong(i++);
        Set<String> distinct = new LinkedHashSet<>();
        for (int e = 0; e < EXAMPLES; e++, i++) {
          if (!r.isNullAt(i)) {
            distinct.add(r.getString(i));
          }
        }
        for (String m : distinct) {
          examples.add(new PiiExample(columns.get(c), t.id(), m));
        }
      }
    }
    return new Counts(r.getLong(0), columns, found, examples);
  }

  /** Runs the scan: a count and a rate per column and type (the examples are dropped). */
  public static List<MetricResult> run(Dataset<Row> data, List<String> columns) {
    return scan(data, columns).metrics();
  }

  /** Runs the scan: a count and a rate per column and type, and the masked examples; one job. */
  public static Result scan(Dataset<Row> data, List<String> columns) {
    Counts counts = count(data, columns);
    List<MetricResult> out = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      Scope scope = Scope.column(columns.get(c));
      for (PiiType t : PiiType.values()) {
        long n = counts.count(c, t);
        out.add(new MetricResult.Computed(new MetricKey(PrivacyMetrics.piiCount(t.id()), scope), n,
            counts.records(), null, null, null, null));
        MetricKey rate = new MetricKey(PrivacyMetrics.piiRate(t.id()), scope);
        out.add(counts.records() == 0
            ? new MetricResult.Undefined(rate, 0L, t.rateMetric() + " is undefined: the data set has no rows")
            : new MetricResult.Computed(rate, (double) n / counts.records(), counts.records(), null,
                null, null, null));
      }
    }
    return new Result(out, counts.examples());
  }
}
