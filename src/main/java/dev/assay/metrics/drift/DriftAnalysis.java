package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.lit;

import dev.assay.core.BadInputException;
import dev.assay.core.Histogram;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.Chunks;
import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The drift family in two Spark jobs over both data sets at once (the reference and the current
 * data are unioned, each row tagged with its side):
 *
 * <ol>
 *   <li>one global aggregation: rows per side, an estimate of each column's distinct values ({@code
 *       approx_count_distinct}, relative standard deviation 5 %), and each numeric column's min and
 *       max;
 *   <li>one grouped count: every row is stacked into (column, value) pairs with {@code explode} (an
 *       embedding column's components with a {@code posexplode} of its vector, so the generated
 *       code does not grow with the dimension), then counted per (side, column, value). A numeric
 *       column with more than {@code drift.max_distinct} (G) estimated distinct values is grouped
 *       instead by its cell in a grid of G equal-width cells over [min, max] of both sides (min and
 *       max come from job 1), counted at the cell's midpoint: at most G values per side reach the
 *       driver. A categorical column with more than G estimated distinct values (an identifier,
 *       free text) is counted only as null or not null: its null rates are exact and its
 *       distribution metrics undefined with the reason, so no column sends more than G values per
 *       side.
 * </ol>
 *
 * <p>With a text column, a job between the two finds each text column's reference vocabulary
 * ({@link ReferenceVocabulary}, at most {@value ReferenceVocabulary#SIZE} words per column to the
 * driver) for its {@code oov_share} descriptor.
 *
 * <p>A third job (unless {@code drift.classifier_sample} is 0) collects a seeded sample of at most
 * that many rows per side for the {@link DomainClassifier}: the family's one collect of data rows,
 * bounded by the option, never by the data's size. It needs only job 1's row counts, so it and the
 * classifier's fit on the driver run on a thread of their own ({@link Beside}) while the family's
 * thread plans and runs the vocabulary and counting jobs; the results are the same as in series.
 * With the sample, each embedding column adds one job over all its vectors: the linear-time MMD
 * ({@link LinearMmd}), a global aggregation after two shuffles, nothing but three sums to the
 * driver.
 *
 * <p>Both jobs run on the shared engine ({@link SinglePassRunner}): job 1's state is a {@link
 * DriftProfile}, job 2's a {@link SideCounts} per cell ({@link DriftCounts}), folded into a {@link
 * ColumnCounts} per column. Only the per-value counts come to the driver (their number is bounded
 * by the distinct values, never by rows). Everything else — null rates, exact quantile edges, bin
 * counts, KS, Wasserstein, chi-squared and the distances — is plain Java over those counts ({@link
 * ColumnDrift}), so the numbers do not depend on partitioning.
 */
public final class DriftAnalysis {

  /** The dataset-level metric: drifted columns ÷ columns with a defined drift_detected. */
  public static final String DRIFT_SHARE = "drift_share";

  private static final String SIDE = "__assay_side";

  /** The time chunk of a current row ({@link Chunks#key}); null on the reference side. */
  private static final String CHUNK = "__assay_chunk";

  /** The most groups a segment attribute may have (each multiplies the counts per column). */
  public static final int MAX_SEGMENT_GROUPS = 100;

  private DriftAnalysis() {}

  /** Runs the family: profile, plan, count, metrics per column and segment, data-set metrics. */
  public static DriftOutcome run(DriftInput given) {
    return run(given, null);
  }

