package dev.assay.metrics.privacy;

import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.BinaryColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The threshold membership-inference attack ({@link MembershipMetric}) in one Spark job: rows are
 * grouped by their attack signal rounded to {@value #DECIMALS} decimals, counting members and
 * non-members, so at most 10,003 small rows per slice reach the driver. The slices are the whole
 * data set and every value of every sensitive attribute (privacy risk by group): each row is
 * exploded into one copy per slice ({@code explode} of an array of (attribute, value) structs)
 * before the same grouped aggregation, so the by-group metrics come from the same job. The
 * member and label checks ride in the same aggregation. AUC and advantage are exact for signals with at most {@value #DECIMALS}
 * decimals (deciles, rounded probabilities); otherwise signals within the same 1e-4 step count as
 * ties, which moves the AUC by at most the share of member/non-member pairs inside one step.
 */
public final class MembershipAnalysis {

  /** Decimals the signal is rounded to. */
  public static final int DECIMALS = 4;

  private static final double OUT_OF_RANGE = -1.0;

  private static final String SLICE = "__assay_membership_slice";

  private MembershipAnalysis() {
  }

  /**
   * Runs the attack.
   *
   * @param member the member flag (positive = in training)
   * @param label the label, or null (the signal is then max(p, 1 − p))
   * @param score the score column: the probability of the positive class, in [0, 1]
   * @param source the data's location, for messages
   */
  public static List<MetricResult> run(Dataset<Row> data, BinaryColumn member, BinaryColumn label,
                                       String score, String source) {
    return run(data, member, label, score, List.of(), source);
  }

  /**
   * Runs the attack on the whole data set and on each group of each attribute in
   * {@code sensitive}.
   *
   * @param sensitive the attributes to slice by (groups are their values cast to string; a null
   *     value is the group {@code null})
   */
  public static List<MetricResult> run(Dataset<Row> data, BinaryColumn member, BinaryColumn label,
                                       String score, List<String> sensitive, String source) {
    Column p = FiniteNumbers.of(Columns.named(score));
    Column signal = label == null ? functions.greatest(p, functions.lit(1.0).minus(p))
        : functions.when(label.isPositive(), p).otherwise(functions.lit(1.0).minus(p));
    Column key = functions.when(p.isNull(), functions.lit(null).cast("double"))
        .when(p.between(0.0, 1.0), functions.round(signal, DECIMALS))
        .otherwise(functions.lit(OUT_OF_RANGE));
    List<Column> aggs = new ArrayList<>();
    aggs.add(functions.count_if(member.isPositive()));
    aggs.add(functions.count_if(member.isPositive().equalTo(false)));
    aggs.addAll(member.aggregates());
    if (label != null) {
      aggs.addAll(label.aggregates());
    }
    List<Column> slices = new ArrayList<>();
    slices.add(functions.struct(functions.lit(null).cast("string").as("a"),
        functions.lit(null).cast("string").as("v")));
    for (String attribute : sensitive) {
      slices.add(functions.struct(functions.lit(attribute).as("a"),
          functions.coalesce(Columns.named(attribute).cast("string"), functions.lit("null")).as("v")));
    }
    Dataset<Row> sliced = sensitive.isEmpty() ? data.withColumn(SLICE, slices.get(0))
        : data.withColumn(SLICE, functions.explode(functions.array(slices.toArray(new Column[0]))));
    List<Row> rows = sliced.groupBy(Columns.named(SLICE).getField("a"), Columns.named(SLICE).getField("v"), key.as("signal"))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).collectAsList();

    MembershipCounts counts = MembershipCounts.empty();
    Map<String, Map<String, MembershipCounts>> byGroup = new TreeMap<>();
    sensitive.forEach(a -> byGroup.put(a, new TreeMap<>()));
    BinaryColumn.Values memberValues = new BinaryColumn.Values(0, 0, null, null);
    BinaryColumn.Values labelValues = new BinaryColumn.Values(0, 0, null, null);
    long nullScores = 0;
    for (Row r : rows) {
      if (!r.isNullAt(0)) {
        if (!r.isNullAt(2) && r.getDouble(2) != OUT_OF_RANGE) {
          byGroup.get(r.getString(0)).computeIfAbsent(r.getString(1), v -> MembershipCounts.empty())
              .add(r.getDouble(2), r.getLong(3), r.getLong(4));
        }
        continue;
      }
      memberValues = member.merge(memberValues, member.read(r, 5));
      if (label != null) {
        labelValues = label.merge(labelValues, label.read(r, 5 + member.aggregates().size()));
      }
      if (r.isNullAt(2)) {
        nullScores += r.getLong(3) + r.getLong(4);
      } else if (r.getDouble(2) == OUT_OF_RANGE) {
        throw new BadInputException(source + ": score column '" + score + "' has "
            + (r.getLong(3) + r.getLong(4)) + " values outside [0, 1]; the membership attack reads"
            + " the score as the probability of the positive class. Give a probability column as"
            + " columns.score, or remove columns.member.");
      } else {
        counts.add(r.getDouble(2), r.getLong(3), r.getLong(4));
      }
    }
    member.check(memberValues, data);
    if (label != null) {
      label.check(labelValues, data);
    }
    String note = nullScores == 0 ? null
        : nullScores + " rows without a score (null, NaN or ±Infinity) are left out";
    List<MetricResult> out = new ArrayList<>();
    add(out, counts, Scope.DATASET, note);
    byGroup.forEach((attribute, groups) -> groups.forEach((group, c) ->
        add(out, c, Scope.group(attribute, group), null)));
    return out;
  }

  private static void add(List<MetricResult> out, MembershipCounts counts, Scope scope, String note) {
    long n = counts.members() + counts.nonMembers();
    for (MembershipMetric m : MembershipMetric.values()) {
      MetricKey k = new MetricKey(PrivacyMetrics.require(m.id()), scope);
      double v = counts.value(m);
      out.add(Double.isNaN(v)
          ? new MetricResult.Undefined(k, n, m.id() + " is undefined: it needs both members ("
              + counts.members() + ") and non-members (" + counts.nonMembers() + ") with a score")
          : new MetricResult.Computed(k, v, n, null, null, null, note));
    }
  }
}
