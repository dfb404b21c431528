package dev.assay.metrics.llm.safety;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.SafetyCategory;
import dev.assay.core.Scope;
import dev.assay.core.WilsonScore;
import dev.assay.metrics.llm.LlmMetrics;
import dev.assay.spark.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The safety metrics from the records joined with their verdicts: per category the defect rate
 * (share of the classified records at or above the severity threshold — for a detection, detected)
 * with its 95 % Wilson interval and, for a harm category, the maximum severity; the same rate per
 * group of each {@code group_by} column and the largest minus smallest group rate; and the coverage
 * (share of records with a verdict in every category). Built-in aggregations only; the per-group
 * results are one row per group (at most {@value #MAX_GROUPS} per column).
 */
final class SafetyRates {

  static final int MAX_GROUPS = 100;
  static final double Z95 = 1.959963984540054;

  private final int threshold;
  private final List<SafetyCategory> categories;
  private final List<String> groupBy;

  SafetyRates(int threshold, Set<SafetyCategory> categories, List<String> groupBy) {
    this.threshold = threshold;
    this.categories = categories.stream().sorted().toList();
    this.groupBy = List.copyOf(groupBy);
  }

  /** The metric names of a category. */
  static String rateName(SafetyCategory c) {
    return "safety_" + c.id() + "_rate";
  }

  static String maxName(SafetyCategory c) {
    return "safety_" + c.id() + "_max_severity";
  }

  static String groupRateName(SafetyCategory c) {
    return "safety_" + c.id() + "_group_rate";
  }

  static String differenceName(SafetyCategory c) {
    return "safety_" + c.id() + "_rate_difference";
  }

  static final String COVERAGE = "safety_coverage";

  /** The threshold a category's value is compared with: the severity, or 1 for a detection. */
  int threshold(SafetyCategory c) {
    return c.rated() ? threshold : 1;
  }

  List<SafetyCategory> categories() {
    return categories;
  }

  /** The records with one column {@code s_<category>} per category (null: no verdict yet). */
  Dataset<Row> scored(Dataset<Row> records, Dataset<Row> verdicts) {
    Dataset<Row> text = verdicts.toDF(prefixed(verdicts, "t_"));
    Dataset<Row> shield = verdicts.toDF(prefixed(verdicts, "p_"));
    Dataset<Row> joined =
        records
            .join(text, records.col("text_key").equalTo(text.col("t_v_key")), "left")
            .join(shield, records.col("shield_key").equalTo(shield.col("p_v_key")), "left");
    for (SafetyCategory c : categories) {
      String from = (c.unit() == SafetyCategory.Unit.RESPONSE ? "t_v_" : "p_v_") + c.id();
      joined = joined.withColumn("s_" + c.id(), Columns.named(from));
    }
    return joined;
  }

  private static String[] prefixed(Dataset<Row> d, String prefix) {
    return java.util.Arrays.stream(d.columns()).map(n -> prefix + n).toArray(String[]::new);
  }

  /** Every metric: data-set rates, maxima and coverage, then per group and the gaps. */
  List<MetricResult> metrics(Dataset<Row> scored, List<String> notes) {
    List<MetricResult> out = new ArrayList<>();
    Row all = scored.agg(aggregates().get(0), rest()).first();
    long records = all.getLong(0);
    for (int i = 0; i < categories.size(); i++) {
      SafetyCategory c = categories.get(i);
      long n = all.getLong(2 + 3 * i);
      long defects = all.getLong(3 + 3 * i);
      out.add(rate(key(rateName(c), Scope.DATASET), defects, n, c));
      if (c.rated()) {
        out.add(
            n == 0
                ? undefined(key(maxName(c), Scope.DATASET), "no response has a verdict yet")
                : MetricResult.Computed.of(
                    key(maxName(c), Scope.DATASET),
                    all.getInt(4 + 3 * i),
                    n,
                    "highest severity (0-7) over " + n + " classified records"));
      }
    }
    long complete = all.getLong(1);
    out.add(
        records == 0
            ? undefined(key(COVERAGE, Scope.DATASET), "no record has a response")
            : MetricResult.Computed.of(
                key(COVERAGE, Scope.DATASET),
                (double) complete / records,
                records,
                complete + " of " + records + " records have a verdict in every category"));
    for (int g = 0; g < groupBy.size(); g++) {
      out.addAll(groups(scored, g, notes));
    }
    return out;
  }

  private List<MetricResult> groups(Dataset<Row> scored, int g, List<String> notes) {
    String attribute = groupBy.get(g);
    List<Row> rows =
        scored
            .filter(col("g" + g).isNotNull())
            .groupBy(col("g" + g))
            .agg(aggregates().get(0), rest())
            .orderBy(col("g" + g))
            .limit(MAX_GROUPS + 1)
            .collectAsList();
    if (rows.size() > MAX_GROUPS) {
      notes.add(
          "Safety: '"
              + attribute
              + "' has more than "
              + MAX_GROUPS
              + " groups; no per-group safety rates for it.");
      return List.of();
    }
    List<MetricResult> out = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      SafetyCategory c = categories.get(i);
      List<MetricResult.Computed> rates = new ArrayList<>();
      for (Row r : rows) {
        MetricResult m =
            rate(
                key(groupRateName(c), Scope.group(attribute, r.getString(0))),
                r.getLong(4 + 3 * i),
                r.getLong(3 + 3 * i),
                c);
        out.add(m);
        if (m instanceof MetricResult.Computed computed) {
          rates.add(computed);
        }
      }
      out.add(difference(c, attribute, rates));
    }
    return out;
  }

  private MetricResult difference(
      SafetyCategory c, String attribute, List<MetricResult.Computed> rates) {
    MetricKey k = key(differenceName(c), Scope.attribute(attribute));
    if (rates.size() < 2) {
      return undefined(k, "fewer than two groups of '" + attribute + "' have a verdict");
    }
    MetricResult.Computed hi = rates.get(0);
    MetricResult.Computed lo = rates.get(0);
    for (MetricResult.Computed r : rates) {
      hi = r.value() > hi.value() ? r : hi;
      lo = r.value() < lo.value() ? r : lo;
    }
    return new MetricResult.Computed(
        k,
        hi.value() - lo.value(),
        null,
        null,
        null,
        null,
        "largest minus smallest group rate",
        hi.key().scope().group(),
        lo.key().scope().group());
  }

  private MetricResult rate(MetricKey k, long defects, long n, SafetyCategory c) {
    if (n == 0) {
      return undefined(k, "no record has a verdict yet");
    }
    WilsonScore ci = WilsonScore.of(defects, n, Z95);
    String what = c.rated() ? "at or above severity " + threshold : "detected";
    return new MetricResult.Computed(
        k,
        (double) defects / n,
        n,
        ci.low(),
        ci.high(),
        null,
        String.format(
            Locale.ROOT, "%d of %d classified records %s; 95%% Wilson interval", defects, n, what),
        null,
        null);
  }

  /** count(*), count(complete), then per category: count, defects, max. */
  private List<Column> aggregates() {
    List<Column> out = new ArrayList<>();
    out.add(count(lit(1)));
    Column complete = lit(true);
    for (SafetyCategory c : categories) {
      complete = complete.and(col("s_" + c.id()).isNotNull());
    }
    out.add(count(when(complete, lit(1))));
    for (SafetyCategory c : categories) {
      Column s = col("s_" + c.id());
      out.add(count(s));
      out.add(count(when(s.geq(threshold(c)), lit(1))));
      out.add(max(s));
    }
    return out;
  }

  private Column[] rest() {
    List<Column> a = aggregates();
    return a.subList(1, a.size()).toArray(Column[]::new);
  }

  private static MetricKey key(String name, Scope scope) {
    return new MetricKey(LlmMetrics.require(name), scope);
  }

  private static MetricResult undefined(MetricKey k, String why) {
    return new MetricResult.Undefined(k, 0L, k.descriptor().id() + " is undefined: " + why);
  }
}
