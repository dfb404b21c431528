package dev.assay.metrics.privacy;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.AggregateState;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.Columns;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The threshold membership-inference attack ({@link MembershipMetric}) in one Spark job on the
 * shared engine ({@link SinglePassRunner}): rows are grouped into cells by slice and by their
 * attack signal rounded to {@value #DECIMALS} decimals; each cell's state is a {@link
 * MembershipTally} (members, non-members) plus the member and label checks ({@link BinaryColumn}),
 * so at most 10,003 small rows per slice reach the driver, where each slice's cells fold into its
 * {@link MembershipCounts} histogram. The slices are the whole data set and every value of every
 * sensitive attribute (privacy risk by group): each row is exploded into one copy per slice ({@code
 * explode} of an array of (attribute, value) structs) before the grouped aggregation, so the
 * by-group metrics come from the same job. AUC and advantage are exact for signals with at most
 * {@value #DECIMALS} decimals (deciles, rounded probabilities); otherwise signals within the same
 * 1e-4 step count as ties, which moves the AUC by at most the share of member/non-member pairs
 * inside one step.
 */
public final class MembershipAnalysis {

  /** Decimals the signal is rounded to. */
  public static final int DECIMALS = 4;

  private static final double OUT_OF_RANGE = -1.0;
  private static final double NO_SCORE = -2.0;

  /** The slice attribute of the whole data set (no column name holds a NUL). */
  private static final String DATA_SET = "\u0000";

  private static final String ATTRIBUTE = "__assay_membership_attribute";
  private static final String VALUE = "__assay_membership_value";
  private static final String SIGNAL = "__assay_membership_signal";

  private MembershipAnalysis() {}

  /**
   * Runs the attack on the whole data set (see {@link #run(Dataset, MembershipColumns, String)}).
   */
  public static List<MetricResult> run(
      Dataset<Row> data, BinaryColumn member, BinaryColumn label, String score, String source) {
    return run(data, new MembershipColumns(member, label, score), source);
  }

  /**
   * Runs the attack on the whole data set and on each group of each attribute in {@code sensitive}.
   */
  public static List<MetricResult> run(
      Dataset<Row> data,
      BinaryColumn member,
      BinaryColumn label,
      String score,
      List<String> sensitive,
      String source) {
    return run(data, new MembershipColumns(member, label, score, sensitive), source);
  }

  /**
   * Runs the attack on the whole data set and on each group of each of {@code columns.slices()}
   * (groups are their values cast to string; a null value is the group {@code null}).
   *
   * @param source the data's location, for messages
   */
  public static List<MetricResult> run(
      Dataset<Row> data, MembershipColumns columns, String source) {
    List<AggregateState<?>> states =
        new ArrayList<>(List.of(MembershipTally.of(columns.member()), columns.member()));
    if (columns.label() != null) {
      states.add(columns.label());
    }
    List<GroupedStates> cells =
        SinglePassRunner.run(
            sliced(data, columns),
            List.of(new Grouping("membership", List.of(ATTRIBUTE, VALUE, SIGNAL))),
            states,
            Long.MAX_VALUE);
    Slices slices = Slices.fold(cells, columns, source);
    columns.member().check(slices.memberValues(), data);
    if (columns.label() != null) {
      columns.label().check(slices.labelValues(), data);
    }
    return slices.metrics();
  }

  /**
   * The data with the cell key of each row: its slice (attribute, value) — one copy per slice — and
   * its signal rounded to {@value #DECIMALS} decimals, {@code NO_SCORE} without a finite score and
   * {@code OUT_OF_RANGE} outside [0, 1].
   */
  private static Dataset<Row> sliced(Dataset<Row> data, MembershipColumns columns) {
    Column p = columns.probability();
    Column signal =
        functions
            .when(p.isNull(), functions.lit(NO_SCORE))
            .when(p.between(0.0, 1.0), functions.round(columns.confidence(), DECIMALS))
            .otherwise(functions.lit(OUT_OF_RANGE));
    List<Column> slices = new ArrayList<>();
    slices.add(slice(functions.lit(DATA_SET), functions.lit(DATA_SET)));
    for (String attribute : columns.slices()) {
      slices.add(
          slice(
              functions.lit(attribute),
              functions.coalesce(Columns.named(attribute).cast("string"), functions.lit("null"))));
    }
    String slice = "__assay_membership_slice";
    Dataset<Row> keyed =
        columns.slices().isEmpty()
            ? data.withColumn(slice, slices.get(0))
            : data.withColumn(
                slice, functions.explode(functions.array(slices.toArray(new Column[0]))));
    return keyed
        .withColumn(ATTRIBUTE, Columns.named(slice).getField("a"))
        .withColumn(VALUE, Columns.named(slice).getField("v"))
        .withColumn(SIGNAL, signal);
  }

  private static Column slice(Column attribute, Column value) {
    return functions.struct(attribute.as("a"), value.as("v"));
  }

  /**
   * The cells folded per slice: the data set's histogram and checks, and each group's histogram.
   *
   * @param nullScores rows of the data set without a finite score
   */
  private record Slices(
      MembershipCounts dataSet,
      Map<String, Map<String, MembershipCounts>> byGroup,
      BinaryColumn.Values memberValues,
      BinaryColumn.Values labelValues,
      long nullScores) {

    static Slices fold(List<GroupedStates> cells, MembershipColumns columns, String source) {
      List<MembershipCounts> dataSet = new ArrayList<>();
      Map<String, Map<String, List<MembershipCounts>>> groups = new TreeMap<>();
      columns.slices().forEach(a -> groups.put(a, new TreeMap<>()));
      BinaryColumn.Values memberValues = new BinaryColumn.Values(0, 0, null, null);
      BinaryColumn.Values labelValues = new BinaryColumn.Values(0, 0, null, null);
      long nullScores = 0;
      for (GroupedStates cell : cells) {
        String attribute = cell.key().get(0);
        double signal = Double.parseDouble(cell.key().get(2));
        MembershipTally tally = cell.state(0);
        if (!attribute.equals(DATA_SET)) {
          if (signal >= 0) {
            groups
                .get(attribute)
                .computeIfAbsent(cell.key().get(1), v -> new ArrayList<>())
                .add(MembershipCounts.at(signal, tally.members(), tally.nonMembers()));
          }
          continue;
        }
        memberValues = columns.member().merge(memberValues, cell.state(1));
        if (columns.label() != null) {
          labelValues = columns.label().merge(labelValues, cell.state(2));
        }
        if (signal == NO_SCORE) {
          nullScores += tally.rows();
        } else if (signal == OUT_OF_RANGE) {
          throw new BadInputException(
              source
                  + ": score column '"
                  + columns.score()
                  + "' has "
                  + tally.rows()
                  + " values outside [0, 1]; the membership attack reads the score as"
                  + " the probability of the positive class. Give a probability column as"
                  + " columns.score, or remove columns.member.");
        } else {
          dataSet.add(MembershipCounts.at(signal, tally.members(), tally.nonMembers()));
        }
      }
      Map<String, Map<String, MembershipCounts>> byGroup = new TreeMap<>();
      groups.forEach(
          (attribute, values) -> {
            Map<String, MembershipCounts> summed = new TreeMap<>();
            values.forEach((value, parts) -> summed.put(value, MembershipCounts.sum(parts)));
            byGroup.put(attribute, summed);
          });
      return new Slices(
          MembershipCounts.sum(dataSet), byGroup, memberValues, labelValues, nullScores);
    }

    /** The four metrics of the data set, then of every group. */
    List<MetricResult> metrics() {
      String note =
          nullScores == 0
              ? null
              : nullScores + " rows without a score (null, NaN or ±Infinity) are left out";
      List<MetricResult> out = new ArrayList<>(metricsOf(dataSet, Scope.DATASET, note));
      byGroup.forEach(
          (attribute, groups) ->
              groups.forEach(
                  (group, counts) ->
                      out.addAll(metricsOf(counts, Scope.group(attribute, group), null))));
      return out;
    }
  }

  /** The four threshold-attack metrics of one histogram: a pure function of the state. */
  static List<MetricResult> metricsOf(MembershipCounts counts, Scope scope, String note) {
    long n = counts.members() + counts.nonMembers();
    List<MetricResult> out = new ArrayList<>();
    for (MembershipMetric m : MembershipMetric.values()) {
      MetricKey k = new MetricKey(PrivacyMetrics.require(m.id()), scope);
      double v = m.of(counts);
      out.add(
          Double.isNaN(v)
              ? new MetricResult.Undefined(
                  k,
                  n,
                  m.id()
                      + " is undefined: it needs both members ("
                      + counts.members()
                      + ") and non-members ("
                      + counts.nonMembers()
                      + ") with a score")
              : MetricResult.Computed.of(k, v, n, note));
    }
    return out;
  }
}