  /**
   * As {@link #run(DriftInput)}, and with {@code chunks} (null for none) each time chunk of the
   * current data compared with the whole reference too ({@link #chunkMetrics}), in the same jobs:
   * the chunk is one more segment attribute of the count, held by current rows only.
   */
  public static DriftOutcome run(DriftInput given, Chunks chunks) {
    List<String> segments = given.options().segmentBy();
    Dataset<Row> both =
        side(given.reference(), given.columns(), segments, 0, chunks)
            .unionByName(side(given.current(), given.columns(), segments, 1, chunks));
    DriftProfile profile = profile(both, given);
    DriftInput in =
        new DriftInput(
            given.reference(),
            given.current(),
            ColumnKinds.resolve(given.columns(), profile, given.options().tests().keySet()),
            given.options(),
            given.notes());
    List<DriftColumn> columns = in.columns();
    // The classifier's sample (job 3) and its fit on the driver need only the profile: they run on
    // a thread of their own beside the vocabulary and counting jobs, and are waited for where the
    // serial run used them (docs/performance.md, "CI gate, sixth pass").
    Beside<Classified> classified =
        Beside.start("assay-drift-sample", () -> classify(both, in, profile));
    Map<Integer, List<String>> vocabularies =
        ReferenceVocabulary.of(
            both.where(Columns.named(SIDE).equalTo(0)), columns, valueColumns(columns));
    DerivedColumns derived =
        DerivedColumns.of(
            columns, valueColumns(columns), profile, vocabularies, in.options().maxDistinct());
    List<ColumnPlan> plans = plan(in, profile);
    plans.addAll(derived.plans());
    List<String> notes = new ArrayList<>(in.notes());
    notes.add(ColumnKinds.note(columns));
    notes.addAll(planNotes(plans.subList(0, columns.size()), profile));
    List<Column> values = new ArrayList<>(valueColumns(columns));
    values.addAll(derived.values());
    List<Column> countSegments = new ArrayList<>(segmentColumns(segments));
    if (chunks != null) {
      countSegments.add(Columns.named(CHUNK));
    }
    DriftCounts counts =
        DriftCounts.count(
            both,
            Columns.named(SIDE),
            plans,
            values,
            countSegments,
            derived.vectors().stream().map(b -> b.shifted(columns.size())).toList());

    List<ColumnCounts> whole = counts.whole();
    List<ColumnDrift.Verdict> parts =
        derivedVerdicts(in, derived, whole.subList(columns.size(), whole.size()), profile);
    List<Row> sample = classified.join().sample();
    List<MetricResult> metrics = new ArrayList<>();
    List<Histogram> histograms = new ArrayList<>();
    List<ColumnDrift.Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      DriftColumn column = columns.get(i);
      ColumnCounts state = whole.get(i);
      List<MetricResult> extra =
          column.kind() == DriftColumn.Kind.EMBEDDING
              ? EmbeddingDrift.metrics(
                  column,
                  i,
                  derived.partsOf(i, parts),
                  sample,
                  linear(both, i, profile),
                  in.options())
              : column.kind() == DriftColumn.Kind.TEXT
                  ? TextDrift.metrics(column, i, sample, in.options())
                  : List.of();
      ColumnDrift.Verdict v =
          ColumnDrift.evaluate(
              state,
              in.options().bins(),
              in.options().tests().get(column.name()),
              Scope.column(column.name()),
              profile.rowsReference(),
              extra);
      verdicts.add(v);
      metrics.addAll(v.metrics());
      if (column.kind() == DriftColumn.Kind.TEXT) {
        metrics.addAll(derived.metricsOf(i, parts));
      }
      if (state.exact() || column.kind() == DriftColumn.Kind.NUMERIC) {
        histograms.add(ColumnDrift.histogram(state, in.options().bins()));
      }
    }
    metrics.add(share(Scope.DATASET, columns, verdicts));
    if (sample != null) {
      metrics.add(classified.join().classifier());
    }
    metrics.addAll(segmentMetrics(in, counts, profile.rowsReference()));
    if (chunks != null) {
      metrics.addAll(chunkMetrics(in, counts, chunks, profile.rowsReference(), notes));
    }
    return new DriftOutcome(
        metrics, notes, profile.rowsReference(), profile.rowsCurrent(), histograms);
  }

  /** The linear-time MMD of embedding column {@code i} over both whole data sets, given σ². */
  private static DoubleFunction<LinearMmd> linear(Dataset<Row> both, int i, DriftProfile profile) {
    return sigma2 ->
        LinearMmd.over(
            both,
            Columns.named(SIDE),
            Columns.named(valueColumn(i)),
            sigma2,
            DomainClassifier.SEED,
            Math.min(profile.rowsReference(), profile.rowsCurrent()));
  }

  /** The metrics and verdicts of the derived columns (text descriptors, embedding components). */
  private static List<ColumnDrift.Verdict> derivedVerdicts(
      DriftInput in, DerivedColumns derived, List<ColumnCounts> states, DriftProfile profile) {
    List<ColumnDrift.Verdict> out = new ArrayList<>();
    for (int k = 0; k < states.size(); k++) {
      out.add(
          ColumnDrift.evaluate(
              states.get(k),
              in.options().bins(),
              null,
              Scope.column(derived.columns().get(k).name()),
              profile.rowsReference(),
              List.of()));
    }
    return out;
  }

  /**
   * Job 1: the {@link DriftProfile} of both sides; fails when a side has no rows or a segment
   * attribute has too many groups, before the count.
   */
  private static DriftProfile profile(Dataset<Row> both, DriftInput in) {
    List<DriftColumn> columns = in.columns();
    List<String> segments = in.options().segmentBy();
    DriftProfileAggregate aggregate =
        new DriftProfileAggregate(
            Columns.named(SIDE), valueColumns(columns), columns, segmentColumns(segments));
    List<GroupedStates> out =
        SinglePassRunner.run(both, List.of(Grouping.whole("drift")), List.of(aggregate), 1);
    DriftProfile profile =
        out.isEmpty() ? DriftProfile.empty(columns.size(), segments.size()) : out.get(0).state(0);
    if (profile.rowsReference() == 0) {
      throw new BadInputException(
          "the reference data set has no rows: drift needs a baseline."
              + " Check data.reference's path and filters.");
    }
    if (profile.rowsCurrent() == 0) {
      throw new BadInputException(
          "the current data set has no rows: there is nothing to audit."
              + " Check data.current's path and filters.");
    }
    for (int j = 0; j < segments.size(); j++) {
      long groups = profile.segmentGroups().get(j);
      if (groups > MAX_SEGMENT_GROUPS) {
        throw new BadInputException(
            "drift.segment_by: column '"
                + segments.get(j)
                + "' has about "
                + groups
                + " groups; segment drift compares at most "
                + MAX_SEGMENT_GROUPS
                + " groups"
                + " per attribute. Name a coarser column in drift.segment_by, or remove it.");
      }
    }
    return profile;
  }

  /** How each column is counted (exactly, on a grid, or only as null or not). */
  private static List<ColumnPlan> plan(DriftInput in, DriftProfile profile) {
    List<ColumnPlan> plans = new ArrayList<>();
    for (int i = 0; i < in.columns().size(); i++) {
      plans.add(ColumnPlan.of(in.columns().get(i), i, profile, in.options().maxDistinct()));
    }
    return plans;
  }

  /** The notes of columns not counted exactly: categorical ones first, then numeric ones. */
  private static List<String> planNotes(List<ColumnPlan> plans, DriftProfile profile) {
    List<String> notes = new ArrayList<>();
    for (boolean numeric : new boolean[] {false, true}) {
      for (int i = 0; i < plans.size(); i++) {
        String note = plans.get(i).note(profile.distinct().get(i));
        if (note != null && plans.get(i).numeric() == numeric) {
          notes.add(note);
        }
      }
    }
    return notes;
  }

  /**
   * Segment drift: the metrics of the numeric and categorical columns within each group of each
   * segment attribute, and its share; the default test is chosen by the whole reference's size
   * ({@code testRows}), so every group of a column is judged the same way. Text and embedding
   * columns are compared on the whole data sets only.
   */
  private static List<MetricResult> segmentMetrics(
      DriftInput in, DriftCounts counts, long testRows) {
    List<MetricResult> metrics = new ArrayList<>();
    List<String> segments = in.options().segmentBy();
    List<DriftColumn> scalar = new ArrayList<>();
    for (DriftColumn c : in.columns()) {
      if (DriftCounts.segmented(c)) {
        scalar.add(c);
      }
    }
    for (int j = 0; j < segments.size(); j++) {
      String attribute = segments.get(j);
      for (Map.Entry<String, List<ColumnCounts>> g : counts.segments().get(j).entrySet()) {
        List<ColumnDrift.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < in.columns().size(); i++) {
          String name = in.columns().get(i).name();
          if (DriftCounts.segmented(in.columns().get(i))) {
            verdicts.add(
                ColumnDrift.evaluate(
                    g.getValue().get(i),
                    in.options().bins(),
                    in.options().tests().get(name),
                    new Scope(attribute, g.getKey(), name),
                    testRows,
                    List.of()));
          }
        }
        verdicts.forEach(v -> metrics.addAll(v.metrics()));
        metrics.add(share(Scope.group(attribute, g.getKey()), scalar, verdicts));
      }
    }
    return metrics;
  }

  /**
   * Per time chunk of the current data (rows without a timestamp left out), the numeric and
   * categorical columns compared with the whole reference, and drift_share, each scope naming its
   * chunk: the chunk's current counts (the count's last segment attribute) merged with the whole
   * count's reference side ({@link ColumnCounts#referenceOnly}). The test is chosen as for the
   * whole data ({@code testRows}); text and embedding columns are compared on the whole data only.
   */
  private static List<MetricResult> chunkMetrics(
      DriftInput in, DriftCounts counts, Chunks chunks, long testRows, List<String> notes) {
    List<MetricResult> metrics = new ArrayList<>();
    List<DriftColumn> scalar = new ArrayList<>();
    for (DriftColumn c : in.columns()) {
      if (DriftCounts.segmented(c)) {
        scalar.add(c);
      }
    }
    Map<String, List<ColumnCounts>> byChunk =
        counts.segments().get(in.options().segmentBy().size());
    notes.add(
        "per time chunk of the current data: "
            + chunks.describe(byChunk.keySet())
            + ", each compared with the whole reference (numeric and categorical columns).");
    for (Map.Entry<String, List<ColumnCounts>> g : byChunk.entrySet()) {
      if (Chunks.MISSING.equals(g.getKey())) {
        continue;
      }
      String interval = chunks.interval(g.getKey());
      List<ColumnDrift.Verdict> verdicts = new ArrayList<>();
      for (int i = 0; i < in.columns().size(); i++) {
        DriftColumn column = in.columns().get(i);
        if (DriftCounts.segmented(column)) {
          verdicts.add(
              ColumnDrift.evaluate(
                  g.getValue().get(i).merge(counts.whole().get(i).referenceOnly()),
                  in.options().bins(),
                  in.options().tests().get(column.name()),
                  Scope.column(column.name()).withChunk(interval),
                  testRows,
                  List.of()));
        }
      }
      verdicts.forEach(v -> metrics.addAll(v.metrics()));
      metrics.add(share(Scope.DATASET.withChunk(interval), scalar, verdicts));
    }
    return metrics;
  }

  /** The classifier's sample (null without one) and its domain-classifier metric. */
  private record Classified(List<Row> sample, MetricResult classifier) {}

  private static Classified classify(Dataset<Row> both, DriftInput in, DriftProfile profile) {
    List<Row> sample = sample(both, in, profile);
    return new Classified(
        sample,
        sample == null
            ? null
            : DomainClassifier.fit(
                SampleRows.classifierColumns(in.columns(), profile),
                SampleRows.expand(in.columns(), profile, sample),
                in.options().classifierSample()));
  }

  /**
   * Job 3: a seeded sample of at most {@code drift.classifier_sample} rows per side, the family's
   * one bounded collect of data rows, for the {@link DomainClassifier} and the text and embedding
   * methods; null when {@code drift.classifier_sample} is 0 or there is no column.
   */
  private static List<Row> sample(Dataset<Row> both, DriftInput in, DriftProfile profile) {
    int sample = in.options().classifierSample();
    if (sample == 0 || in.columns().isEmpty()) {
      return null;
    }
    List<Column> select = new ArrayList<>();
    select.add(Columns.named(SIDE));
    select.addAll(valueColumns(in.columns()));
    Dataset<Row> rows =
        sideSample(both, select, 0, profile.rowsReference(), sample)
            .union(sideSample(both, select, 1, profile.rowsCurrent(), sample));
    List<Row> out = new ArrayList<>(rows.collectAsList());
    // a fixed order whatever order the rows arrived in from the executors
    SampleRows.sortByText(out);
    return out;
  }

  /**
   * At most {@code limit} rows of one side: Spark's seeded Bernoulli sample with a fraction that
   * expects 10 % more than the limit (so the limit, not chance, usually decides the size), cut with
   * {@code limit}.
   */
  private static Dataset<Row> sideSample(
      Dataset<Row> both, List<Column> select, int side, long rows, int limit) {
    double fraction = Math.min(1.0, 1.1 * limit / rows);
    Dataset<Row> one =
        both.where(Columns.named(SIDE).equalTo(side)).select(select.toArray(new Column[0]));
    return (fraction < 1 ? one.sample(false, fraction, DomainClassifier.SEED + side) : one)
        .limit(limit);
  }

  /** drift_share in a scope: drifted columns ÷ columns with a defined drift_detected. */
  private static MetricResult share(
      Scope scope, List<DriftColumn> columns, List<ColumnDrift.Verdict> verdicts) {
    DriftedShare found = DriftedShare.of(verdicts);
    MetricKey share = new MetricKey(DriftMetrics.DRIFT_SHARE, scope);
    if (found.defined() == 0) {
      return new MetricResult.Undefined(
          share, null, "drift_share is undefined: no column has a defined drift_detected");
    }
    List<String> drifted = found.drifted().stream().map(i -> columns.get(i).name()).toList();
    return found.metric(
        share, "columns", drifted.isEmpty() ? "" : ": " + String.join(", ", drifted));
  }

  /**
   * One side's drift columns as doubles (finite, else null) or strings, and its segment columns as
   * strings, tagged with the side.
   */
  private static Dataset<Row> side(
      Dataset<Row> data,
      List<DriftColumn> columns,
      List<String> segments,
      int side,
      Chunks chunks) {
    List<Column> select = new ArrayList<>();
    select.add(lit(side).alias(SIDE));
    if (chunks != null) {
      // only current rows have a chunk: a reference row belongs to no chunk's count
      select.add((side == 1 ? chunks.key() : lit(null).cast("string")).alias(CHUNK));
    }
    for (int j = 0; j < segments.size(); j++) {
      select.add(Columns.named(segments.get(j)).cast("string").alias(segmentColumn(j)));
    }
    for (int i = 0; i < columns.size(); i++) {
      Column c = Columns.named(columns.get(i).name());
      if (columns.get(i).kind() == DriftColumn.Kind.NUMERIC) {
        // NaN and ±∞ count as missing (in null_rate_*), as in every family
        select.add(FiniteNumbers.of(c).alias(valueColumn(i)));
      } else if (columns.get(i).kind() == DriftColumn.Kind.EMBEDDING) {
        select.add(
            EmbeddingDrift.vector(c, data.schema().apply(columns.get(i).name()).dataType())
                .alias(valueColumn(i)));
      } else {
        select.add(c.cast("string").alias(valueColumn(i)));
      }
    }
    return data.select(select.toArray(new Column[0]));
  }

  private static List<Column> valueColumns(List<DriftColumn> columns) {
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add(Columns.named(valueColumn(i)));
    }
    return out;
  }

  private static List<Column> segmentColumns(List<String> segments) {
    List<Column> out = new ArrayList<>();
    for (int j = 0; j < segments.size(); j++) {
      out.add(Columns.named(segmentColumn(j)));
    }
    return out;
  }

  private static String valueColumn(int i) {
    return "__assay_v" + i;
  }

  private static String segmentColumn(int j) {
    return "__assay_s" + j;
  }
}
