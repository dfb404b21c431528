package dev.assay.metrics.privacy;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.PiiExample;
import dev.assay.core.Scope;
import dev.assay.spark.Columns;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;

/**
 * The PII scan: for every scanned column and every {@link PiiType}, the number of records whose
 * value holds at least one valid match, in ONE global aggregation on the shared engine ({@link
 * SinglePassRunner}, one {@link PiiAggregate} per column and type, each building a mergeable {@link
 * PiiFinding}): one Spark job, one row to the driver, whatever the size of the data. No unmasked
 * value ever leaves the executors: beside each count the same aggregation keeps at most {@value
 * #EXAMPLES} masked examples ({@link PiiType#masked}: the mask is applied on the executor, before
 * aggregation) as {@code min} and {@code max} of the masked matches and the {@code min} of
 * (xxhash64(text), masked) — three bounded aggregate states (one string each), not a {@code
 * collect_list} whose state grows with the rows. The examples go to the report only, never to
 * results.json.
 *
 * <p>{@code pii_<type>_count} = records with a match in the column (0..N, lower is safer); {@code
 * pii_<type>_rate} = that count ÷ N, the records of the data set (0..1; undefined on empty data).
 */
public final class PiiScan {

  /** The most masked examples kept per column and type. */
  public static final int EXAMPLES = 3;

  private PiiScan() {}

  /** The counts per column and type, read from one aggregated row, and the masked examples. */
  public record Counts(
      long records, List<String> columns, long[][] found, List<PiiExample> examples) {

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

  /** The aggregate states of the scan, one per column and type, column by column. */
  static List<PiiAggregate> aggregates(int columns) {
    List<PiiAggregate> out = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      for (PiiType t : PiiType.values()) {
        out.add(new PiiAggregate(c, t));
      }
    }
    return out;
  }

  /**
   * The projection the aggregates read: each column's text, then per type its match flag and its
   * masked first match. The flag is computed once per column and type; the mask only where found
   * (two selects: Spark does not collapse projections that would repeat a regex).
   */
  static Dataset<Row> prepare(
      Dataset<Row> data, List<String> columns, List<PiiAggregate> aggregates) {
    List<Column> flags = new ArrayList<>();
    List<Column> masks = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      // an array<string> column (an LLM's retrieved contexts) is scanned as its items, one per line
      Column text =
          data.schema().apply(columns.get(c)).dataType() instanceof ArrayType
              ? functions.concat_ws("\n", Columns.named(columns.get(c)))
              : Columns.named(columns.get(c)).cast("string");
      flags.add(text.as(PiiAggregate.text(c)));
      masks.add(Columns.named(PiiAggregate.text(c)));
    }
    PiiPatterns.Form form = PiiPatterns.Form.of(data.sparkSession());
    for (PiiAggregate a : aggregates) {
      flags.add(a.type().found(Columns.named(PiiAggregate.text(a.column())), form).as(a.flag()));
      masks.add(Columns.named(a.flag()));
      masks.add(
          functions
              .when(
                  Columns.named(a.flag()),
                  a.type()
                      .mask(
                          a.type().firstMatch(Columns.named(PiiAggregate.text(a.column())), form)))
              .as(a.masked()));
    }
    return data.select(flags.toArray(new Column[0])).select(masks.toArray(new Column[0]));
  }

  /** Counts the matches of every type in every column of {@code columns} in one job. */
  public static Counts count(Dataset<Row> data, List<String> columns) {
    List<PiiAggregate> aggregates = aggregates(columns.size());
    List<GroupedStates> rows =
        SinglePassRunner.run(
            prepare(data, columns, aggregates), List.of(Grouping.whole("pii")), aggregates, 1);
    long records = 0;
    long[][] found = new long[columns.size()][PiiType.values().length];
    List<PiiExample> examples = new ArrayList<>();
    for (int i = 0; i < aggregates.size(); i++) {
      PiiAggregate a = aggregates.get(i);
      PiiFinding finding = rows.isEmpty() ? PiiFinding.EMPTY : rows.get(0).state(i);
      records = finding.records();
      found[a.column()][a.type().ordinal()] = finding.found();
      for (String masked : finding.examples()) {
        examples.add(new PiiExample(columns.get(a.column()), a.type().id(), masked));
      }
    }
    return new Counts(records, columns, found, examples);
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
        out.add(
            MetricResult.Computed.of(
                new MetricKey(PrivacyMetrics.piiCount(t.id()), scope), n, counts.records()));
        MetricKey rate = new MetricKey(PrivacyMetrics.piiRate(t.id()), scope);
        out.add(
            counts.records() == 0
                ? new MetricResult.Undefined(
                    rate, 0L, t.rateMetric() + " is undefined: the data set has no rows")
                : MetricResult.Computed.of(rate, (double) n / counts.records(), counts.records()));
      }
    }
    return new Result(out, counts.examples());
  }
}
